"""content/bespreken.yml: the page where partners' saved walks ("mijn
handelingen") are opened side by side (step 4 of afspraken maken)."""
from __future__ import annotations

from pydantic import Field

from .base import Blok, Id, Tekst


class BesprekenBestand(Blok):
    titel: Tekst
    intro: list[Tekst] = Field(min_length=1)
    privacy: Tekst
    # step id -> the afsprakenkaart question an answer of that step goes to first
    kaartvraag_per_stap: dict[Id, Id] = {}

    def kaartvraag(self, stap: str, vragen: list[str]) -> str:
        """The card question an answer of step `stap` defaults to."""
        return self.kaartvraag_per_stap.get(stap, vragen[0])
