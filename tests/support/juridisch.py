"""The guard against legal verdicts of our own: every block of text the
digital edition added that uses a legal word must name a source a reader can
follow (a [label](bron:id) link, or a `bron`/`bronnen` field).

JURIDISCHE_WOORDEN is the one list of legal words; add a word here and the
guard (tests/test_vertrouwen.py) checks every added block for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Iterator

from pydantic import BaseModel

from macros.content import Content
from macros.content.base import Aanvulling

JURIDISCHE_WOORDEN = (
    "strafbaar", "strafbare", "strafbaarheid", "mag", "mogen", "mocht", "wet", "wetten", "wettelijk",
    "wettelijke", "wetboek", "artikel", "grondslag", "toestemming", "verplicht", "verplichte", "plicht",
    "meldplicht", "bevel", "AVG", "toegestaan", "verboden", "verbod", "rechtmatig", "onrechtmatig",
    "bevoegd", "bevoegdheid", "vervolgd", "vervolging",
)
_WOORD = re.compile(r"(?<![\w-])(" + "|".join(JURIDISCHE_WOORDEN) + r")(?![\w-])", re.IGNORECASE)
# A name in double quotes ("Wat mag elke partner online?", an old title) is a
# name, not a statement.
_NAAM = re.compile(r'"[^"]*"')
_BRON_LINK = re.compile(r"\]\(bron:[a-z0-9-]+\)")


@dataclass(frozen=True)
class Blok:
    plaats: str          # file and path, for the failure message
    tekst: str
    bron: bool           # names a source from bronnen.yml

    def juridische_woorden(self) -> list[str]:
        return sorted({m.group(1).lower() for m in _WOORD.finditer(_NAAM.sub("", self.tekst))})


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _grens(model) -> bool:
    """A model that is a block of its own on the page: one with its own
    origin, a pointer with sources, or an entry with a source of its own."""
    return isinstance(model, BaseModel) and (
        "herkomst" in type(model).model_fields or isinstance(model, Aanvulling) or "bron" in type(model).model_fields)


def _kinderen(value) -> Iterator[tuple[str, object]]:
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
_GEEN_TEKST = {"herkomst", "zoekwoorden"}


def _tekst(value) -> list[str]:
    """The strings of a value, without those of child blocks (checked on their own)."""
    if isinstance(value, BaseModel):
        return [s for name in type(value).model_fields if name not in _GEEN_TEKST
                for s in _tekst_veld(getattr(value, name))]
    return list(_strings(value))


def _tekst_veld(value) -> list[str]:
    return [s for _, item in _kinderen(value) if not _grens(item) for s in _tekst(item)]


def _bron(model, tekst: list[str]) -> bool:
    if isinstance(model, BaseModel):
        if getattr(model, "bronnen", None) or getattr(model, "kaders", None):
            return True
        bron = getattr(model, "bron", None)
        if bron and ("](" not in bron or _BRON_LINK.search(bron)):  # an id, or a link to a source
            return True
    return any(_BRON_LINK.search(t) for t in tekst)


def toegevoegde_blokken(content: Content) -> Iterator[Blok]:
    """Every block of text the digital edition added, in every content file."""
    for veld in fields(content):
        value = getattr(content, veld.name)
        if isinstance(value, BaseModel):
            yield from _blokken(value, f"content/{veld.name}.yml", False)


def _blokken(model: BaseModel, plaats: str, toegevoegd: bool) -> Iterator[Blok]:
    herkomst = getattr(model, "herkomst", None)
    toegevoegd = herkomst == "toegevoegd" if herkomst else toegevoegd
    if toegevoegd and _grens(model):
        tekst = _tekst(model)
        yield Blok(plaats, " ".join(tekst), _bron(model, tekst))
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in type(model).TOEGEVOEGD and not toegevoegd and name not in _GEEN_TEKST:
            # An addition whatever its block: a summary, search words, an example message.
            for sub, item in _kinderen(value):
                if not _grens(item) and (tekst := _tekst(item)):
                    yield Blok(f"{plaats}.{name}{sub}", " ".join(tekst), _bron(item, tekst))
        for sub, item in _kinderen(value):
            if isinstance(item, BaseModel):
                yield from _blokken(item, f"{plaats}.{name}{sub}", toegevoegd or name in type(model).TOEGEVOEGD)


def zonder_bron(content: Content) -> list[tuple[str, list[str], str]]:
    """(place, legal words, text) of every added block that uses a legal word
    and names no source."""
    return [(b.plaats, woorden, b.tekst[:120]) for b in toegevoegde_blokken(content)
            if (woorden := b.juridische_woorden()) and not b.bron]
