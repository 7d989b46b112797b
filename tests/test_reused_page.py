"""The tab that browser tests share (support/reused_page.py) starts every test
as a new tab would: what one test stored, listened to or routed is gone for
the next, and a tab that cannot be reset is replaced."""
from __future__ import annotations

import pytest

from support.reused_page import ReusedPage


@pytest.fixture
def reused(browser, browser_context_args):
    tab = ReusedPage(browser, browser_context_args)
    yield tab
    tab.close()


def test_stored_data_listeners_routes_and_tabs_are_gone_after_a_reset(reused, site_url):
    page = reused.get()
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    page.context.on("request", lambda r: seen.append(r.url))
    page.route("**/*.css", lambda route: route.abort())
    page.goto(site_url + "afsprakenkaart.html")
    page.evaluate("localStorage.setItem('a', '1'); sessionStorage.setItem('b', '2');"
                  "document.cookie = 'c=3'")
    page.context.new_page()
    page.set_viewport_size({"width": 333, "height": 444})
    reused.reset()

    again = reused.get()
    assert again is page, "a tab that could be reset is kept"
    assert len(again.context.pages) == 1
    assert again.viewport_size == {"width": 1280, "height": 720}
    seen.clear()
    again.goto(site_url + "afsprakenkaart.html")
    assert seen == [], "the previous test's listeners still run"
    assert again.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    assert again.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", \
        "the previous test's route still blocks the stylesheets"
    fetched = again.evaluate("""performance.getEntriesByType('resource')
        .filter(e => e.name.endsWith('.css')).map(e => e.transferSize)""")
    assert fetched and all(size > 0 for size in fetched), \
        f"stylesheets came from the cache ({fetched}), so a test would not see their requests"


def test_a_tab_with_something_that_cannot_be_undone_is_replaced(reused, site_url):
    page = reused.get()
    page.add_init_script("window.__left = 1")
    page.goto(site_url + "index.html")
    reused.reset()
    again = reused.get()
    assert again is not page
    again.goto(site_url + "index.html")
    assert again.evaluate("window.__left") is None


def test_a_tab_that_left_an_origin_with_session_data_is_replaced(reused, site_url, nginx_url):
    page = reused.get()
    page.goto(site_url + "index.html")
    page.evaluate("sessionStorage.setItem('b', '2')")
    page.goto(nginx_url + "index.html")
    reused.reset()
    again = reused.get()
    assert again is not page
    again.goto(site_url + "index.html")
    assert again.evaluate("sessionStorage.length") == 0
