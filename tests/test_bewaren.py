"""Nothing a professional types is ever lost (issue 22): a fault harness.

Each test injects one fault a careful user meets in ordinary use (full or
blocked storage, two tabs typing in turn, a long paste, a new build of the
site, a damaged saved copy, a file with JavaScript's inherited names, a clock
just after midnight in Amsterdam) and checks that the text is kept and the
user is told. The words checked come from content/opslag.yml and content/teksten.yml."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.content import load_content
from support.discuss import MEETING, as_upload, copied, meeting_uploads, discuss_text
from support.project import ROOT, serve
from support.variants import REGIONAL, Variant

CONTENT = load_content(ROOT / "content")
WORDS = CONTENT.opslag
WALK = CONTENT.teksten.blok("walk")  # the walk's words
CARD_CONTENT = CONTENT.afspraken.afsprakenkaart
CARD_WORDS = CONTENT.teksten.blok("afsprakenkaart")
CARD_KEY = "routekaart:afsprakenkaart"
WALK_KEY = "routekaart:doorloop"
ROLE_KEY = "routekaart:rol"
LIST_KEY = "routekaart:bespreken"
NOTE = '[data-note="bericht-duiden/1"]'
NOTE_2 = '[data-note="bericht-duiden/2"]'

# Storage.setItem throws as a full browser's does, until window.__full is false.
FULL_STORAGE = """
window.__full = true;
const realSetItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (window.__full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  return realSetItem.call(this, key, value);
};
"""
# The browser refuses every use of localStorage (as with blocked site data).
BLOCKED_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("Access is denied for this document.", "SecurityError"); }
});
"""
# This tab misses the other tabs' saves, as when both type at the same moment.
DEAF_TAB = "window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true);"


def open_card(page, url):
    page.goto(f"{url}afsprakenkaart.html")
    expect(page.locator("#card-actions")).to_be_visible()


def open_walk(page, url):
    page.goto(f"{url}doorloop.html")
    expect(page.locator("#rk-walk.rk-walk--active")).to_have_count(1)


def cell(page, question: str, partner: str):
    return page.locator(f"#answer-{question}-{partner}")


def stored(page, key: str):
    raw = page.evaluate("(k) => localStorage.getItem(k)", key)
    return None if raw is None else json.loads(raw)


def paste(field, text: str):
    """Puts `text` in the field as a paste does: through the browser's own editing."""
    field.focus()
    field.evaluate("(f, text) => document.execCommand('insertText', false, text)", text)


def download(page, button) -> tuple[str, bytes]:
    with page.expect_download() as info:
        button.click()
    return info.value.suggested_filename, info.value.path().read_bytes()


@pytest.fixture
def tabs(browser):
    """Two tabs of one browser; the second one opens only when asked for."""
    context = browser.new_context(service_workers="block")
    yield context
    context.close()


# --- 3. "Not saved" is seen, next to the field ---------------------------------

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}


def assert_warned_at(page, field):
    warning = page.get_by_role("alert").filter(has_text=WORDS.niet_bewaard)
    expect(warning).to_be_visible()
    expect(warning).to_be_in_viewport()
    assert field.evaluate("(f) => f.nextElementSibling.matches('.rk-save-warning')"), "not right under the field"
    expect(warning.get_by_role("button", name=WORDS.opslaan_knop)).to_be_visible()
    return warning


@pytest.mark.parametrize("size", SIZES)
def test_full_storage_is_said_under_the_card_field_until_saving_works_again(browser, site_url, size):
    context = browser.new_context(service_workers="block", viewport=SIZES[size])
    context.add_init_script(FULL_STORAGE)
    page = context.new_page()
    open_card(page, site_url)
    field = cell(page, "ingrijpen", "politie")
    field.fill("Bij een dreiging met een wapen.")
    warning = assert_warned_at(page, field)
    # The line that says saving works does not stay.
    expect(page.locator("#card-saving")).to_be_hidden()
    # The warning's button makes the file that keeps the text.
    name, data = download(page, warning.get_by_role("button", name=WORDS.opslaan_knop))
    assert json.loads(data)["antwoorden"]["ingrijpen"]["politie"] == "Bij een dreiging met een wapen."
    page.evaluate("window.__full = false")
    field.press("End")
    field.press_sequentially("!")
    expect(warning).to_be_hidden()
    expect(page.locator("#card-saving")).to_be_visible()
    assert stored(page, CARD_KEY)["antwoorden"]["ingrijpen"]["politie"] == "Bij een dreiging met een wapen.!"
    context.close()


@pytest.mark.parametrize("size", SIZES)
def test_full_storage_is_said_under_the_walk_note_until_saving_works_again(browser, site_url, size):
    context = browser.new_context(service_workers="block", viewport=SIZES[size])
    context.add_init_script(FULL_STORAGE)
    page = context.new_page()
    open_walk(page, site_url)
    field = page.locator(NOTE)
    field.fill("Openbaar bericht, 340 volgers.")
    warning = assert_warned_at(page, field)
    expect(page.locator("#rk-walk-status")).not_to_contain_text("bewaard")
    page.evaluate("window.__full = false")
    field.press_sequentially(" Meer.")
    expect(warning).to_be_hidden()
    assert stored(page, WALK_KEY)["velden"]["bericht-duiden/1"] == "Openbaar bericht, 340 volgers. Meer."
    context.close()


def test_full_storage_is_said_under_the_walks_ticked_action_and_under_a_choices_group(browser, site_url):
    """A box's warning stands under its own line, a choice's under its group."""
    context = browser.new_context(service_workers="block")
    context.add_init_script(FULL_STORAGE)
    page = context.new_page()
    open_walk(page, site_url)
    page.locator('.rk-walk-progress [data-to-step="partners-betrekken"]').click()
    choice = page.locator("#doorloop-partners-betrekken input[type=radio]").first
    choice.check()
    expect(page.get_by_role("alert").filter(has_text=WORDS.niet_bewaard)).to_be_visible()
    assert choice.evaluate("(c) => c.closest('fieldset').nextElementSibling.matches('.rk-save-warning')")
    page.locator('.rk-walk-progress [data-to-step="mogelijke-acties"]').click()
    box = page.locator("#doorloop-mogelijke-acties [data-action-field]").nth(1)
    box.check()
    expect(page.get_by_role("alert").filter(has_text=WORDS.niet_bewaard)).to_be_visible()
    assert box.evaluate("(b) => b.parentNode.nextElementSibling.matches('.rk-save-warning')"), "not under its line"
    context.close()


def test_blocked_storage_is_said_at_load_and_under_the_field_typed_in(browser, site_url):
    context = browser.new_context(service_workers="block")
    context.add_init_script(BLOCKED_STORAGE)
    page = context.new_page()
    open_card(page, site_url)
    expect(page.locator("#card-load-notice")).to_contain_text("laat niet toe")
    expect(page.locator("#card-saving")).to_be_hidden()
    field = cell(page, "betrekken", "gemeente")
    field.fill("Bij een oproep tot rellen.")
    assert_warned_at(page, field)
    open_walk(page, site_url)
    field = page.locator(NOTE)
    field.fill("Een aantekening.")
    assert_warned_at(page, field)
    context.close()


def test_a_role_that_cannot_be_kept_says_so(browser, site_url):
    context = browser.new_context(service_workers="block")
    context.add_init_script(FULL_STORAGE)
    page = context.new_page()
    page.goto(f"{site_url}index.html")
    page.get_by_label("politie (wijkagent, digitale wijkagent)", exact=True).check()
    expect(page.get_by_role("alert").filter(has_text=WORDS.rol_niet_onthouden)).to_be_visible()
    context.close()


# --- 1. Tabs agree ---------------------------------------------------------------

def test_two_card_tabs_typing_in_turn_keep_each_others_text(tabs, site_url):
    first, second = tabs.new_page(), tabs.new_page()
    open_card(first, site_url)
    open_card(second, site_url)
    cell(first, "betrekken", "politie").fill("Uit het eerste tabblad.")
    # The open tab shows what the other one saved ...
    expect(cell(second, "betrekken", "politie")).to_have_value("Uit het eerste tabblad.")
    cell(second, "ingrijpen", "gemeente").fill("Uit het tweede tabblad.")
    expect(cell(first, "ingrijpen", "gemeente")).to_have_value("Uit het tweede tabblad.")
    cell(first, "anderen-ingrijpen", "jongerenwerk").fill("Weer het eerste.")
    # ... and neither tab's save removes the other's text.
    assert stored(first, CARD_KEY)["antwoorden"] == {
        "betrekken": {"politie": "Uit het eerste tabblad."},
        "ingrijpen": {"gemeente": "Uit het tweede tabblad."},
        "anderen-ingrijpen": {"jongerenwerk": "Weer het eerste."}}


def test_one_card_field_changed_in_two_tabs_keeps_both_texts(tabs, site_url):
    first, second = tabs.new_page(), tabs.new_page()
    second.add_init_script(DEAF_TAB)
    open_card(first, site_url)
    open_card(second, site_url)
    cell(first, "betrekken", "politie").fill("Tekst uit tabblad een.")
    cell(second, "betrekken", "politie").fill("Tekst uit tabblad twee.")
    both = stored(first, CARD_KEY)["antwoorden"]["betrekken"]["politie"]
    assert "Tekst uit tabblad een." in both and "Tekst uit tabblad twee." in both and WORDS.scheiding in both
    expect(cell(second, "betrekken", "politie")).to_have_value(both)
    expect(second.locator("#card-status")).to_have_text(WORDS.ander_tabblad)
    expect(cell(first, "betrekken", "politie")).to_have_value(both)


def test_two_walk_tabs_typing_in_turn_keep_each_others_notes(tabs, site_url):
    first, second = tabs.new_page(), tabs.new_page()
    open_walk(first, site_url)
    open_walk(second, site_url)
    first.locator(NOTE).fill("Eerste tabblad.")
    expect(second.locator(NOTE)).to_have_value("Eerste tabblad.")
    second.locator(NOTE_2).fill("Tweede tabblad.")
    expect(first.locator(NOTE_2)).to_have_value("Tweede tabblad.")
    first.locator(NOTE).press_sequentially(" Meer.")
    fields = stored(first, WALK_KEY)["velden"]
    assert fields == {"bericht-duiden/1": "Eerste tabblad. Meer.", "bericht-duiden/2": "Tweede tabblad."}


def test_one_walk_note_changed_in_two_tabs_keeps_both_texts(tabs, site_url):
    first, second = tabs.new_page(), tabs.new_page()
    second.add_init_script(DEAF_TAB)
    open_walk(first, site_url)
    open_walk(second, site_url)
    first.locator(NOTE).fill("Notitie een.")
    second.locator(NOTE).fill("Notitie twee.")
    both = stored(first, WALK_KEY)["velden"]["bericht-duiden/1"]
    assert "Notitie een." in both and "Notitie twee." in both
    expect(second.locator(NOTE)).to_have_value(both)


def test_an_answer_copied_from_bespreken_stays_after_typing_in_an_open_card_tab(tabs, site_url):
    card, meeting = tabs.new_page(), tabs.new_page()
    open_card(card, site_url)
    cell(card, "betrekken", "gemeente").fill("Al getypt.")
    meeting.goto(f"{site_url}bespreken.html")
    meeting.set_input_files("#rk-discuss-input", files=meeting_uploads())
    note = MEETING["politie"]["stappen"][3]["antwoorden"][-1]["antwoord"]
    item = meeting.locator(".rk-discuss-answers li", has_text=note)
    item.get_by_role("button", name=discuss_text("to_card")).click()
    meeting.get_by_role("button", name=discuss_text("copy_yes")).click()
    # the confirmation beside the button that was clicked
    expect(item.get_by_role("status")).to_have_text(copied("politie", "ingrijpen"))
    expect(cell(card, "ingrijpen", "politie")).to_have_value(note)
    cell(card, "betrekken", "gemeente").press_sequentially(" En meer.")
    assert stored(card, CARD_KEY)["antwoorden"] == {"betrekken": {"gemeente": "Al getypt. En meer."},
                                                    "ingrijpen": {"politie": note}}


def test_an_answer_copied_while_the_card_tab_missed_it_is_still_kept(tabs, site_url):
    card, meeting = tabs.new_page(), tabs.new_page()
    card.add_init_script(DEAF_TAB)
    open_card(card, site_url)
    meeting.goto(f"{site_url}bespreken.html")
    meeting.set_input_files("#rk-discuss-input", files=meeting_uploads())
    note = MEETING["politie"]["stappen"][3]["antwoorden"][-1]["antwoord"]
    item = meeting.locator(".rk-discuss-answers li", has_text=note)
    item.get_by_role("button", name=discuss_text("to_card")).click()
    meeting.get_by_role("button", name=discuss_text("copy_yes")).click()
    # the confirmation beside the button that was clicked
    expect(item.get_by_role("status")).to_have_text(copied("politie", "ingrijpen"))
    cell(card, "betrekken", "gemeente").fill("Getypt in een tabblad dat al open was.")
    assert stored(card, CARD_KEY)["antwoorden"]["ingrijpen"] == {"politie": note}


# --- 2. No silent cuts: a paste of 200 KB ----------------------------------------

LONG = ("Een lange aantekening met een \u201cregel\u201d en \u00e9\u00e9n accent. " * 4000)[:200_000]


def test_a_200_kb_paste_in_a_card_cell_is_kept_whole_in_storage_and_file(page, site_url):
    open_card(page, site_url)
    field = cell(page, "ingrijpen", "jongerenwerk")
    paste(field, LONG)
    assert len(field.input_value()) == len(LONG)
    page.reload()
    expect(page.locator("#card-actions")).to_be_visible()
    assert cell(page, "ingrijpen", "jongerenwerk").input_value() == LONG
    name, data = download(page, page.get_by_role("button", name=CARD_WORDS["export_button"]))
    assert json.loads(data)["antwoorden"]["ingrijpen"]["jongerenwerk"] == LONG
    # The file opens again whole.
    page.get_by_role("button", name=CARD_WORDS["clear_button"]).click()
    page.get_by_role("button", name=CARD_WORDS["clear_yes"]).click()
    page.set_input_files("#card-import", files=[{"name": name, "mimeType": "application/json", "buffer": data}])
    expect(page.locator("#card-status")).to_contain_text(CARD_WORDS["opened"].format(file=name))
    assert cell(page, "ingrijpen", "jongerenwerk").input_value() == LONG


def test_a_200_kb_paste_in_a_walk_note_is_kept_whole_in_every_copy(page, site_url):
    open_walk(page, site_url)
    paste(page.locator(NOTE), LONG)
    page.reload()
    expect(page.locator("#rk-walk.rk-walk--active")).to_have_count(1)
    assert page.locator(NOTE).input_value() == LONG
    page.goto(f"{site_url}doorloop.html#doorloop-samenvatting")
    expect(page.locator("#rk-summary")).to_contain_text(LONG[-200:])
    _, text = download(page, page.get_by_role("button", name=WALK["save_text"]))
    assert LONG in text.decode("utf-8")
    name, data = download(page, page.get_by_role("button", name=WALK["save_json"]))
    # The bespreken page opens the file with the whole note.
    page.goto(f"{site_url}bespreken.html")
    page.set_input_files("#rk-discuss-input", files=[as_upload(data, name)])
    expect(page.locator("#rk-discuss-files li")).to_have_count(1)
    expect(page.locator("#rk-discuss-errors")).to_be_hidden()


# --- 4. A new build keeps the reader's text ---------------------------------------

def _renamed_question(project: Path) -> None:
    """The next version renames the card question "anderen-ingrijpen"."""
    path = project / "content" / "afspraken.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("- id: anderen-ingrijpen", "- id: anderen-laten-ingrijpen"),
                    encoding="utf-8")


RENAMED = Variant("renamed-card-question", _renamed_question)


@pytest.fixture(scope="module")
def regional_url():
    server = serve(REGIONAL.site())
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="module")
def renamed_url():
    server = serve(RENAMED.site())
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def card_filled_on(page, site_url, answers: dict) -> str:
    """The card as the national edition kept it after typing `answers`."""
    open_card(page, site_url)
    for (question, partner), text in answers.items():
        cell(page, question, partner).fill(text)
    raw = page.evaluate("(k) => localStorage.getItem(k)", CARD_KEY)
    page.evaluate("localStorage.clear()")
    return raw


def test_a_regional_edition_keeps_the_text_of_a_cell_it_made_agreed(page, site_url, regional_url):
    # betrekken/jongerenwerk is agreed in tests/fixtures/regio.yml.
    raw = card_filled_on(page, site_url, {("betrekken", "jongerenwerk"): "Mijn eigen afspraak.",
                                          ("ingrijpen", "politie"): "Bij een wapen."})
    page.goto(f"{regional_url}afsprakenkaart.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [CARD_KEY, raw])
    page.reload()
    expect(page.locator("#card-actions")).to_be_visible()
    agreed = page.locator("#vraag-betrekken .rk-card-cell--agreed[data-partner='jongerenwerk']")
    expect(agreed).to_contain_text(f"{WORDS.eerdere_tekst} Mijn eigen afspraak.")
    expect(page.locator("#card-load-notice")).to_be_hidden()
    expect(cell(page, "ingrijpen", "politie")).to_have_value("Bij een wapen.")
    cell(page, "ingrijpen", "politie").press_sequentially(" Direct.")
    kept = stored(page, CARD_KEY)["antwoorden"]
    assert kept["betrekken"]["jongerenwerk"] == "Mijn eigen afspraak."
    assert kept["ingrijpen"]["politie"] == "Bij een wapen. Direct."
    _, text = download(page, page.get_by_role("button", name=WORDS.niet_meer_op_kaart_download))
    assert "Mijn eigen afspraak." in text.decode("utf-8")


def test_a_renamed_question_keeps_its_text_in_a_list_and_the_card_works(page, site_url, renamed_url):
    raw = card_filled_on(page, site_url, {("anderen-ingrijpen", "gemeente"): "Wij bellen de school.",
                                          ("betrekken", "politie"): "Bij een filmpje."})
    page.goto(f"{renamed_url}afsprakenkaart.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [CARD_KEY, raw])
    page.reload()
    expect(page.locator("#card-actions")).to_be_visible()
    expect(page.locator("#card-load-notice")).to_be_hidden()  # not counted as damaged
    expect(cell(page, "betrekken", "politie")).to_have_value("Bij een filmpje.")
    earlier = page.get_by_role("region", name=WORDS.niet_meer_op_kaart_titel)
    expect(earlier).to_contain_text("Wij bellen de school.")
    cell(page, "anderen-laten-ingrijpen", "gemeente").fill("Nieuwe tekst.")
    kept = stored(page, CARD_KEY)["antwoorden"]
    assert kept["anderen-ingrijpen"] == {"gemeente": "Wij bellen de school."}
    assert kept["anderen-laten-ingrijpen"] == {"gemeente": "Nieuwe tekst."}
    _, text = download(page, earlier.get_by_role("button", name=WORDS.niet_meer_op_kaart_download))
    assert "Wij bellen de school." in text.decode("utf-8")


# A walk kept by an earlier version: one note is of a question this version has no more.
OLD_NOTE = ("bericht-duiden/oud", "Mijn notitie bij een oude vraag.")


def test_a_walk_note_of_a_question_no_longer_there_is_shown_kept_and_exported(page, site_url):
    open_walk(page, site_url)
    kept = {"versie": 1, "velden": {OLD_NOTE[0]: OLD_NOTE[1], "bericht-duiden/1": "Nog geldig."},
            "keuzes": {}, "fenomeen": None, "rol": None}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [WALK_KEY, json.dumps(kept)])
    page.reload()
    expect(page.locator("#rk-walk.rk-walk--active")).to_have_count(1)
    earlier = page.get_by_role("region", name=WORDS.niet_meer_in_doorloop_titel)
    expect(earlier).to_be_visible()
    expect(earlier).to_contain_text(OLD_NOTE[1])
    expect(page.locator("#rk-walk-notice")).to_be_hidden()  # not counted as damaged
    page.locator(NOTE).press_sequentially(" Meer.")
    fields = stored(page, WALK_KEY)["velden"]
    assert fields == {OLD_NOTE[0]: OLD_NOTE[1], "bericht-duiden/1": "Nog geldig. Meer."}
    expect(earlier).to_contain_text(OLD_NOTE[1])
    page.goto(f"{site_url}doorloop.html#doorloop-samenvatting")
    expect(page.locator("#rk-summary")).to_contain_text(WORDS.niet_meer_in_doorloop_titel)
    expect(page.locator("#rk-summary")).to_contain_text(OLD_NOTE[1])
    _, text = download(page, page.get_by_role("button", name=WALK["save_text"]))
    assert OLD_NOTE[1] in text.decode("utf-8")
    _, html = download(page, page.get_by_role("button", name=WALK["save_html"]))
    assert OLD_NOTE[1] in html.decode("utf-8")
    name, data = download(page, page.get_by_role("button", name=WALK["save_json"]))
    assert json.loads(data)["eerdere_teksten"] == [{"veld": OLD_NOTE[0], "tekst": OLD_NOTE[1]}]
    # The bespreken page still opens the file: it leaves the earlier texts aside.
    page.goto(f"{site_url}bespreken.html")
    page.set_input_files("#rk-discuss-input", files=[as_upload(data, name)])
    expect(page.locator("#rk-discuss-files li")).to_have_count(1)
    expect(page.locator("#rk-discuss-errors")).to_be_hidden()


def _walk_question_removed(project: Path) -> None:
    """The next version has no more the last question of step 1 (note "bericht-duiden/6")."""
    path = project / "content" / "routekaart.yml"
    text = path.read_text(encoding="utf-8")
    question = "      - vraag: Is het duidelijk wie dit bericht heeft gepost?\n"
    assert question in text
    path.write_text(text.replace(question, "", 1), encoding="utf-8")


WALK_QUESTION_REMOVED = Variant("removed-walk-question", _walk_question_removed)


@pytest.fixture(scope="module")
def removed_walk_question_url():
    server = serve(WALK_QUESTION_REMOVED.site())
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_a_new_build_without_a_walk_question_keeps_its_note(page, site_url, removed_walk_question_url):
    open_walk(page, site_url)
    page.locator('[data-note="bericht-duiden/6"]').fill("Gepost door een nepaccount.")
    raw = page.evaluate("(k) => localStorage.getItem(k)", WALK_KEY)
    page.evaluate("localStorage.clear()")
    page.goto(f"{removed_walk_question_url}doorloop.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [WALK_KEY, raw])
    page.reload()
    expect(page.locator("#rk-walk.rk-walk--active")).to_have_count(1)
    expect(page.locator('[data-note="bericht-duiden/6"]')).to_have_count(0)
    earlier = page.get_by_role("region", name=WORDS.niet_meer_in_doorloop_titel)
    expect(earlier).to_contain_text("Gepost door een nepaccount.")
    page.locator(NOTE).fill("Nieuw.")
    assert stored(page, WALK_KEY)["velden"] == {"bericht-duiden/6": "Gepost door een nepaccount.",
                                                 "bericht-duiden/1": "Nieuw."}
    expect(earlier).to_contain_text("Gepost door een nepaccount.")
    page.goto(f"{removed_walk_question_url}doorloop.html#doorloop-samenvatting")
    expect(page.locator("#rk-summary")).to_contain_text("Gepost door een nepaccount.")
    name, data = download(page, page.get_by_role("button", name=WALK["save_json"]))
    assert {"veld": "bericht-duiden/6", "tekst": "Gepost door een nepaccount."} in json.loads(data)["eerdere_teksten"]
    page.goto(f"{removed_walk_question_url}bespreken.html")
    page.set_input_files("#rk-discuss-input", files=[as_upload(data, name)])
    expect(page.locator("#rk-discuss-files li")).to_have_count(1)
    expect(page.locator("#rk-discuss-errors")).to_be_hidden()


# --- 5. Every damaged copy is announced and can be downloaded ----------------------

DAMAGED = ['{"versie": 1, "velden": {"x": 4', '["beschadigd", 2]']


def assert_both_backups_download(page, notice, key, storage="localStorage"):
    backups = page.evaluate(f"(k) => [{storage}.getItem(k + ':beschadigd'), {storage}.getItem(k + ':beschadigd:2')]",
                            key)
    assert backups == DAMAGED, "the second damage overwrote the first backup"
    buttons = notice.get_by_role("button", name=re.compile(re.escape(WORDS.beschadigd_download)))
    expect(buttons).to_have_count(2)
    for i, raw in enumerate(DAMAGED):
        _, data = download(page, buttons.nth(i))
        assert data.decode("utf-8") == raw


def test_a_damaged_card_twice_keeps_both_backups_to_download(page, site_url):
    open_card(page, site_url)
    for raw in DAMAGED:
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [CARD_KEY, raw])
        page.reload()
        expect(page.locator("#card-load-notice")).to_contain_text(CARD_WORDS["stored_damaged"].partition("{error}")[0])
    assert_both_backups_download(page, page.locator("#card-load-notice"), CARD_KEY)


def test_a_damaged_walk_twice_keeps_both_backups_to_download(page, site_url):
    open_walk(page, site_url)
    for raw in DAMAGED:
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [WALK_KEY, raw])
        page.reload()
        expect(page.locator("#rk-walk-notice")).to_contain_text(WALK["damaged_kept"].format(button=WALK["wipe"]))
    assert_both_backups_download(page, page.locator("#rk-walk-notice"), WALK_KEY)


def test_a_damaged_role_is_announced_with_its_download(page, site_url):
    page.goto(f"{site_url}partners.html")
    for raw in DAMAGED:
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [ROLE_KEY, raw])
        page.reload()
    notice = page.get_by_role("alert").filter(has_text=WORDS.rol_beschadigd)
    expect(notice).to_be_visible()
    assert_both_backups_download(page, notice, ROLE_KEY)


def test_a_damaged_list_of_opened_files_is_announced_with_its_download(page, site_url):
    page.goto(f"{site_url}bespreken.html")
    for raw in DAMAGED:
        page.evaluate("([k, v]) => sessionStorage.setItem(k, v)", [LIST_KEY, raw])
        page.reload()
        expect(page.locator("#rk-discuss-errors")).to_contain_text(WORDS.lijst_beschadigd)
    assert_both_backups_download(page, page.locator("#rk-discuss-errors"), LIST_KEY, "sessionStorage")


# Another tab (an old version of the site, a faulty extension) writes a damaged copy while this one is open.
@pytest.mark.parametrize("hears", [True, False], ids=["hears-the-other-tab", "misses-the-other-tab"])
@pytest.mark.parametrize("kind", ["card", "walk"])
def test_a_damaged_copy_from_another_tab_is_announced_at_once_and_this_tabs_text_kept(tabs, site_url, kind, hears):
    first, second = tabs.new_page(), tabs.new_page()
    if not hears:
        first.add_init_script(DEAF_TAB)
    key, field, notice, name = ((CARD_KEY, cell(first, "betrekken", "politie"), "#card-load-notice",
                                 CARD_WORDS["damaged_file_stem"] + ".txt") if kind == "card" else
                                (WALK_KEY, first.locator(NOTE), "#rk-walk-notice", WALK["damaged_file_stem"] + ".txt"))
    (open_card if kind == "card" else open_walk)(first, site_url)
    field.fill("Mijn tekst.")
    second.goto(f"{site_url}privacy.html")
    second.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, DAMAGED[0]])
    if not hears:
        field.press_sequentially(" Meer.")
    notice = first.locator(notice)
    expect(notice).to_contain_text(WORDS.ander_tabblad_beschadigd)
    expect(field).to_have_value("Mijn tekst." + ("" if hears else " Meer."))
    button = notice.get_by_role("button", name=re.compile(re.escape(WORDS.beschadigd_download)))
    assert download(first, button) == (name, DAMAGED[0].encode("utf-8"))
    # This tab's text is the kept copy again, at once when it heard the other tab.
    saved = first.evaluate("(k) => localStorage.getItem(k)", key)
    assert saved is not None and "Mijn tekst." in saved


# --- 6. Files are checked against their own names only ------------------------------

INHERITED = ["constructor", "toString", "hasOwnProperty", "__proto__"]


def walk_file_with(where: str, name: str) -> tuple[dict, str]:
    """A walk file with `name` in one of its fields; the reason it must be refused for."""
    data = json.loads(json.dumps(MEETING["politie"]))
    steps = data["stappen"]
    if where == "rol":
        data["rol"] = name
        return data, f"de rol \u201c{name}\u201d is onbekend"
    if where == "stap":
        steps[0]["stap"] = name
        return data, f"het bevat een onbekende stap (\u201c{name}\u201d)"
    if where == "veld":
        steps[0]["antwoorden"][0]["veld"] = name
        return data, f"het bevat een onbekende vraag (\u201c{name}\u201d)"
    if where == "actie":
        steps[0]["acties"] = [{"veld": name, "titel": "x"}]
        return data, f"het bevat een onbekende actie (\u201c{name}\u201d)"
    steps[3]["keuze"] = {"optie": name, "label": "x"}
    return data, f"het bevat een onbekende keuze (\u201c{name}\u201d)"


@pytest.mark.parametrize("where", ["rol", "stap", "veld", "actie", "keuze"])
def test_inherited_names_in_a_walk_file_are_refused_as_unknown(page, site_url, where):
    page.goto(f"{site_url}bespreken.html")
    files = []
    for name in INHERITED:
        data, _ = walk_file_with(where, name)
        files.append(as_upload(data, f"{where}-{name}.json"))
    page.set_input_files("#rk-discuss-input", files=files)
    errors = page.locator("#rk-discuss-errors")
    for name in INHERITED:
        _, reason = walk_file_with(where, name)
        expect(errors).to_contain_text(f"Het bestand \u201c{where}-{name}.json\u201d kan niet worden geopend: {reason}")
    expect(page.locator("#rk-discuss-files li")).to_have_count(0)


CARD = {"soort": "routekaart-afsprakenkaart", "versie": 1, "regio": "", "datum": "", "antwoorden": {}}


@pytest.mark.parametrize("name", INHERITED)
def test_inherited_names_in_a_card_file_are_refused_as_unknown(page, site_url, name):
    open_card(page, site_url)
    cases = {"vraag": ({name: {"politie": "x"}}, f"onbekende vraag (\u201c{name}\u201d)"),
             "partner": ({"betrekken": {name: "x"}}, f"onbekende partner (\u201c{name}\u201d)")}
    for where, (answers, reason) in cases.items():
        data = json.dumps({**CARD, "antwoorden": answers}).encode()
        page.set_input_files("#card-import", files=[{"name": "kaart.json", "mimeType": "application/json",
                                                     "buffer": data}])
        expect(page.locator("#card-action-notice")).to_contain_text(reason)
    for field in ("soort", "regio", "datum"):
        data = json.dumps({**CARD, field: name}).encode()
        page.set_input_files("#card-import", files=[{"name": "kaart.json", "mimeType": "application/json",
                                                     "buffer": data}])
        if field == "regio":  # a region's name is any text
            expect(page.get_by_label(CARD_WORDS["field_region_or_municipality"])).to_have_value(name)
        else:
            expect(page.locator("#card-action-notice")).to_contain_text(
                CARD_WORDS["file_refused"].partition("{error}")[0].format(file="kaart.json"))


def test_a_kept_card_with_inherited_names_keeps_those_texts(page, site_url):
    open_card(page, site_url)
    kept = {**CARD, "antwoorden": {name: {"politie": f"Tekst bij {name}"} for name in INHERITED}}
    kept["antwoorden"]["betrekken"] = {"constructor": "Tekst in kolom constructor"}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [CARD_KEY, json.dumps(kept)])
    page.reload()
    expect(page.locator("#card-actions")).to_be_visible()
    expect(page.locator("#card-load-notice")).to_be_hidden()
    cell(page, "ingrijpen", "politie").fill("Nieuw.")
    answers = stored(page, CARD_KEY)["antwoorden"]
    for name in INHERITED:
        assert answers[name] == {"politie": f"Tekst bij {name}"}
    assert answers["betrekken"] == {"constructor": "Tekst in kolom constructor"}
    expect(page.get_by_role("region", name=WORDS.niet_meer_op_kaart_titel)).to_contain_text("Tekst bij __proto__")


# --- 7. Local dates ------------------------------------------------------------------

# 00:30 on 2 December in Amsterdam, still 1 December in UTC.
JUST_AFTER_MIDNIGHT = datetime(2026, 12, 1, 23, 30, tzinfo=timezone.utc)


def test_files_saved_just_after_midnight_in_amsterdam_carry_that_day(browser, site_url):
    context = browser.new_context(service_workers="block", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    page.clock.set_fixed_time(JUST_AFTER_MIDNIGHT)
    open_walk(page, site_url)
    page.locator(NOTE).fill("Een aantekening.")
    page.goto(f"{site_url}doorloop.html#doorloop-samenvatting")
    name, data = download(page, page.get_by_role("button", name=WALK["save_json"]))
    assert name.endswith("-2026-12-02.json") and json.loads(data)["datum"] == "2026-12-02"
    for button in (WALK["save_html"], WALK["save_text"]):
        name, _ = download(page, page.get_by_role("button", name=button))
        assert "2026-12-02" in name, name
    open_card(page, site_url)
    name, _ = download(page, page.get_by_role("button", name=CARD_WORDS["export_button"]))
    assert name == CARD_WORDS["file_stem"] + "-2026-12-02.json"
    context.close()
