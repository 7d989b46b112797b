"""content/bespreken.yml: the page where partners' saved walks ("mijn
handelingen") are opened side by side (step 4 of afspraken maken)."""
from __future__ import annotations

from pydantic import Field

from .base import Blok, Id, Tekst


class BesprekenBestand(Blok):
    titel: Tekst
    intro: list[Tekst] = Field(min_length=1)
    privacy: Tekst
    deelnemer: Tekst  # with a number, after a role that more than one file has
    alleen_beantwoord: Tekst  # the filter: only questions somebody answered
    kaartvraag_kiezen: Tekst  # the card question list's first entry when none fits
    kaartvraag_nodig: Tekst  # said when the card question is not chosen yet
    # step id -> the afsprakenkaart question an answer of that step goes to first
    kaartvraag_per_stap: dict[Id, Id] = {}

    def kaartvraag(self, stap: str) -> str:
        """The card question offered first for an answer of step `stap`, or ""
        when none fits: then the reader chooses."""
        return self.kaartvraag_per_stap.get(stap, "")
