"""content/colofon.yml: who made the routekaart, and what the digital edition adds."""
from __future__ import annotations

from pydantic import Field

from .base import Blok, Model, Tekst

class Medewerkers(Model):
    rol: Tekst
    namen: list[Tekst] = Field(min_length=1)


class DigitaleEditie(Blok):
    """What this digital edition is and what it adds to the routekaart."""
    titel: Tekst
    tekst: list[Tekst] = Field(min_length=1)
    toevoegingen: list[Tekst] = Field(min_length=1)


class ColofonBestand(Blok):
    titel: Tekst
    tekst: list[Tekst] = Field(min_length=1)
    medewerkers: list[Medewerkers] = Field(min_length=1)
    copyright: Tekst
    uitgevers: list[Tekst] = Field(min_length=1)
    digitale_editie: DigitaleEditie
