"""The afsprakenkaart: making agreements in five steps, and the card as a form
that is kept on this device, emptied after a confirmation, carried to another
device as a file, and printed on one A4 landscape page."""
from __future__ import annotations

import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from support.project import ROOT
from macros.content import load_content

from support.html import find, page as html_page, text, with_class
from support.words import SITE, page_text, theme_label

CONTENT = load_content(ROOT / "content")
CARD = CONTENT.afspraken.afsprakenkaart
W = CONTENT.teksten.blok("afsprakenkaart")  # the card's words
PARTNERS = {pid: CONTENT.partner(pid).naam for pid in CARD.partners}
STORAGE_KEY = "routekaart:afsprakenkaart"

# A4 in PostScript points.
A4_LANG, A4_SHORT = 841.89, 595.28


def open_card(page, site_url):
    page.goto(f"{site_url}afsprakenkaart.html")
    expect(page.locator("#card-actions")).to_be_visible()  # the script has set up the form


def field_name(page, question_id: str, partner: str):
    return page.locator(f"#answer-{question_id}-{partner}")


def saved(page):
    raw = page.evaluate(f"localStorage.getItem({STORAGE_KEY!r})")
    return None if raw is None else json.loads(raw)


def pdf_of(page) -> PdfReader:
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, format="A4")))


def words(text: str) -> str:
    return " ".join(text.split())


# --- Afspraken maken ------------------------------------------------------

def test_afspraken_shows_five_steps_and_the_gemeente_leads_steps_4_and_5(site_dir):
    steps = find(html_page(site_dir, "afspraken.html"), f"//{with_class('rk-agreements-steps', 'ol')}/li")
    assert len(steps) == 5
    for i, step in enumerate(steps):
        lead = [text(t) for t in find(step, f"//{with_class('rk-leader')}")]
        assert lead == ([page_text("agreements_leader", partner=PARTNERS["gemeente"])] if i + 1 in (4, 5) else [])
    assert "De gemeente kan hierin het voortouw nemen." in text(steps[3])


def test_afspraken_shows_the_three_basisafspraken(site_dir):
    headers = find(html_page(site_dir, "afspraken.html"), "//h2[@id='basisafspraken']/following-sibling::h3")
    assert [text(h) for h in headers] == ["Onderlinge communicatie", "Transparantie richting jongeren",
                                         "Samen content brengen"]


# --- The form -------------------------------------------------------------

def test_every_cell_is_a_text_field_named_by_its_question_and_partner(page, site_url):
    open_card(page, site_url)
    for question in CARD.vragen:
        for file_name in PARTNERS.values():
            expect(page.get_by_role("textbox", name=f"{question.tekst} {file_name}", exact=True)).to_have_count(1)
    expect(page.locator("textarea")).to_have_count(len(CARD.vragen) * len(PARTNERS))
    expect(page.get_by_label(W["field_region_or_municipality"])).to_be_editable()
    expect(page.get_by_label(W["field_date"])).to_be_editable()


def test_what_you_type_survives_a_reload(page, site_url):
    open_card(page, site_url)
    page.get_by_label(W["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    field_name(page, "ingrijpen", "politie").press_sequentially("Bij een dreiging met een wapen.")
    field_name(page, "betrekken", "jongerenwerk").fill("Als een jongere \u201cgevaar\u201d <loopt> & meer")
    page.reload()
    expect(page.locator("#card-actions")).to_be_visible()
    expect(field_name(page, "ingrijpen", "politie")).to_have_value("Bij een dreiging met een wapen.")
    expect(field_name(page, "betrekken", "jongerenwerk")).to_have_value("Als een jongere \u201cgevaar\u201d <loopt> & meer")
    expect(page.get_by_label(W["field_region_or_municipality"])).to_have_value("Gemeente Zuidhaven")
    assert saved(page)["antwoorden"]["ingrijpen"] == {"politie": "Bij een dreiging met een wapen."}


def test_the_card_works_with_the_keyboard_only(page, site_url):
    open_card(page, site_url)
    page.get_by_label(W["field_region_or_municipality"]).focus()
    for _ in range(6):  # past the date field's parts
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "TEXTAREA":
            break
    page.keyboard.type("Eerste antwoord")
    expect(field_name(page, CARD.vragen[0].id, CARD.partners[0])).to_have_value("Eerste antwoord")
    page.keyboard.press("Tab")
    page.keyboard.type("Tweede")
    expect(field_name(page, CARD.vragen[0].id, CARD.partners[1])).to_have_value("Tweede")


def test_leegmaken_asks_first_and_nee_keeps_the_card(page, site_url):
    open_card(page, site_url)
    field_name(page, "ingrijpen", "gemeente").fill("Bij een oproep tot rellen.")
    page.get_by_role("button", name=W["clear_button"]).click()
    dialog = page.get_by_role("dialog", name=W["confirm_title"])
    expect(dialog).to_be_visible()
    expect(page.get_by_role("button", name=W["confirm_no"])).to_be_focused()
    page.get_by_role("button", name=W["confirm_no"]).click()
    expect(dialog).to_be_hidden()
    expect(field_name(page, "ingrijpen", "gemeente")).to_have_value("Bij een oproep tot rellen.")
    assert saved(page) is not None


def test_leegmaken_with_ja_empties_the_card_here_and_after_a_reload(page, site_url):
    open_card(page, site_url)
    field_name(page, "ingrijpen", "gemeente").fill("Bij een oproep tot rellen.")
    page.get_by_label(W["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    page.get_by_role("button", name=W["clear_button"]).click()
    page.get_by_role("button", name=W["clear_yes"]).click()
    expect(page.get_by_role("status")).to_have_text(W["cleared"])
    expect(field_name(page, "ingrijpen", "gemeente")).to_have_value("")
    assert saved(page) is None
    page.reload()
    expect(field_name(page, "ingrijpen", "gemeente")).to_have_value("")
    expect(page.get_by_label(W["field_region_or_municipality"])).to_have_value("")


def test_escape_closes_the_confirmation_without_emptying(page, site_url):
    open_card(page, site_url)
    field_name(page, "betrekken", "politie").fill("Bij een filmpje van een vechtpartij.")
    page.get_by_role("button", name=W["clear_button"]).click()
    page.keyboard.press("Escape")
    expect(page.locator("#card-confirm")).to_be_hidden()
    expect(field_name(page, "betrekken", "politie")).to_have_value("Bij een filmpje van een vechtpartij.")
    expect(page.get_by_role("button", name=W["clear_button"])).to_be_focused()


def test_a_damaged_saved_card_is_reported_and_kept_aside(page, site_url):
    page.goto(f"{site_url}afsprakenkaart.html")
    page.evaluate(f"localStorage.setItem({STORAGE_KEY!r}, '{{\"soort\": \"routekaart-afsprak')")
    page.reload()
    notice = page.locator("#card-load-notice")
    expect(notice).to_be_visible()
    before_reason, after_reason = W["stored_damaged"].split("{error}")
    expect(notice).to_contain_text(before_reason)
    expect(notice).to_contain_text(after_reason)
    assert page.evaluate(f"localStorage.getItem({STORAGE_KEY + ':beschadigd'!r})") == '{"soort": "routekaart-afsprak'
    field_name(page, "betrekken", "politie").fill("Nieuw begin")
    assert saved(page)["antwoorden"] == {"betrekken": {"politie": "Nieuw begin"}}


def test_without_javascript_the_card_is_still_a_form_to_fill_and_print(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}afsprakenkaart.html")
    expect(page.locator("textarea")).to_have_count(12)
    expect(page.get_by_role("button", name=W["export_button"])).to_be_hidden()
    context.close()


# --- Export and import ----------------------------------------------------

def export_card(page) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=W["export_button"]).click()
    download = info.value
    return download.suggested_filename, download.path().read_bytes()


def import_card(page, data: bytes, file_name="afsprakenkaart.json"):
    page.set_input_files("#card-import", files=[{"name": file_name, "mimeType": "application/json", "buffer": data}])


def test_export_wipe_and_import_bring_the_card_back(page, site_url):
    open_card(page, site_url)
    page.get_by_label(W["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    page.get_by_label(W["field_date"]).fill("2026-11-28")
    texts = {(v.id, p): f"Afspraak {i}-{j}: \u00e9\u00e9n \u201cregel\u201d\nen nog een" for i, v in enumerate(CARD.vragen)
               for j, p in enumerate(CARD.partners)}
    for (question, partner), cell_text in texts.items():
        field_name(page, question, partner).fill(cell_text)
    file_name, data = export_card(page)
    assert file_name.startswith("afsprakenkaart-gemeente-zuidhaven-") and file_name.endswith(".json")
    card = json.loads(data)
    assert card["soort"] == "routekaart-afsprakenkaart" and card["regio"] == "Gemeente Zuidhaven"
    assert card["antwoorden"]["ingrijpen"]["politie"] == texts[("ingrijpen", "politie")]

    page.get_by_role("button", name=W["clear_button"]).click()
    page.get_by_role("button", name=W["clear_yes"]).click()
    expect(field_name(page, "ingrijpen", "politie")).to_have_value("")

    import_card(page, data, file_name)
    expect(page.get_by_role("status")).to_contain_text(W["opened"].format(file=file_name))
    for (question, partner), cell_text in texts.items():
        expect(field_name(page, question, partner)).to_have_value(cell_text)
    expect(page.get_by_label(W["field_date"])).to_have_value("2026-11-28")
    page.reload()
    expect(field_name(page, "anderen-ingrijpen", "gemeente")).to_have_value(texts[("anderen-ingrijpen", "gemeente")])


def test_importing_over_a_filled_card_asks_first(page, site_url):
    open_card(page, site_url)
    field_name(page, "betrekken", "politie").fill("Mijn eigen tekst")
    file_data = json.dumps({"soort": "routekaart-afsprakenkaart", "versie": 1,
                          "antwoorden": {"ingrijpen": {"jongerenwerk": "Uit het bestand"}}}).encode()
    import_card(page, file_data)
    page.get_by_role("button", name=W["confirm_no"]).click()
    expect(field_name(page, "betrekken", "politie")).to_have_value("Mijn eigen tekst")
    expect(field_name(page, "ingrijpen", "jongerenwerk")).to_have_value("")
    import_card(page, file_data)
    page.get_by_role("button", name=W["replace_yes"]).click()
    expect(field_name(page, "betrekken", "politie")).to_have_value("")
    expect(field_name(page, "ingrijpen", "jongerenwerk")).to_have_value("Uit het bestand")


VALID = {"soort": "routekaart-afsprakenkaart", "versie": 1, "regio": "", "datum": "",
        "antwoorden": {"betrekken": {"politie": "x"}}}


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "het is geen afsprakenkaart (het bestand is beschadigd"),
    (b'{"soort": "routekaart-afsprakenkaart", "versie": 1, "antw', "het bestand is beschadigd"),
    (json.dumps({"naam": "boodschappen", "items": ["melk"]}).encode(), "het is geen afsprakenkaart van de routekaart"),
    (json.dumps([1, 2, 3]).encode(), "er staat geen afsprakenkaart in"),
    (json.dumps({**VALID, "versie": 7}).encode(), "nieuwere versie van de routekaart"),
    (json.dumps({**VALID, "antwoorden": {"sexting": {"politie": "x"}}}).encode(), "onbekende vraag (\u201csexting\u201d)"),
    (json.dumps({**VALID, "antwoorden": {"betrekken": {"school": "x"}}}).encode(), "onbekende partner (\u201cschool\u201d)"),
    (json.dumps({**VALID, "antwoorden": {"betrekken": {"politie": 42}}}).encode(), "is geen tekst"),
    (json.dumps({**VALID, "datum": "28-11-2026"}).encode(), "de datum is geen geldige datum"),
], ids=["binary", "truncated", "foreign-json", "json-list", "newer-version", "unknown-question",
        "unknown-partner", "not-text", "bad-date"])
def test_a_damaged_or_foreign_file_is_refused_and_the_card_kept(page, site_url, data, reason):
    open_card(page, site_url)
    field_name(page, "betrekken", "politie").fill("Mijn eigen tekst")
    before = saved(page)
    import_card(page, data, "kaart.json")
    notice = page.locator("#card-action-notice")
    expect(notice).to_be_visible()
    expect(notice).to_have_attribute("role", "alert")
    before_reason, after_reason = W["file_refused"].format(file="kaart.json", error="\0").split("\0")
    expect(notice).to_contain_text(before_reason)
    expect(notice).to_contain_text(reason)
    expect(notice).to_contain_text(after_reason)
    expect(page.locator("#card-confirm")).to_be_hidden()
    expect(field_name(page, "betrekken", "politie")).to_have_value("Mijn eigen tekst")
    assert saved(page) == before


def test_a_huge_file_is_refused_before_it_is_read(page, site_url, tmp_path):
    open_card(page, site_url)
    # A file on disk, as a user picks one: the browser reads it from there,
    # where a buffer would first cross the driver's pipe as 22 MB of base64.
    huge = tmp_path / "groot.json"
    huge.write_bytes(b" " * (16 * 1024 * 1024 + 1))
    page.set_input_files("#card-import", huge)
    expect(page.locator("#card-action-notice")).to_contain_text(W["file_too_big"].format(size=16 * 1024 + 1))


# --- Print ----------------------------------------------------------------

def assert_one_a4_landscape_page(pdf: PdfReader):
    assert len(pdf.pages) == 1, f"the card printed on {len(pdf.pages)} pages"
    box = pdf.pages[0].mediabox
    assert abs(float(box.width) - A4_LANG) < 2 and abs(float(box.height) - A4_SHORT) < 2, box


def test_the_blank_card_prints_on_one_a4_landscape_page(page, site_url):
    open_card(page, site_url)
    pdf = pdf_of(page)
    assert_one_a4_landscape_page(pdf)
    text = words(pdf.pages[0].extract_text())
    for question in CARD.vragen:
        assert words(question.tekst) in text
    for file_name in PARTNERS.values():
        assert file_name in text
    assert W["field_region_or_municipality"] in text and W["field_date"] in text
    for navigation in (SITE["back_to_map"], theme_label("search.placeholder"), theme_label("footer.next"), CONTENT.colofon.titel, W["export_button"]):
        assert navigation not in text


def test_the_filled_card_prints_on_one_page_with_the_typed_text(page, site_url):
    open_card(page, site_url)
    page.get_by_label(W["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    page.get_by_label(W["field_date"]).fill("2026-11-28")
    sentence = "Wij bellen elkaar binnen een uur als een bericht een concrete dreiging bevat."
    for question in CARD.vragen:
        for partner in CARD.partners:
            field_name(page, question.id, partner).fill(f"{partner} {question.id}: {sentence} {sentence}")
    pdf = pdf_of(page)
    assert_one_a4_landscape_page(pdf)
    text = words(pdf.pages[0].extract_text())
    assert "Gemeente Zuidhaven" in text
    assert "28 november 2026" in text
    assert words(f"politie anderen-ingrijpen: {sentence}") in text


def test_printed_text_is_at_least_9_pt(page, site_url):
    open_card(page, site_url)
    field_name(page, "ingrijpen", "politie").fill("Bij een dreiging.")
    page.emulate_media(media="print")
    sizes = page.evaluate("""() => {
        const out = [];
        const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const el = walker.currentNode.parentElement;
            if (!walker.currentNode.textContent.trim() || !el.checkVisibility()) continue;
            out.push([el.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(el).fontSize)]);
        }
        return out;
    }""")
    assert sizes, "no visible text found"
    too_small = [(t, s) for t, s in sizes if s < 12]  # 9 pt = 12 CSS px
    assert too_small == []


def test_other_pages_keep_printing_in_portrait(page, site_url):
    page.goto(f"{site_url}stappen/bericht-duiden.html")
    pdf = pdf_of(page)
    box = pdf.pages[0].mediabox
    assert float(box.height) > float(box.width), box


# --- Accessibility --------------------------------------------------------
