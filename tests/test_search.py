"""Dutch words a professional would type into the site search find the right
page, through Material's own search box in Chromium."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from macros.content import load_content
from support.html import find, page as html_page, text, with_class
from support.project import ROOT
from support.words import THEME, theme_label

SEARCH = theme_label("search.placeholder")
STEP_3 = load_content(ROOT / "content").stap("partners-betrekken").titel  # what "persoonsgegevens" finds

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


# Material asks its search worker for every typed letter and redraws the list
# for each answer. The answer to the whole query is in when a result's
# highlight (?h=) is the whole query: an answer to a part of it has that part.
ANSWERED = """query => [...document.querySelectorAll('.md-search-result__item .md-search-result__link')]
  .some(a => (new URL(a.href).searchParams.get('h') || '').toLowerCase() === query.toLowerCase())"""


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """One page for every query: the search worker builds its index once."""
    page = browser.new_page()
    page.goto(site_url)
    yield page
    page.close()


def search(page, site_url, query) -> list[str]:
    """The pages the search box lists for `query`, best first, each once."""
    page.keyboard.press("/")
    box = page.get_by_role("textbox", name=SEARCH)
    expect(box).to_be_focused()
    box.press("ControlOrMeta+A")
    box.press_sequentially(query)
    page.wait_for_function(ANSWERED, arg=query)
    hrefs = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
                             .map(a => a.getAttribute('href'))""")
    pages = []
    for href in hrefs:
        path = href.replace(site_url, "").split("?")[0].split("#")[0]
        if path not in pages:
            pages.append(path)
    page.keyboard.press("Escape")
    return pages


@pytest.mark.parametrize("query", QUERIES)
def test_a_dutch_query_finds_the_right_page_in_the_top_three(search_page, site_url, query):
    found = search(search_page, site_url, query)
    assert QUERIES[query] in found[:3], found


def test_the_search_words_are_on_the_page_for_people_too(site_dir):
    page = html_page(site_dir, "stappen/mogelijke-acties.html")
    (words,) = find(page, f"//{with_class('rk-search-words')}")
    assert "ouders" in text(words)


SEARCH_FILES = ("search/search_index.json", "/workers/search.", "/lunr/")


def test_search_costs_nothing_until_it_is_used_and_then_works(browser, site_url):
    """A page loads without the search index, worker and language files; the
    first press of '/' fetches them, and the first query is answered."""
    page = browser.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "partners.html")
    page.wait_for_load_state("networkidle")
    assert [u for u in requested if any(f in u for f in SEARCH_FILES)] == []
    found = search(page, site_url, "persoonsgegevens")
    assert QUERIES["persoonsgegevens"] in found[:3], found
    for needed in SEARCH_FILES:
        assert any(needed in u for u in requested), needed
    page.close()


def test_a_page_opened_from_a_search_result_marks_the_words_searched_for(page, site_url):
    page.goto(site_url + "stappen/partners-betrekken.html?h=persoonsgegevens")
    expect(page.locator("article mark").first).to_have_text("persoonsgegevens", ignore_case=True)


def test_a_query_pasted_once_search_is_ready_finds_results(page, site_url):
    """A query that comes as one input event and no keys (pasted from a menu,
    dictated, a phone's suggestion) after the search has started is searched
    for. Material only read the field on keyup: the query was lost when search
    was ready first, which on a busy machine also broke the keyboard test."""
    page.goto(site_url + "colofon.html")
    page.keyboard.press("/")
    expect(page.locator(".md-search-result__meta")).to_have_text(THEME["search_result_placeholder"])  # ready
    page.get_by_role("textbox", name=SEARCH).evaluate(
        "box => { box.value = 'persoonsgegevens'; box.dispatchEvent(new InputEvent('input', {bubbles: true})); }")
    expect(page.locator(".md-search-result__item").first).to_contain_text(STEP_3)


def test_the_number_of_results_is_a_status_message(page, site_url):
    """Screen readers hear how many pages were found without leaving the
    search field (WCAG 4.1.3): the count is in a live region."""
    page.goto(site_url + "colofon.html")
    words = json.loads(page.locator("#__config").text_content())["translations"]["search.result.other"]
    page.keyboard.press("/")
    page.get_by_role("textbox", name=SEARCH).press_sequentially("persoonsgegevens")
    page.wait_for_function(ANSWERED, arg="persoonsgegevens")
    count = re.compile(re.escape(words).replace("\\#", r"\d+"))
    expect(page.get_by_role("status").filter(has_text=count)).to_have_count(1)
