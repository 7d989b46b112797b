"""Handelingen bespreken (bespreken.html): three partners walk the same
example and save their files; the page opens them side by side, shows where
their choices differ, copies an answer into the afsprakenkaart, and refuses
bad files without losing what is open."""
from __future__ import annotations

import io
import json
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from support.browser import WIDTHS
from support.discuss import CONTENT, MEETING, actions_file, as_upload, copied, meeting_uploads, quoted, discuss_text
from support.html import find, page as html_page, text, with_class
from support.keyboard import tab_to
from support.words import PAGES, WALK

RK = CONTENT.routekaart
ROLES = {r.id: r.label for r in CONTENT.rollen.rollen}
CARD = CONTENT.afspraken.afsprakenkaart
DECISIONS = [s for s in RK.stappen if s.beslissing]
CARD_KEY = "routekaart:afsprakenkaart"


def open_page(page, site_url):
    page.goto(f"{site_url}bespreken.html")
    expect(page.locator(".rk-discuss-open")).to_be_visible()  # the script has set it up


def open_files(page, files):
    page.set_input_files("#rk-discuss-input", files=files)


def opened(page):
    return page.locator("#rk-discuss-files li")


def choice_row(page, step_id: str):
    step = next(s for s in RK.stappen if s.id == step_id)
    return page.locator(".rk-discuss-choices tbody tr", has_text=step.label)


# --- three partners walk the same example -----------------------------------------

WALKS = {  # role -> (choice at step 3, choice at step 4, a note at step 1)
    "jongerenwerk": ("ja", "ja", "Jongerenwerk ziet een openbaar bericht."),
    "politie": ("ja", "nee", "Politie ziet mogelijke oplichting."),
    "gemeente": ("nee", "ja", "Gemeente kent de wijk."),
}


def walk_and_save(browser, site_url, role_id: str) -> tuple[str, dict]:
    """One partner, in a browser of their own, walks the fraud example and saves the file."""
    three, four, note = WALKS[role_id]
    context = browser.new_context(service_workers="block")
    context.add_init_script(f"localStorage.setItem('routekaart:rol', JSON.stringify({role_id!r}))")
    page = context.new_page()
    page.goto(f"{site_url}doorloop.html?fenomeen=fraude")
    page.locator('[data-note="bericht-duiden/1"]').fill(note)
    for step_id, option in (("partners-betrekken", three), ("intervenieren", four)):
        page.locator(f'.rk-walk-progress [data-to-step="{step_id}"]').click()
        page.locator(f"#choice-{step_id}-{option}").check()
    page.locator('.rk-walk-progress [data-to-step="samenvatting"]').click()
    expect(page.locator(".rk-summary-role")).to_have_text(f"Ik ben: {ROLES[role_id]}")
    with page.expect_download() as info:
        page.get_by_role("button", name=WALK["save_json"]).click()
    expect(page.get_by_role("status")).to_contain_text(info.value.suggested_filename)
    name, data = info.value.suggested_filename, json.loads(info.value.path().read_bytes())
    context.close()
    return name, data


@pytest.fixture(scope="module")
def walked(browser, site_url):
    return {role_id: walk_and_save(browser, site_url, role_id) for role_id in WALKS}


def test_three_roles_walk_the_same_example_and_each_save_a_file(walked):
    for role_id, (name, data) in walked.items():
        three, four, note = WALKS[role_id]
        assert re.fullmatch(rf"mijn-handelingen-{role_id}-online-fraude-\d{{4}}-\d{{2}}-\d{{2}}\.json", name), name
        assert data["soort"] == "routekaart-handelingen" and data["versie"] == 1
        assert data["rol"] == role_id
        assert data["voorbeeld"] == {"id": "fraude", "titel": CONTENT.fenomeen("fraude").titel}
        assert name.endswith(data["datum"] + ".json")
        steps = {s["stap"]: s for s in data["stappen"]}
        assert list(steps) == [s.id for s in RK.stappen]
        assert steps["bericht-duiden"]["antwoorden"][0] == {
            "veld": "bericht-duiden/1", "vraag": " ".join(RK.stappen[0].vragen[0].vraag.replace("**", "").split()),
            "antwoord": note}
        for step, option in (("partners-betrekken", three), ("intervenieren", four)):
            label = next(o.label for o in CONTENT.stap(step).beslissing.opties if o.id == option)
            assert steps[step]["keuze"] == {"optie": option, "label": label}
        assert "keuze" not in steps["bericht-duiden"]


def test_a_walk_without_a_role_or_example_is_an_eigen_casus(page, site_url):
    page.goto(f"{site_url}doorloop.html#doorloop-samenvatting")
    with page.expect_download() as info:
        page.get_by_role("button", name=WALK["save_json"]).click()
    assert re.fullmatch(r"mijn-handelingen-eigen-casus-[\d-]{10}\.json", info.value.suggested_filename)
    data = json.loads(info.value.path().read_bytes())
    assert data["rol"] is None and data["voorbeeld"] is None
    expect(page.locator(".rk-summary-role")).to_have_count(0)


def test_the_page_opens_all_three_and_marks_where_they_differ(page, site_url, walked):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, site_url)
    # Opened in another order: the page groups them by role, as content/rollen.yml lists them.
    open_files(page, [as_upload(walked[r][1], walked[r][0]) for r in ("gemeente", "jongerenwerk", "politie")])
    expect(page.get_by_role("status")).to_contain_text(discuss_text("opened_many", n=3))
    expect(opened(page)).to_have_count(3)
    expect(page.locator(".rk-discuss-example h2")).to_have_text(
        [discuss_text("example_heading", title=CONTENT.fenomeen("fraude").titel)])
    # The verdict first, then one column per file, headed by its role (not its file name).
    heads = page.locator(".rk-discuss-choices thead th")
    expect(heads).to_have_text([discuss_text("choice_column"), discuss_text("difference_column")] +
                               [ROLES[r] for r in ("jongerenwerk", "politie", "gemeente")])
    expect(page.locator(".rk-discuss-choices tbody tr")).to_have_count(len(DECISIONS))
    # Step 3: gemeente chose "Nee"; step 4: politie chose "Nee". Each row says so in words.
    for step_id in ("partners-betrekken", "intervenieren"):
        row = choice_row(page, step_id)
        expect(row).to_have_class("rk-discuss-differs")
        expect(row.locator("td").first).to_have_text(discuss_text("differs"))
    options = {o.id: o.label for o in CONTENT.stap("intervenieren").beslissing.opties}
    expect(choice_row(page, "intervenieren").locator("td")).to_have_text(
        [discuss_text("differs"), options["ja"], options["nee"], options["ja"]])
    # Question by question, the answers stand side by side on a projector ...
    answers = page.locator(".rk-discuss-step").first.locator(".rk-discuss-answers").first.locator("li")
    expect(answers).to_have_count(3)
    expect(answers.nth(1)).to_contain_text(WALKS["politie"][2])
    boxes = [answers.nth(i).bounding_box() for i in range(3)]
    assert len({round(b["y"]) for b in boxes}) == 1 and boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"], boxes
    # ... and stack on a phone.
    page.set_viewport_size(WIDTHS["phone"])
    boxes = [answers.nth(i).bounding_box() for i in range(3)]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"] and len({round(b["x"]) for b in boxes}) == 1, boxes
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS["phone"]["width"]


def test_where_they_agree_the_row_says_gelijk(page, site_url):
    open_page(page, site_url)
    open_files(page, meeting_uploads())
    row = choice_row(page, "partners-betrekken")
    expect(row.locator("td").first).to_have_text(discuss_text("same"))
    expect(row).not_to_have_class("rk-discuss-differs")
    expect(choice_row(page, "intervenieren").locator("td").first).to_have_text(discuss_text("differs"))


def test_opened_files_survive_a_reload_and_can_be_closed(page, site_url):
    open_page(page, site_url)
    open_files(page, meeting_uploads())
    expect(page.get_by_role("status")).to_contain_text(discuss_text("opened_many", n=3))  # and kept for this tab
    page.reload()
    expect(opened(page)).to_have_count(3)
    opened(page).nth(1).get_by_role("button", name=discuss_text("close")).click()
    expect(opened(page)).to_have_count(2)
    expect(page.get_by_role("status")).to_contain_text(discuss_text("closed", name=quoted(meeting_uploads()[1]["name"])))
    expect(page.locator(".rk-discuss-choices thead th")).to_have_count(4)
    page.reload()
    expect(opened(page)).to_have_count(2)
    assert ROLES["politie"] not in " ".join(opened(page).all_inner_texts())


def test_files_of_several_examples_are_grouped_by_example(page, site_url):
    open_page(page, site_url)
    open_files(page, [*meeting_uploads(),
                      as_upload(actions_file("politie", {}, phenomenon=None), "eigen.json"),
                      as_upload(actions_file("anders", {}, phenomenon="rivaliserende-jeugd"), "rivalen.json")])
    titles = page.locator(".rk-discuss-example h2").all_inner_texts()
    examples = sorted(CONTENT.fenomeen(f).titel for f in ("fraude", "rivaliserende-jeugd"))
    assert titles == [discuss_text("example_heading", title=t) for t in examples] + [discuss_text("own_case")], titles


def test_the_decisions_come_from_the_content(site_dir):
    model = find(html_page(site_dir, "bespreken.html"), f"//{with_class('rk-discuss-model')}")[0]
    decisions = find(model, "//*[@data-decision]")
    assert [d.get("data-step") for d in decisions] == [s.id for s in DECISIONS]
    for node, step in zip(decisions, DECISIONS):
        assert [text(o) for o in find(node, "//*[@data-option]")] == [o.label for o in step.beslissing.opties]
    for step_id, question in CONTENT.bespreken.kaartvraag_per_stap.items():
        assert find(model, f"//*[@data-step='{step_id}']")[0].get("data-card-question") == question
    js = " ".join(p.read_text(encoding="utf-8") for p in (site_dir / "components/bespreken").glob("*.js"))
    assert "partners-betrekken" not in js and "ingrijpen" not in js


# --- into the afsprakenkaart -------------------------------------------------------

def copy_button(page, answer: str):
    """The copy button beside an answer."""
    return page.locator(".rk-discuss-answers li", has_text=answer).get_by_role("button", name=discuss_text("to_card"))


def answer_status(page, answer: str):
    """The status message beside an answer's copy button."""
    return page.locator(".rk-discuss-answers li", has_text=answer).get_by_role("status")


def card_cell(page, site_url, question: str, partner: str):
    page.goto(f"{site_url}afsprakenkaart.html")
    expect(page.locator("#card-actions")).to_be_visible()
    return page.locator(f"#answer-{question}-{partner}")


def test_an_answer_goes_into_its_cell_of_the_afsprakenkaart_which_still_prints_on_one_page(page, site_url):
    open_page(page, site_url)
    open_files(page, meeting_uploads())
    # Politie's note at step 4: the default card question is "ingrijpen".
    note = MEETING["politie"]["stappen"][3]["antwoorden"][-1]["antwoord"]
    copy_button(page, note).click()
    dialog = page.get_by_role("dialog", name=discuss_text("to_card"))
    expect(dialog).to_be_visible()
    select = dialog.get_by_label(discuss_text("card_question_label"))
    expect(select).to_be_focused()
    expect(select).to_have_value(CONTENT.bespreken.kaartvraag_per_stap["intervenieren"])
    dialog.get_by_role("button", name=discuss_text("copy_yes")).click()
    # The confirmation shows beside the button that was clicked.
    expect(answer_status(page, note)).to_have_text(copied("politie", "ingrijpen"))
    expect(card_cell(page, site_url, "ingrijpen", "politie")).to_have_value(note)
    expect(page.locator("#answer-ingrijpen-jongerenwerk")).to_have_value("")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, format="A4")))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height), box
    assert " ".join(note.split()) in " ".join(pdf.pages[0].extract_text().split())


def test_replacing_text_on_the_card_is_asked_first(page, site_url):
    cell = card_cell(page, site_url, "betrekken", "jongerenwerk")
    cell.fill("Wat er al stond.")
    open_page(page, site_url)
    open_files(page, meeting_uploads())
    button = copy_button(page, "Openbaar bericht, veel volgers.")
    button.click()
    # An answer of step 1: no card question fits it first, so the reader chooses.
    page.get_by_label(discuss_text("card_question_label")).select_option("betrekken")
    page.get_by_role("button", name=discuss_text("copy_yes")).click()
    confirm = page.get_by_role("dialog", name=discuss_text("confirm_heading"))
    expect(confirm).to_contain_text("Wat er al stond.")
    expect(confirm.get_by_role("button", name=discuss_text("confirm_no"))).to_be_focused()
    confirm.get_by_role("button", name=discuss_text("confirm_no")).click()
    expect(answer_status(page, "Openbaar bericht, veel volgers.")).to_have_text(discuss_text("unchanged"))
    expect(button).to_be_focused()
    assert json.loads(page.evaluate(f"localStorage.getItem('{CARD_KEY}')"))["antwoorden"]["betrekken"] == {
        "jongerenwerk": "Wat er al stond."}
    button.click()
    page.get_by_label(discuss_text("card_question_label")).select_option("betrekken")
    page.get_by_role("button", name=discuss_text("copy_yes")).click()
    page.get_by_role("button", name=discuss_text("confirm_yes")).click()
    expect(answer_status(page, "Openbaar bericht, veel volgers.")).to_have_text(copied("jongerenwerk", "betrekken"))
    expect(card_cell(page, site_url, "betrekken", "jongerenwerk")).to_have_value("Openbaar bericht, veel volgers.")


def test_another_role_gets_no_copy_button(page, site_url):
    open_page(page, site_url)
    open_files(page, [as_upload(actions_file("anders", {}, {"bericht-duiden/1": "Ik ben leerplichtambtenaar."}),
                                "anders.json")])
    expect(page.locator(".rk-discuss-answer", has_text="leerplichtambtenaar")).to_be_visible()
    expect(page.get_by_role("button", name=discuss_text("to_card"))).to_have_count(0)


# --- the method leads to the tools -------------------------------------------------

def test_afspraken_maken_leads_from_each_step_to_its_tool_marked_as_added(site_dir):
    steps = find(html_page(site_dir, "afspraken.html"), f"//{with_class('rk-agreements-steps', 'ol')}/li")
    wanted = {2: "doorloop.html", 3: "doorloop.html", 4: "bespreken.html", 5: "afsprakenkaart.html"}
    for number, step in enumerate(steps, start=1):
        tools = find(step, f"//{with_class('rk-agreements-tool')}")
        if number not in wanted:
            assert tools == []
            continue
        tool = tools[0]
        assert tool.get("data-origin") == "toegevoegd"
        assert PAGES["origin_label"] in text(tool)
        assert wanted[number] in [a.get("href") for a in find(tool, "//a")]
    # The routekaart's own words of step 4 stay as they were, outside the mark.
    assert CONTENT.afspraken.stappen[3].tekst.split(".")[0] in text(steps[3])


def test_the_page_says_it_is_an_addition_and_lists_what_it_keeps(site_dir):
    assert "deze pagina staat niet in de routekaart van november 2024" in text(html_page(site_dir, "bespreken.html"))
    assert "handelingen bespreken" in text(html_page(site_dir, "privacy.html"))


NO_JS_NOTICE = discuss_text("no_js")


def test_the_no_javascript_notice_shows_only_without_javascript(page, browser, site_url):
    """The file chooser replaces the notice when scripts run (by the shared
    .rk-no-js-only rule, before the first paint); without them the notice stays."""
    open_page(page, site_url)
    expect(page.get_by_text(NO_JS_NOTICE)).to_be_hidden()
    expect(page.get_by_role("heading", name=discuss_text("open_files"))).to_be_visible()
    context = browser.new_context(java_script_enabled=False)
    without = context.new_page()
    without.goto(f"{site_url}bespreken.html")
    expect(without.get_by_text(NO_JS_NOTICE)).to_be_visible()
    expect(without.get_by_role("heading", name=discuss_text("open_files"))).to_be_hidden()
    context.close()
