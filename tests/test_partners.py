"""Partners en rollen: each core partner's roles, a side-by-side table of
what the routekaart itself says about each with the frameworks that govern
them, and the other partners."""
from __future__ import annotations

from playwright.sync_api import expect

from support.project import ROOT
from support.content_faults import content_fault
from support.html import find, page as html_page, text
from support.words import PAGES
from macros.content import load_content

CONTENT = load_content(ROOT / "content")
PARTNERS = CONTENT.partners
CAPTION = PARTNERS.vergelijking.titel


def squash(text):
    return " ".join(text.replace("*", "").split())


def test_each_core_partner_shows_its_general_and_online_role(page, site_url):
    page.goto(f"{site_url}partners.html")
    for partner in PARTNERS.partners:
        section = page.locator(f"section:has(> h2#{partner.id})")
        expect(section.get_by_role("heading", name=PAGES["partners_role"])).to_be_visible()
        expect(section.get_by_role("heading", name=PAGES["partners_online"])).to_be_visible()
        text = squash(section.inner_text())
        for paragraph in partner.rol_algemeen + partner.toepassing_online:
            plain = squash(paragraph.split("](")[0].split("[")[0])
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
    for row, content_row in zip(rows, PARTNERS.vergelijking.rijen):
        assert [text(th) for th in find(row, "//th")] == [content_row.onderwerp]
        assert len(find(row, "//td")) == 3


def test_closed_sources_quote_the_police_order_and_say_nothing_for_the_others(site_dir):
    # Issue 23: no verdicts ("Mag", "Mag niet", "Onder voorwaarde") of our own.
    row = comparison_row(site_dir, "Besloten bronnen")
    politie = cell(row, "politie")
    (quote,) = find(politie, "//q")
    assert text(quote).startswith("Alleen bij een opsporingsbevel van het Openbaar Ministerie")
    for partner in ("jongerenwerk", "gemeente"):
        assert text(cell(row, partner)) == PARTNERS.vergelijking.geen_citaat
    for verdict in ("Mag", "Onder voorwaarde", "✓", "✗"):
        assert verdict not in text(row)


def test_the_comparison_is_marked_as_an_addition_with_the_frameworks_to_read(page, site_url):
    page.goto(f"{site_url}partners.html")
    section = page.locator("section.rk-comparison")
    expect(section).to_have_attribute("data-origin", "toegevoegd")
    expect(section.locator(".rk-origin").first).to_have_text(PAGES["origin_label"])
    expect(section).to_contain_text("De tabel zegt niet wat de wet toestaat.")
    for source in ("wet-politiegegevens", "bzk-handreiking-online-onderzoek", "ccv-privacy-jeugdgroepen"):
        expect(section.locator(f'a[href="{CONTENT.bron(source).url}"]').first).to_be_visible()


def test_where_sharing_or_looking_is_in_doubt_the_table_sends_the_reader_to_the_fg(site_dir):
    (section,) = find(html_page(site_dir, "partners.html"), "//section[contains(@class, 'rk-comparison')]")
    assert "Twijfel je of je iets mag bekijken of delen? Vraag het dan de FG van je organisatie." in text(section)


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
        tmp_path, "partners.yml", "        gemeente: {}\n    - onderwerp: Partners betrekken",
        "    - onderwerp: Partners betrekken")
    assert message.startswith("content/partners.yml:"), message
    assert "vergelijking.rijen[2].cellen: no cell for partner 'gemeente'" in message


def test_a_comparison_cell_for_an_unknown_partner_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "partners.yml", "        jongerenwerk: {}\n",
                                  "        jongerenwerk: {}\n        school: {}\n")
    assert message.startswith(f"content/partners.yml:{line + 1}: vergelijking.rijen[2].cellen.school"), message
    assert "unknown partner 'school'" in message


def test_a_verdict_in_a_cell_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "partners.yml", "        jongerenwerk: {}\n",
                                  "        jongerenwerk:\n          mag: nee\n")
    assert message.startswith(f"content/partners.yml:{line + 1}: vergelijking.rijen[2].cellen.jongerenwerk.mag"), message


def test_a_framework_that_is_not_a_known_source_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "partners.yml", "    gemeente: [bzk-handreiking-online-onderzoek]",
                                  "    gemeente: [bzk]")
    assert message.startswith(f"content/partners.yml:{line}: vergelijking.kaders.gemeente[0]"), message
    assert "unknown source 'bzk'" in message
