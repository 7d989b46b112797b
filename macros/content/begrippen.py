"""content/begrippen.yml: the glossary."""
from __future__ import annotations

import re

from pydantic import Field

from .base import Blok, Model, Tekst

class Begrip(Model):
    term: Tekst
    aliassen: list[Tekst] = []
    uitleg: Tekst
    bron: str | None = None  # a link target like fenomeen:id or bron:id, checked on load

    @property
    def id(self) -> str:
        """The anchor of the term on the glossary page."""
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


class BegrippenBestand(Blok):
    titel: Tekst
    intro: Tekst
    tooltip_label: Tekst  # said after every tooltip: the explanations are additions
    begrippen: list[Begrip] = Field(min_length=1)
