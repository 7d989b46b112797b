"""Handelingen bespreken: each kind of bad file is refused with its own
message naming the file, and what is already open stays open; and the page
works with the keyboard alone."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from support.discuss import MEETING, actions_file, as_upload, meeting_uploads
from support.keyboard import tab_to

GOOD = MEETING["politie"]
SESSION_KEY = "routekaart:bespreken"


def changed(**fields) -> bytes:
    return json.dumps({**GOOD, **fields}).encode()


def with_step(change) -> bytes:
    data = json.loads(json.dumps(GOOD))
    change(data["stappen"])
    return json.dumps(data).encode()


CARD = {"soort": "routekaart-afsprakenkaart", "versie": 1, "regio": "", "datum": "", "antwoorden": {}}

BAD = {
    "not-json": (b'{"soort": "routekaart-handelingen", "versie": 1, "st', "geen geldig JSON-bestand"),
    "empty": (b"", "het bestand is leeg"),
    "afsprakenkaart": (json.dumps(CARD).encode(), "het is een afsprakenkaart, geen bestand met handelingen"),
    "other-json": (json.dumps({"naam": "boodschappen", "items": ["melk"]}).encode(),
                   "geen bestand met handelingen uit de doorloop"),
    "json-list": (b"[1, 2, 3]", "er staan geen handelingen in"),
    "newer-version": (changed(versie=2), "nieuwere versie van de routekaart (versie 2)"),
    "unknown-version": (changed(versie=0), "het versienummer 0 is onbekend"),
    "wrong-type": (changed(datum=20261201), "de datum is geen geldige datum"),
    "answer-not-text": (with_step(lambda s: s[0]["antwoorden"][0].update(antwoord=42)), "is geen tekst"),
    "unknown-role": (changed(rol="school"), "de rol \u201cschool\u201d is onbekend"),
    "unknown-step": (with_step(lambda s: s[0].update(stap="bericht-lezen")), "onbekende stap (\u201cbericht-lezen\u201d)"),
    "unknown-option": (with_step(lambda s: s[3].update(keuze={"optie": "misschien", "label": "Misschien"})),
                       "onbekende keuze (\u201cmisschien\u201d)"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe binary", "geen tekstbestand"),
    "latin-1": ('{"soort": "routekaart-handelingen", "rol": "caf\u00e9"}'.encode("latin-1"), "geen tekstbestand"),
    "far-too-large": (b" " * (16 * 1024 * 1024 + 1), "het is te groot"),
}


def open_page(page, site_url):
    page.goto(f"{site_url}bespreken.html")
    expect(page.locator(".rk-discuss-open")).to_be_visible()


def kept(page) -> list[str]:
    return [f["naam"] for f in json.loads(page.evaluate(f"sessionStorage.getItem('{SESSION_KEY}') || '[]'"))]


def assert_refused(page, name: str, reason: str, still_open: int):
    alert = page.locator("#rk-discuss-errors")
    expect(alert).to_be_visible()
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_contain_text(f"Het bestand \u201c{name}\u201d kan niet worden geopend: ")
    expect(alert).to_contain_text(reason)
    expect(page.locator("#rk-discuss-files li")).to_have_count(still_open)
    assert len(kept(page)) == still_open


@pytest.mark.parametrize("kind", BAD)
def test_a_bad_file_is_refused_with_its_message_and_the_open_files_stay(page, site_url, kind):
    data, reason = BAD[kind]
    open_page(page, site_url)
    page.set_input_files("#rk-discuss-input", files=meeting_uploads()[:2])
    expect(page.locator("#rk-discuss-files li")).to_have_count(2)
    page.set_input_files("#rk-discuss-input", files=[as_upload(data, f"{kind}.json")])
    assert_refused(page, f"{kind}.json", reason, 2)
    expect(page.locator(".rk-discuss-choices thead th")).to_have_count(4)
    expect(page.locator("#rk-discuss-errors")).to_contain_text("De bestanden die al open waren, blijven open.")


def test_the_same_file_twice_is_refused(page, site_url):
    open_page(page, site_url)
    files = meeting_uploads()
    page.set_input_files("#rk-discuss-input", files=files)
    page.set_input_files("#rk-discuss-input", files=[{**files[1], "name": "kopie.json"}])
    assert_refused(page, "kopie.json", "dit bestand is al geopend", 3)


def test_good_and_bad_files_at_once_open_the_good_ones(page, site_url):
    open_page(page, site_url)
    page.set_input_files("#rk-discuss-input", files=[*meeting_uploads(), as_upload(b"geen json", "kapot.json")])
    assert_refused(page, "kapot.json", "geen geldig JSON-bestand", 3)
    expect(page.get_by_role("status")).to_contain_text("3 bestanden geopend")


def test_more_than_fifteen_files_are_refused(page, site_url):
    open_page(page, site_url)
    group = [as_upload(actions_file("jongerenwerk", {"intervenieren": "ja"}, {"bericht-duiden/1": f"Deelnemer {i}"}),
                       f"deelnemer-{i}.json") for i in range(16)]
    page.set_input_files("#rk-discuss-input", files=group)
    assert_refused(page, "deelnemer-15.json", "er zijn al 15 bestanden geopend", 15)
    expect(page.locator(".rk-discuss-choices thead th")).to_have_count(17)


def test_everything_works_with_the_keyboard_alone(page, site_url):
    open_page(page, site_url)
    page.locator("h1").focus()
    with page.expect_file_chooser() as chooser:
        tab_to(page, page.locator("#rk-discuss-input"))
        page.keyboard.press("Space")
    chooser.value.set_files(meeting_uploads())
    expect(page.locator("#rk-discuss-files li")).to_have_count(3)
    # The comparison can be scrolled with the keyboard, then an answer goes to the card.
    tab_to(page, page.locator(".rk-discuss-scroll").first)
    button = page.locator(".rk-discuss-answers li", has_text="Oplichting, mogelijk strafbaar.").get_by_role("button")
    tab_to(page, button)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Naar de afsprakenkaart")
    expect(dialog.get_by_role("combobox")).to_be_focused()
    # An answer of step 1: no card question is offered first; the second one is chosen.
    expect(dialog.get_by_role("combobox")).to_have_value("")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, dialog.get_by_role("button", name="Zet op de kaart"))
    page.keyboard.press("Enter")
    expect(button.locator("xpath=..").get_by_role("status")).to_contain_text("staat nu op de afsprakenkaart")
    expect(button).to_be_focused()
    card = json.loads(page.evaluate("localStorage.getItem('routekaart:afsprakenkaart')"))
    assert card["antwoorden"]["betrokken-worden"] == {"politie": "Oplichting, mogelijk strafbaar."}
    # Escape closes the dialog without changing the card.
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()
    # A file is closed with the keyboard too.
    close = page.locator("#rk-discuss-files li").first.get_by_role("button", name="Sluit")
    tab_to(page, close, key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#rk-discuss-files li")).to_have_count(2)
