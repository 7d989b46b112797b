"""Dutch words a professional would type into the site search find the right
page, through Material's own search box in Chromium."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

QUERIES = {
    "drugs": "fenomenen/illegale-handel.html",
    "wapens": "fenomenen/illegale-handel.html",
    "sexting": "fenomenen/seksueel-grensoverschrijdend-gedrag.html",
    "afpersing": "fenomenen/intimidatie-en-agressie.html",
    "demonstratie": "fenomenen/aangejaagde-ordeverstoringen.html",
    "hacken": "fenomenen/cybercriminaliteit.html",
    "DM": "stappen/mogelijke-acties.html",
    "ouders": "stappen/mogelijke-acties.html",
    "privacy": "stappen/partners-betrekken.html",
    "persoonsgegevens": "stappen/partners-betrekken.html",
    "convenant": "stappen/partners-betrekken.html",
}


def search(page, site_url, query) -> list[str]:
    """The pages the search box lists for `query`, best first, each once."""
    page.goto(site_url)
    page.keyboard.press("/")
    page.get_by_role("textbox", name="Zoeken").press_sequentially(query)
    expect(page.locator(".md-search-result__item > .md-search-result__link").first).to_be_visible()
    # Results are redrawn while the worker searches: read them once they settle.
    read = """() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
                    .map(a => a.getAttribute('href'))"""
    hrefs, previous = page.evaluate(read), None
    while hrefs != previous:
        page.wait_for_timeout(300)
        previous, hrefs = hrefs, page.evaluate(read)
    pages = []
    for href in hrefs:
        path = href.replace(site_url, "").split("?")[0].split("#")[0]
        if path not in pages:
            pages.append(path)
    return pages


@pytest.mark.parametrize("query", QUERIES)
def test_a_dutch_query_finds_the_right_page_in_the_top_three(page, site_url, query):
    found = search(page, site_url, query)
    assert QUERIES[query] in found[:3], found


def test_the_search_words_are_on_the_page_for_people_too(page, site_url):
    page.goto(f"{site_url}stappen/mogelijke-acties.html")
    expect(page.locator(".rk-zoekwoorden")).to_contain_text("ouders")
