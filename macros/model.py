"""Typed models of the files in content/.

Each top-level model is one file. Unknown keys are refused, so a misspelt
field is an error instead of silently missing text. Cross-references between
files are checked in `content.py`, which knows all files at once.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    if _CONTROL.search(value):
        raise ValueError("contains a control character; remove it")
    return value


Tekst = Annotated[str, AfterValidator(_clean_text)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Where a text comes from: the routekaart of November 2024 (the publishers'
# words), or added in this digital edition. Every block states it; there is
# no default, so a new block without it stops the build. A block's herkomst
# covers its own text and its plain sub-items (questions, actions, cells);
# child blocks state their own, and some fields are additions by definition
# (`samenvatting`, `zoekwoorden`, a phenomenon's example message, every
# `aanvulling`): see TOEGEVOEGD below.
Herkomst = Literal["routekaart", "toegevoegd"]


class Blok(Model):
    herkomst: Herkomst


class Aanvulling(Model):
    """A pointer added in the digital edition, always with a source a reader
    can follow (ids from bronnen.yml)."""
    tekst: Tekst
    bronnen: list[Id] = Field(min_length=1)


# --- routekaart.yml -------------------------------------------------------

class Ingang(Blok):  # herkomst of its omschrijving; the label is a title
    pagina: Id
    label: Tekst
    omschrijving: Tekst


class BasisOpOrde(Blok):
    titel: Tekst
    tekst: Tekst
    ingangen: list[Ingang] = Field(min_length=1)


class LegendaItem(Model):
    icoon: Literal["meer-uitleg", "terug"]
    tekst: Tekst


class Legenda(Blok):
    titel: Tekst
    items: list[LegendaItem] = Field(min_length=1)


class Startpunt(Blok):
    titel: Tekst
    tekst: Tekst
    naar: Id


class Vraag(Model):
    vraag: Tekst
    toelichting: Tekst | None = None
    # A toelichting that tells the reader to act at once: shown wherever the
    # question is, the trainers' slides too.
    veiligheidsregel: bool = False
    aanvulling: Aanvulling | None = None


class Optie(Blok):
    id: Id
    label: Tekst
    kop: Tekst
    tekst: Tekst
    naar: Id
    # What the choice asks before going on, in a few words of the text, for
    # places with little room (the route map, a slide).
    kort: Tekst | None = None


class Beslissing(Model):
    vraag: Tekst
    opties: list[Optie] = Field(min_length=2)


class Actie(Model):
    titel: Tekst
    tekst: Tekst


class Interventies(Model):
    soort: Literal["online", "offline"]
    titel: Tekst
    acties: list[Actie] = Field(min_length=1)


class Stap(Blok):
    id: Id
    nummer: int = Field(ge=1)
    titel: Tekst
    samenvatting: Tekst
    uitleg: list[Tekst] = Field(min_length=1)
    vragen_intro: Tekst | None = None
    vragen: list[Vraag] = []
    beslissing: Beslissing | None = None
    interventies: list[Interventies] = []
    volgende: Id | None = None
    zoekwoorden: list[Tekst] = []  # words people search for that the text lacks


class Einde(Blok):
    titel: Tekst
    tekst: list[Tekst] = Field(min_length=1)


class RoutekaartBestand(Blok):
    titel: Tekst
    intro: Tekst
    basis_op_orde: BasisOpOrde
    legenda: Legenda
    startpunt: Startpunt
    stappen: list[Stap] = Field(min_length=1)
    einde: Einde


# --- partners.yml ---------------------------------------------------------

class Partner(Blok):
    id: Id
    naam: Tekst
    rol_algemeen: list[Tekst] = Field(min_length=1)
    toepassing_online: list[Tekst] = Field(min_length=1)
    voetnoot: Tekst | None = None
    aanvullingen: list[Aanvulling] = []


class Cel(Model):
    mag: Literal["ja", "nee", "voorwaarde"]
    tekst: Tekst


class VergelijkingRij(Model):
    onderwerp: Tekst
    cellen: dict[str, Cel] = Field(min_length=1)  # partner id -> cell


class Vergelijking(Blok):
    titel: Tekst
    intro: Tekst
    rijen: list[VergelijkingRij] = Field(min_length=1)


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


# --- fenomenen.yml --------------------------------------------------------

class TitelTekst(Blok):
    titel: Tekst
    tekst: Tekst


class Tips(Blok):
    titel: Tekst
    items: list[Tekst] = Field(min_length=1)


_IMAGE = re.compile(r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*\.(png|jpe?g|webp|gif|svg)$")


def _local_image(value: str) -> str:
    if not _IMAGE.match(value) or ".." in value:
        raise ValueError("must be an image path inside docs/, like "
                         "'assets/voorbeelden/fraude.png' (png, jpg, webp, gif or svg)")
    return value


class Afbeelding(Model):
    """The original picture of an example message, for those who have it."""
    bestand: Annotated[str, AfterValidator(_local_image)]
    alt: Tekst  # required: the picture shows text that must also be read out


class Bericht(Model):
    """A phenomenon's example message, shown as a card in text."""
    platform: Literal["Snapchat", "Instagram", "TikTok", "Telegram", "WhatsApp",
                      "Facebook", "X", "YouTube", "Discord"]
    soort: Tekst | None = None  # e.g. "Mijn verhaal", "stories"
    zichtbaarheid: Literal["openbaar", "besloten"]
    ontvangen: Literal["gezien", "doorgestuurd", "screenshot", "dm"]
    via: Tekst | None = None  # who forwarded or reposted it
    account: Tekst
    leeftijd: int | None = Field(default=None, ge=8, le=99)
    bereik: Tekst | None = None
    tekst: list[Tekst] = []
    beeld: Tekst | None = None  # what the photo or video shows, in words
    afbeelding: Afbeelding | None = None

    @model_validator(mode="after")
    def _has_a_message(self):
        if not (self.tekst or self.beeld or self.afbeelding):
            raise ValueError("a message needs 'tekst', 'beeld' or 'afbeelding'")
        return self


class Fenomeen(Blok):
    id: Id
    titel: Tekst
    korte_titel: Tekst
    samenvatting: Tekst
    uitleg: list[Tekst] = Field(min_length=1)
    scenario: Tekst
    bericht: Bericht
    aanvullingen: list[Aanvulling] = []
    zoekwoorden: list[Tekst] = []


class FenomenenBestand(Blok):
    titel: Tekst
    intro: Tekst
    voorbeeldberichten: TitelTekst
    tips: Tips
    fenomenen: list[Fenomeen] = Field(min_length=1)


# --- afspraken.yml --------------------------------------------------------

class AfsprakenStap(Model):
    nummer: int = Field(ge=1)
    tekst: Tekst
    partners: list[Id] = Field(min_length=1)
    trekker: Id | None = None


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
    titel: Tekst
    intro: Tekst
    kolomkop_vraag: Tekst
    partners: list[Id] = Field(min_length=1)
    vragen: list[KaartVraag] = Field(min_length=1)


class AfsprakenBestand(Blok):
    titel: Tekst
    stappen_titel: Tekst
    intro: list[Tekst] = Field(min_length=1)
    stappen: list[AfsprakenStap] = Field(min_length=1)
    voetnoot: Tekst
    basisafspraken: Basisafspraken
    afsprakenkaart: Afsprakenkaart


# --- bronnen.yml ----------------------------------------------------------

class Bron(Model):
    id: Id
    titel: Tekst
    uitgever: Tekst
    url: HttpUrl | None = None


class BronnenBestand(Model):
    bronnen: list[Bron] = Field(min_length=1)


# --- colofon.yml ----------------------------------------------------------

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


# --- toegankelijkheid.yml and privacy.yml ---------------------------------

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


# --- begrippen.yml --------------------------------------------------------

class Begrip(Model):
    term: Tekst
    aliassen: list[Tekst] = []
    uitleg: Tekst
    bron: str | None = None  # a link target like fenomeen:id or bron:id, checked on load

    @property
    def id(self) -> str:
        """The anchor of the term on the glossary page."""
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


class BegrippenBestand(Blok):
    titel: Tekst
    intro: Tekst
    begrippen: list[Begrip] = Field(min_length=1)


# --- versie.yml -----------------------------------------------------------

Versienummer = Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$")]


def _field_error(loc: tuple, message: str, value) -> ValidationError:
    """An error that a check across fields raises at one field, so the loader
    can name that field's line."""
    error = PydanticCustomError("content", "{message}", {"message": message})
    return ValidationError.from_exception_data("content", [InitErrorDetails(type=error, loc=loc, input=value)])


class Wijziging(Model):
    """What one version of the site changed."""
    versie: Versienummer
    datum: date
    punten: list[Tekst] = Field(min_length=1)


class VersieBestand(Blok):
    """The site's version and its changes, newest first."""
    titel: Tekst
    intro: list[Tekst] = Field(min_length=1)
    versie: Versienummer
    wijzigingen: list[Wijziging] = Field(min_length=1)

    @property
    def datum(self) -> date:
        """The date of the current version: that of the newest change."""
        return self.wijzigingen[0].datum

    @model_validator(mode="after")
    def _newest_first(self):
        newest = self.wijzigingen[0].versie
        if self.versie != newest:
            raise _field_error(("versie",), f"'{self.versie}' differs from the newest change's version "
                               f"'{newest}': add a change for it at the top of 'wijzigingen'", self.versie)
        for i, (newer, older) in enumerate(zip(self.wijzigingen, self.wijzigingen[1:]), start=1):
            if _number(older.versie) >= _number(newer.versie):
                raise _field_error(("wijzigingen", i, "versie"), f"version {older.versie} comes after version "
                                   f"{newer.versie}: list changes newest first", older.versie)
            if older.datum > newer.datum:
                raise _field_error(("wijzigingen", i, "datum"), f"{older.datum} is later than {newer.datum} of "
                                   f"version {newer.versie} above it: list changes newest first",
                                   older.datum.isoformat())
        return self


def _number(versie: str) -> tuple[int, ...]:
    return tuple(int(part) for part in versie.split("."))


# Fields that are additions of the digital edition whatever their block's
# herkomst: summaries and search words written for the site, the example
# messages, and the pointers added beside the routekaart's own text.
TOEGEVOEGD: dict[type[Model], frozenset[str]] = {
    Stap: frozenset({"samenvatting", "zoekwoorden"}),
    Fenomeen: frozenset({"samenvatting", "zoekwoorden", "bericht", "aanvullingen"}),
    Vraag: frozenset({"aanvulling"}),
    Partner: frozenset({"aanvullingen"}),
    Afsprakenkaart: frozenset({"intro"}),
}
