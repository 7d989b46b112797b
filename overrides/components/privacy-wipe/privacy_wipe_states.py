"""The interactive states of the wipe button of the privacy page, which the
sweeps reach at both widths (tests/support/interactions.py collects them, in the sweep's order)."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from support.state import Interaction
from support.words import CONTENT

WIPE = CONTENT.teksten.blok("privacy-wipe")


def wipe_stored_data(page: Page) -> None:
    page.evaluate("localStorage.setItem('rk-test', '1')")
    page.get_by_role("button", name=WIPE["button"]).click()
    expect(page.get_by_role("status")).to_have_text(WIPE["wiped"])
    assert page.evaluate("localStorage.length") == 0


STATES = [
    Interaction("wissen", "privacy.html", wipe_stored_data),
]
