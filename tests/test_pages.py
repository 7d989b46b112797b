"""What each page shows, read from the built HTML; search in Chromium."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.content import load_content

from support.html import find, page as html_page, text, with_class
from support.project import ROOT
from support.words import PAGES, theme_label

CONTENT = load_content(ROOT / "content")


@pytest.mark.parametrize("step", CONTENT.routekaart.stappen, ids=lambda s: s.id)
def test_a_step_page_shows_all_its_questions(site_dir, step):
    page = html_page(site_dir, f"stappen/{step.id}.html")
    assert [text(h1) for h1 in find(page, "//h1")] == [step.label]
    shown = find(page, f"//{with_class('rk-questions')}//{with_class('rk-question')}")
    wanted = [v.vraag.replace("**", "") for v in step.vragen]
    assert [text(t) for t in shown] == wanted


def test_the_site_speaks_dutch(site_dir):
    page = html_page(site_dir, "index.html")
    assert page.get("lang") == "nl"
    assert [text(a) for a in find(page, "//a[@href]")].count(theme_label("action.skip")) == 1


def test_dutch_search_finds_a_step(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")
    page.get_by_role("textbox", name=theme_label("search.placeholder")).press_sequentially("persoonsgegevens")
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text(CONTENT.stap("partners-betrekken").titel)


def test_a_source_without_address_names_its_publisher(site_dir):
    page = html_page(site_dir, "fenomenen/index.html")
    (tip,) = [li for li in find(page, "//li") if "Raadpleeg Jongline" in text(li)]
    assert "Jongline (Actiecentrum Veiligheid en Zorg, Amsterdam-Amstelland)" in text(tip)
    # Glossary terms in the tip are links to the glossary, not to the source.
    assert [text(a) for a in find(tip, "//a") if "rk-glossary-term" not in a.classes] == []
    helpwanted = [a.get("href") for a in find(page, "//a") if text(a) == f"Helpwanted {PAGES['external_website']}"]
    assert helpwanted == ["https://www.helpwanted.nl/"]
