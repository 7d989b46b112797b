"""The afsprakenkaart saved as regio.yml: the agreed answers of a region's own
edition, in a file the build reads unchanged, with every text exact."""
from __future__ import annotations

import shutil

import pytest
import yaml
from playwright.sync_api import expect

from macros.content import load_content
from support.keyboard import tab_to
from support.project import ROOT, serve
from support.variants import REGIONAL
from support.words import PAGES

CONTENT = load_content(ROOT / "content")
WORDS = CONTENT.afspraken.editie_bestand
CARD_WORDS = CONTENT.teksten.blok("afsprakenkaart")

# Texts a naive YAML writer breaks: quotes, YAML's own signs and words,
# numbers, several lines, indentation, unicode and characters YAML reads
# as line breaks.
TEXTS = {
    ("betrekken", "jongerenwerk"): 'Bij "dreiging": wij bellen # meteen\n\n  - de wijkagent\n\tdaarna de OOV  \nKlaar.',
    ("betrekken", "politie"): "yes",
    ("betrekken", "gemeente"): "- 12: null",
    ("betrokken-worden", "jongerenwerk"): "0594 123 456",
    ("betrokken-worden", "politie"): "'enkel' & *ster* [link](x) \\n geen regel",
    ("betrokken-worden", "gemeente"): "--- \n... \n%YAML 1.2\n| > ! @ `",
    ("ingrijpen", "jongerenwerk"): "Regel\u2028scheider, \u0085NEL, \ufeffBOM en \U0001F600 emoji",
    ("ingrijpen", "politie"): "  voorloopspaties en een wapen\nop de tweede regel",
    ("ingrijpen", "gemeente"): "é ü ß — “aanhalingstekens” 日本",
    ("anderen-ingrijpen", "politie"): ("Lang antwoord. " * 300).strip(),
}


def open_card(page, url):
    page.goto(f"{url}afsprakenkaart.html")
    expect(page.locator("#card-edition")).to_be_visible()


def export(page) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=WORDS.knop).click()
    assert info.value.suggested_filename == "regio.yml"
    expect(page.locator("#card-status")).to_have_text(WORDS.opgeslagen)
    return info.value.path().read_text(encoding="utf-8")


def as_edition(tmp_path, regio_yml: str):
    """The content with the file as content/regio.yml, loaded as the build loads it."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    (folder / "regio.yml").write_text(regio_yml, encoding="utf-8")
    return load_content(folder).regio


def test_the_card_saves_as_a_regio_yml_the_build_reads_unchanged(page, site_url, tmp_path):
    open_card(page, site_url)
    page.get_by_label(CARD_WORDS["field_region_or_municipality"]).fill('Gemeente "Zuid": haven')
    page.locator("#card-date").fill("2026-11-30")
    for (question, partner), text in TEXTS.items():
        page.locator(f"#answer-{question}-{partner}").fill(text)
    regio_yml = export(page)
    region = as_edition(tmp_path, regio_yml)
    assert region.naam == 'Gemeente "Zuid": haven'
    assert region.afsprakenkaart.datum_afgesproken.isoformat() == "2026-11-30"
    got = {(v, p): t for v, per in region.afsprakenkaart.antwoorden.items() for p, t in per.items()}
    # The build's texts lose only the spaces around them (macros/content/base.py).
    assert got == {key: text.strip() for key, text in TEXTS.items()}
    # A text of several lines stays readable in the file.
    assert "jongerenwerk: |-\n" in regio_yml
    # Round trip: the file read and written again reads the same.
    data = yaml.safe_load(regio_yml)
    assert yaml.safe_load(yaml.safe_dump(data, allow_unicode=True)) == data


def test_control_characters_are_left_out_and_the_reader_is_told(page, site_url, tmp_path):
    open_card(page, site_url)
    page.get_by_label(CARD_WORDS["field_region_or_municipality"]).fill("Regio Noord")
    page.locator("#card-date").fill("2026-11-30")
    page.locator("#answer-ingrijpen-politie").fill("Bij\u0007 een\u001b wapen")
    region = as_edition(tmp_path, _export_any(page))
    assert region.antwoord("ingrijpen", "politie") == "Bij een wapen"
    expect(page.locator("#card-status")).to_have_text(f"{WORDS.opgeslagen} {WORDS.weggelaten} 2.")


def _export_any(page) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=WORDS.knop).click()
    return info.value.path().read_text(encoding="utf-8")


@pytest.mark.parametrize("fill, message", [
    ({"#answer-betrekken-politie": "Tekst", "#card-date": "2026-11-30"}, WORDS.geen_regio),
    ({"#answer-betrekken-politie": "Tekst", "#card-region": "Regio Noord"}, WORDS.geen_datum),
    ({"#card-region": "Regio Noord", "#card-date": "2026-11-30"}, WORDS.geen_antwoorden),
], ids=["no-region", "no-date", "no-answers"])
def test_what_is_missing_stops_the_export_with_an_alert(page, site_url, fill, message):
    open_card(page, site_url)
    for selector, value in fill.items():
        page.locator(selector).fill(value)
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    page.get_by_role("button", name=WORDS.knop).click()
    notice = page.locator("#card-action-notice")
    expect(notice).to_have_text(message)
    expect(notice).to_have_attribute("role", "alert")
    assert downloads == []


def test_the_export_works_by_keyboard(page, site_url):
    open_card(page, site_url)
    page.get_by_label(CARD_WORDS["field_region_or_municipality"]).fill("Regio Noord")
    page.locator("#card-date").fill("2026-11-30")
    page.locator("#answer-betrekken-politie").fill("Tekst")
    page.locator("#answer-betrekken-politie").focus()
    tab_to(page, page.get_by_role("button", name=WORDS.knop))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert "betrekken:\n      politie: \"Tekst\"" in info.value.path().read_text(encoding="utf-8")


def test_the_page_says_where_the_file_goes(page, site_url):
    open_card(page, site_url)
    section = page.locator("#card-edition")
    expect(section.get_by_role("heading", level=3)).to_have_text(WORDS.plaatsen_titel)
    expect(section.get_by_role("listitem")).to_have_count(len(WORDS.plaatsen))
    expect(section).to_contain_text(PAGES["origin_label"])


@pytest.fixture(scope="module")
def region_url():
    server = serve(REGIONAL.site())
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_a_regional_edition_saves_its_agreed_answers_too(page, region_url, tmp_path):
    """Saving again never drops what was agreed before: the fixed answers go along."""
    open_card(page, region_url)
    page.locator("#card-date").fill("2026-12-02")
    page.locator("#answer-ingrijpen-politie").fill("Bij een concrete dreiging.")
    region = as_edition(tmp_path, _export_any(page))
    before = yaml.safe_load((ROOT / "tests" / "fixtures" / "regio.yml").read_text(encoding="utf-8"))
    assert region.naam == before["naam"]
    for question, per in before["afsprakenkaart"]["antwoorden"].items():
        for partner, text in per.items():
            assert region.antwoord(question, partner) == text.strip()
    assert region.antwoord("ingrijpen", "politie") == "Bij een concrete dreiging."
    assert region.afsprakenkaart.datum_afgesproken.isoformat() == "2026-12-02"
