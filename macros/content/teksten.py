"""content/teksten.yml: the words of the interactive components, one block
of texts per component (its folder name under overrides/components/, and
`site` for the shared scripts). A template hands a block to its script as
JSON in `data-texts`; the script looks a text up by its key."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .base import Blok, Tekst

Sleutel = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$")]
Teksten = dict[Sleutel, Tekst]


class TekstenBestand(Blok):
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

    def blok(self, component: str) -> Teksten:
        """The block of one component, by its folder name."""
        return getattr(self, component.replace("-", "_"))
