"""On a phone: no page scrolls sideways at 320 px, text can grow to 200%
without loss, and nothing needs hover. The sweep (support/sweep.py) checks
every page; the long words are this file's own site."""
from __future__ import annotations

import pytest

from support.browser import WIDTHS
from support.project import serve
from support.sweep import DOUBLE_THE_TEXT, NARROWEST, sideways
from support.variants import Variant


@pytest.mark.parametrize("width, check", [("phone", "sideways-320px"), ("desktop", "sideways-zoom-200")],
                         ids=["320px", "zoom-200"])
def test_no_page_scrolls_sideways(sweep, width, check):
    """At 320 px, and a 1280 px window zoomed to 200% (640 CSS px)."""
    assert sweep.at(width).problems(check) == {}


def test_text_at_200_percent_stays_readable_on_a_phone(sweep):
    """Text-only zoom (a phone's font size setting) doubles the text; it must
    wrap, not be cut off or push the page sideways."""
    assert sweep.at("phone").problems("text-200") == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_of_ours_shows_only_on_hover(sweep, width):
    """A :hover rule in the project's CSS that shows or moves something has a
    :focus twin, so touch and keyboard users get it too."""
    assert sweep.at(width).problems("hover-only") == {}


LONG_WORD = "Jeugdcriminaliteitsbestrijdingssamenwerkingsafsprakenoverzicht"


def with_long_words(project):
    """A long Dutch compound and a long web address in a step, as editors may well write them."""
    path = project / "content" / "colofon.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tekst:\n", f"tekst:\n  - {LONG_WORD} staat op "
                                 "www.voorbeeld.nl/een/heel/lang/webadres/zonder/spaties/erin.\n", 1),
                    encoding="utf-8")


LONG_WORDS = Variant("long-words", with_long_words)


@pytest.fixture(scope="module")
def long_words_site():
    server = serve(LONG_WORDS.site())
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_long_words_wrap_instead_of_pushing_the_page_sideways(page, long_words_site):
    page.set_viewport_size(NARROWEST)
    page.goto(long_words_site + "colofon.html")
    assert LONG_WORD in page.locator(".rk-colophon").inner_text().replace("\n", "")
    assert sideways(page) == {}
    page.evaluate(DOUBLE_THE_TEXT)
    assert sideways(page) == {}
