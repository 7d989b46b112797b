"""The interactive states of the afsprakenkaart, which the
sweeps reach at both widths (tests/support/interactions.py collects them, in the sweep's order)."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from support.state import Interaction
from support.words import CONTENT, CARD, CARD_OPENED

def fill_afsprakenkaart(page: Page) -> None:
    expect(page.locator("#card-actions")).to_be_visible()  # the script has set up the form
    page.get_by_label(CARD["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    field = page.locator("textarea[id^='answer-']").first
    field.press_sequentially("Bij een dreiging met een wapen.")
    page.reload()
    expect(page.locator("textarea[id^='answer-']").first).to_have_value("Bij een dreiging met een wapen.")


def export_and_import_afsprakenkaart(page: Page) -> None:
    fill_afsprakenkaart(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=CARD["export_button"]).click()
    data = info.value.path().read_bytes()
    page.set_input_files("#card-import", files=[
        {"name": "afsprakenkaart.json", "mimeType": "application/json", "buffer": data}])
    page.get_by_role("button", name=CARD["replace_yes"]).click()
    expect(page.get_by_role("status")).to_contain_text(CARD_OPENED)


def afsprakenkaart_import_refused(page: Page) -> None:
    """A file that is no afsprakenkaart is refused with an alert over a filled card."""
    fill_afsprakenkaart(page)
    page.set_input_files("#card-import", files=[
        {"name": "kaart.json", "mimeType": "application/json", "buffer": b"geen json"}])
    expect(page.locator("#card-action-notice")).to_be_visible()
    expect(page.locator("#card-action-notice")).to_have_attribute("role", "alert")


def afsprakenkaart_confirmation_open(page: Page) -> None:
    fill_afsprakenkaart(page)
    page.get_by_role("button", name=CARD["clear_button"]).click()
    expect(page.get_by_role("dialog", name=CARD["confirm_title"])).to_be_visible()


EDITION = CONTENT.afspraken.editie_bestand  # the card as regio.yml


def afsprakenkaart_saved_as_regio_yml(page: Page) -> None:
    fill_afsprakenkaart(page)
    page.locator("#card-date").fill("2026-11-30")
    with page.expect_download() as info:
        page.get_by_role("button", name=EDITION.knop).click()
    assert info.value.suggested_filename == "regio.yml"
    expect(page.locator("#card-status")).to_have_text(EDITION.opgeslagen)


def afsprakenkaart_regio_yml_refused(page: Page) -> None:
    """Without a date the card is not saved as regio.yml: an alert says why."""
    fill_afsprakenkaart(page)
    page.get_by_role("button", name=EDITION.knop).click()
    expect(page.locator("#card-action-notice")).to_have_text(EDITION.geen_datum)


def afsprakenkaart_not_saved(page: Page) -> None:
    """Storage is full: the warning stands under the field typed in."""
    expect(page.locator("#card-actions")).to_be_visible()
    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; }""")
    field = page.locator("textarea[id^='answer-']").first
    field.press_sequentially("Bij een dreiging.")
    expect(page.locator(".rk-save-warning")).to_be_visible()


def afsprakenkaart_with_earlier_texts(page: Page) -> None:
    """A card kept by an earlier version, with a question this one lacks, and a damaged copy set aside."""
    page.evaluate("""localStorage.setItem('routekaart:afsprakenkaart', JSON.stringify({soort: 'routekaart-afsprakenkaart',
        versie: 1, regio: '', datum: '', antwoorden: {'oude-vraag': {politie: 'Mijn eerdere tekst.'}}}));
        localStorage.setItem('routekaart:afsprakenkaart:beschadigd', '{kapot')""")
    page.reload()
    expect(page.locator("#card-earlier")).to_contain_text("Mijn eerdere tekst.")
    expect(page.locator("#card-load-notice")).to_be_visible()


STATES = [
    Interaction("afsprakenkaart-ingevuld", "afsprakenkaart.html", fill_afsprakenkaart),
    Interaction("afsprakenkaart-export-import", "afsprakenkaart.html", export_and_import_afsprakenkaart),
    Interaction("afsprakenkaart-import-geweigerd", "afsprakenkaart.html", afsprakenkaart_import_refused),
    Interaction("afsprakenkaart-leegmaken-vraag", "afsprakenkaart.html", afsprakenkaart_confirmation_open),
    Interaction("afsprakenkaart-regio-yml", "afsprakenkaart.html", afsprakenkaart_saved_as_regio_yml),
    Interaction("afsprakenkaart-regio-yml-geweigerd", "afsprakenkaart.html", afsprakenkaart_regio_yml_refused),
    Interaction("afsprakenkaart-niet-bewaard", "afsprakenkaart.html", afsprakenkaart_not_saved),
    Interaction("afsprakenkaart-eerdere-teksten", "afsprakenkaart.html", afsprakenkaart_with_earlier_texts),
]
