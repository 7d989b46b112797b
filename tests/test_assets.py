"""The site ships only what it loads, and Material's parts are made whole."""
from __future__ import annotations

from playwright.sync_api import expect



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
