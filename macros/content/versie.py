"""content/versie.yml: the site's version and its changes, newest first."""
from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, StringConstraints, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from .base import Blok, Model, Tekst

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
