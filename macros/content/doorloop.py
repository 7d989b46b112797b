"""content/doorloop.yml: the words of the walk's example choice (before step 1)."""
from __future__ import annotations

from .base import Blok, Tekst


class DoorloopBestand(Blok):
    kiezen_titel: Tekst
    kiezen_uitleg: Tekst
    eigen_casus: Tekst
    eigen_casus_uitleg: Tekst
    gekozen: Tekst  # before the chosen example's name
    wijzigen: Tekst  # the button that opens the choice again
    bericht_op: Tekst  # "Bericht op" Snapchat: each example's message, in short
