"""The site ships only what it loads, and Material's parts are made whole."""
from __future__ import annotations

import re

import rcssmin
import rjsmin
import yaml

from playwright.sync_api import expect

from support.project import ROOT



def test_only_the_dutch_search_language_files_are_shipped(site_dir):
    lunr = site_dir / "assets" / "javascripts" / "lunr"
    shipped = sorted(p.relative_to(lunr).as_posix() for p in lunr.rglob("*") if p.is_file())
    assert shipped == ["min/lunr.nl.min.js", "min/lunr.stemmer.support.min.js"]


def test_search_loads_its_dutch_language_files_and_finds_words(page, site_url):
    loaded = []
    page.on("requestfinished", lambda r: loaded.append(r.url))
    page.goto(site_url)
    page.keyboard.press("/")
    page.get_by_role("textbox", name="Zoeken").press_sequentially("afspra")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert any(u.endswith("lunr/min/lunr.nl.min.js") for u in loaded)


def test_the_search_dialog_has_a_name(page, site_url):
    page.goto(site_url)
    expect(page.get_by_role("dialog", name="Zoeken", include_hidden=True)).to_have_count(1)


def test_a_page_loads_the_site_s_own_css_and_js_as_one_file_each_minified(site_dir):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[0])
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    css = re.findall(r'<link rel="stylesheet" href="(assets/stylesheets/site\.[0-9a-f]{8}\.css)">', html)
    js = re.findall(r'<script src="(assets/javascripts/site\.[0-9a-f]{8}\.js)">', html)
    assert len(css) == 1 and len(js) == 1
    for kind, bundle, minify in (("extra_css", css[0], rcssmin.cssmin), ("extra_javascript", js[0], rjsmin.jsmin)):
        text = (site_dir / bundle).read_text(encoding="utf-8")
        positions, sources = [], 0
        for path in config[kind]:
            source = (ROOT / "overrides" / path).read_text(encoding="utf-8").strip()
            sources += len(source)
            assert minify(source).strip() in text, f"{path} is missing from {bundle}"
            assert f'"{path}"' not in html and f'="{path}"' not in html, f"{path} still loads on its own"
            positions.append(text.index(minify(source).strip()))
        assert positions == sorted(positions), f"{bundle} changes the order of {kind}"
        assert len(text) < 0.8 * sources, f"{bundle} is not minified"
        assert "\n  " not in text and "/* " not in text, f"{bundle} keeps indentation or comments"
