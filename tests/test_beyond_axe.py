"""WCAG 2.2 AA criteria that axe-core cannot check, over every page (the
sweeps) and every interactive state, on a phone and a desktop
(support/beyond_axe.py, support/sweep.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest

from macros.content import load_content
from support.browser import WIDTHS
from support.html import find, page as html_page, text
from support.interactions import IDS, INTERACTIONS
from support.project import ROOT

CONTENT = load_content(ROOT / "content")


@pytest.mark.parametrize("width", WIDTHS)
def test_focus_is_never_hidden_on_any_page(sweep, width):
    """2.4.11: Tab and Shift+Tab through every page; no stop lies entirely
    under the sticky header, the menu's sticky title or another layer."""
    assert sweep.at(width).problems("focus-hidden") == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_text_stays_in_its_box_with_wider_text_spacing_on_any_page(sweep, width):
    """1.4.12: with the reader's letter, word, line and paragraph spacing,
    no text is cut off or runs out of its box; the route map's boxes and
    pills hold their labels."""
    assert sweep.at(width).problems("text-spacing") == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_forced_colours_keep_the_route_map_icons_and_focus_visible_on_any_page(sweep, width):
    """In a dark and a light high-contrast theme the route map's text,
    boxes and roads, its legend, the icons and the focus ring keep their
    contrast with what they are drawn on."""
    assert sweep.at(width).problems("forced-colours") == {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("interaction", INTERACTIONS, ids=IDS)
def test_focus_is_never_hidden_in_any_interactive_state(interaction_states, interaction, width):
    """2.4.11 in every state: search open, dialogs, the phone menu open
    (it closes when focus leaves it), each walk step, bespreken with files."""
    assert interaction_states.of(interaction, width).focus_hidden == []


# --- 3.1.2 Language of Parts -----------------------------------------------------------

def test_the_404_page_is_dutch(site_dir):
    """Material's own 404 page says "404 - Not found", read out as Dutch."""
    page = html_page(site_dir, "404.html")
    words = CONTENT.niet_gevonden
    assert page.get("lang") == "nl"
    assert [text(h1) for h1 in find(page, "//h1")] == [words.titel]
    body = text(the_article(page))
    assert all(paragraph in body for paragraph in words.tekst), body
    assert find(page, "//article//a[@href]")[-1].text_content() == words.terug
    assert "not found" not in text(page).lower()


def the_article(page):
    (article,) = find(page, "//article")
    return article


LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
# Settings among Material's strings, not words anyone reads.
NOT_WORDS = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}


def english_strings() -> dict[str, str]:
    """Material's English interface strings. Its Dutch file keeps some of
    them ("Footer", "Header", "Tabs"): overrides/partials/languages/custom.html
    translates those."""
    found = re.findall(r'"([\w.]+)": "([^"]*)"', (LANGUAGES / "en.html").read_text(encoding="utf-8"))
    return {key: value for key, value in found if key not in NOT_WORDS and len(value) > 2}


def test_no_english_string_of_the_theme_reaches_a_page(site_dir):
    """What the theme writes into a page (text, labels, the strings its
    script shows later) is Dutch, on every page and the 404 page."""
    english = english_strings()
    found = {}
    for path in sorted(Path(site_dir).rglob("*.html")):
        page = html_page(site_dir, path.relative_to(site_dir).as_posix())
        shown = [text(page)] + [value for el in page.iter() if isinstance(el.tag, str) and not el.xpath(
            "ancestor-or-self::*[@lang][1][starts-with(@lang, 'en')]")
            for name, value in el.attrib.items() if name in ("aria-label", "title", "placeholder", "alt")]
        config = find(page, "//script[@id='__config']")
        if config:
            shown += json.loads(config[0].text)["translations"].values()
        hits = sorted({key for key, value in english.items() for string in shown
                       if re.search(rf"(^|\W){re.escape(value)}($|\W)", string)})
        if hits:
            found[path.relative_to(site_dir).as_posix()] = hits
    assert found == {}
