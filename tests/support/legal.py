"""The guard against legal verdicts of our own: every block of text the
digital edition added that uses a legal word must name a source a reader can
follow (a [label](bron:id) link, or a `bron`/`bronnen` field).

LEGAL_WORDS is the one list of legal words; add a word here and the
guard (tests/test_vertrouwen.py) checks every added block for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Iterator

from pydantic import BaseModel

from macros.content import Content
from macros.content.base import Aanvulling

LEGAL_WORDS = (
    "strafbaar", "strafbare", "strafbaarheid", "mag", "mogen", "mocht", "wet", "wetten", "wettelijk",
    "wettelijke", "wetboek", "artikel", "grondslag", "toestemming", "verplicht", "verplichte", "plicht",
    "meldplicht", "bevel", "AVG", "toegestaan", "verboden", "verbod", "rechtmatig", "onrechtmatig",
    "bevoegd", "bevoegdheid", "vervolgd", "vervolging",
)
_WORD = re.compile(r"(?<![\w-])(" + "|".join(LEGAL_WORDS) + r")(?![\w-])", re.IGNORECASE)
# A name in double quotes ("Wat mag elke partner online?", an old title) is a
# name, not a statement.
_QUOTED_NAME = re.compile(r'"[^"]*"')
_SOURCE_LINK = re.compile(r"\]\(bron:[a-z0-9-]+\)")


@dataclass(frozen=True)
class Block:
    place: str          # file and path, for the failure message
    text: str
    source: bool        # names a source from bronnen.yml

    def legal_words(self) -> list[str]:
        return sorted({m.group(1).lower() for m in _WORD.finditer(_QUOTED_NAME.sub("", self.text))})


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _is_boundary(model) -> bool:
    """A model that is a block of its own on the page: one with its own
    origin, a pointer with sources, or an entry with a source of its own."""
    return isinstance(model, BaseModel) and (
        "herkomst" in type(model).model_fields or isinstance(model, Aanvulling) or "bron" in type(model).model_fields)


def _children(value) -> Iterator[tuple[str, object]]:
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield f"[{i}]", item
    elif isinstance(value, dict):
        for key, item in value.items():
            yield f".{key}", item
    else:
        yield "", value


# Fields that state nothing: the origin mark, and search words (topics people
# type, such as "AVG", shown as a list of words).
_NO_TEXT = {"herkomst", "zoekwoorden"}


def _text(value) -> list[str]:
    """The strings of a value, without those of child blocks (checked on their own)."""
    if isinstance(value, BaseModel):
        return [s for name in type(value).model_fields if name not in _NO_TEXT
                for s in _text_field(getattr(value, name))]
    return list(_strings(value))


def _text_field(value) -> list[str]:
    return [s for _, item in _children(value) if not _is_boundary(item) for s in _text(item)]


def _source(model, text: list[str]) -> bool:
    if isinstance(model, BaseModel):
        if getattr(model, "bronnen", None) or getattr(model, "kaders", None):
            return True
        source = getattr(model, "bron", None)
        if source and ("](" not in source or _SOURCE_LINK.search(source)):  # an id, or a link to a source
            return True
    return any(_SOURCE_LINK.search(t) for t in text)


def added_blocks(content: Content) -> Iterator[Block]:
    """Every block of text the digital edition added, in every content file."""
    for field_name in fields(content):
        value = getattr(content, field_name.name)
        if isinstance(value, BaseModel):
            yield from _blocks(value, f"content/{field_name.name}.yml", False)


def _blocks(model: BaseModel, place: str, added: bool) -> Iterator[Block]:
    origin = getattr(model, "herkomst", None)
    added = origin == "toegevoegd" if origin else added
    if added and _is_boundary(model):
        text = _text(model)
        yield Block(place, " ".join(text), _source(model, text))
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in type(model).TOEGEVOEGD and not added and name not in _NO_TEXT:
            # An addition whatever its block: a summary, search words, an example message.
            for sub, item in _children(value):
                if not _is_boundary(item) and (text := _text(item)):
                    yield Block(f"{place}.{name}{sub}", " ".join(text), _source(item, text))
        for sub, item in _children(value):
            if isinstance(item, BaseModel):
                yield from _blocks(item, f"{place}.{name}{sub}", added or name in type(model).TOEGEVOEGD)


def without_source(content: Content) -> list[tuple[str, list[str], str]]:
    """(place, legal words, text) of every added block that uses a legal word
    and names no source."""
    return [(b.place, words, b.text[:120]) for b in added_blocks(content)
            if (words := b.legal_words()) and not b.source]
