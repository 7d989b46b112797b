"""The eight phenomena: each page shows its explanation, scenario and example
message as a card in text (read from the built HTML); the overview picks one in a single tap; the
content model refuses an example that cannot be shown accessibly."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support.browser import WIDTHS
from support.project import ROOT
from support.html import find, page as html_page, text, the, with_class
from support.words import PAGES
from macros.content import load_content

CONTENT = load_content(ROOT / "content")
PHENOMENA = CONTENT.fenomenen.fenomenen


@pytest.mark.parametrize("phenomenon", PHENOMENA[:1] + PHENOMENA[-1:], ids=lambda f: f.id)
def test_the_walk_link_of_a_phenomenon_leads_to_step_1(page, site_url, phenomenon):
    page.goto(f"{site_url}fenomenen/{phenomenon.id}.html")
    page.get_by_role("link", name=PAGES["phenomenon_walk"]).click()
    first = CONTENT.stap(CONTENT.routekaart.startpunt.naar)
    # The walk (issue 3) opens at step 1 with this phenomenon's example in view;
    # until walk.js has run, every step shows, so wait for it to show just one.
    expect(page.locator(".rk-walk-step:visible")).to_have_count(1)
    expect(page.locator(".rk-walk-step:visible h2")).to_have_text(first.label)
    expect(page.locator(".rk-walk-example:visible")).to_have_attribute("data-phenomenon", phenomenon.id)


def test_every_phenomenon_page_links_to_its_walk_and_presentation(site_dir):
    import posixpath
    import re
    for f in PHENOMENA:
        html = (site_dir / "fenomenen" / f"{f.id}.html").read_text(encoding="utf-8")
        for label in (PAGES["phenomenon_walk"], PAGES["phenomenon_present"]):
            match = re.search(r'<a [^>]*href="([^"]+)"[^>]*>' + re.escape(label) + "</a>", html)
            assert match, f"{f.id}: no link '{label}'"
            target = match.group(1).split("#")[0].split("?")[0]
            assert (site_dir / posixpath.normpath(f"fenomenen/{target}")).is_file(), (f.id, label)
        assert f'href="../presentatie.html?fenomeen={f.id}"' in html


def test_the_overview_shows_eight_cards_with_summary_and_platform(site_dir):
    cards = find(html_page(site_dir, "fenomenen/index.html"), f"//{with_class('rk-phenomenon-card')}")
    assert len(cards) == 8
    for card, f in zip(cards, PHENOMENA):
        assert text(the(find(card, "//a[@href]"))) == f.korte_titel
        assert f.samenvatting in text(card)
        assert f.bericht.platform in text(card)


def test_a_single_tap_anywhere_on_a_card_opens_the_phenomenon(browser, site_url):
    context = browser.new_context(viewport=WIDTHS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_url}fenomenen/index.html")
    f = PHENOMENA[5]
    summary = page.locator(".rk-phenomenon-card", has_text=f.korte_titel).locator(".rk-phenomenon-card-summary")
    summary.scroll_into_view_if_needed()
    box = summary.bounding_box()
    # Tap the summary text, not the link: the whole card is the tap target.
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(f"{site_url}fenomenen/{f.id}.html")
    context.close()
