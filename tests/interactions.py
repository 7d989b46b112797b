"""Every interactive feature of the site, as steps that use it and check that
it worked, leaving the page in that feature's interactive state.

The CSP test runs each one under the site's security headers, and the
accessibility test runs axe-core in each state. Add an entry for every new
feature: (name, page to start on, steps).
"""
from __future__ import annotations

from typing import Callable, NamedTuple

from playwright.sync_api import Page, expect


class Interaction(NamedTuple):
    name: str
    path: str
    use: Callable[[Page], None]


def search_open_with_results(page: Page) -> None:
    page.keyboard.press("/")
    page.get_by_role("textbox", name="Zoeken").press_sequentially("persoonsgegevens")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Partner(s) betrekken?")


def wipe_stored_data(page: Page) -> None:
    page.evaluate("localStorage.setItem('rk-test', '1')")
    page.get_by_role("button", name="Wis alles wat deze website bewaart").click()
    expect(page.get_by_role("status")).to_contain_text("Gewist.")
    assert page.evaluate("localStorage.length") == 0


INTERACTIONS = [
    Interaction("zoeken", "index.html", search_open_with_results),
    Interaction("wissen", "privacy.html", wipe_stored_data),
]
IDS = [i.name for i in INTERACTIONS]
