"""The interactive states of the role ("Ik ben ..."), which the
sweeps reach at both widths (tests/support/interactions.py collects them, in the sweep's order)."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from support.state import Interaction
from support.words import CONTENT

ROLES = CONTENT.rollen  # "Ik ben ...": the role's words


def role_chosen_on_the_start_page(page: Page) -> None:
    choice = page.get_by_role("group", name=ROLES.vraag).get_by_label(ROLES.rollen[1].label, exact=True)
    choice.check()
    expect(choice).to_be_checked()


def role_chooser_open(page: Page) -> None:
    """The chooser opened from the top of a page other than the start page."""
    page.get_by_role("button", name=ROLES.geen_rol).click()
    expect(page.get_by_role("group", name=ROLES.vraag)).to_be_visible()


def step_3_with_a_role(page: Page) -> None:
    role_chooser_open(page)
    page.get_by_label(ROLES.rollen[0].label, exact=True).check()
    expect(page.get_by_role("region", name=ROLES.betrekken_titel)).to_be_visible()


def role_cleared(page: Page) -> None:
    """"geen rol" chosen after a role: the role alone is gone."""
    step_3_with_a_role(page)
    page.get_by_role("button", name=ROLES.wijzigen).click()
    page.locator("#role-chooser").get_by_label(ROLES.zonder_rol, exact=True).check()
    expect(page.get_by_role("button", name=ROLES.geen_rol)).to_be_visible()


STATES = [
    Interaction("rol-gekozen-start", "index.html", role_chosen_on_the_start_page),
    Interaction("rol-kiezen-open", "afsprakenkaart.html", role_chooser_open),
    Interaction("stap-3-met-rol", "stappen/partners-betrekken.html", step_3_with_a_role),
    Interaction("rol-gewist", "stappen/partners-betrekken.html", role_cleared),
]
