"""The interactive states of the bespreken page, which the
sweeps reach at both widths (tests/support/interactions.py collects them, in the sweep's order)."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from support.discuss import actions_file, as_upload, meeting_uploads
from support.state import Interaction
from support.words import CONTENT, DISCUSS

BESPREKEN = CONTENT.bespreken


def discuss_three_files(page: Page) -> None:
    page.set_input_files("#rk-discuss-input", files=meeting_uploads())
    expect(page.locator(".rk-discuss-differs")).not_to_have_count(0)


def discuss_file_refused(page: Page) -> None:
    discuss_three_files(page)
    page.set_input_files("#rk-discuss-input", files=[as_upload(b"geen json", "kapot.json")])
    expect(page.locator("#rk-discuss-errors")).to_contain_text("kapot.json")


def discuss_fifteen_files(page: Page) -> None:
    """A training group: 15 files of one role, numbered in the headers."""
    page.set_input_files("#rk-discuss-input", files=[
        as_upload(actions_file("jongerenwerk", {"partners-betrekken": "ja" if i % 2 else "nee"},
                               {"bericht-duiden/1": f"Aantekening {i}"}), f"deelnemer-{i}.json")
        for i in range(1, 16)])
    expect(page.locator(".rk-discuss-choices thead th")).to_have_count(17)


def discuss_answered_only(page: Page) -> None:
    discuss_three_files(page)
    page.get_by_label(BESPREKEN.alleen_beantwoord).check()
    expect(page.locator(".rk-discuss-unanswered").first).to_be_hidden()


def discuss_card_question_missing(page: Page) -> None:
    """An answer of step 1: the dialog asks to choose the card question first."""
    discuss_three_files(page)
    page.locator(".rk-discuss-answers li", has_text="Oplichting, mogelijk strafbaar.").get_by_role("button").click()
    page.get_by_role("button", name=DISCUSS["copy_yes"]).click()
    expect(page.locator("#rk-discuss-copy-missing")).to_be_visible()


def discuss_copied_to_the_card(page: Page) -> None:
    """The confirmation beside the button that copied an answer."""
    discuss_three_files(page)
    item = page.locator(".rk-discuss-answers li", has_text="Wij wachten op een aangifte.")
    item.get_by_role("button").click()
    page.get_by_role("button", name=DISCUSS["copy_yes"]).click()
    expect(item.get_by_role("status")).to_contain_text("staat nu op de afsprakenkaart")


def discuss_copy_confirmation_open(page: Page) -> None:
    """Copying an answer over text already on the afsprakenkaart asks first."""
    page.evaluate("""localStorage.setItem('routekaart:afsprakenkaart', JSON.stringify({soort: 'routekaart-afsprakenkaart',
        versie: 1, regio: '', datum: '', antwoorden: {ingrijpen: {politie: 'Wat er al stond.'}}}))""")
    discuss_three_files(page)
    page.locator(".rk-discuss-answers li", has_text="Wij wachten op een aangifte.").get_by_role("button").click()
    page.get_by_role("button", name=DISCUSS["copy_yes"]).click()
    expect(page.get_by_role("dialog", name=DISCUSS["confirm_heading"])).to_be_visible()


STATES = [
    Interaction("bespreken-drie-bestanden", "bespreken.html", discuss_three_files),
    Interaction("bespreken-bestand-geweigerd", "bespreken.html", discuss_file_refused),
    Interaction("bespreken-kopieer-vraag", "bespreken.html", discuss_copy_confirmation_open),
    Interaction("bespreken-vijftien-bestanden", "bespreken.html", discuss_fifteen_files),
    Interaction("bespreken-alleen-beantwoord", "bespreken.html", discuss_answered_only),
    Interaction("bespreken-kaartvraag-kiezen", "bespreken.html", discuss_card_question_missing),
    Interaction("bespreken-op-de-kaart", "bespreken.html", discuss_copied_to_the_card),
]
