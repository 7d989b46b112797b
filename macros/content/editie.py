"""content/editie.yml: who publishes this digital edition (the national
default: no one yet) and the words about it. A regional edition's own
maintainer comes from regio.yml (macros/content/regio.py)."""
from __future__ import annotations

from .base import Blok, Model, Tekst
from .regio import Beheerder


class Voettekst(Model):
    tekst_routekaart: Tekst
    digitale_versie: Tekst
    zonder_beheerder: Tekst


class MetOfZonder(Model):
    """A sentence with the maintainer ({organisatie}), and one without."""
    met_beheerder: Tekst
    zonder_beheerder: Tekst


class Uitgave(MetOfZonder):
    titel: Tekst


class ContactLabels(Model):
    email: Tekst
    website: Tekst


class Verantwoordelijke(MetOfZonder):
    titel: Tekst


class Serverlog(Model):
    titel: Tekst
    tekst: Tekst


class PrivacyTeksten(Model):
    verantwoordelijke: Verantwoordelijke
    serverlog: Serverlog


class BuitenKantoortijdTeksten(Model):
    titel: Tekst   # {naam}: the edition's name
    tijden: Tekst  # {van}, {tot}
    bel: Tekst


class EditieBestand(Blok):
    beheerder: Beheerder | None = None
    voettekst: Voettekst
    uitgave: Uitgave
    contact: ContactLabels
    toegankelijkheid: MetOfZonder
    privacy: PrivacyTeksten
    buiten_kantoortijd: BuitenKantoortijdTeksten
