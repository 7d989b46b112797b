"""How much room a label takes: estimates for the route map's SVG text,
which does not wrap by itself (macros/render/routemap.py)."""
from __future__ import annotations

import re

# A character's width in em (sans-serif estimate; capitals are wider), plus
# the letter spacing a reader may set (WCAG 1.4.12), so labels fit their boxes.
GLYPH, CAPITAL, LETTER_SPACING = 0.56, 0.66, 0.12


def wrap(text: str, width_units: float, size: float, glyph: float = GLYPH) -> list[str]:
    """Lines of `text` that fit `width_units` at font size `size`, with the
    reader's letter spacing. Lines break at spaces and after a slash ("online/offline")."""
    chars = max(4, int(width_units / (size * (glyph + LETTER_SPACING))))
    lines: list[str] = []
    for word in re.findall(r"[^\s/]+/?|/", text):
        glue = "" if lines and lines[-1].endswith("/") else " "
        if lines and len(lines[-1]) + len(glue) + len(word) <= chars:
            lines[-1] += glue + word
        else:
            lines.append(word)
    return lines or [text]


def longest_word(text: str, size: float, glyph: float = GLYPH) -> float:
    """The width of the longest word of `text`, with the reader's letter spacing."""
    return max(len(word) for word in re.findall(r"[^\s/]+/?", text)) * size * (glyph + LETTER_SPACING)
