"""content/toegankelijkheid.yml and content/privacy.yml: plain pages of
titled sections; content/niet-gevonden.yml: the page for a wrong address."""
from __future__ import annotations

from datetime import date
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


class Opgesteld(Model):
    """When the statement was drawn up, as the model statement asks."""
    datum: date
    tekst: Tekst  # {datum} marks where the date goes


class ToegankelijkheidBestand(Blok):
    """The accessibility statement, in the form of the Dutch government's model."""
    titel: Tekst
    intro: list[Tekst] = Field(min_length=1)
    standaard: Sectie
    status: Status
    onderzoek: Sectie
    knelpunten: Sectie
    contact: Sectie  # after the maintainer's contact (content/editie.yml)
    opgesteld: Opgesteld


class PrivacyBestand(Blok):
    titel: Tekst
    intro: list[Tekst] = Field(min_length=1)
    secties: list[Sectie] = Field(min_length=1)


class Voorbeeld(Model):
    titel: Tekst
    tekst: str  # a file to copy, shown as it is (code, not text)


class HandleidingSectie(Sectie):
    voorbeeld: Voorbeeld | None = None


class HandleidingBestand(Blok):
    """The guide for municipalities: running the meeting with the site, and
    making and publishing an edition of their own."""
    titel: Tekst
    verwijzing: Tekst  # the pointer to it on Afspraken maken
    intro: list[Tekst] = Field(min_length=1)
    secties: list[HandleidingSectie] = Field(min_length=1)


class NietGevondenBestand(Blok):
    """content/niet-gevonden.yml: the page for an address that does not
    exist (overrides/404.html); plain text, shown as written."""
    titel: Tekst
    tekst: list[Tekst] = Field(min_length=1)
    terug: Tekst  # the link to the route map
