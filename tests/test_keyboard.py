"""Everything works with a keyboard alone, and you always see where focus is.

Each test uses only key presses to move and act; the mouse is never used.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, TimeoutError, expect

from conftest import WIDTHS

MAX_TABS = 150

# Whether the focused element is on screen, not transparent, and shows a focus
# indicator: an outline or a ring (WCAG 2.4.7 and 2.4.11). A visually hidden
# control (such as a file input) may show its focus on its label instead.
FOCUS_VISIBLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const shows_on_screen = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 2 && r.height > 2 && r.right > 0 && r.bottom > 0
      && r.left < innerWidth && r.top < innerHeight;
  };
  const shows = (e) => {
    const onScreen = shows_on_screen(e);
    for (let p = e; p; p = p.parentElement) {
      if (parseFloat(getComputedStyle(p).opacity) === 0) return false;
    }
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return onScreen && (outline || (s.boxShadow && s.boxShadow !== 'none'));
  };
  // An SVG link (the route map) shows focus as a thick stroke on its shape.
  const stroked = (e) => e instanceof SVGElement && shows_on_screen(e) && [...e.querySelectorAll('*')].some(
    (c) => { const s = getComputedStyle(c); return s.stroke !== 'none' && parseFloat(s.strokeWidth) >= 3; });
  return [el, ...(el.labels || [])].some(shows) || stroked(el);
}"""

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()} "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"` : '';
}"""


def focus_is_visible(page: Page) -> bool:
    """FOCUS_VISIBLE, allowed the time of the theme's transitions (skip link, search)."""
    try:
        # Generous under load: a 2-core CI machine running the whole suite.
        page.wait_for_function(FOCUS_VISIBLE, timeout=3000)
        return True
    except TimeoutError:
        return False


def tab_to(page: Page, locator, key: str = "Tab") -> list[str]:
    """Press Tab until `locator` has focus; return what had focus on the way.

    Fails when the element is never reached, or when any stop on the way
    has no visible focus indicator.
    """
    handle = locator.element_handle()
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        stops.append(page.evaluate(DESCRIBE_FOCUS))
        assert focus_is_visible(page), f"no visible focus on {stops[-1]} (after {stops[:-1][-5:]})"
        if page.evaluate("el => el === document.activeElement", handle):
            return stops
    raise AssertionError(f"Tab never reached {locator}; stops: {stops[:30]} ...")


@pytest.fixture(params=list(WIDTHS))
def sized_page(request, page):
    page.set_viewport_size(WIDTHS[request.param])
    return page


def test_the_first_tab_offers_the_skip_link_to_the_content(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "stappen/contextinformatie.html")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Ga naar inhoud")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # The next stop is inside the page's content, past the header and navigation.
    assert page.evaluate("document.querySelector('article').contains(document.activeElement)"), \
        page.evaluate(DESCRIBE_FOCUS)


def test_from_the_route_map_a_keyboard_user_reaches_step_1_and_back(sized_page, site_url):
    page = sized_page
    page.goto(site_url)
    tab_to(page, page.locator("a:visible", has_text="Bericht duiden").first)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "stappen/bericht-duiden.html")
    tab_to(page, page.get_by_role("link", name="Terug naar de routekaart").first)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "index.html")


def test_search_works_from_the_keyboard_alone(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "colofon.html")
    page.keyboard.press("/")
    expect(page.get_by_role("textbox", name="Zoeken")).to_be_focused()
    page.keyboard.type("persoonsgegevens")
    first = page.locator(".md-search-result__item").first
    # The search worker builds its index first; on a busy machine that takes a while.
    expect(first).to_contain_text("Partner(s) betrekken?", timeout=15000)
    page.keyboard.press("ArrowDown")
    assert focus_is_visible(page), "the chosen search result shows no focus"
    page.keyboard.press("Enter")
    # Material's search highlighting adds ?h=<query> to the address.
    expect(page).to_have_url(re.compile(re.escape(site_url + "stappen/partners-betrekken.html") + r"(\?h=.*)?$"))


def test_escape_closes_search_and_returns_to_the_page(sized_page, site_url):
    page = sized_page
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("fraude")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".md-search-result__item").first).to_be_hidden()
    expect(page.get_by_role("textbox", name="Zoeken")).not_to_be_focused()


def test_the_footer_pages_are_reached_with_tab(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "fenomenen/fraude.html")
    tab_to(page, page.get_by_role("navigation", name="Over deze website").get_by_role(
        "link", name="Toegankelijkheid"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "toegankelijkheid.html")


def test_the_wipe_button_works_with_the_space_bar(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "privacy.html")
    page.evaluate("localStorage.setItem('rk-test', '1')")
    tab_to(page, page.get_by_role("button", name="Wis alles wat deze website bewaart"))
    page.keyboard.press("Space")
    expect(page.get_by_role("status")).to_contain_text("Gewist.")
    assert page.evaluate("localStorage.length") == 0


def type_a_region_on_the_card(page: Page, site_url: str) -> Page:
    """The afsprakenkaart, with its first field reached by Tab and filled in."""
    page.goto(site_url + "afsprakenkaart.html")
    expect(page.locator("#kaart-acties")).to_be_visible()
    tab_to(page, page.get_by_label("Regio of gemeente"))
    page.keyboard.type("Gemeente Zuidhaven")
    return page


def test_the_afsprakenkaart_is_emptied_from_the_keyboard_after_confirming(sized_page, site_url):
    page = type_a_region_on_the_card(sized_page, site_url)
    tab_to(page, page.get_by_role("button", name="Kaart leegmaken"))
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Weet je het zeker?")
    expect(dialog).to_be_visible()
    # Focus starts on the safe answer, the last button; the other is before it.
    expect(dialog.get_by_role("button", name="Nee, terug")).to_be_focused()
    tab_to(page, dialog.get_by_role("button", name="Ja, maak leeg"), key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("De afsprakenkaart is leeggemaakt.")
    expect(page.get_by_label("Regio of gemeente")).to_have_value("")


def test_the_afsprakenkaart_is_saved_as_a_file_from_the_keyboard(sized_page, site_url):
    page = type_a_region_on_the_card(sized_page, site_url)
    tab_to(page, page.get_by_role("button", name="Opslaan als bestand"))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert "Gemeente Zuidhaven" in info.value.path().read_text(encoding="utf-8")


def test_on_a_phone_the_menu_opens_and_closes_from_the_keyboard(page, site_url):
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(site_url + "fenomenen/fraude.html")
    menu = page.get_by_role("button", name="Menu")
    tab_to(page, menu)
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    nav = page.get_by_role("navigation", name="Menu")
    tab_to(page, nav.get_by_role("link", name="Colofon"))
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    tab_to(page, nav.get_by_role("link", name="Colofon"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "colofon.html")


def test_on_a_phone_the_closed_menu_takes_no_tab_stops(page, site_url):
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(site_url + "index.html")
    nav_links = page.get_by_role("navigation", name="Menu").locator("a")
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
    note = page.locator('[data-notitie="bericht-duiden/1"]')
    tab_to(page, note)
    page.keyboard.type("Bereik ongeveer 340 volgers")
    expect(note).to_have_value("Bereik ongeveer 340 volgers")
    wipe = page.get_by_role("button", name="Wis al mijn aantekeningen")
    tab_to(page, wipe)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="gewist")).to_have_count(1)
    expect(note).to_have_value("")
