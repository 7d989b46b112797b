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

_KLINKERS = "aeiouyàáâäèéêëìíîïòóôöùúûü"
# A vowel group is one syllable ("oe", "aai", "ij"); a vowel with a diaeresis
# starts a new one ("geïnteresseerd", "ideeën").
_LETTERGREEP = re.compile(rf"[ëïüöä][{_KLINKERS}]*|[{_KLINKERS}]+?(?=[ëïüöä])|[{_KLINKERS}]+", re.IGNORECASE)
_WOORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
# A sentence ends at . ? or ! followed by a capital, and at the end of a
# block (a paragraph, a list item, a cell, a heading).
_ZIN = re.compile(r"(?<=[.?!])[ ]+(?=[\"'„“(]?[A-Z0-9ÀÉÈËÏÖÜ])|\s*\n\s*")
# Not our prose: the marks, the routekaart's words we quote, the titles of
# sources, the fictional example messages (written as a young person would
# write them), lists of search words, and the glossary's terms and aliases.
NIET_EIGEN = " | ".join(f".//{x}" for x in (
    with_class("rk-origin"), "q", with_class("rk-supplement-source"), with_class("rk-glossary-explanations"),
    with_class("rk-sources"), with_class("rk-message"), with_class("rk-search-words"),
    f"{with_class('rk-glossary-list')}//dt", with_class("rk-glossary-aliases"), with_class("rk-glossary-source")))
# English words the site uses, with the syllables they are spoken with.
LEENWOORDEN = {"online": 2, "offline": 2, "social": 2, "screenshot": 2, "sexting": 2, "website": 2,
               "chat": 1, "like": 1, "likes": 1, "influencer": 3, "e-mail": 2, "message": 2}


def lettergrepen(woord: str) -> int:
    if woord.lower() in LEENWOORDEN:
        return LEENWOORDEN[woord.lower()]
    if woord[0].isdigit():
        return max(1, len(woord) // 2)  # "0800 2000": read out as numbers
    return max(1, len(_LETTERGREEP.findall(woord)))


def woorden(tekst: str) -> list[str]:
    return _WOORD.findall(tekst)


def zinnen(tekst: str) -> list[str]:
    return [z for z in (s.strip() for s in _ZIN.split(tekst)) if woorden(z)]


def flesch_douma(tekst: str) -> float:
    zs = zinnen(tekst)
    ws = woorden(tekst)
    syllables = sum(lettergrepen(w) for w in ws)
    return 206.835 - 0.93 * len(ws) / len(zs) - 77 * syllables / len(ws)


def _tekst(element: HtmlElement) -> str:
    """The text of an element, blocks apart as sentences of their own, without what is not our prose."""
    element = copy.deepcopy(element)
    for weg in element.xpath(NIET_EIGEN):
        weg.drop_tree()
    for blok in element.iter("p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "caption", "legend",
                             "label", "div"):
        blok.tail = "\n" + (blok.tail or "")
    return "\n".join(" ".join(line.split()) for line in element.text_content().splitlines())


def toegevoegde_tekst(pagina: HtmlElement) -> str:
    """All text a built page marks as added, or its whole content when the page is wholly added."""
    (artikel,) = find(pagina, "//article")
    hele = find(artikel, f"//{with_class('rk-origin--page')}[not(@data-form)]")
    if hele:
        return _tekst(artikel.xpath(".//*[contains(@class, 'rk-origin--page')]/..")[0])
    blokken = find(artikel, "//*[@data-origin='toegevoegd'][not(ancestor::*[@data-origin='toegevoegd'])]"
                            "[not(contains(@class, 'rk-origin'))][not(ancestor-or-self::figure)]"
                            "[not(contains(@class, 'rk-search-words'))]")
    return "\n".join(_tekst(b) for b in blokken)
