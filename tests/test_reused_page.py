"""The tab that browser tests share (support/reused_page.py) starts every test
as a new tab would, but for the HTTP cache, which it keeps: what one test
stored, listened to or routed is gone for the next, and a tab that cannot be
reset is replaced."""
from __future__ import annotations

import os
import time

import pytest

from support.project import serve
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


def test_the_next_test_sees_every_request_also_for_what_the_cache_kept(reused, tmp_path):
    """The HTTP cache is kept from test to test: a test's pages load as on a
    second visit. A test still sees a request and a response for each file."""
    (tmp_path / "index.html").write_text('<!doctype html><html lang="nl"><title>t</title>'
                                         '<link rel="stylesheet" href="a.css"><script src="a.js"></script>')
    (tmp_path / "a.css").write_text("body { color: #222; }")
    (tmp_path / "a.js").write_text("window.loaded = true;")
    month_ago = time.time() - 30 * 24 * 3600  # so the browser may keep them without asking
    for file in tmp_path.iterdir():
        os.utime(file, (month_ago, month_ago))
    url = f"http://127.0.0.1:{serve(tmp_path).server_port}/index.html"
    page = reused.get()
    page.goto(url)
    reused.reset()

    again = reused.get()
    seen: dict[str, int] = {}
    again.on("response", lambda r: seen.__setitem__(r.url.rsplit("/", 1)[-1], r.status))
    again.goto(url)
    from_cache = again.evaluate("""performance.getEntriesByType('resource')
        .filter(e => e.transferSize === 0).map(e => e.name.split('/').pop()).sort()""")
    assert from_cache == ["a.css", "a.js"], "the reset emptied the cache"
    assert seen == {"index.html": 200, "a.css": 200, "a.js": 200}


def test_a_tab_with_something_that_cannot_be_undone_is_replaced(reused, site_url):
    page = reused.get()
    page.add_init_script("window.__left = 1")
    page.goto(site_url + "index.html")
    reused.reset()
    again = reused.get()
    assert again is not page
    again.goto(site_url + "index.html")
    assert again.evaluate("window.__left") is None


@pytest.mark.parametrize("on", ["page", "context"])
def test_a_tab_with_a_fake_clock_is_replaced(reused, site_url, on):
    page = reused.get()
    clock = page.clock if on == "page" else page.context.clock
    clock.set_fixed_time("2001-02-03T04:05:06Z")
    page.goto(site_url + "index.html")
    assert page.evaluate("new Date().getUTCFullYear()") == 2001
    reused.reset()
    again = reused.get()
    assert again is not page
    again.goto(site_url + "index.html")
    assert again.evaluate("new Date().getUTCFullYear()") > 2001


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
