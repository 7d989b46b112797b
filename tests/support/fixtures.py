"""The fixtures and hooks of every test, in tests/ and in the components'
folders: the site is built once per session and served on 127.0.0.1, plainly
and through nginx with its security headers; one Chromium serves all browser
tests.

This module is a pytest plugin, registered once for the whole suite by
`addopts` in pyproject.toml (`-p playwright -p support.fixtures`: after
pytest-playwright, so that these fixtures override its own). There is no
conftest.py: two folders each taking the fixtures in would define them
twice, and each session fixture would run once per folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from support.browser import CHROMIUM_FLAGS, chromium_path
from support.csp import CspRecorder
from support.nginx_server import Nginx
from support.project import ROOT, built_site, serve
from support.reused_page import ReusedPage
from support import variants
from support.sweep import InteractionStates, Sweeps


def pytest_collection_finish(session):
    """Start the changed builds the selected tests need (support/variants.py);
    a run that only collects (`--collect-only`) builds nothing."""
    if session.config.option.collectonly:
        return
    variants.start_in_background(list(dict.fromkeys(item.path.name for item in session.items)))


def pytest_sessionfinish(session):
    variants.clean_up()


def pytest_collection_modifyitems(items):
    """Tests that start a browser are marked `browser`; `make test-fast` leaves them out."""
    browser_fixtures = {"page", "browser", "context", "playwright", "site_url", "nginx_url", "csp_page", "sweep",
                        "interaction_states"}
    for item in items:
        if browser_fixtures & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return built_site(ROOT, tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def site_url(site_dir):
    server = serve(site_dir)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def nginx_url(site_dir, tmp_path_factory):
    """The built site served by Debian's nginx with the generated security headers."""
    server = Nginx(site_dir, tmp_path_factory.mktemp("nginx")).start()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def site_pages(site_dir) -> list[str]:
    """Every content page of the site, as paths relative to its root."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                  if p.name != "404.html")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def shared_tab(browser, browser_context_args):
    """The tab that `page` hands from test to test."""
    tab = ReusedPage(browser, browser_context_args)
    yield tab
    tab.close()


@pytest.fixture
def page(request):
    """A clean tab, reused from test to test (support/reused_page.py). A test
    that asks for `context` itself, or sets `browser_context_args`, gets a tab
    in a context of its own instead, as pytest-playwright gives it."""
    if "context" in request.fixturenames or next(request.node.iter_markers("browser_context_args"), None):
        yield request.getfixturevalue("context").new_page()
        return
    shared_tab = request.getfixturevalue("shared_tab")
    yield shared_tab.get()
    shared_tab.reset()


@pytest.fixture
def csp_page(page):
    """A page that records CSP violations (`page.csp.problems()`)."""
    page.csp = CspRecorder(page)
    return page


@pytest.fixture(scope="session")
def sweep(browser, nginx_url, site_pages) -> Sweeps:
    """Every page visited once per width with every page-level check
    (support/sweep.py), the 404 page too; `sweep.at("phone").problems("axe")`."""
    return Sweeps(browser, nginx_url, site_pages + ["404.html"])


@pytest.fixture(scope="session")
def interaction_states(browser, nginx_url) -> InteractionStates:
    """Every interaction of support/interactions.py done once per width under
    the security headers, with axe and the CSP check run in its state."""
    return InteractionStates(browser, nginx_url)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """No service worker in a test's context unless the test asks for one
    (tests/test_offline.py, the sweeps): otherwise each new context would
    download the whole offline copy while the test runs."""
    return {**browser_context_args, "service_workers": "block"}
