"""What each page shows, checked in Chromium against the built site."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.content import load_content

from conftest import ROOT

CONTENT = load_content(ROOT / "content")


@pytest.mark.parametrize("stap", CONTENT.routekaart.stappen, ids=lambda s: s.id)
def test_a_step_page_shows_all_its_questions(page, site_url, stap):
    page.goto(f"{site_url}stappen/{stap.id}.html")
    expect(page.locator("h1")).to_have_text(f"Stap {stap.nummer}: {stap.titel}")
    shown = page.locator(".rk-vragen .rk-vraag").all_inner_texts()
    wanted = [v.vraag.replace("**", "") for v in stap.vragen]
    assert [" ".join(t.split()) for t in shown] == wanted


def test_the_site_speaks_dutch(page, site_url):
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page.get_by_role("link", name="Ga naar inhoud")).to_have_count(1)


def test_dutch_search_finds_a_step(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")
    page.get_by_role("textbox", name="Zoeken").press_sequentially("persoonsgegevens")
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text("Partner(s) betrekken?")


def test_a_source_without_address_names_its_publisher(page, site_url):
    page.goto(f"{site_url}fenomenen/index.html")
    tip = page.locator("li", has_text="Raadpleeg Jongline")
    expect(tip).to_contain_text("Jongline (Actiecentrum Veiligheid en Zorg, Amsterdam-Amstelland)")
    # Glossary terms in the tip are links to the glossary, not to the source.
    expect(tip.locator("a:not(.rk-begrip-term)")).to_have_count(0)
    expect(page.get_by_role("link", name="Helpwanted (externe website)")).to_have_attribute(
        "href", "https://www.helpwanted.nl/")
