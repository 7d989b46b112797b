"""The optional local edition: content/regio.yml.

A region publishes its own version of the site by adding this one file: its
name, the answers its partners agreed on the afsprakenkaart (with the date
they agreed them) and contact points per partner. Without the file the site
is the national edition. Texts here are plain text (no markup or links): a
region's editor should not need to learn the content syntax.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from .errors import ContentError
from .base import Id, Model, Tekst
from .validation import validate
from .yamlsource import YamlSource, read_yaml

BESTAND = "regio.yml"

_TELEFOON = re.compile(r"^\+?[0-9][0-9 ()-]{5,19}$")
_EMAIL = re.compile(r"^[^@\s<>()\[\]\"',;:]+@[^@\s<>()\[\]\"',;:]+\.[A-Za-z]{2,}$")


def _telefoon_als_tekst(value):
    # YAML reads 0201234567 as a number: the leading 0 would be lost.
    if isinstance(value, (int, float)):
        raise ValueError('write the phone number between quotes, like telefoon: "020 123 4567"')
    return value


def _telefoon(value: str) -> str:
    value = value.strip()
    if not _TELEFOON.match(value):
        raise ValueError("is not a phone number: use digits, spaces, '-', '(', ')' and an optional leading '+'")
    return value


def _email(value: str) -> str:
    value = value.strip()
    if not _EMAIL.match(value):
        raise ValueError("is not an e-mail address like naam@organisatie.nl")
    return value


Telefoon = Annotated[str, BeforeValidator(_telefoon_als_tekst), AfterValidator(_telefoon)]
Email = Annotated[str, AfterValidator(_email)]


class Contact(Model):
    """An organisation's contact point; no private persons needed."""

    organisatie: Tekst
    telefoon: Telefoon | None = None
    email: Email | None = None
    toelichting: Tekst | None = None

    @model_validator(mode="after")
    def _reachable(self):
        if not self.telefoon and not self.email:
            raise ValueError("a contact needs a 'telefoon' or an 'email' (or both)")
        return self

    @property
    def telefoon_url(self) -> str:
        return "tel:" + re.sub(r"[^0-9+]", "", self.telefoon or "")


class RegioAfsprakenkaart(Model):
    datum_afgesproken: date
    # question id -> partner id -> agreed answer
    antwoorden: dict[Id, dict[Id, Tekst]] = Field(min_length=1)


class RegioBestand(Model):
    naam: Tekst
    afsprakenkaart: RegioAfsprakenkaart | None = None
    # partner id -> contact points
    contacten: dict[Id, list[Contact]] = {}

    def antwoord(self, vraag: str, partner: str) -> str | None:
        if self.afsprakenkaart is None:
            return None
        return self.afsprakenkaart.antwoorden.get(vraag, {}).get(partner)


def load_regio(folder: Path, content) -> RegioBestand | None:
    """The region's file checked against the content, or None (national edition)."""
    path = Path(folder) / BESTAND
    if not path.exists():
        return None
    source = read_yaml(path, f"{Path(folder).name}/{BESTAND}")
    regio = validate(source, RegioBestand)
    _check_ids(source, regio, content)
    return regio


def _check_ids(source: YamlSource, regio: RegioBestand, content) -> None:
    kaart = content.afspraken.afsprakenkaart
    vragen, partners = [v.id for v in kaart.vragen], kaart.partners
    if regio.afsprakenkaart:
        for vraag, per_partner in regio.afsprakenkaart.antwoorden.items():
            loc = ("afsprakenkaart", "antwoorden", vraag)
            if vraag not in vragen:
                raise _unknown(source, loc, "question", vraag, vragen)
            for partner in per_partner:
                if partner not in partners:
                    raise _unknown(source, loc + (partner,), "partner", partner, partners)
    for partner in regio.contacten:
        if partner not in content.ids("partner"):
            raise _unknown(source, ("contacten", partner), "partner", partner, sorted(content.ids("partner")))


def _unknown(source: YamlSource, loc: tuple, what: str, value: str, known) -> ContentError:
    return source.error(loc, f"unknown {what} '{value}' (known: {', '.join(known)})")
