"""The site works offline: after one visit through its service worker, under
a sub-path; after a new build the next visit updates the cache; and as a zip
opened from disk."""
from __future__ import annotations

import json
import os
import re
import shutil
import time
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.content import load_content
from macros.sitefiles import HOST_FILES
from macros.afterbuild.linkcheck import find_problems
from macros.afterbuild.offline import CACHE_PREFIX, ZIP_FOLDER, ZIP_NAME, site_files
from macros.afterbuild.prune import search_files_needed

from support.axe import axe_violations
from support.browser import full_chromium_path
from support.csp import wait_until_idle
from support.project import ROOT, serve
from support.keyboard import tab_to
from support.variants import Variant
from support.words import PAGES, THEME, theme_label

CONTENT = load_content(ROOT / "content")
SEARCH_LANGS = ["nl"]  # mkdocs.yml: plugins: search: lang
LUNR = "assets/javascripts/lunr/"
SUB_PATH = "routekaart"
SITE = CONTENT.teksten.blok("site")
UPDATED = SITE["updated"]

# These tests are about the service worker: their contexts keep it, unlike
# every other test's (support/fixtures.py).
pytestmark = pytest.mark.browser_context_args(service_workers="allow")


def publish(site: Path, www: Path, days_ago: int = 0) -> None:
    """Put a built site at www/routekaart/, as a server would under a sub-path,
    with its files last changed now or `days_ago`."""
    target = www / SUB_PATH
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site, target, copy_function=shutil.copy)  # changed now, like a new upload
    if days_ago:
        then = time.time() - days_ago * 24 * 3600
        for path in target.rglob("*"):
            os.utime(path, (then, then))


class Server:
    """A site under /routekaart/ on its own port: a fresh origin for each test."""

    def __init__(self, www: Path):
        self._server = serve(www)
        self.url = f"http://127.0.0.1:{self._server.server_port}/{SUB_PATH}/"

    def stop(self):
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


@pytest.fixture
def context(browser):
    context = browser.new_context(service_workers="allow")
    yield context
    context.close()


def cache_name(site: Path) -> str:
    return re.search(r'const CACHE = "([^"]+)"', (site / "sw.js").read_text()).group(1)


def first_visit(page, url: str) -> None:
    """Open the site once and wait until the service worker has cached it and
    controls the page."""
    page.goto(url)
    wait_until_idle(page)  # offline.js registers the worker then
    page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def go_offline(context, server: Server) -> None:
    context.set_offline(True)
    server.stop()  # and nothing answers any more, to be sure


def cache_keys(page) -> list[str]:
    return page.evaluate("caches.keys()")


class _H1(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside, self.text = False, None

    def handle_starttag(self, tag, attrs):
        if tag == "h1" and self.text is None:
            self.inside, self.text = True, ""

    def handle_endtag(self, tag):
        if tag == "h1":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def heading(path: Path) -> str:
    parser = _H1()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.text.split())


def search_and_open(page, query: str, title: str) -> None:
    """Search with Material's search box and open the result for page `title`."""
    page.keyboard.press("/")
    page.get_by_role("textbox", name=theme_label("search.placeholder")).press_sequentially(query)
    result = page.locator(".md-search-result__link", has=page.locator("h1", has_text=title)).first
    expect(result).to_be_visible()
    result.click()
    expect(page.locator("h1")).to_contain_text(title)


def open_first_step(page) -> None:
    """From the route map, follow the (visible) link to step 1."""
    first = CONTENT.routekaart.stappen[0]
    page.locator(f'a[href="stappen/{first.id}.html"]:visible').first.click()
    expect(page.locator("h1")).to_have_text(first.label)


# --- On a phone, after one visit -------------------------------------------

def test_the_service_worker_lists_every_file_but_the_zip_itself(site_dir):
    script = (site_dir / "sw.js").read_text(encoding="utf-8")
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", script, re.S).group(1))
    on_disk = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    dutch_search = {LUNR + "min/lunr.nl.min.js", LUNR + "min/lunr.stemmer.support.min.js"}
    # The security-header files for hosts are written after the offline step
    # on purpose: hosts read them, visitors never load them.
    host_files = set(HOST_FILES)
    assert set(files) == {f for f in on_disk if f not in (ZIP_NAME, "sw.js", *host_files) and not f.endswith(".map")
                          and (not f.startswith(LUNR) or f in dutch_search)}
    for needed in ("index.html", "offline.html", "search/search_index.json", "search/search_index.js",
                   "manifest.webmanifest", "assets/javascripts/offline.js"):
        assert needed in files
    assert cache_name(site_dir).startswith(CACHE_PREFIX)


def test_files_added_by_other_build_steps_are_cached_too(tmp_path):
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads" / "afsprakenkaart.odt").write_bytes(b"odt")
    (tmp_path / "index.html").write_text("<h1>x</h1>")
    (tmp_path / ZIP_NAME).write_bytes(b"zip")
    assert site_files(tmp_path, SEARCH_LANGS) == ["downloads/afsprakenkaart.odt", "index.html"]


def test_only_the_search_files_for_the_sites_languages_are_cached():
    assert search_files_needed(["en"]) == set()
    assert search_files_needed(["nl"]) == {LUNR + "min/lunr.nl.min.js", LUNR + "min/lunr.stemmer.support.min.js"}
    assert search_files_needed(["nl", "en"]) == search_files_needed(["nl"]) | {LUNR + "min/lunr.multi.min.js"}
    assert LUNR + "wordcut.js" in search_files_needed(["th"])


@pytest.fixture
def served(tmp_path, site_dir):
    publish(site_dir, tmp_path / "www")
    server = Server(tmp_path / "www")
    yield server
    server.stop()


def test_after_one_visit_every_page_opens_offline_under_a_sub_path(context, served, site_dir, site_pages):
    page = context.new_page()
    first_visit(page, served.url)
    cached = page.evaluate("name => caches.open(name).then(c => c.keys()).then(k => k.length)",
                           cache_name(site_dir))
    assert cached == len(site_files(site_dir, SEARCH_LANGS))
    go_offline(context, served)
    for path in ["", *site_pages]:
        response = page.goto(served.url + path)
        assert response.ok and response.from_service_worker, path
        expect(page.locator("h1").first).to_have_text(heading(site_dir / (path or "index.html")))


def test_the_offline_copy_comes_once_the_page_is_idle_and_is_complete_without_another_page(
        context, served, site_dir):
    """Nothing of the offline copy is fetched while the page loads; once the
    browser is idle the service worker fetches all of it, while the reader
    stays on the first page."""
    page = context.new_page()
    # The browser's idle moments, held until the test lets them happen.
    page.add_init_script("window.rkIdle = []; window.requestIdleCallback = run => window.rkIdle.push(run);")
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(served.url + "stappen/bericht-duiden.html")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert not any(u.endswith(("offline.html", "search_index.json")) for u in requested)

    page.evaluate("window.rkIdle.splice(0).forEach(run => run({ didTimeout: false, timeRemaining: () => 50 }))")
    page.evaluate("navigator.serviceWorker.ready")
    cached = page.evaluate("name => caches.open(name).then(c => c.keys()).then(k => k.map(r => r.url))",
                           cache_name(site_dir))
    assert sorted(u.removeprefix(served.url) for u in cached) == site_files(site_dir, SEARCH_LANGS)
    go_offline(context, served)
    page.goto(served.url + "afsprakenkaart.html")
    expect(page.locator("h1").first).to_have_text(heading(site_dir / "afsprakenkaart.html"))


def test_after_one_visit_search_works_offline(context, served):
    page = context.new_page()
    first_visit(page, served.url)
    go_offline(context, served)
    page.goto(served.url + "partners.html")
    search_and_open(page, "persoonsgegevens", "Partner(s) betrekken?")


def test_after_one_visit_a_youth_worker_walks_the_route_offline(context, served):
    page = context.new_page()
    first_visit(page, served.url)
    go_offline(context, served)
    page.goto(served.url)
    open_first_step(page)
    walked = []
    while (title := page.locator("h1").inner_text()) != CONTENT.routekaart.einde.titel:
        assert title not in walked, f"the route runs in a circle: {walked}"
        walked.append(title)
        with page.expect_navigation():
            page.locator("a.rk-button").first.click()
    first = CONTENT.routekaart.stappen[0]
    assert walked[0] == first.label and len(walked) >= 3


@pytest.fixture
def full_context(playwright, browser_type_launch_args):
    """A context in the whole browser: the headless shell does not judge
    whether a site can be installed (support/browser.py)."""
    browser = playwright.chromium.launch(**{**browser_type_launch_args, "executable_path": full_chromium_path()})
    yield browser.new_context(service_workers="allow")
    browser.close()


def test_the_site_can_be_added_to_a_home_screen(full_context, served):
    context = full_context
    page = context.new_page()
    first_visit(page, served.url)
    cdp = context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Playwright's contexts are incognito; Chromium names that, and nothing else.
    assert [e["errorId"] for e in errors] == ["in-incognito"]
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == served.url + "manifest.webmanifest"
    data = json.loads(manifest["data"])
    assert data["lang"] == "nl" and data["display"] == "standalone"
    for icon in data["icons"]:
        assert page.request.get(served.url + icon["src"]).ok, icon["src"]


def test_the_service_worker_stays_off_under_mkdocs_serve(context, served):
    """`mkdocs serve` adds its livereload script to every page; a cache would hide edits."""
    page = context.new_page()

    def with_livereload(route):
        response = route.fetch()
        html = response.text().replace(
            "</body>", "<script>var livereload = function (epoch, id) {}; livereload(1, 2);</script></body>")
        route.fulfill(response=response, body=html)

    page.route(re.compile(r".*\.html$"), with_livereload)
    page.goto(served.url + "index.html")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0


# --- A new version -------------------------------------------------------------

def with_a_new_intro(project):
    path = project / "content" / "routekaart.yml"
    text = path.read_text(encoding="utf-8")
    assert "intro: >-\n  Speel" in text
    path.write_text(text.replace("intro: >-\n  Speel", "intro: >-\n  Nieuw in deze versie. Speel", 1),
                    encoding="utf-8")


# The site as built now (in a folder of its own), and a later build whose
# route map has a new intro.
OLD = Variant("version-old", lambda project: None)
NEW = Variant("version-new", with_a_new_intro)


@pytest.fixture(scope="module")
def two_builds():
    return OLD.site(), NEW.site()


def test_the_next_visit_after_a_new_build_shows_it_and_removes_the_old_cache(context, tmp_path, two_builds):
    old, new = two_builds
    assert cache_name(old) != cache_name(new)
    www = tmp_path / "www"
    # Published a while ago: a server sends its date (Last-Modified) and no
    # Cache-Control, so the browser may keep the old page for a while unless
    # the worker asks the server again.
    publish(old, www, days_ago=10)
    server = Server(www)
    page = context.new_page()
    first_visit(page, server.url)
    assert cache_keys(page) == [cache_name(old)]
    expect(page.locator(".rk-lead").first).not_to_contain_text("Nieuw in deze versie")

    publish(new, www)
    page.goto(server.url)
    expect(page.locator(".rk-lead").first).to_contain_text("Nieuw in deze versie")
    notice = page.get_by_role("status").filter(has_text=UPDATED)
    expect(notice).to_be_visible(timeout=15000)
    assert cache_keys(page) == [cache_name(new)]
    page.set_viewport_size({"width": 320, "height": 640})
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")

    # The notice comes last on the page: one Shift+Tab from the page reaches it.
    tab_to(page, notice.get_by_role("button", name=SITE["close"]), key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(notice).to_have_count(0)
    go_offline(context, server)
    page.goto(server.url + "index.html")
    expect(page.locator(".rk-lead").first).to_contain_text("Nieuw in deze versie")


def test_no_update_notice_on_the_first_visit(context, served):
    page = context.new_page()
    first_visit(page, served.url)
    page.reload()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text(UPDATED)).to_have_count(0)


# --- The offline folder ----------------------------------------------------------

@pytest.fixture(scope="module")
def unzipped(site_dir, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(site_dir / ZIP_NAME) as zf:
        zf.extractall(dest)
    return dest / ZIP_FOLDER


def shown_size_in_bytes(text: str) -> tuple[float, float]:
    """(size, rounding margin) of a size shown like '1,4 MB' or '454 kB'."""
    shown = re.escape(PAGES["offline_size"]).replace(re.escape("{grootte}"), r"([\d,]+) (kB|MB)")
    number, unit = re.search(shown, text).groups()
    scale = {"kB": 1_000, "MB": 1_000_000}[unit]
    decimals = len(number.partition(",")[2])
    return float(number.replace(",", ".")) * scale, 0.5 * scale / 10 ** decimals


def test_the_offline_page_offers_the_zip_with_its_real_size(page, site_url, site_dir):
    page.goto(site_url + "offline.html")
    link = page.get_by_role("link", name=PAGES["offline_download"])
    size = (site_dir / ZIP_NAME).stat().st_size
    shown, margin = shown_size_in_bytes(page.locator(".rk-download").inner_text())
    assert abs(shown - size) <= margin
    with page.expect_download() as download:
        link.click()
    assert Path(download.value.path()).stat().st_size == size
    page.goto(site_url + "colofon.html")
    expect(page.get_by_role("navigation", name=THEME["nav"]).get_by_role("link", name=CONTENT.offline.titel)) \
        .to_have_attribute("href", "offline.html")


WITHOUT_THE_OFFER = Variant("without-download-offer", lambda project: (project / "docs" / "offline.md").write_text(
    "# Offline\n\nGeen download.\n", encoding="utf-8"))


def test_without_the_download_offer_the_build_stops():
    result = WITHOUT_THE_OFFER.result()
    assert result.returncode != 0
    assert "After-build step 'offline': no page offers the offline zip" in result.stderr


def test_the_zip_holds_the_whole_site_with_working_links(unzipped, site_dir):
    assert sorted(p.relative_to(unzipped).as_posix() for p in unzipped.rglob("*") if p.is_file()) \
        == site_files(site_dir, SEARCH_LANGS)
    assert find_problems(unzipped) == []
    offline_page = (unzipped / "offline.html").read_text(encoding="utf-8")
    assert ZIP_NAME not in offline_page and PAGES["offline_in_zip"].split(".")[0] in offline_page


def test_the_zip_opened_from_disk_searches_and_links_without_internet(context, unzipped):
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((unzipped / "index.html").as_uri())
    search_and_open(page, "persoonsgegevens", "Partner(s) betrekken?")
    page.get_by_role("link", name=SITE["back_to_map"]).first.click()
    expect(page.locator("h1")).to_have_text(CONTENT.routekaart.titel)
    open_first_step(page)
    assert requests and all(u.startswith(("file:", "data:", "blob:")) for u in requests), \
        [u for u in requests if not u.startswith(("file:", "data:", "blob:"))]
