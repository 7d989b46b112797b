"""content/afspraken.yml: afspraken maken in 5 stappen, the basisafspraken and
the afsprakenkaart's questions."""
from __future__ import annotations

from pydantic import Field

from .base import Blok, Id, Model, Tekst

class Hulpmiddel(Blok):
    """Where the site helps with a step of the method: a link beside the
    routekaart's own text, never instead of it."""
    tekst: Tekst


class AfsprakenStap(Model):
    nummer: int = Field(ge=1)
    tekst: Tekst
    partners: list[Id] = Field(min_length=1)
    trekker: Id | None = None
    hulpmiddel: Hulpmiddel | None = None


class Basisafspraak(Model):
    id: Id
    titel: Tekst
    tekst: Tekst


class Basisafspraken(Blok):
    titel: Tekst
    intro: Tekst
    items: list[Basisafspraak] = Field(min_length=1)


class KaartVraag(Model):
    id: Id
    tekst: Tekst


class Afsprakenkaart(Blok):
    TOEGEVOEGD = frozenset({"intro"})
    titel: Tekst
    intro: Tekst
    kolomkop_vraag: Tekst
    partners: list[Id] = Field(min_length=1)
    vragen: list[KaartVraag] = Field(min_length=1)


class EditieBestand(Blok):
    """The afsprakenkaart saved as a region's content/regio.yml: the button's
    words, where the file goes, and what stops the export."""
    titel: Tekst
    uitleg: list[Tekst] = Field(min_length=1)
    plaatsen_titel: Tekst
    plaatsen: list[Tekst] = Field(min_length=1)
    knop: Tekst
    opgeslagen: Tekst
    weggelaten: Tekst  # followed by the number of control characters left out
    geen_regio: Tekst
    geen_datum: Tekst
    geen_antwoorden: Tekst


class AfsprakenBestand(Blok):
    titel: Tekst
    stappen_titel: Tekst
    intro: list[Tekst] = Field(min_length=1)
    stappen: list[AfsprakenStap] = Field(min_length=1)
    voetnoot: Tekst
    basisafspraken: Basisafspraken
    afsprakenkaart: Afsprakenkaart
    editie_bestand: EditieBestand
