"""Partners en rollen: each core partner's roles, a side-by-side comparison
of what each may do online, and the other partners."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import ROOT, WIDTHS, axe_violations
from helpers_content import content_fault
from macros.content import load_content

CONTENT = load_content(ROOT / "content")
PARTNERS = CONTENT.partners
CAPTION = "Jongerenwerk, Politie, Gemeente OOV: wat mag en wat mag niet online"


def squash(text):
    return " ".join(text.replace("*", "").split())


def test_each_core_partner_shows_its_general_and_online_role(page, site_url):
    page.goto(f"{site_url}partners.html")
    for partner in PARTNERS.partners:
        section = page.locator(f"section:has(> h2#{partner.id})")
        expect(section.get_by_role("heading", name="Rol algemeen")).to_be_visible()
        expect(section.get_by_role("heading", name="Toepassing online")).to_be_visible()
        text = squash(section.inner_text())
        for alinea in partner.rol_algemeen + partner.toepassing_online:
            plain = squash(alinea.split("](")[0].split("[")[0])
            assert plain[:60] in text, (partner.id, plain[:60])


def test_the_comparison_puts_the_three_partners_side_by_side(page, site_url):
    page.goto(f"{site_url}partners.html")
    table = page.get_by_role("table", name=CAPTION)
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["Wat", "Jongerenwerk", "Politie", "Gemeente OOV"]
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(PARTNERS.vergelijking.rijen))
    for row, rij in zip(rows.all(), PARTNERS.vergelijking.rijen):
        expect(row.locator("th")).to_have_text(rij.onderwerp)
        expect(row.locator("td")).to_have_count(3)


def test_closed_messages_a_youth_worker_sees_as_follower_and_the_police_order_in_law(page, site_url):
    page.goto(f"{site_url}partners.html")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Besloten berichten"))
    politie = row.locator('td[data-partner="politie"]')
    expect(politie).to_contain_text("Onder voorwaarde")
    expect(politie).to_contain_text("bevel van de officier van justitie")
    expect(politie).to_contain_text("mag de politie wel ontvangen")
    expect(politie.get_by_role("link", name="Wetboek van Strafvordering, artikel 126j")).to_have_attribute(
        "href", "https://wetten.overheid.nl/BWBR0001903/")
    expect(politie).not_to_contain_text("opsporingsbevel")
    # Five of the eight examples are closed messages a youth worker sees as a follower.
    expect(row.locator('td[data-partner="jongerenwerk"]')).to_contain_text("Als volger zie je ook besloten berichten")
    expect(row.locator('td[data-partner="jongerenwerk"]')).not_to_contain_text("Mag niet")


def test_the_comparison_is_marked_as_an_added_summary_not_legal_advice_with_its_sources(page, site_url):
    page.goto(f"{site_url}partners.html")
    section = page.locator("section.rk-vergelijking")
    expect(section).to_have_attribute("data-herkomst", "toegevoegd")
    expect(section.locator(".rk-herkomst").first).to_have_text("Toegevoegd in de digitale versie")
    expect(section).to_contain_text("geen juridisch advies")
    for bron in ("zeven-stappenmodel", "bzk-handreiking-online-onderzoek", "ccv-privacy-jeugdgroepen"):
        expect(section.locator(f'a[href="{CONTENT.bron(bron).url}"]').first).to_be_visible()


def test_sharing_personal_data_needs_necessity_and_a_legal_ground_for_every_partner(page, site_url):
    page.goto(f"{site_url}partners.html")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Persoonsgegevens delen met een partner"))
    for partner in ("jongerenwerk", "politie", "gemeente"):
        cell = row.locator(f'td[data-partner="{partner}"]')
        expect(cell).to_contain_text("nodig is én als er een grondslag voor is")
        expect(cell).to_contain_text("convenant of toestemming")


def test_the_other_partners_are_named_and_explained(page, site_url):
    page.goto(f"{site_url}partners.html")
    section = page.locator("section:has(> h2#andere-partners)")
    names = section.locator("dt").all_inner_texts()
    assert names == ["Handhavers", "Scholen", "Hulpverleners", "Openbaar Ministerie (OM)"]
    for dd in section.locator("dd").all():
        assert len(dd.inner_text().split()) >= 10


def test_on_a_narrow_phone_the_table_scrolls_in_its_own_box(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{site_url}partners.html")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    wrap = page.get_by_role("region", name=CAPTION)
    wrap.focus()
    expect(wrap).to_be_focused()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_partners_page_has_no_axe_violations(page, site_url, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(f"{site_url}partners.html")
    assert axe_violations(page) == []


def test_a_comparison_row_without_a_partner_is_refused(tmp_path):
    message, line = content_fault(
        tmp_path, "partners.yml",
        "        politie:\n          mag: ja\n          tekst: In publiek toegankelijke bronnen.\n", "")
    assert message.startswith("content/partners.yml:"), message
    assert "vergelijking.rijen[2].cellen: no cell for partner 'politie'" in message


def test_a_comparison_cell_for_an_unknown_partner_is_refused(tmp_path):
    message, line = content_fault(
        tmp_path, "partners.yml", "          tekst: In publiek toegankelijke bronnen.\n",
        "          tekst: In publiek toegankelijke bronnen.\n        school:\n          mag: ja\n          tekst: x\n")
    assert message.startswith(f"content/partners.yml:{line + 1}: vergelijking.rijen[2].cellen.school"), message
    assert "unknown partner 'school'" in message


def test_an_unknown_verdict_is_refused(tmp_path):
    message, line = content_fault(
        tmp_path, "partners.yml",
        "          mag: voorwaarde\n          tekst: >-\n            Stelselmatig",
        "          mag: misschien\n          tekst: >-\n            Stelselmatig")
    assert message.startswith(f"content/partners.yml:{line}: vergelijking.rijen[3].cellen.politie.mag"), message
