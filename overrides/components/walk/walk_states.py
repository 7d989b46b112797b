"""The interactive states of the walk, which the
sweeps reach at both widths (tests/support/interactions.py collects them, in the sweep's order)."""
from __future__ import annotations

import re
from typing import Callable

from playwright.sync_api import Page, expect

from support.state import Interaction
from support.words import CONTENT, WALK as WALK_WORDS  # WALK below is the walk's example choice

# The fraud example's account, shown in the walk's example card.
FRAUDE_ACCOUNT = CONTENT.fenomeen("fraude").bericht.account
WALK = CONTENT.doorloop  # the walk's example choice


def walk_with_notes(page: Page) -> None:
    page.evaluate("localStorage.clear()")
    page.reload()
    page.locator('[data-note="bericht-duiden/1"]').fill("Bereik ongeveer 340 volgers")
    page.reload()
    expect(page.locator('[data-note="bericht-duiden/1"]')).to_have_value("Bereik ongeveer 340 volgers")


def walk_summary_saved(page: Page) -> None:
    walk_with_notes(page)
    page.locator(".rk-walk-progress").get_by_role("link", name=re.compile(re.escape(WALK_WORDS["summary_title"]))).click()
    with page.expect_download() as info:
        page.get_by_role("button", name=WALK_WORDS["save_html"]).click()
    assert "Bereik ongeveer 340 volgers" in info.value.path().read_text(encoding="utf-8")


def walk_with_an_example_at_its_actions(page: Page) -> None:
    """A walk started from a phenomenon, at step 5 with an action ticked."""
    expect(page.locator(".rk-walk-example:visible")).to_have_attribute("data-phenomenon", "fraude")
    page.locator('.rk-walk-progress [data-to-step="mogelijke-acties"]').click()
    box = page.locator("#doorloop-mogelijke-acties [data-action-field]").first
    box.check()
    expect(box).to_be_checked()
    expect(page.locator(".rk-walk-example:visible")).to_contain_text(FRAUDE_ACCOUNT)


def walk_at_step_3_with_an_example(page: Page) -> None:
    """A walk from a phenomenon, at step 3 (partners), with a note at step 1."""
    page.locator('[data-note="bericht-duiden/1"]').fill("Bereik ongeveer 340 volgers")
    page.locator('.rk-walk-progress [data-to-step="partners-betrekken"]').click()
    expect(page.locator("#doorloop-partners-betrekken")).to_be_visible()
    expect(page.locator(".rk-walk-example:visible")).to_have_attribute("data-phenomenon", "fraude")


def walk_at_a_step(step: str) -> Callable[[Page], None]:
    """The walk moved on to `stap` from its progress bar (the states above
    cover steps 1, 3 and 5)."""
    def use(page: Page) -> None:
        page.locator(f'.rk-walk-progress [data-to-step="{step}"]').click()
        expect(page.locator(f"#doorloop-{step}")).to_be_visible()
    return use


def walk_with_a_damaged_saved_walk(page: Page) -> None:
    """A saved walk that does not read: it is set aside with a notice."""
    page.evaluate("localStorage.setItem('routekaart:doorloop', '{kapot')")
    page.reload()
    expect(page.locator("#rk-walk-notice")).to_contain_text("beschadigd")


def walk_example_chosen(page: Page) -> None:
    """Before step 1: an example chosen, its message card shown."""
    page.get_by_role("group", name=WALK.kiezen_titel).get_by_role("radio").nth(3).check()
    expect(page.locator(".rk-walk-example:visible")).to_have_count(1)


def walk_example_changed_at_step_3(page: Page) -> None:
    """At step 3, the example's choice opened again from its one line."""
    walk_example_chosen(page)
    page.locator('.rk-walk-progress [data-to-step="partners-betrekken"]').click()
    page.get_by_role("button", name=WALK.wijzigen).click()
    expect(page.get_by_role("group", name=WALK.kiezen_titel)).to_be_visible()


def walk_file_saved(page: Page) -> None:
    """"Mijn handelingen" saved as a file to discuss, with the status saying so."""
    walk_with_notes(page)
    page.locator(".rk-walk-progress").get_by_role("link", name=re.compile(re.escape(WALK_WORDS["summary_title"]))).click()
    with page.expect_download() as info:
        page.get_by_role("button", name=WALK_WORDS["save_json"]).click()
    expect(page.get_by_role("status")).to_contain_text(info.value.suggested_filename)


STATES = [
    Interaction("doorloop-aantekeningen", "doorloop.html", walk_with_notes),
    Interaction("doorloop-samenvatting-opslaan", "doorloop.html", walk_summary_saved),
    Interaction("doorloop-voorbeeld-acties", "doorloop.html?fenomeen=fraude", walk_with_an_example_at_its_actions),
    Interaction("doorloop-voorbeeld-stap-3", "doorloop.html?fenomeen=fraude", walk_at_step_3_with_an_example),
    Interaction("doorloop-stap-2", "doorloop.html", walk_at_a_step("contextinformatie")),
    Interaction("doorloop-stap-4", "doorloop.html", walk_at_a_step("intervenieren")),
    Interaction("doorloop-beschadigd", "doorloop.html", walk_with_a_damaged_saved_walk),
    Interaction("doorloop-bestand-opslaan", "doorloop.html?fenomeen=fraude", walk_file_saved),
    Interaction("doorloop-voorbeeld-gekozen", "doorloop.html", walk_example_chosen),
    Interaction("doorloop-voorbeeld-wijzigen", "doorloop.html", walk_example_changed_at_step_3),
]
