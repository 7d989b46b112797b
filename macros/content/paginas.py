"""content/toegankelijkheid.yml and content/privacy.yml: plain pages of
titled sections; content/niet-gevonden.yml: the page for a wrong address."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Blok, Id, Model, Tekst

class Sectie(Model):
    """A titled part of a plain page: paragraphs, then an optional list."""
    id: Id
    titel: Tekst
    tekst: list[Tekst] = Field(min_length=1)
    punten: list[Tekst] = []


class Status(Sectie):
    # The levels of the Dutch government's model accessibility statement.
    niveau: Literal["voldoet volledig", "voldoet gedeeltelijk", "eerste maatregelen genomen",
                    "nog geen maatregelen genomen"]


class ToegankelijkheidBestand(Blok):
    """The accessibility statement, in the form of the Dutch government's model."""
    titel: Tekst
    intro: list[Tekst] = Field(min_length=1)
    standaard: Sectie
    status: Status
    onderzoek: Sectie
    knelpunten: Sectie
    contact: Sectie


class PrivacyBestand(Blok):
    titel: Tekst
    intro: list[Tekst] = Field(min_length=1)
    secties: list[Sectie] = Field(min_length=1)


class NietGevondenBestand(Blok):
    """content/niet-gevonden.yml: the page for an address that does not
    exist (overrides/404.html); plain text, shown as written."""
    titel: Tekst
    tekst: list[Tekst] = Field(min_length=1)
    terug: Tekst  # the link to the route map
