"""The site ships only what it loads, and Material's parts are made whole."""
from __future__ import annotations

import re
import time

import pytest

import rcssmin
import rjsmin
import yaml

from playwright.sync_api import expect

from support.arriving import moves_while_arriving
from support.browser import WIDTHS
from support.project import ROOT
from support.sweep import LAYOUT_SHIFTS
from support.words import theme_label

SEARCH = theme_label("search.placeholder")



def test_only_the_dutch_search_language_files_are_shipped(site_dir):
    lunr = site_dir / "assets" / "javascripts" / "lunr"
    shipped = sorted(p.relative_to(lunr).as_posix() for p in lunr.rglob("*") if p.is_file())
    assert shipped == ["min/lunr.nl.min.js", "min/lunr.stemmer.support.min.js"]


def test_search_loads_its_dutch_language_files_and_finds_words(page, site_url):
    loaded = []
    page.on("requestfinished", lambda r: loaded.append(r.url))
    page.goto(site_url)
    page.keyboard.press("/")
    page.get_by_role("textbox", name=SEARCH).press_sequentially("afspra")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert any(u.endswith("lunr/min/lunr.nl.min.js") for u in loaded)


def test_the_search_dialog_has_a_name(page, site_url):
    page.goto(site_url)
    expect(page.get_by_role("dialog", name=SEARCH, include_hidden=True)).to_have_count(1)


def bundles_of(site_dir, page: str) -> tuple[str, str]:
    html = (site_dir / page).read_text(encoding="utf-8")
    prefix = "../" * page.count("/")
    css = re.findall(rf'<link rel="stylesheet" href="{prefix}(assets/stylesheets/site\.[0-9a-f]{{8}}\.css)">', html)
    js = re.findall(rf'<script defer src="{prefix}(assets/javascripts/site\.[0-9a-f]{{8}}\.js)">', html)
    assert len(css) == 1 and len(js) == 1, page
    return css[0], js[0]


# Page -> the components whose scripts it needs; every other page needs none.
COMPONENT_PAGES = {
    "doorloop.html": ["walk"],
    "afsprakenkaart.html": ["afsprakenkaart"],
    "presentatie.html": ["presentatie"],
    "privacy.html": ["privacy-wipe"],
    # It copies answers into the card, checked by the card's own code.
    "bespreken.html": ["bespreken", "afsprakenkaart"],
}
# The glossary's terms are on nearly every page; the role control on every one.
EVERY_PAGE = ["begrippen", "role"]


def test_a_page_loads_the_site_s_own_css_and_js_as_one_minified_file_each(site_dir):
    """The stylesheets in one bundle; the shared scripts, plus the scripts of
    the components the page shows, in one bundle; each in mkdocs.yml's order."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[0])
    for page in ["index.html", "stappen/bericht-duiden.html", "fenomenen/fraude.html", *COMPONENT_PAGES]:
        html = (site_dir / page).read_text(encoding="utf-8")
        components = COMPONENT_PAGES.get(page, []) + EVERY_PAGE
        for kind, bundle, minify in zip(("extra_css", "extra_javascript"), bundles_of(site_dir, page),
                                        (rcssmin.cssmin, rjsmin.jsmin)):
            text = (site_dir / bundle).read_text(encoding="utf-8")
            positions, sources = [], 0
            for path in config[kind]:
                assert f'"{path}"' not in html and f'/{path}"' not in html, f"{page}: {path} loads on its own"
                source = minify((ROOT / "overrides" / path).read_text(encoding="utf-8")).strip()
                component = re.match(r"components/([^/]+)/", path)
                if kind == "extra_javascript" and component and component.group(1) not in components:
                    assert source not in text, f"{page}: {path} is in {bundle} but the page does not use it"
                    continue
                assert source in text, f"{page}: {path} is missing from {bundle}"
                positions.append(text.index(source))
                sources += len((ROOT / "overrides" / path).read_text(encoding="utf-8"))
            assert positions == sorted(positions), f"{bundle} changes the order of {kind}"
            assert len(text) < 0.8 * sources, f"{bundle} is not minified"
            assert "\n  " not in text and "/* " not in text, f"{bundle} keeps indentation or comments"
    route_pages = {bundles_of(site_dir, p)[1] for p in ["index.html", "stappen/bericht-duiden.html",
                                                        "fenomenen/fraude.html", "partners.html"]}
    assert len(route_pages) == 1, "pages with the same scripts share one bundle"


def test_every_script_waits_for_the_page_and_keeps_the_themes_order(site_dir, site_pages):
    """No script holds up the first paint: each external one loads with
    `defer` (they run in order once the page is parsed). The search shim comes
    before Material's bundle, which comes before the site's own."""
    for page in [*site_pages, "404.html"]:
        html = (site_dir / page).read_text(encoding="utf-8")
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        blocking = [t for t in tags if not re.search(r"\s(defer|async)[\s>]|type=\"module\"", t)]
        assert blocking == [], f"{page}: {blocking}"
        order = [name for tag in tags for name in ("iframe-worker-on-demand", "bundle.", "/site.")
                 if name in tag]
        if order:
            assert order == ["iframe-worker-on-demand", "bundle.", "/site."], f"{page}: {order}"


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_moves_while_a_page_loads(sweep, width):
    """Cumulative layout shift 0 on every page: nothing a script shows as the
    page starts (the role control, the walk) pushes the content down."""
    assert sweep.at(width).problems("layout-shift") == {}



@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_moves_while_a_page_arrives_in_pieces(page, nginx_url, site_pages, width):
    """On a slow connection the browser paints the part of the page it has,
    before the rest and before the scripts: what it painted stays put as the
    rest arrives, whichever point the page had reached (support/arriving.py).
    The scripts are held back, as they are at such a paint."""
    page.set_viewport_size(WIDTHS[width])
    page.route("**/*.js", lambda route: route.abort())
    found = {}
    for path in [*site_pages, "404.html"]:
        page.goto(nginx_url + path)
        if moved := moves_while_arriving(page):
            found[path] = moved
    assert found == {}


# The afsprakenkaart's columns before they had a <colgroup>: the column heads
# that have arrived share the width, so a later head narrows them.
COLUMNS_FROM_THE_HEADS = """<table style="width: 600px; table-layout: fixed">
<thead><tr><th style="width: 28%">Vraag</th><th>Jongerenwerk</th><th>Politie</th><th>Gemeente</th></tr></thead>
</table>"""
# A row that aligns its items' baselines: a later, taller field moves the first.
BASELINE_ROW = """<div style="display: flex; align-items: baseline; gap: 1em">
<p>Regio: <input></p><p>Datum: <input style="height: 3em"></p></div>"""
# A numbered step whose first paragraph's margin collapses through it: the
# number moves down when the paragraph arrives.
STEP_WITH_A_PARAGRAPH = "<div>Afspraken</div><ol style=\"margin: 0\"><li><p>Raadpleeg de voorbeelden.</p></li></ol>"


@pytest.mark.parametrize("html, moved", [
    (COLUMNS_FROM_THE_HEADS, '"Jongerenwerk" in th stands 36, 0 px off while the page has arrived up to th'),
    (BASELINE_ROW, '"Regio:" in p stands 0, -9 px off while the page has arrived up to input'),
    (STEP_WITH_A_PARAGRAPH, 'li in ol stands 0, -16 px off while the page has arrived up to p'),
])
def test_the_arriving_check_sees_what_a_later_part_moves(page, html, moved):
    page.set_content(html)
    assert moves_while_arriving(page)[0] == moved


def test_the_arriving_check_lets_fixed_columns_and_a_growing_list_be(page):
    page.set_content(COLUMNS_FROM_THE_HEADS.replace("<thead>", '<colgroup><col style="width: 28%"><col span="3"></colgroup><thead>')
                     + "<ul>" + "<li>een regel</li>" * 40 + "</ul>")
    assert moves_while_arriving(page) == []


# A page of each component that shows or hides something as it starts.
PAGES_WITH_SCRIPTS_AT_START = ["index.html", "stappen/partners-betrekken.html", "doorloop.html",
                               "afsprakenkaart.html", "bespreken.html", "privacy.html", "afdrukken.html",
                               "presentatie.html?fenomeen=fraude", "partners.html"]


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_moves_when_the_scripts_come_after_the_first_paint(page, nginx_url, width):
    """On a slow phone the page paints before its (deferred) scripts arrive.
    With the page's first script held back 0.2 s (deferred scripts run in
    their order, so all of them wait), the first paint surely comes first;
    what the scripts then show or hide still moves nothing."""
    held = []

    def late(route):
        if not held:
            held.append(route.request.url)
            time.sleep(0.2)
        route.continue_()
    page.set_viewport_size(WIDTHS[width])
    page.route("**/*.js", late)
    found = {}
    for path in PAGES_WITH_SCRIPTS_AT_START:
        held.clear()
        page.goto(nginx_url + path)
        page.wait_for_function("() => !document.documentElement.classList.contains('no-js')")
        shifts = page.evaluate(LAYOUT_SHIFTS)
        if shifts["total"] > 0:
            found[path] = f"{shifts['total']:.3f}: {', '.join(dict.fromkeys(shifts['moved']))}"
    assert found == {}
