"""content/teksten.yml: the words of the interactive components, one block
of texts per component (its folder name under overrides/components/, and
`site` for the shared scripts), the pages' own words (`pages`), the
theme's labels (`theme`), the site's name, menu titles and app words
(`config`) and the months of dates (`maanden`). A template hands a block to its script as
JSON in `data-texts`; the script looks a text up by its key."""
from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, StringConstraints

from ..nl import dutch_date
from .base import Blok, Tekst
from .versie import VersieBestand

Sleutel = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$")]
Teksten = dict[Sleutel, Tekst]


class TekstenBestand(Blok):
    config: Teksten  # set on the engine's configuration (macros/prepare.py)
    maanden: list[Tekst] = Field(min_length=12, max_length=12)
    afsprakenkaart: Teksten = Field(default_factory=dict)
    bespreken: Teksten = Field(default_factory=dict)
    walk: Teksten = Field(default_factory=dict)
    presentatie: Teksten = Field(default_factory=dict)
    privacy_wipe: Teksten = Field(default_factory=dict, alias="privacy-wipe")
    role: Teksten = Field(default_factory=dict)
    begrippen: Teksten = Field(default_factory=dict)
    routemap: Teksten = Field(default_factory=dict)
    bericht: Teksten = Field(default_factory=dict)
    site: Teksten = Field(default_factory=dict)  # rk.js and the other shared scripts
    pages: Teksten = Field(default_factory=dict)  # macros/render: the pages' own words
    theme: Teksten = Field(default_factory=dict)  # Material's labels (overrides/partials/languages/custom.html)

    def blok(self, component: str) -> Teksten:
        """The block of one component, by its folder name."""
        return getattr(self, component.replace("-", "_"))

    def version_text(self, versie: VersieBestand) -> str:
        """How pages name a version (content/versie.yml): 'versie 1.1, bijgewerkt op 1 december 2026'."""
        return fill(self.pages["version_text"], versie=versie.versie, datum=self.date_text(versie.datum))

    def date_text(self, value: date) -> str:
        """A date as the pages write it: '3 maart 2026'."""
        return dutch_date(value, self.maanden)


def fill(text: str, **values) -> str:
    """A text with its `{name}` placeholders filled in; a value for a
    placeholder the text lacks is a mistake in content or code."""
    for name, value in values.items():
        slot = "{" + name + "}"
        if slot not in text:
            raise KeyError(f"no {slot} in the text {text!r}")
        text = text.replace(slot, str(value))
    return text
