"""The interactive states of the glossary's marks, which the
sweeps reach at both widths (tests/support/interactions.py collects them, in the sweep's order)."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from support.state import Interaction

def glossary_tooltip_on_focus(page: Page) -> None:
    term = page.locator(".rk-glossary-term", has_text="OSINT")
    term.focus()
    page.wait_for_function("e => getComputedStyle(e, '::after').display !== 'none'",
                           arg=term.element_handle())


STATES = [
    Interaction("begrip-uitleg", "partners.html", glossary_tooltip_on_focus),
]
