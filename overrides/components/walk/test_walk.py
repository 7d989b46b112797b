"""Walking the route with notes (doorloop.html), in Chromium: notes stay on
this device, survive a reload, make up the summary and go with one button."""
from __future__ import annotations

import json
import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from macros.content import EINDE, load_content

from support.browser import WIDTHS
from support.html import find, page as html_page, with_class
from support.keyboard import tab_to
from support.project import ROOT
from support.words import PAGES, ROUTEMAP

CONTENT = load_content(ROOT / "content")
W = CONTENT.teksten.blok("walk")  # the walk's words
RK = CONTENT.routekaart
STEPS = {s.id: s for s in RK.stappen}
KEY = "routekaart:doorloop"
NOTE = "Bereik ongeveer 340 volgers, bericht is openbaar <b>vet</b> & zo kenmerkQ7Z"
NOTE_4 = "Wijkagent spreekt de plaatser morgen aan kenmerkW4K"


@pytest.fixture
def walk(page, site_url):
    """The walk page with empty storage; every request it makes is recorded."""
    requests = []
    page.on("request", lambda request: requests.append(request))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + "doorloop.html")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.requests = requests
    yield page
    assert errors == [], f"script errors on the walk page: {errors}"


def note_field(page, step_id: str, index: int | str):
    return page.locator(f'[data-note="{step_id}/{index}"]')


def stored(page):
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return None if raw is None else json.loads(raw)


def step(id: str) -> str:
    """A step's title, as a pattern go_to finds its link by (Playwright's
    selector of a pattern needs its slashes escaped)."""
    return re.escape(STEPS[id].titel).replace("/", "\\/")


def option(step_id: str, option_id: str) -> str:
    """The label of a choice at a step's decision."""
    return next(o.label for o in STEPS[step_id].beslissing.opties if o.id == option_id)


def go_to(page, target: str):
    """Open a step from the progress list, and wait until the walk shows it."""
    link = page.locator(".rk-walk-progress").get_by_role("link", name=re.compile(target))
    link.click()
    expect(link).to_have_attribute("aria-current", "step")


def assert_nothing_left_the_device(page, *secrets):
    assert page.requests, "no requests recorded: the listener is not working"
    for request in page.requests:
        url = request.url
        assert urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")), url
        carried = unquote(url) + (request.post_data or "") + json.dumps(request.headers)
        for secret in secrets:
            # The whole note, and its one-off marker word in case it is cut up.
            for part in (secret, secret.split()[-1]):
                assert part not in carried, f"{part!r} was sent in {url}"


def test_notes_survive_a_reload_appear_in_the_summary_and_go_with_one_button(walk):
    """Storage and summary do not depend on the width: checked on a phone."""
    page = walk
    page.set_viewport_size(WIDTHS["phone"])
    expect(page.locator(".rk-notice--warning")).to_contain_text(W["warning_heading"])
    note_field(page, "bericht-duiden", 1).fill(NOTE)
    go_to(page, step("intervenieren"))
    note_field(page, "intervenieren", 2).fill(NOTE_4)
    page.get_by_label(option("intervenieren", "ja"), exact=True).check()
    page.reload()
    expect(note_field(page, "intervenieren", 2)).to_have_value(NOTE_4)
    expect(page.get_by_label(option("intervenieren", "ja"), exact=True)).to_be_checked()
    go_to(page, step("bericht-duiden"))
    expect(note_field(page, "bericht-duiden", 1)).to_have_value(NOTE)
    assert stored(page)["velden"]["bericht-duiden/1"] == NOTE

    go_to(page, W["summary_title"])
    summary = page.locator("#rk-summary")
    expect(summary).to_contain_text(NOTE)
    expect(summary).to_contain_text(NOTE_4)
    expect(summary.locator("dt", has_text=STEPS["bericht-duiden"].vragen[0].vraag)).to_have_count(1)
    assert "<b>" not in summary.inner_html().replace("&lt;b&gt;", ""), "a note must show as text, not HTML"

    page.get_by_role("button", name=W["wipe"]).click()
    expect(page.get_by_role("status")).to_have_text(W["wiped"])
    expect(summary).not_to_contain_text(NOTE)
    assert stored(page) is None
    page.reload()
    go_to(page, step("bericht-duiden"))
    expect(note_field(page, "bericht-duiden", 1)).to_have_value("")
    go_to(page, step("intervenieren"))
    expect(page.get_by_label(option("intervenieren", "ja"), exact=True)).not_to_be_checked()
    assert_nothing_left_the_device(page, NOTE, NOTE_4)


def test_the_summary_saves_as_a_file_without_a_request(walk):
    page = walk
    note_field(page, "bericht-duiden", 1).fill(NOTE)
    go_to(page, W["summary_title"])
    with page.expect_download() as info:
        page.get_by_role("button", name=W["save_html"]).click()
    download = info.value
    assert download.suggested_filename.startswith(W["file_stem"] + "-")
    assert download.suggested_filename.endswith(".html")
    saved = open(download.path(), encoding="utf-8").read()
    assert "Bereik ongeveer 340 volgers, bericht is openbaar &lt;b&gt;vet&lt;/b&gt; &amp; zo kenmerkQ7Z" in saved
    assert STEPS["bericht-duiden"].vragen[0].vraag in saved
    with page.expect_download() as info:
        page.get_by_role("button", name=W["save_text"]).click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert NOTE in text and W["text_title"] in text
    assert_nothing_left_the_device(page, NOTE)


def test_the_summary_prints_on_its_own(walk):
    page = walk
    note_field(page, "bericht-duiden", 1).fill(NOTE)
    page.emulate_media(media="print")
    expect(page.locator("#doorloop-samenvatting")).to_be_visible()
    expect(page.locator("#rk-summary")).to_contain_text(NOTE)
    for hidden in [".rk-walk-form", ".rk-notice--warning", ".md-header", ".rk-walk-progress",
                   ".rk-walk-buttons", ".rk-walk-wipe"]:
        expect(page.locator(hidden)).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")


def route_of_choices(choices: dict[str, str]) -> list[str]:
    """Titles of the steps the data says a walk with these answers passes."""
    titles, step_id = [], RK.startpunt.naar
    while step_id != EINDE:
        step = STEPS[step_id]
        titles.append(step.label)
        step_id = (next(o.naar for o in step.beslissing.opties if o.id == choices[step_id])
                   if step.beslissing else step.volgende)
    return titles + [RK.einde.titel]


# Every way through the route on a phone; the keyboard on a desktop too.
@pytest.mark.parametrize("width, three, four", [
    ("phone", "ja", "ja"), ("phone", "ja", "nee"), ("phone", "nee", "ja"), ("phone", "nee", "nee"),
    ("desktop", "ja", "ja"),
], ids=lambda v: v)
def test_the_walk_follows_each_answer_and_keyboard_alone_reaches_every_step(walk, width, three, four):
    page = walk
    page.set_viewport_size(WIDTHS[width])
    choices = {"partners-betrekken": three, "intervenieren": four}
    seen = []
    page.locator(".rk-walk-step:visible textarea").first.focus()
    for _ in range(12):
        section = page.locator(".rk-walk-step:visible, .rk-walk-summary:visible")
        expect(section).to_have_count(1)
        heading = section.locator("h2").inner_text()
        seen.append(heading)
        if heading == W["summary_title"]:
            break
        step = next(s for s in RK.stappen if s.label == heading)
        if step.beslissing:
            radio = section.locator(f'input[value="{choices[step.id]}"]')
            for _ in range(40):
                if page.evaluate("document.activeElement.type") == "radio":
                    break
                page.keyboard.press("Tab")
            page.keyboard.press("Space")
            if not radio.is_checked():
                page.keyboard.press("ArrowDown")
            expect(radio).to_be_checked()
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('.rk-walk-next a')"):
                break
        page.keyboard.press("Enter")
        expect(page.locator(f"#doorloop-{step.id}")).to_be_hidden()
    wanted = route_of_choices(choices)
    assert seen == wanted[:-1] + [W["summary_title"]]
    route = page.locator(".rk-summary-route li").all_inner_texts()
    assert route == wanted
    assert stored(page)["keuzes"] == choices


def test_a_decision_needs_an_answer_before_the_walk_goes_on(walk):
    page = walk
    go_to(page, step("partners-betrekken"))
    section = page.locator("#doorloop-partners-betrekken")
    expect(section.locator(".rk-walk-choose-first")).to_be_visible()
    expect(section.locator("[data-after-choice]:visible")).to_have_count(0)
    section.get_by_label(option("partners-betrekken", "nee"), exact=True).check()
    expect(section.locator("[data-after-choice]:visible")).to_have_count(1)
    expect(section.locator("[data-after-choice]:visible")).to_have_attribute("href", "#doorloop-intervenieren")
    go_to(page, W["summary_title"])
    expect(page.locator("#rk-summary .rk-notice")).to_contain_text(STEPS["intervenieren"].label.removesuffix(STEPS["intervenieren"].titel).rstrip(": "))


def test_ja_dubbelcheck_shows_the_answers_to_check_with_the_partner_at_step_4(walk):
    page = walk
    yes = next(o for o in STEPS["partners-betrekken"].beslissing.opties if o.id == "ja")
    go_to(page, step("contextinformatie"))
    note_field(page, "contextinformatie", 3).fill(NOTE_4)
    go_to(page, step("partners-betrekken"))
    page.get_by_label(yes.label, exact=True).check()
    go_to(page, step("intervenieren"))
    reminder = page.locator("#doorloop-intervenieren .rk-notice--reminder:visible")
    expect(reminder).to_have_count(1)
    expect(reminder).to_contain_text(f"{W['you_chose']} 3: {yes.label}.")
    expect(reminder.locator("dd")).to_have_text([NOTE_4])
    expect(reminder.locator("dt")).to_contain_text([STEPS["contextinformatie"].vragen[2].vraag])
    go_to(page, step("partners-betrekken"))
    page.locator("#doorloop-partners-betrekken").get_by_label(option("partners-betrekken", "nee"), exact=True).check()
    go_to(page, step("intervenieren"))
    expect(page.locator("#doorloop-intervenieren [data-option=ja]")).to_be_hidden()


@pytest.mark.parametrize("raw, problem", [
    ("{dit is geen json", W["not_json"]),
    ('{"versie": 1, "velden": {"bericht-duiden/1": 42}, "keuzes": {}}', W["not_text"].format(field="velden.bericht-duiden/1")),
    ('["versie", 1]', W["not_object"]),
    ('{"versie": 7, "velden": {}, "keuzes": {}}', W["unknown_version"].format(version=7)),
])
def test_a_corrupt_saved_walk_is_set_aside_with_a_notice(walk, raw, problem):
    page = walk
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, raw])
    page.reload()
    notice = page.locator("#rk-walk-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(W["damaged_kept"].format(button=W["wipe"]))
    expect(notice).to_contain_text(problem)
    # Nothing is lost: the bad data is kept aside and can be downloaded.
    assert page.evaluate(f"localStorage.getItem('{KEY}:beschadigd')") == raw
    with page.expect_download() as info:
        notice.get_by_role("button", name=load_content(ROOT / "content").opslag.beschadigd_download).click()
    assert open(info.value.path(), encoding="utf-8").read() == raw
    # The page still works.
    note_field(page, "bericht-duiden", 1).fill("nieuw")
    assert stored(page)["velden"] == {"bericht-duiden/1": "nieuw"}
    page.get_by_role("button", name=W["wipe"]).click()
    assert page.evaluate(f"localStorage.getItem('{KEY}:beschadigd')") is None
    expect(notice).to_be_hidden()


def test_a_walk_from_a_phenomenon_keeps_its_example_at_every_step(page, site_url):
    """What the walk shows does not depend on the width: checked on a phone."""
    page.set_viewport_size(WIDTHS["phone"])
    phenomenon = CONTENT.fenomenen.fenomenen[2]
    page.goto(f"{site_url}fenomenen/{phenomenon.id}.html")
    page.get_by_role("link", name=PAGES["phenomenon_walk"]).click()
    expect(page).to_have_url(f"{site_url}doorloop.html?fenomeen={phenomenon.id}")
    example = page.locator(".rk-walk-example:visible")
    scenario = " ".join(phenomenon.scenario.replace("*", "").split())
    for step in RK.stappen:
        page.locator(f'.rk-walk-progress [data-to-step="{step.id}"]').click()
        expect(page.locator(f"#doorloop-{step.id}")).to_be_visible()
        expect(example).to_have_count(1)
        expect(example).to_contain_text(scenario)
    go_to(page, W["summary_title"])
    expect(example).to_contain_text(scenario)
    expect(page.locator("#rk-summary")).to_contain_text(scenario)


def test_the_example_stays_after_a_reload_until_the_walk_goes_on_without_it(walk, site_url):
    page = walk
    phenomenon = CONTENT.fenomenen.fenomenen[0]
    page.goto(f"{site_url}doorloop.html?fenomeen={phenomenon.id}")
    page.goto(f"{site_url}doorloop.html")
    example = page.locator(".rk-walk-example:visible")
    expect(example).to_have_attribute("data-phenomenon", phenomenon.id)
    example.get_by_role("button", name=W["without_example"]).click()
    expect(page.locator(".rk-walk-example:visible")).to_have_count(0)
    page.reload()
    expect(page.locator(".rk-walk-example:visible")).to_have_count(0)


def test_an_unknown_phenomenon_gives_a_notice(walk, site_url):
    page = walk
    page.goto(site_url + "doorloop.html?fenomeen=bestaat-niet")
    expect(page.locator("#rk-walk-notice")).to_contain_text(W["unknown_example"].format(name="bestaat-niet"))
    expect(page.locator(".rk-walk-example:visible")).to_have_count(0)


def test_every_phenomenon_example_is_in_the_page_without_a_fetch(site_dir):
    html = (site_dir / "doorloop.html").read_text(encoding="utf-8")
    for phenomenon in CONTENT.fenomenen.fenomenen:
        assert f'class="rk-walk-example rk-scenario" data-phenomenon="{phenomenon.id}"' in html


def test_the_walk_questions_come_from_the_route_data(site_dir):
    page = html_page(site_dir, "doorloop.html")
    for step in RK.stappen:
        labels = [label.text_content() for label in
                  find(page, f"//*[@id='doorloop-{step.id}']//{with_class('rk-walk-question')}//label")]
        wanted = [v.vraag.replace("**", "") for v in step.vragen]
        assert [" ".join(t.split()) for t in labels][:len(wanted)] == wanted
        if step.beslissing:
            options = [label.text_content() for label in
                       find(page, f"//*[@id='doorloop-{step.id}']//{with_class('rk-walk-option')}//label")]
            assert options == [o.label for o in step.beslissing.opties]
    js = (ROOT / "overrides/components/walk/walk.js").read_text(encoding="utf-8")
    assert STEPS["bericht-duiden"].vragen[0].vraag not in js


def test_without_javascript_the_walk_is_a_readable_form(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "doorloop.html")
    expect(page.get_by_text(W["no_js"])).to_be_visible()
    for step in RK.stappen:
        expect(page.locator(f"#doorloop-{step.id}")).to_be_visible()
    expect(page.locator(".rk-walk-wipe")).to_be_hidden()
    context.close()


def test_with_javascript_the_no_javascript_notice_is_gone(walk):
    expect(walk.get_by_text(W["no_js"])).to_be_hidden()


def test_the_start_page_step_pages_and_end_lead_into_the_walk(page, site_url):
    page.goto(site_url)
    page.get_by_role("link", name=PAGES["start_walk"]).click()
    expect(page).to_have_url(site_url + "doorloop.html")
    page.goto(f"{site_url}stappen/{RK.stappen[1].id}.html")
    walk_here = re.compile("^" + re.escape(ROUTEMAP["walk_from_here"]))
    page.locator(".rk-step-nav").get_by_role("link", name=walk_here).click()
    expect(page.locator(f"#doorloop-{RK.stappen[1].id}")).to_be_visible()
    expect(page.locator(f"#doorloop-{RK.stappen[0].id}")).to_be_hidden()
    page.goto(f"{site_url}stappen/einde.html")
    page.get_by_role("link", name=ROUTEMAP["walk_summary"]).click()
    expect(page.locator("#doorloop-samenvatting")).to_be_visible()


def test_the_walk_fits_a_small_phone_with_big_controls(walk):
    page = walk
    page.set_viewport_size({"width": 320, "height": 700})
    for target in [step("bericht-duiden"), step("partners-betrekken"), step("mogelijke-acties"), W["summary_title"]]:
        go_to(page, target)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, target
        controls = page.locator(".rk-walk-progress a, .rk-walk-option:visible, "
                                ".rk-walk-action:visible, .rk-walk-next a:visible").all()
        for control in controls:
            box = control.bounding_box()
            assert box["height"] >= 44, (target, control.inner_text(), box)


# --- Choosing the example on the walk page ------------------------------------

WORDS = CONTENT.doorloop


def chooser(page):
    return page.get_by_role("group", name=WORDS.kiezen_titel)


def test_before_step_1_the_reader_chooses_one_of_the_examples_or_an_own_case(walk, site_url):
    page = walk
    group = chooser(page)
    expect(group).to_be_visible()
    radios = group.get_by_role("radio")
    expect(radios).to_have_count(1 + len(CONTENT.fenomenen.fenomenen))
    expect(group.get_by_label(WORDS.eigen_casus, exact=True)).to_be_checked()
    # Before step 1, and each example named by its title with its message in short.
    assert page.evaluate("""() => !!(document.querySelector('#rk-walk-choose').compareDocumentPosition(
        document.querySelector('#doorloop-bericht-duiden')) & Node.DOCUMENT_POSITION_FOLLOWING)""")
    fraude = CONTENT.fenomeen("fraude")
    option = group.get_by_role("radio", name=fraude.titel, exact=True)
    expect(option).to_have_accessible_description(re.compile(re.escape(fraude.bericht.account)))
    option.check()
    card = page.locator(".rk-walk-example:visible")
    expect(card).to_have_attribute("data-phenomenon", "fraude")
    expect(card.get_by_role("heading", level=2)).to_have_text(f"{W['example_heading']} {fraude.titel}")
    expect(card).to_contain_text(fraude.bericht.account)
    expect(page).to_have_url(f"{site_url}doorloop.html?fenomeen=fraude")
    assert json.loads(page.evaluate(f"localStorage.getItem({KEY!r})"))["fenomeen"] == "fraude"
    page.reload()
    expect(chooser(page).get_by_role("radio", name=fraude.titel, exact=True)).to_be_checked()


def test_on_later_steps_one_line_names_the_example_and_its_button_changes_it(walk, site_url):
    page = walk
    chooser(page).get_by_role("radio", name=CONTENT.fenomeen("fraude").titel, exact=True).check()
    page.locator('.rk-walk-progress [data-to-step="partners-betrekken"]').click()
    expect(chooser(page)).to_be_hidden()
    line = page.locator(".rk-walk-chosen")
    expect(line).to_have_text(re.compile(f"{re.escape(WORDS.gekozen)} {re.escape(CONTENT.fenomeen('fraude').titel)}"))
    button = line.get_by_role("button", name=WORDS.wijzigen)
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(chooser(page)).to_be_visible()
    expect(chooser(page).get_by_role("radio", name=CONTENT.fenomeen("fraude").titel, exact=True)).to_be_focused()
    chooser(page).get_by_label(WORDS.eigen_casus, exact=True).check()
    expect(page.locator(".rk-walk-example:visible")).to_have_count(0)
    expect(line.locator("[data-chosen-title]")).to_have_text(WORDS.eigen_casus)
    expect(page).to_have_url(f"{site_url}doorloop.html#doorloop-partners-betrekken")
    expect(page.locator("#doorloop-partners-betrekken")).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_example_is_chosen_by_keyboard_alone_and_goes_into_the_walk_file(walk, width):
    page = walk
    page.set_viewport_size(WIDTHS[width])
    page.get_by_role("button", name=CONTENT.rollen.geen_rol).focus()  # the top of the page
    tab_to(page, chooser(page).get_by_label(WORDS.eigen_casus, exact=True))
    page.keyboard.press("ArrowDown")  # the first example
    first = CONTENT.fenomenen.fenomenen[0]
    expect(page.locator(".rk-walk-example:visible")).to_have_attribute("data-phenomenon", first.id)
    page.locator('.rk-walk-progress [data-to-step="samenvatting"]').click()
    with page.expect_download() as info:
        page.get_by_role("button", name=W["save_json"]).click()
    data = json.loads(info.value.path().read_bytes())
    assert data["voorbeeld"] == {"id": first.id, "titel": first.titel}
    # One name everywhere: the file is named by the example's title too.
    slug = re.sub(r"[^a-z0-9]+", "-", first.titel.lower()).strip("-")
    assert re.fullmatch(rf"{W['file_stem']}-{slug}-\d{{4}}-\d{{2}}-\d{{2}}\.json", info.value.suggested_filename)


@pytest.mark.parametrize("path, link", [("afspraken.html", "doorloop de route"),
                                        ("bespreken.html", "doorloopt de route")])
def test_the_meeting_pages_link_to_the_walk_where_the_example_is_chosen(page, site_url, path, link):
    page.goto(site_url + path)
    page.locator("article").get_by_role("link", name=link).first.click()
    expect(page).to_have_url(re.compile(r"doorloop\.html$"))
    expect(chooser(page)).to_be_in_viewport()
