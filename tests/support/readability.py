"""How readable the digital edition's own text is: Flesch–Douma (the Dutch
Flesch reading ease; B1 is about 60 and up) and the length of sentences.

The added text of a built page is what it marks as added (data-origin=
"toegevoegd"), and the whole content of a page that is wholly added, without
the marks themselves, the routekaart's words it quotes (<q>) and the titles
of sources ("Bron: ...").
"""
from __future__ import annotations

import copy
import re

from lxml.html import HtmlElement

from support.html import find, with_class

_VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü"
# A vowel group is one syllable ("oe", "aai", "ij"); a vowel with a diaeresis
# starts a new one ("geïnteresseerd", "ideeën").
_SYLLABLE = re.compile(rf"[ëïüöä][{_VOWELS}]*|[{_VOWELS}]+?(?=[ëïüöä])|[{_VOWELS}]+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
# A sentence ends at . ? or ! followed by a capital, and at the end of a
# block (a paragraph, a list item, a cell, a heading).
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])[ ]+(?=[\"'„“(]?[A-Z0-9ÀÉÈËÏÖÜ])|\s*\n\s*")
# Not our prose: the marks, the routekaart's words we quote, the titles of
# sources, the fictional example messages (written as a young person would
# write them), lists of search words, and the glossary's terms and aliases.
NOT_OWN = " | ".join(f".//{x}" for x in (
    with_class("rk-origin"), "q", with_class("rk-supplement-source"), with_class("rk-glossary-explanations"),
    with_class("rk-sources"), with_class("rk-message"), with_class("rk-search-words"),
    f"{with_class('rk-glossary-list')}//dt", with_class("rk-glossary-aliases"), with_class("rk-glossary-source")))
# English words the site uses, with the syllables they are spoken with.
LOANWORDS = {"online": 2, "offline": 2, "social": 2, "screenshot": 2, "sexting": 2, "website": 2,
               "chat": 1, "like": 1, "likes": 1, "influencer": 3, "e-mail": 2, "message": 2}


def count_syllables(word: str) -> int:
    if word.lower() in LOANWORDS:
        return LOANWORDS[word.lower()]
    if word[0].isdigit():
        return max(1, len(word) // 2)  # "0800 2000": read out as numbers
    return max(1, len(_SYLLABLE.findall(word)))


def words_in(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    return [z for z in (s.strip() for s in _SENTENCE_BREAK.split(text)) if words_in(z)]


def flesch_douma(text: str) -> float:
    zs = sentences(text)
    ws = words_in(text)
    syllables = sum(count_syllables(w) for w in ws)
    return 206.835 - 0.93 * len(ws) / len(zs) - 77 * syllables / len(ws)


def _text(element: HtmlElement) -> str:
    """The text of an element, blocks apart as sentences of their own, without what is not our prose."""
    element = copy.deepcopy(element)
    for gone in element.xpath(NOT_OWN):
        gone.drop_tree()
    for block in element.iter("p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "caption", "legend",
                             "label", "div"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(" ".join(line.split()) for line in element.text_content().splitlines())


def added_text(page_html: HtmlElement) -> str:
    """All text a built page marks as added, or its whole content when the page is wholly added."""
    (article,) = find(page_html, "//article")
    whole = find(article, f"//{with_class('rk-origin--page')}[not(@data-form)]")
    if whole:
        return _text(article.xpath(".//*[contains(@class, 'rk-origin--page')]/..")[0])
    blocks = find(article, "//*[@data-origin='toegevoegd'][not(ancestor::*[@data-origin='toegevoegd'])]"
                            "[not(contains(@class, 'rk-origin'))][not(ancestor-or-self::figure)]"
                            "[not(contains(@class, 'rk-search-words'))]")
    return "\n".join(_text(b) for b in blocks)
