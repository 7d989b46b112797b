"""content/partners.yml: the core partners, their roles online and offline,
the comparison table and the other partners."""
from __future__ import annotations

from pydantic import Field

from .base import Aanvulling, Blok, Id, Model, Tekst

class Partner(Blok):
    TOEGEVOEGD = frozenset({"aanvullingen"})
    id: Id
    naam: Tekst
    rol_algemeen: list[Tekst] = Field(min_length=1)
    toepassing_online: list[Tekst] = Field(min_length=1)
    voetnoot: Tekst | None = None
    aanvullingen: list[Aanvulling] = []


class Cel(Model):
    # The routekaart's own words about this partner; None: it says nothing.
    citaat: Tekst | None = None


class VergelijkingRij(Model):
    onderwerp: Tekst
    cellen: dict[str, Cel] = Field(min_length=1)  # partner id -> cell


class Vergelijking(Blok):
    titel: Tekst
    intro: Tekst
    geen_citaat: Tekst
    rijen: list[VergelijkingRij] = Field(min_length=1)
    kaders_onderwerp: Tekst
    kaders: dict[str, list[Id]] = Field(min_length=1)  # partner id -> source ids


class AnderePartner(Model):
    id: Id
    naam: Tekst
    tekst: Tekst
    bron: Id | None = None


class AnderePartners(Blok):
    titel: Tekst
    intro: Tekst
    partners: list[AnderePartner] = Field(min_length=1)


class PartnersBestand(Blok):
    titel: Tekst
    intro: list[Tekst] = Field(min_length=1)
    voetnoot: Tekst
    partners: list[Partner] = Field(min_length=1)
    vergelijking: Vergelijking
    andere_partners: AnderePartners
