"""Glossary terms in rendered text: the first time a term appears on a page it
becomes a link to its entry on the glossary page, with the explanation as a
tooltip (shown on focus, hover and tap; see begrippen.js and begrippen.css).
The page then ends with the explanations, hidden, as the links' descriptions.

Works on HTML that `Renderer.text` already escaped, and never inside a link.
"""
from __future__ import annotations

import re

from markupsafe import escape

from ..content.begrippen import Begrip
from ..content.markup import plain

_TAG = re.compile(r"(<[^>]+>)")
def forms(entry: Begrip) -> list[str]:
    """Every way a term may be written in the text."""
    out = []
    for word in (entry.term, *entry.aliassen):
        out.append(word)
        if word[0].islower():
            out.append(word[0].upper() + word[1:])
    return out


class TermMarker:
    """Marks glossary terms in the HTML of one page, each term once."""

    def __init__(self, entries: list[Begrip], glossary_url: str, label: str):
        self.glossary_url = glossary_url
        # Every explanation is an addition of the digital edition: the tooltip
        # and the screen readers' description end by saying so.
        self.label = label
        self.by_form: dict[str, Begrip] = {}
        for entry in entries:
            for form in forms(entry):
                self.by_form[str(escape(form))] = entry
        alternatives = sorted(self.by_form, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w&#-])(" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")
        self.seen: set[str] = set()

    def mark(self, html: str) -> str:
        parts = _TAG.split(html)
        depth = 0  # inside how many <a> elements
        for i, part in enumerate(parts):
            if i % 2:  # a tag
                if re.match(r"<a[\s>]", part):
                    depth += 1
                elif part.startswith("</a"):
                    depth = max(0, depth - 1)
            elif depth == 0 and part:
                parts[i] = self.pattern.sub(self._replace, part)
        return "".join(parts)

    def _replace(self, match: re.Match) -> str:
        entry = self.by_form[match.group(1)]
        if entry.id in self.seen:
            return match.group(0)
        self.seen.add(entry.id)
        # The tooltip is CSS generated content (begrippen.css), so the
        # explanation is not part of the surrounding text; screen readers get
        # it as the link's description, from descriptions() below.
        return (f'<a class="rk-glossary-term" href="{escape(self.glossary_url)}#begrip-{entry.id}" '
                f'aria-describedby="rk-glossary-explanation-{entry.id}" data-explanation="{escape(self.explanation(entry))}">'
                f'{match.group(1)}</a>')

    def explanation(self, entry: Begrip) -> str:
        return f"{entry.term}: {plain(entry.uitleg)} ({self.label})"

    def descriptions(self, entries: list[Begrip]) -> str:
        """Hidden explanations of the terms marked so far, for aria-describedby."""
        spans = "".join(f'<span id="rk-glossary-explanation-{b.id}">{escape(self.explanation(b))}</span>'
                        for b in entries if b.id in self.seen)
        return f'<div class="rk-glossary-explanations" hidden>{spans}</div>' if spans else ""
