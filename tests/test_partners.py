"""Partners en rollen: each core partner's roles, a side-by-side comparison
of what each may do online, and the other partners."""
from __future__ import annotations

from playwright.sync_api import expect

from support.project import ROOT
from support.content_faults import content_fault
from support.html import find, page as html_page, text
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


def comparison_row(site_dir, subject: str):
    """The comparison table's row whose header is `subject`."""
    page = html_page(site_dir, "partners.html")
    (table,) = [t for t in find(page, "//table") if text(t.find("caption")) == CAPTION]
    (row,) = [tr for tr in find(table, "//tbody/tr") if text(tr.find("th")) == subject]
    return row


def cell(row, partner: str):
    (td,) = find(row, f"//td[@data-partner='{partner}']")
    return td


def test_the_comparison_puts_the_three_partners_side_by_side(site_dir):
    page = html_page(site_dir, "partners.html")
    (table,) = [t for t in find(page, "//table") if text(t.find("caption")) == CAPTION]
    headers = [text(th) for th in find(table, "//thead//th")]
    assert headers == ["Wat", "Jongerenwerk", "Politie", "Gemeente OOV"]
    rows = find(table, "//tbody/tr")
    assert len(rows) == len(PARTNERS.vergelijking.rijen)
    for row, rij in zip(rows, PARTNERS.vergelijking.rijen):
        assert [text(th) for th in find(row, "//th")] == [rij.onderwerp]
        assert len(find(row, "//td")) == 3


def test_closed_messages_a_youth_worker_sees_as_follower_and_the_police_order_in_law(site_dir):
    row = comparison_row(site_dir, "Besloten berichten")
    politie = cell(row, "politie")
    assert "Onder voorwaarde" in text(politie)
    assert "bevel van de officier van justitie" in text(politie)
    assert "mag de politie wel ontvangen" in text(politie)
    law = [a.get("href") for a in find(politie, "//a")
           if "Wetboek van Strafvordering, artikel 126j" in text(a)]
    assert law == ["https://wetten.overheid.nl/BWBR0001903/"]
    assert "opsporingsbevel" not in text(politie)
    # Five of the eight examples are closed messages a youth worker sees as a follower.
    assert "Als volger zie je ook besloten berichten" in text(cell(row, "jongerenwerk"))
    assert "Mag niet" not in text(cell(row, "jongerenwerk"))


def test_the_comparison_is_marked_as_an_added_summary_not_legal_advice_with_its_sources(page, site_url):
    page.goto(f"{site_url}partners.html")
    section = page.locator("section.rk-comparison")
    expect(section).to_have_attribute("data-origin", "toegevoegd")
    expect(section.locator(".rk-origin").first).to_have_text("Toegevoegd in de digitale versie")
    expect(section).to_contain_text("geen juridisch advies")
    for bron in ("zeven-stappenmodel", "bzk-handreiking-online-onderzoek", "ccv-privacy-jeugdgroepen"):
        expect(section.locator(f'a[href="{CONTENT.bron(bron).url}"]').first).to_be_visible()


def test_sharing_personal_data_needs_necessity_and_a_legal_ground_for_every_partner(site_dir):
    row = comparison_row(site_dir, "Persoonsgegevens delen met een partner")
    for partner in ("jongerenwerk", "politie", "gemeente"):
        assert "nodig is én als er een grondslag voor is" in text(cell(row, partner))
        assert "convenant of toestemming" in text(cell(row, partner))


def test_the_other_partners_are_named_and_explained(site_dir):
    (section,) = find(html_page(site_dir, "partners.html"), "//section[h2[@id='andere-partners']]")
    names = [text(dt) for dt in find(section, "//dt")]
    assert names == ["Handhavers", "Scholen", "Hulpverleners", "Openbaar Ministerie (OM)"]
    for dd in find(section, "//dd"):
        assert len(text(dd).split()) >= 10


def test_on_a_narrow_phone_the_table_scrolls_in_its_own_box(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{site_url}partners.html")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    wrap = page.get_by_role("region", name=CAPTION)
    wrap.focus()
    expect(wrap).to_be_focused()


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
