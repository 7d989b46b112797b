"""Handelingen bespreken in a meeting: the verdict shows without scrolling
sideways (390 px, and 15 files at 1280 px), headers name roles, files sort
naturally, an example has one name, a filter shows only answered questions,
and copying to the card asks for a question when none fits and answers
beside the button clicked."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.browser import WIDTHS
from support.discuss import CONTENT, MEETING, TEXTS, actions_file, as_upload, copied, meeting_uploads, discuss_text
from support.keyboard import tab_to

WORDS = CONTENT.bespreken
ROLES = {r.id: r.label for r in CONTENT.rollen.rollen}
FRAUDE = CONTENT.fenomeen("fraude")
COLUMNS = [discuss_text("choice_column"), discuss_text("difference_column")]  # the verdict's columns, before the files'


def open_page(page, site_url):
    page.goto(f"{site_url}bespreken.html")
    expect(page.locator(".rk-discuss-open")).to_be_visible()


def fifteen_files() -> list[dict]:
    """A training group: 15 youth workers, opened in a shuffled order."""
    files = [as_upload(actions_file("jongerenwerk", {"partners-betrekken": "ja" if i % 2 else "nee"},
                                    {"bericht-duiden/1": f"Aantekening {i}"}),
                       f"deelnemer-{i}.json") for i in range(1, 16)]
    random.Random(4).shuffle(files)
    return files


@pytest.mark.parametrize("width, files", [("phone", meeting_uploads), ("desktop", fifteen_files)],
                         ids=["390-three-files", "1280-fifteen-files"])
def test_the_verdict_shows_without_scrolling_sideways(page, site_url, width, files):
    page.set_viewport_size(WIDTHS[width])
    open_page(page, site_url)
    page.set_input_files("#rk-discuss-input", files=files())
    table = page.locator(".rk-discuss-scroll").first
    expect(table.locator(".rk-discuss-verdict")).not_to_have_count(0)
    assert table.evaluate("e => e.scrollLeft") == 0
    box = table.bounding_box()
    for verdict in table.locator(".rk-discuss-verdict").all():
        cell = verdict.bounding_box()
        assert box["x"] <= cell["x"] and cell["x"] + cell["width"] <= box["x"] + box["width"], (cell, box)
        assert cell["x"] + cell["width"] <= WIDTHS[width]["width"]


def test_headers_show_roles_numbered_when_a_role_repeats_in_natural_file_order(page, site_url):
    page.set_viewport_size(WIDTHS["desktop"])
    open_page(page, site_url)
    page.set_input_files("#rk-discuss-input", files=fifteen_files())
    heads = page.locator(".rk-discuss-choices thead th")
    expected = [f"{ROLES['jongerenwerk']}, {WORDS.deelnemer} {i}" for i in range(1, 16)]
    expect(heads).to_have_text(COLUMNS + expected)
    expect(page.locator(".rk-discuss-view")).not_to_contain_text("deelnemer-1.json")
    # Natural order: deelnemer-2 before deelnemer-10, in the list and the columns.
    names = [t.split(": ")[1].split(" (")[0] for t in page.locator("#rk-discuss-files li > span").all_inner_texts()]
    assert names == [f"deelnemer-{i}.json" for i in range(1, 16)], names
    options = {o.id: o.label for o in CONTENT.stap("partners-betrekken").beslissing.opties}
    row = page.locator(".rk-discuss-choices tbody tr", has_text=CONTENT.stap("partners-betrekken").label)
    expect(row.locator("td")).to_have_text([discuss_text("differs")] + [options["ja" if i % 2 else "nee"] for i in range(1, 16)])


def test_three_roles_need_no_number(page, site_url):
    open_page(page, site_url)
    page.set_input_files("#rk-discuss-input", files=meeting_uploads())
    expect(page.locator(".rk-discuss-choices thead th")).to_have_text(
        COLUMNS + [ROLES[r] for r in MEETING])


def test_an_example_has_its_routekaart_title_even_from_a_file_that_names_it_otherwise(page, site_url):
    old = actions_file("politie", {})
    old["voorbeeld"]["titel"] = FRAUDE.korte_titel  # as the walk named it before
    open_page(page, site_url)
    page.set_input_files("#rk-discuss-input", files=[as_upload(old, "oud.json"), *meeting_uploads()[:1]])
    expect(page.locator(".rk-discuss-example h2")).to_have_text([discuss_text("example_heading", title=FRAUDE.titel)])
    expect(page.locator("#rk-discuss-files")).not_to_contain_text(discuss_text("list_example", title=FRAUDE.korte_titel) + ",")


def test_the_filter_shows_only_the_questions_somebody_answered_by_keyboard(page, site_url):
    open_page(page, site_url)
    page.set_input_files("#rk-discuss-input", files=meeting_uploads())
    empty = page.locator(".rk-discuss-empty", has_text=discuss_text("nobody_answered"))
    expect(empty.first).to_be_visible()
    answered = page.locator(".rk-discuss-answer", has_text="Oplichting, mogelijk strafbaar.")
    page.locator("#rk-discuss-status").evaluate("e => e.setAttribute('tabindex', '-1')")
    page.locator("#rk-discuss-status").focus()
    checkbox = page.get_by_label(WORDS.alleen_beantwoord)
    tab_to(page, checkbox)
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    expect(empty.locator("visible=true")).to_have_count(0)
    expect(answered).to_be_visible()
    # A step nobody wrote anything at is gone too; one with answers keeps its heading.
    expect(page.locator(".rk-discuss-step h3:visible")).to_contain_text([CONTENT.routekaart.stappen[0].label])
    page.keyboard.press("Space")
    expect(empty.first).to_be_visible()


def test_no_card_question_is_offered_for_a_step_none_fits_and_the_dialog_waits(page, site_url):
    """Step 1's answer fits no card question: none is chosen first, and the
    dialog stays open until the reader chooses one."""
    open_page(page, site_url)
    page.set_input_files("#rk-discuss-input", files=meeting_uploads())
    item = page.locator(".rk-discuss-answers li", has_text="Oplichting, mogelijk strafbaar.")
    button = item.get_by_role("button", name=discuss_text("to_card"))
    button.click()
    dialog = page.get_by_role("dialog", name=discuss_text("to_card"))
    select = dialog.get_by_label(discuss_text("card_question_label"))
    expect(select).to_have_value("")
    expect(select.locator("option").first).to_have_text(WORDS.kaartvraag_kiezen)
    dialog.get_by_role("button", name=discuss_text("copy_yes")).click()
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("alert")).to_have_text(WORDS.kaartvraag_nodig)
    expect(select).to_be_focused()
    select.select_option("betrekken")
    expect(dialog.get_by_role("alert")).to_be_hidden()
    dialog.get_by_role("button", name=discuss_text("copy_yes")).click()
    # The confirmation shows where the user clicked, as a status message.
    done = item.get_by_role("status")
    expect(done).to_have_text(copied("politie", "betrekken"))
    expect(button).to_be_focused()
    b, d = button.bounding_box(), done.bounding_box()
    assert 0 <= d["y"] - (b["y"] + b["height"]) < 40, (b, d)
    expect(page.locator("#rk-discuss-status")).to_have_text("")


@pytest.mark.parametrize("step, question", [("bericht-duiden", ""), ("contextinformatie", ""),
                                         ("partners-betrekken", "betrekken"), ("intervenieren", "ingrijpen"),
                                         ("mogelijke-acties", "ingrijpen")])
def test_the_card_question_offered_first_fits_the_step(step, question):
    assert WORDS.kaartvraag(step) == question


def test_the_scripts_and_the_template_take_their_words_from_the_bespreken_block():
    """Every text asked for (t("key") in the scripts, t.key in the template)
    is in content/teksten.yml, and every text there is used."""
    here = Path(__file__).parent
    used = set(re.findall(r"\bt\.([a-z0-9_]+)", (here / "bespreken.html").read_text(encoding="utf-8")))
    for script in here.glob("*.js"):
        used |= set(re.findall(r'\bt\("([a-z0-9_]+)"', script.read_text(encoding="utf-8")))
    assert used == set(TEXTS), (sorted(used - set(TEXTS)), sorted(set(TEXTS) - used))
