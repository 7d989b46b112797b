"""content/fenomenen.yml: the eight online phenomena with their example messages."""
from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .base import Aanvulling, Blok, Id, Model, Tekst

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
    TOEGEVOEGD = frozenset({"samenvatting", "zoekwoorden", "bericht", "aanvullingen"})
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
