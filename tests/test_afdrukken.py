"""The whole routekaart as one handout (afdrukken.html): printed by the browser
as an A4 portrait booklet in which every step and every phenomenon starts on a
page of its own, with nothing of the site around it and nothing cut off."""
from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from support.browser import WIDTHS
from support.project import ROOT, serve
from support.variants import REGIONAL
from support.interactions import print_the_handout
from support.words import CARD, PAGES, ROUTEMAP, SITE, date_text, page_text, theme_label
from macros.content import plain
from macros.content import load_content
from macros.afterbuild.linkcheck import parse_site, resolve

CONTENT = load_content(ROOT / "content")
STEPS = CONTENT.routekaart.stappen
PHENOMENA = CONTENT.fenomenen.fenomenen
HANDOUT = "afdrukken.html"
# A4 (210 mm) less the handout's side margins (2 x 15 mm), in CSS pixels.
PRINTABLE_WIDTH = round(180 / 25.4 * 96)


def words(text: str) -> str:
    return " ".join(text.split())


def printed(page, url: str) -> PdfReader:
    """The page as the browser prints it on A4."""
    page.goto(url)
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    page.emulate_media(media="screen")
    return pdf


@pytest.fixture(scope="module")
def pdf(browser, site_url) -> PdfReader:
    page = browser.new_page()
    yield printed(page, site_url + HANDOUT)
    page.close()


@pytest.fixture(scope="module")
def page_texts(pdf) -> list[str]:
    # Layout mode: the default mode drops the glossary terms Chromium draws as links.
    return [words(p.extract_text(extraction_mode="layout")) for p in pdf.pages]


@pytest.fixture
def print_page(page, site_url):
    """The handout laid out as on paper: print media, the width of A4's text."""
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
    page.goto(site_url + HANDOUT)
    page.emulate_media(media="print")
    return page


# --- On paper ---------------------------------------------------------------

def test_the_handout_prints_on_a4_portrait(pdf):
    for number, sheet in enumerate(pdf.pages, 1):
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert (round(width), round(height)) == (595, 842), f"page {number} is {width} x {height} pt"


def test_every_step_and_every_phenomenon_is_in_the_print(page_texts):
    text = " ".join(page_texts)
    for title in [s.label for s in STEPS] + [f.titel for f in PHENOMENA]:
        assert title in text, title


def test_every_question_choice_and_action_of_every_step_is_in_the_print(page_texts):
    text = " ".join(page_texts)
    wanted = []
    for step in STEPS:
        wanted += [v.vraag for v in step.vragen]
        wanted += [a.titel for group in step.interventies for a in group.acties]
        if step.beslissing:
            wanted += [step.beslissing.vraag] + [o.kop for o in step.beslissing.opties]
    assert wanted
    missing = [w for w in wanted if words(plain(w)) not in text]
    assert missing == []


def test_each_step_and_each_phenomenon_starts_a_new_page(page_texts):
    tops = [text[:120] for text in page_texts]
    for title in [s.label for s in STEPS] + [f.titel for f in PHENOMENA]:
        assert any(top.startswith(title) for top in tops), f"no page starts with {title!r}"


def test_the_parts_break_to_a_new_page_and_blocks_never_split(print_page):
    style = print_page.evaluate("""() => {
        const of = (selector, property) => [...document.querySelectorAll(selector)]
            .map(e => getComputedStyle(e)[property]);
        return {
            parts: of(".rk-handout-part--stap, .rk-handout-part--fenomeen", "breakBefore"),
            blocks: of(".rk-handout .rk-questions > li, .rk-handout .rk-choice, .rk-handout .rk-actions > li,"
                       + " .rk-handout .rk-message, .rk-handout tr", "breakInside"),
        };
    }""")
    assert style["parts"] == ["page"] * (len(STEPS) + len(PHENOMENA))
    assert len(style["blocks"]) > 50
    assert set(style["blocks"]) == {"avoid"}


def test_nothing_is_cut_off_at_the_width_of_a4(print_page):
    overflow = print_page.evaluate("""() => {
        const content = document.querySelector(".md-content");
        const right = content.getBoundingClientRect().right + 1;
        // Text for screen readers only (.rk-sr) is a 1 px box that is never seen;
        // an .rk-sr element its component shows again on paper is checked.
        const shown = e => { const sr = e.closest(".rk-sr"); return !sr || sr.getBoundingClientRect().width > 1; };
        const wide = [...document.querySelectorAll(".rk-handout *")].filter(shown).filter(e =>
            [...e.getClientRects()].some(r => r.width && r.right > right)
              || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible"))
          .map(e => e.tagName.toLowerCase() + "." + String(e.className).split(" ")[0]);
        const link = document.querySelector(".rk-handout a[href^='http']");
        return {wrap: [getComputedStyle(document.querySelector(".rk-handout")).overflowWrap,
                       getComputedStyle(link, "::after").overflowWrap],
                page: document.documentElement.scrollWidth - innerWidth,
                content: content.scrollWidth - content.clientWidth, wide: wide.slice(0, 5)};
    }""")
    # Long words and printed web addresses wrap instead of running off the paper.
    assert overflow == {"wrap": ["break-word", "anywhere"], "page": 0, "content": 0, "wide": []}


def test_external_links_print_their_address_and_internal_links_do_not(print_page, page_texts):
    links = print_page.evaluate("""() => [...document.querySelectorAll(".rk-handout a")].map(a => {
        const after = getComputedStyle(a, "::after");
        return {href: a.getAttribute("href"), after: after.display === "none" ? "none" : after.content};
    })""")
    external = [link for link in links if link["href"].startswith("http")]
    assert external, "the handout links to no website"
    for link in external:
        assert link["after"] == f'" (" attr(href) ")"' or link["href"] in link["after"], link
    for link in links:
        if not link["href"].startswith("http"):
            assert "attr(href)" not in link["after"] and link["href"] not in link["after"], link
    # The whole address is on paper (a long one wraps over lines).
    paper = "".join("".join(page_texts).split())
    for link in external:
        assert link["href"] in paper, link["href"]


def test_the_site_around_the_handout_is_not_printed(print_page, page_texts):
    for selector in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search",
                     ".rk-back-link", ".rk-handout button", ".rk-handout-explanation"):
        for element in print_page.locator(selector).all():
            expect(element).to_be_hidden()
    text = " ".join(page_texts)
    for site_text in (SITE["back_to_map"], theme_label("action.skip"), SITE["print_all"],
                      PAGES["start_walk"], ROUTEMAP["previous_step"], theme_label("search.placeholder")):
        assert site_text not in text, site_text


def test_the_afsprakenkaart_prints_as_an_empty_table_to_fill_in(page_texts):
    card_content = CONTENT.afspraken.afsprakenkaart
    card = [text for text in page_texts if text.startswith(card_content.titel)]
    assert len(card) == 1, "the card starts one page of its own"
    for question in card_content.vragen:
        assert words(plain(question.tekst)) in card[0]


# --- On screen --------------------------------------------------------------

def test_the_handout_is_one_page_with_unique_ids_and_links_that_stay_on_it(page, site_url):
    page.goto(site_url + HANDOUT)
    expect(page.locator("h1")).to_have_text(PAGES["print_title"])
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    expect(page.locator(".rk-handout textarea, .rk-handout input, .rk-handout form")).to_have_count(0)
    # Links to a step, a phenomenon or a partner go to its part of the handout.
    hrefs = page.locator(".rk-handout a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    away = [h for h in hrefs if re.match(r"(stappen|fenomenen)/|partners\.html|afspraken", h)]
    assert away == []
    for href in {h for h in hrefs if h.startswith("#")}:
        assert href[1:] in ids, href


def test_from_the_route_map_on_the_handout_a_reader_reaches_step_4_on_the_same_page(page, site_url):
    page.goto(site_url + HANDOUT)
    page.set_viewport_size(WIDTHS["desktop"])
    page.locator(".rk-routemap--wide").get_by_role("link", name=CONTENT.stap("intervenieren").label, exact=True).click()
    expect(page).to_have_url(site_url + HANDOUT + "#stap-intervenieren")


def test_the_print_button_opens_the_browsers_print_dialog(page, site_url):
    page.goto(site_url + HANDOUT)
    print_the_handout(page)


def test_without_javascript_the_print_button_stays_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + HANDOUT)
    expect(page.get_by_role("button", name=PAGES["print_button"])).to_be_hidden()
    expect(page.locator(".rk-handout-explanation")).to_contain_text(PAGES["print_menu"])
    context.close()


def test_every_page_links_to_the_handout(site_dir, site_pages):
    pages = parse_site(site_dir)
    for path in site_pages:
        targets = {resolve(path, href)[0] for href in pages[path].links if resolve(path, href)}
        assert HANDOUT in targets or path == HANDOUT, f"{path} has no link to the handout"


def test_the_footer_link_opens_the_handout(page, site_url):
    page.goto(site_url + "fenomenen/fraude.html")
    page.get_by_role("navigation", name=SITE["about_site"]).get_by_role(
        "link", name=SITE["print_all"]).click()
    expect(page).to_have_url(site_url + HANDOUT)


def test_the_handout_is_not_in_search_results(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith(HANDOUT)]


# --- A regional edition -------------------------------------------------------

def test_a_regional_handout_prints_the_agreed_answers(page):
    server = serve(REGIONAL.site())
    try:
        pdf = printed(page, f"http://127.0.0.1:{server.server_port}/{HANDOUT}")
    finally:
        server.shutdown()
    # Plain mode: layout mode would interleave the card's columns line by line.
    text = " ".join(words(p.extract_text()) for p in pdf.pages)
    assert page_text("start_edition", regio="Regio Westerkwartier") in text
    assert "Stichting Jongerenwerk Westerkwartier" in text
    assert f"{CARD['field_agreed_on']} {date_text(date(2026, 3, 12))}" in text
    assert "Bij een bericht over een geplande vechtpartij bellen wij het jongerenwerk." in text


def test_the_first_printed_page_names_the_version_and_the_publishers_copyright(page_texts):
    first = page_texts[0]
    assert f"versie {CONTENT.versie.versie}" in first
    assert words(CONTENT.colofon.copyright) in first
