"""content/routekaart.yml: the introduction, basis op orde, the legend, the
startpunt and the five steps with their questions and decisions."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from .base import Aanvulling, Blok, Id, Model, Tekst
from .teksten import fill

class Ingang(Blok):  # herkomst of its omschrijving; the label is a title
    pagina: Id
    label: Tekst
    omschrijving: Tekst


class BasisOpOrde(Blok):
    TOEGEVOEGD = frozenset({"afspraken_omschrijving"})
    titel: Tekst
    tekst: Tekst
    ingangen: list[Ingang] = Field(min_length=1)
    # The start page's line under "Afspraken maken" (not an entry of the map)
    afspraken_omschrijving: Tekst


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
    TOEGEVOEGD = frozenset({"aanvulling"})
    vraag: Tekst
    toelichting: Tekst | None = None
    # A toelichting that tells the reader to act at once: shown wherever the
    # question is, the trainers' slides too.
    veiligheidsregel: bool = False
    aanvulling: Aanvulling | None = None


class Optie(Blok):
    # `kort` paraphrases the choice for places with little room: never the
    # publishers' words, so always marked as added.
    TOEGEVOEGD = frozenset({"kort"})
    id: Id
    label: Tekst
    kop: Tekst
    tekst: Tekst
    naar: Id
    # What the choice asks before going on, in a few words of the text, for
    # places with little room (the route map, a slide).
    kort: Tekst | None = None


class Beslissing(Blok):  # herkomst of its question; each choice states its own
    vraag: Tekst
    opties: list[Optie] = Field(min_length=2)


class Actie(Model):
    titel: Tekst
    tekst: Tekst


class Interventies(Model):
    soort: Literal["online", "offline"]
    titel: Tekst
    acties: list[Actie] = Field(min_length=1)


class Hulp(Blok):
    """Where to get help at once, also outside office hours: shown at the
    startpunt, on every step and on the slides."""
    titel: Tekst
    kort: Tekst  # one line, each number linked to its source, for a slide
    items: list[Aanvulling] = Field(min_length=1)


class Stap(Blok):
    TOEGEVOEGD = frozenset({"samenvatting", "zoekwoorden"})
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
    # The step that shows a regional edition's contact points ("wie betrek ik?").
    contactpunten: bool = False
    _label: str = PrivateAttr("")  # set by RoutekaartBestand from its `stap_label`

    @property
    def label(self) -> str:
        """How the site names a step everywhere: 'Stap 3: Partner(s) betrekken?'."""
        return self._label


class Einde(Blok):
    titel: Tekst
    tekst: list[Tekst] = Field(min_length=1)
    kaart_noot: Tekst  # under the route map: what the digital edition added to it


class RoutekaartBestand(Blok):
    titel: Tekst
    intro: Tekst
    basis_op_orde: BasisOpOrde
    legenda: Legenda
    startpunt: Startpunt
    hulp: Hulp
    stappen: list[Stap] = Field(min_length=1)
    einde: Einde
    stap_label: Tekst  # how the site names a step everywhere: {nummer} and {titel}

    @field_validator("stap_label")
    @classmethod
    def _names_number_and_title(cls, value: str) -> str:
        if "{nummer}" not in value or "{titel}" not in value:
            raise ValueError("write {nummer} and {titel} where a step's number and title go")
        return value

    @model_validator(mode="after")
    def _name_steps(self):
        for stap in self.stappen:
            stap._label = fill(self.stap_label, nummer=stap.nummer, titel=stap.titel)
        return self
