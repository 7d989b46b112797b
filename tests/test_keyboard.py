"""Everything works with a keyboard alone, and you always see where focus is.

Each test uses only key presses to move and act; the mouse is never used.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from macros.content import load_content
from support.beyond_axe import HIDDEN_BY, focused_element_hidden_by
from support.browser import WIDTHS
from support.keyboard import DESCRIBE_FOCUS, focus_is_visible, tab_to
from support.project import ROOT
from support.words import CARD, CARD_OPENED, PAGES, SITE, THEME, theme_label

SEARCH = theme_label("search.placeholder")
STEP_3 = load_content(ROOT / "content").stap("partners-betrekken").titel  # what "persoonsgegevens" finds

WALK = load_content(ROOT / "content").teksten.blok("walk")  # the walk's words
WIPE = load_content(ROOT / "content").teksten.blok("privacy-wipe")
COLOPHON = load_content(ROOT / "content").colofon.titel


@pytest.fixture(params=list(WIDTHS))
def sized_page(request, page):
    page.set_viewport_size(WIDTHS[request.param])
    return page


def test_the_first_tab_offers_the_skip_link_to_the_content(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "stappen/contextinformatie.html")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text(theme_label("action.skip"))
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # The next stop is inside the page's content, past the header and navigation.
    assert page.evaluate("document.querySelector('article').contains(document.activeElement)"), \
        page.evaluate(DESCRIBE_FOCUS)


def test_from_the_route_map_a_keyboard_user_reaches_step_1_and_back(sized_page, site_url):
    page = sized_page
    page.goto(site_url)
    tab_to(page, page.locator("a:visible", has_text=load_content(ROOT / "content").stap("bericht-duiden").titel).first)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "stappen/bericht-duiden.html")
    tab_to(page, page.get_by_role("link", name=SITE["back_to_map"]).first)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "index.html")


def test_search_works_from_the_keyboard_alone(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "colofon.html")
    page.keyboard.press("/")
    expect(page.get_by_role("textbox", name=SEARCH)).to_be_focused()
    # One input event, so one query: typed letter by letter, a busy machine can
    # show the results of "persoonsge" first and replace them after the
    # choice (the test below covers that case on purpose).
    page.keyboard.insert_text("persoonsgegevens")
    first = page.locator(".md-search-result__item").first
    # The search worker builds its index first; on a busy machine that takes a while.
    expect(first).to_contain_text(STEP_3, timeout=15000)
    page.keyboard.press("ArrowDown")
    assert focus_is_visible(page), "the chosen search result shows no focus"
    page.keyboard.press("Enter")
    # Material's search highlighting adds ?h=<query> to the address.
    expect(page).to_have_url(re.compile(re.escape(site_url + "stappen/partners-betrekken.html") + r"(\?h=.*)?$"))


# Makes Material's search worker slow: each answer leaves 400 ms after the one
# before, as on a busy machine, so answers to the first letters typed come in
# after a result was chosen.
SLOW_SEARCH_WORKER = """(() => {
  const post = self.postMessage.bind(self);
  let next = 0;
  self.postMessage = (message) => {
    next = Math.max(next, Date.now()) + 400;
    setTimeout(() => post(message), next - Date.now());
  };
})();
"""


def test_a_chosen_search_result_keeps_focus_while_late_results_come_in(page, site_url):
    def slow_worker(route):
        response = route.fetch()
        route.fulfill(response=response, body=SLOW_SEARCH_WORKER + response.text())

    page.route("**/workers/search*.js", slow_worker)
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(site_url + "colofon.html")
    page.keyboard.press("/")
    page.keyboard.type("persoonsgegevens")
    expect(page.locator(".md-search-result__item").first).to_contain_text(STEP_3, timeout=15000)
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.getAttribute('href').split('?')[0]")
    # The answer to the whole query is the last to come in.
    page.wait_for_function("""() => [...document.querySelectorAll('.md-search-result__link')]
        .some(a => new URL(a.href).searchParams.get('h') === 'persoonsgegevens')""")
    assert focus_is_visible(page), "the chosen search result lost focus when the results were redrawn"
    assert page.evaluate("document.activeElement.getAttribute('href').split('?')[0]") == chosen


def test_escape_closes_search_and_returns_to_the_page(sized_page, site_url):
    page = sized_page
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("fraude")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".md-search-result__item").first).to_be_hidden()
    expect(page.get_by_role("textbox", name=SEARCH)).not_to_be_focused()


def test_the_footer_pages_are_reached_with_tab(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "fenomenen/fraude.html")
    tab_to(page, page.get_by_role("navigation", name=SITE["about_site"]).get_by_role(
        "link", name=SITE["accessibility"]))
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "toegankelijkheid.html")


def test_the_wipe_button_works_with_the_space_bar(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "privacy.html")
    page.evaluate("localStorage.setItem('rk-test', '1')")
    tab_to(page, page.get_by_role("button", name=WIPE["button"]))
    page.keyboard.press("Space")
    expect(page.get_by_role("status")).to_have_text(WIPE["wiped"])
    assert page.evaluate("localStorage.length") == 0


def type_a_region_on_the_card(page: Page, site_url: str) -> Page:
    """The afsprakenkaart, with its first field reached by Tab and filled in."""
    page.goto(site_url + "afsprakenkaart.html")
    expect(page.locator("#card-actions")).to_be_visible()
    tab_to(page, page.get_by_label(CARD["field_region_or_municipality"]))
    page.keyboard.type("Gemeente Zuidhaven")
    return page


def test_the_afsprakenkaart_is_emptied_from_the_keyboard_after_confirming(sized_page, site_url):
    page = type_a_region_on_the_card(sized_page, site_url)
    tab_to(page, page.get_by_role("button", name=CARD["clear_button"]))
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=CARD["confirm_title"])
    expect(dialog).to_be_visible()
    # Focus starts on the safe answer, the last button; the other is before it.
    expect(dialog.get_by_role("button", name=CARD["confirm_no"])).to_be_focused()
    tab_to(page, dialog.get_by_role("button", name=CARD["clear_yes"]), key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(CARD["cleared"])
    expect(page.get_by_label(CARD["field_region_or_municipality"])).to_have_value("")


def test_the_afsprakenkaart_is_saved_as_a_file_from_the_keyboard(sized_page, site_url):
    page = type_a_region_on_the_card(sized_page, site_url)
    tab_to(page, page.get_by_role("button", name=CARD["export_button"]))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert "Gemeente Zuidhaven" in info.value.path().read_text(encoding="utf-8")


def test_a_saved_card_is_opened_again_from_the_keyboard(sized_page, site_url):
    page = type_a_region_on_the_card(sized_page, site_url)
    tab_to(page, page.get_by_role("button", name=CARD["export_button"]))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    saved = info.value.path().read_bytes()
    region = page.get_by_label(CARD["field_region_or_municipality"])
    tab_to(page, region, key="Shift+Tab")
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("Gemeente Noordhaven")
    # "Bestand openen" is the label of a visually hidden file input: Tab
    # reaches the input, which shows its focus on the label. The wait for the
    # file chooser starts before the Tabs: Playwright turns on its interception
    # of the chooser without waiting for the browser, so a key pressed right
    # after could still open the real (headless, silent) chooser.
    with page.expect_file_chooser() as chooser:
        tab_to(page, page.locator("#card-import"))
        page.keyboard.press("Space")
    chooser.value.set_files({"name": "kaart.json", "mimeType": "application/json", "buffer": saved})
    dialog = page.get_by_role("dialog", name=CARD["confirm_title"])
    expect(dialog.get_by_role("button", name=CARD["confirm_no"])).to_be_focused()
    tab_to(page, dialog.get_by_role("button", name=CARD["replace_yes"]), key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(CARD_OPENED)
    expect(region).to_have_value("Gemeente Zuidhaven")


# Stands in for the browser's print dialog, which a headless browser has not.
PRINT_SPY = "window.rkPrinted = 0; window.print = () => { window.rkPrinted += 1; };"


def test_the_afsprakenkaart_prints_from_the_keyboard(sized_page, site_url):
    page = sized_page
    page.add_init_script(PRINT_SPY)
    page.goto(site_url + "afsprakenkaart.html")
    expect(page.locator("#card-actions")).to_be_visible()
    tab_to(page, page.get_by_role("button", name=PAGES["print_button"]))
    page.keyboard.press("Enter")
    page.wait_for_function("window.rkPrinted === 1", timeout=3000)


def test_the_walk_summary_is_reached_saved_and_printed_from_the_keyboard(sized_page, site_url):
    page = sized_page
    page.add_init_script(PRINT_SPY)
    page.goto(site_url + "doorloop.html")
    page.evaluate("localStorage.clear()")
    page.reload()
    tab_to(page, page.locator('[data-note="bericht-duiden/1"]'))
    page.keyboard.type("Bereik ongeveer 340 volgers")
    # The walk's progress list comes before the step, so it is back up.
    tab_to(page, page.locator(".rk-walk-progress").get_by_role("link", name=re.compile(re.escape(WALK["summary_title"]))),
           key="Shift+Tab")
    page.keyboard.press("Enter")
    summary = page.locator("#doorloop-samenvatting")
    expect(summary).to_be_visible()
    tab_to(page, summary.get_by_role("button", name=WALK["save_text"]))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert "Bereik ongeveer 340 volgers" in info.value.path().read_text(encoding="utf-8")
    tab_to(page, summary.get_by_role("button", name=WALK["print"]), key="Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("window.rkPrinted === 1", timeout=3000)


def test_a_walk_from_a_phenomenon_goes_on_without_its_example_and_ticks_actions_from_the_keyboard(
        sized_page, site_url):
    page = sized_page
    page.goto(site_url + "fenomenen/fraude.html")
    page.evaluate("localStorage.clear()")
    tab_to(page, page.get_by_role("link", name=PAGES["phenomenon_walk"]))
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "doorloop.html?fenomeen=fraude")
    example = page.locator(".rk-walk-example:visible")
    tab_to(page, example.get_by_role("button", name=WALK["without_example"]))
    page.keyboard.press("Enter")
    expect(example).to_have_count(0)
    # Step 5's actions are checkboxes: reached from the progress list, ticked with Space.
    tab_to(page, page.locator('.rk-walk-progress [data-to-step="mogelijke-acties"]'), key="Shift+Tab")
    page.keyboard.press("Enter")
    box = page.locator("#doorloop-mogelijke-acties [data-action-field]").first
    tab_to(page, box)
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    field = box.get_attribute("data-action-field")
    stored = page.evaluate("JSON.parse(localStorage.getItem('routekaart:doorloop'))")
    assert stored["velden"][field] == "ja", stored


def test_on_a_phone_the_menu_opens_and_closes_from_the_keyboard(page, site_url):
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(site_url + "fenomenen/fraude.html")
    menu = page.get_by_role("button", name=SITE["menu"])
    tab_to(page, menu)
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    nav = page.get_by_role("navigation", name=THEME["nav"])
    tab_to(page, nav.get_by_role("link", name=COLOPHON))
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    tab_to(page, nav.get_by_role("link", name=COLOPHON))
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "colofon.html")


def test_a_menu_closed_at_once_leaves_focus_on_its_button(context, site_url):
    """Opening the menu moves focus into it once it has slid in. A reader who
    closes it before then keeps focus on the button: focus in the closed menu
    is lost, and Enter would follow a link there."""
    page = context.new_page()
    page.clock.install()
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(site_url + "fenomenen/fraude.html")
    menu = page.get_by_role("button", name=SITE["menu"])
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.clock.run_for(1000)
    expect(menu).to_be_focused()


def test_on_a_phone_the_closed_menu_takes_no_tab_stops(page, site_url):
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(site_url + "index.html")
    nav_links = page.get_by_role("navigation", name=THEME["nav"]).locator("a")
    for _ in range(8):
        page.keyboard.press("Tab")
        assert not page.evaluate("document.querySelector('.md-sidebar--primary').contains(document.activeElement)"), \
            page.evaluate(DESCRIBE_FOCUS)
    expect(nav_links.first).to_be_hidden()


def test_walk_notes_are_typed_and_wiped_from_the_keyboard(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "doorloop.html")
    page.evaluate("localStorage.clear()")
    page.reload()
    note = page.locator('[data-note="bericht-duiden/1"]')
    tab_to(page, note)
    page.keyboard.type("Bereik ongeveer 340 volgers")
    expect(note).to_have_value("Bereik ongeveer 340 volgers")
    wipe = page.get_by_role("button", name=WALK["wipe"])
    tab_to(page, wipe)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text=WALK["wiped"])).to_have_count(1)
    expect(note).to_have_value("")


def test_shift_tab_never_hides_a_link_under_the_sticky_header(page, site_url):
    """Real key presses, where the sweep's focus walk only moves focus and
    scrolls as the browser does (support/beyond_axe.py): Shift+Tab scrolls
    each route link up to the top edge, below the header, not under it."""
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(site_url + "stappen/einde.html")
    tab_to(page, page.get_by_role("navigation", name=SITE["about_site"]).get_by_role("link").last)
    hidden = []
    for _ in range(30):
        page.keyboard.press("Shift+Tab")
        by = focused_element_hidden_by(page)
        if by:
            hidden.append(f"{page.evaluate(DESCRIBE_FOCUS)} under {by}")
        if page.evaluate("document.activeElement.matches('[data-role-toggle]')"):
            break
    else:
        raise AssertionError("Shift+Tab never came back to the role chooser")
    assert hidden == []


def test_tab_out_of_the_phone_menu_closes_it(page, site_url):
    """Tab past the menu's last link: the menu closes, so the next stop is
    not behind it."""
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(site_url + "fenomenen/fraude.html")
    menu = page.get_by_role("button", name=SITE["menu"])
    tab_to(page, menu)
    page.keyboard.press("Enter")
    last = page.get_by_role("navigation", name=THEME["nav"]).get_by_role("link").last
    tab_to(page, last)
    page.keyboard.press("Tab")
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.wait_for_function(f"!({HIDDEN_BY})(document.activeElement)")

