"""content/opslag.yml: what the site says about keeping text on this device
(saving failed, another tab changed a field, damaged copies, texts no longer
on the card). Read by the scripts from <meta name="rk-storage-words">."""
from __future__ import annotations

from .base import Blok, Tekst


class OpslagBestand(Blok):
    niet_bewaard: Tekst
    opslaan_knop: Tekst
    ander_tabblad: Tekst
    scheiding: Tekst  # put between two tabs' texts of one field
    beschadigd_download: Tekst
    eerdere_tekst: Tekst
    niet_meer_op_kaart_titel: Tekst
    niet_meer_op_kaart_uitleg: Tekst
    niet_meer_op_kaart_download: Tekst
    niet_meer_in_doorloop_titel: Tekst
    niet_meer_in_doorloop_uitleg: Tekst
    vraag: Tekst
    kolom: Tekst
    ander_tabblad_beschadigd: Tekst  # another tab saved a damaged copy while this one was open
    lijst_beschadigd: Tekst
    rol_beschadigd: Tekst
    rol_niet_onthouden: Tekst
