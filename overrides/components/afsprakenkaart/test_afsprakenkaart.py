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
KAART = CONTENT.afspraken.afsprakenkaart
W = CONTENT.teksten.blok("afsprakenkaart")  # the card's words
PARTNERS = {pid: CONTENT.partner(pid).naam for pid in KAART.partners}
SLEUTEL = "routekaart:afsprakenkaart"

# A4 in PostScript points.
A4_LANG, A4_KORT = 841.89, 595.28


def open_kaart(page, site_url):
    page.goto(f"{site_url}afsprakenkaart.html")
    expect(page.locator("#card-actions")).to_be_visible()  # the script has set up the form


def veld(page, vraag_id: str, partner: str):
    return page.locator(f"#answer-{vraag_id}-{partner}")


def opgeslagen(page):
    raw = page.evaluate(f"localStorage.getItem({SLEUTEL!r})")
    return None if raw is None else json.loads(raw)


def pdf_of(page) -> PdfReader:
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, format="A4")))


def woorden(text: str) -> str:
    return " ".join(text.split())


# --- Afspraken maken ------------------------------------------------------

def test_afspraken_shows_five_steps_and_the_gemeente_leads_steps_4_and_5(site_dir):
    stappen = find(html_page(site_dir, "afspraken.html"), f"//{with_class('rk-agreements-steps', 'ol')}/li")
    assert len(stappen) == 5
    for i, stap in enumerate(stappen):
        trekker = [text(t) for t in find(stap, f"//{with_class('rk-leader')}")]
        assert trekker == ([page_text("agreements_leader", partner=PARTNERS["gemeente"])] if i + 1 in (4, 5) else [])
    assert "De gemeente kan hierin het voortouw nemen." in text(stappen[3])


def test_afspraken_shows_the_three_basisafspraken(site_dir):
    koppen = find(html_page(site_dir, "afspraken.html"), "//h2[@id='basisafspraken']/following-sibling::h3")
    assert [text(h) for h in koppen] == ["Onderlinge communicatie", "Transparantie richting jongeren",
                                         "Samen content brengen"]


# --- The form -------------------------------------------------------------

def test_every_cell_is_a_text_field_named_by_its_question_and_partner(page, site_url):
    open_kaart(page, site_url)
    for vraag in KAART.vragen:
        for naam in PARTNERS.values():
            expect(page.get_by_role("textbox", name=f"{vraag.tekst} {naam}", exact=True)).to_have_count(1)
    expect(page.locator("textarea")).to_have_count(len(KAART.vragen) * len(PARTNERS))
    expect(page.get_by_label(W["field_region_or_municipality"])).to_be_editable()
    expect(page.get_by_label(W["field_date"])).to_be_editable()


def test_what_you_type_survives_a_reload(page, site_url):
    open_kaart(page, site_url)
    page.get_by_label(W["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    veld(page, "ingrijpen", "politie").press_sequentially("Bij een dreiging met een wapen.")
    veld(page, "betrekken", "jongerenwerk").fill("Als een jongere \u201cgevaar\u201d <loopt> & meer")
    page.reload()
    expect(page.locator("#card-actions")).to_be_visible()
    expect(veld(page, "ingrijpen", "politie")).to_have_value("Bij een dreiging met een wapen.")
    expect(veld(page, "betrekken", "jongerenwerk")).to_have_value("Als een jongere \u201cgevaar\u201d <loopt> & meer")
    expect(page.get_by_label(W["field_region_or_municipality"])).to_have_value("Gemeente Zuidhaven")
    assert opgeslagen(page)["antwoorden"]["ingrijpen"] == {"politie": "Bij een dreiging met een wapen."}


def test_the_card_works_with_the_keyboard_only(page, site_url):
    open_kaart(page, site_url)
    page.get_by_label(W["field_region_or_municipality"]).focus()
    for _ in range(6):  # past the date field's parts
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "TEXTAREA":
            break
    page.keyboard.type("Eerste antwoord")
    expect(veld(page, KAART.vragen[0].id, KAART.partners[0])).to_have_value("Eerste antwoord")
    page.keyboard.press("Tab")
    page.keyboard.type("Tweede")
    expect(veld(page, KAART.vragen[0].id, KAART.partners[1])).to_have_value("Tweede")


def test_leegmaken_asks_first_and_nee_keeps_the_card(page, site_url):
    open_kaart(page, site_url)
    veld(page, "ingrijpen", "gemeente").fill("Bij een oproep tot rellen.")
    page.get_by_role("button", name=W["clear_button"]).click()
    dialoog = page.get_by_role("dialog", name=W["confirm_title"])
    expect(dialoog).to_be_visible()
    expect(page.get_by_role("button", name=W["confirm_no"])).to_be_focused()
    page.get_by_role("button", name=W["confirm_no"]).click()
    expect(dialoog).to_be_hidden()
    expect(veld(page, "ingrijpen", "gemeente")).to_have_value("Bij een oproep tot rellen.")
    assert opgeslagen(page) is not None


def test_leegmaken_with_ja_empties_the_card_here_and_after_a_reload(page, site_url):
    open_kaart(page, site_url)
    veld(page, "ingrijpen", "gemeente").fill("Bij een oproep tot rellen.")
    page.get_by_label(W["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    page.get_by_role("button", name=W["clear_button"]).click()
    page.get_by_role("button", name=W["clear_yes"]).click()
    expect(page.get_by_role("status")).to_have_text(W["cleared"])
    expect(veld(page, "ingrijpen", "gemeente")).to_have_value("")
    assert opgeslagen(page) is None
    page.reload()
    expect(veld(page, "ingrijpen", "gemeente")).to_have_value("")
    expect(page.get_by_label(W["field_region_or_municipality"])).to_have_value("")


def test_escape_closes_the_confirmation_without_emptying(page, site_url):
    open_kaart(page, site_url)
    veld(page, "betrekken", "politie").fill("Bij een filmpje van een vechtpartij.")
    page.get_by_role("button", name=W["clear_button"]).click()
    page.keyboard.press("Escape")
    expect(page.locator("#card-confirm")).to_be_hidden()
    expect(veld(page, "betrekken", "politie")).to_have_value("Bij een filmpje van een vechtpartij.")
    expect(page.get_by_role("button", name=W["clear_button"])).to_be_focused()


def test_a_damaged_saved_card_is_reported_and_kept_aside(page, site_url):
    page.goto(f"{site_url}afsprakenkaart.html")
    page.evaluate(f"localStorage.setItem({SLEUTEL!r}, '{{\"soort\": \"routekaart-afsprak')")
    page.reload()
    melding = page.locator("#card-load-notice")
    expect(melding).to_be_visible()
    voor_reden, na_reden = W["stored_damaged"].split("{error}")
    expect(melding).to_contain_text(voor_reden)
    expect(melding).to_contain_text(na_reden)
    assert page.evaluate(f"localStorage.getItem({SLEUTEL + ':beschadigd'!r})") == '{"soort": "routekaart-afsprak'
    veld(page, "betrekken", "politie").fill("Nieuw begin")
    assert opgeslagen(page)["antwoorden"] == {"betrekken": {"politie": "Nieuw begin"}}


def test_without_javascript_the_card_is_still_a_form_to_fill_and_print(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}afsprakenkaart.html")
    expect(page.locator("textarea")).to_have_count(12)
    expect(page.get_by_role("button", name=W["export_button"])).to_be_hidden()
    context.close()


# --- Export and import ----------------------------------------------------

def exporteer(page) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=W["export_button"]).click()
    download = info.value
    return download.suggested_filename, download.path().read_bytes()


def importeer(page, data: bytes, naam="afsprakenkaart.json"):
    page.set_input_files("#card-import", files=[{"name": naam, "mimeType": "application/json", "buffer": data}])


def test_export_wipe_and_import_bring_the_card_back(page, site_url):
    open_kaart(page, site_url)
    page.get_by_label(W["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    page.get_by_label(W["field_date"]).fill("2026-11-28")
    teksten = {(v.id, p): f"Afspraak {i}-{j}: \u00e9\u00e9n \u201cregel\u201d\nen nog een" for i, v in enumerate(KAART.vragen)
               for j, p in enumerate(KAART.partners)}
    for (vraag, partner), tekst in teksten.items():
        veld(page, vraag, partner).fill(tekst)
    naam, data = exporteer(page)
    assert naam.startswith("afsprakenkaart-gemeente-zuidhaven-") and naam.endswith(".json")
    kaart = json.loads(data)
    assert kaart["soort"] == "routekaart-afsprakenkaart" and kaart["regio"] == "Gemeente Zuidhaven"
    assert kaart["antwoorden"]["ingrijpen"]["politie"] == teksten[("ingrijpen", "politie")]

    page.get_by_role("button", name=W["clear_button"]).click()
    page.get_by_role("button", name=W["clear_yes"]).click()
    expect(veld(page, "ingrijpen", "politie")).to_have_value("")

    importeer(page, data, naam)
    expect(page.get_by_role("status")).to_contain_text(W["opened"].format(file=naam))
    for (vraag, partner), tekst in teksten.items():
        expect(veld(page, vraag, partner)).to_have_value(tekst)
    expect(page.get_by_label(W["field_date"])).to_have_value("2026-11-28")
    page.reload()
    expect(veld(page, "anderen-ingrijpen", "gemeente")).to_have_value(teksten[("anderen-ingrijpen", "gemeente")])


def test_importing_over_a_filled_card_asks_first(page, site_url):
    open_kaart(page, site_url)
    veld(page, "betrekken", "politie").fill("Mijn eigen tekst")
    bestand = json.dumps({"soort": "routekaart-afsprakenkaart", "versie": 1,
                          "antwoorden": {"ingrijpen": {"jongerenwerk": "Uit het bestand"}}}).encode()
    importeer(page, bestand)
    page.get_by_role("button", name=W["confirm_no"]).click()
    expect(veld(page, "betrekken", "politie")).to_have_value("Mijn eigen tekst")
    expect(veld(page, "ingrijpen", "jongerenwerk")).to_have_value("")
    importeer(page, bestand)
    page.get_by_role("button", name=W["replace_yes"]).click()
    expect(veld(page, "betrekken", "politie")).to_have_value("")
    expect(veld(page, "ingrijpen", "jongerenwerk")).to_have_value("Uit het bestand")


GOED = {"soort": "routekaart-afsprakenkaart", "versie": 1, "regio": "", "datum": "",
        "antwoorden": {"betrekken": {"politie": "x"}}}


@pytest.mark.parametrize("data, reden", [
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "het is geen afsprakenkaart (het bestand is beschadigd"),
    (b'{"soort": "routekaart-afsprakenkaart", "versie": 1, "antw', "het bestand is beschadigd"),
    (json.dumps({"naam": "boodschappen", "items": ["melk"]}).encode(), "het is geen afsprakenkaart van de routekaart"),
    (json.dumps([1, 2, 3]).encode(), "er staat geen afsprakenkaart in"),
    (json.dumps({**GOED, "versie": 7}).encode(), "nieuwere versie van de routekaart"),
    (json.dumps({**GOED, "antwoorden": {"sexting": {"politie": "x"}}}).encode(), "onbekende vraag (\u201csexting\u201d)"),
    (json.dumps({**GOED, "antwoorden": {"betrekken": {"school": "x"}}}).encode(), "onbekende partner (\u201cschool\u201d)"),
    (json.dumps({**GOED, "antwoorden": {"betrekken": {"politie": 42}}}).encode(), "is geen tekst"),
    (json.dumps({**GOED, "datum": "28-11-2026"}).encode(), "de datum is geen geldige datum"),
], ids=["binary", "truncated", "foreign-json", "json-list", "newer-version", "unknown-question",
        "unknown-partner", "not-text", "bad-date"])
def test_a_damaged_or_foreign_file_is_refused_and_the_card_kept(page, site_url, data, reden):
    open_kaart(page, site_url)
    veld(page, "betrekken", "politie").fill("Mijn eigen tekst")
    voor = opgeslagen(page)
    importeer(page, data, "kaart.json")
    melding = page.locator("#card-action-notice")
    expect(melding).to_be_visible()
    expect(melding).to_have_attribute("role", "alert")
    voor_reden, na_reden = W["file_refused"].format(file="kaart.json", error="\0").split("\0")
    expect(melding).to_contain_text(voor_reden)
    expect(melding).to_contain_text(reden)
    expect(melding).to_contain_text(na_reden)
    expect(page.locator("#card-confirm")).to_be_hidden()
    expect(veld(page, "betrekken", "politie")).to_have_value("Mijn eigen tekst")
    assert opgeslagen(page) == voor


def test_a_huge_file_is_refused_before_it_is_read(page, site_url, tmp_path):
    open_kaart(page, site_url)
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
    assert abs(float(box.width) - A4_LANG) < 2 and abs(float(box.height) - A4_KORT) < 2, box


def test_the_blank_card_prints_on_one_a4_landscape_page(page, site_url):
    open_kaart(page, site_url)
    pdf = pdf_of(page)
    assert_one_a4_landscape_page(pdf)
    text = woorden(pdf.pages[0].extract_text())
    for vraag in KAART.vragen:
        assert woorden(vraag.tekst) in text
    for naam in PARTNERS.values():
        assert naam in text
    assert W["field_region_or_municipality"] in text and W["field_date"] in text
    for navigatie in (SITE["back_to_map"], theme_label("search.placeholder"), theme_label("footer.next"), CONTENT.colofon.titel, W["export_button"]):
        assert navigatie not in text


def test_the_filled_card_prints_on_one_page_with_the_typed_text(page, site_url):
    open_kaart(page, site_url)
    page.get_by_label(W["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    page.get_by_label(W["field_date"]).fill("2026-11-28")
    zin = "Wij bellen elkaar binnen een uur als een bericht een concrete dreiging bevat."
    for vraag in KAART.vragen:
        for partner in KAART.partners:
            veld(page, vraag.id, partner).fill(f"{partner} {vraag.id}: {zin} {zin}")
    pdf = pdf_of(page)
    assert_one_a4_landscape_page(pdf)
    text = woorden(pdf.pages[0].extract_text())
    assert "Gemeente Zuidhaven" in text
    assert "28 november 2026" in text
    assert woorden(f"politie anderen-ingrijpen: {zin}") in text


def test_printed_text_is_at_least_9_pt(page, site_url):
    open_kaart(page, site_url)
    veld(page, "ingrijpen", "politie").fill("Bij een dreiging.")
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
