"""content/offline.yml: the page about using the routekaart without internet."""
from __future__ import annotations

from pydantic import Field, field_validator

from .base import Blok, Model, Tekst


class TelefoonDeel(Model):
    titel: Tekst
    tekst: list[Tekst] = Field(min_length=1)


class MapDeel(Model):
    titel: Tekst
    tekst: list[Tekst] = Field(min_length=1)
    na_download: list[Tekst] = []

    @field_validator("tekst")
    @classmethod
    def _names_the_folder(cls, tekst: list[str]) -> list[str]:
        if not any("{map}" in alinea for alinea in tekst):
            raise ValueError("say which folder to open: write {map} where its name goes")
        return tekst


class OfflineBestand(Blok):
    titel: Tekst
    intro: Tekst
    telefoon: TelefoonDeel
    map: MapDeel
