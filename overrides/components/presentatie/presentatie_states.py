"""The interactive states of the presentation mode, which the
sweeps reach at both widths (tests/support/interactions.py collects them, in the sweep's order)."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from support.state import Interaction
from support.words import slide_counter_start

def present_slides(page: Page) -> None:
    counter = page.locator(".rk-deck--active .rk-deck-counter")
    expect(counter).to_contain_text(slide_counter_start(1))
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowRight")
    expect(counter).to_contain_text(slide_counter_start(3))


def present_an_example(page: Page) -> None:
    """The first slide: a phenomenon's example message, as a projector shows it."""
    expect(page.locator(".rk-deck--active .rk-deck-counter")).to_contain_text(slide_counter_start(1))
    expect(page.locator(".rk-deck--active .rk-slide:not([hidden]) .rk-message")).to_be_visible()


def present_the_first_step(page: Page) -> None:
    present_an_example(page)
    page.keyboard.press("PageDown")
    expect(page.locator(".rk-deck--active .rk-deck-counter")).to_contain_text(slide_counter_start(2))


STATES = [
    Interaction("presentatie", "presentatie.html?fenomeen=fraude", present_slides),
    Interaction("presentatie-voorbeeld", "presentatie.html?fenomeen=rivaliserende-jeugd", present_an_example),
    Interaction("presentatie-eerste-stap", "presentatie.html?fenomeen=rivaliserende-jeugd", present_the_first_step),
]
