"""Files "mijn handelingen" made in Python for the bespreken page's tests and
interaction states, in the format the walk saves (components/walk/walk-file.js),
and the page's words as its scripts fill them in (content/teksten.yml)."""
from __future__ import annotations

import json
import re

from macros.content import load_content, plain

from .project import ROOT

CONTENT = load_content(ROOT / "content")
RK = CONTENT.routekaart
TEKSTEN = CONTENT.teksten.blok("bespreken")


def tekst(key: str, **values) -> str:
    """A text of the bespreken block, its {placeholders} filled as rk.texts fills them."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), TEKSTEN[key])


def quoted(text: str) -> str:
    """A name or text in the page's messages: between curly quotes."""
    return f"\u201c{text}\u201d"


def copied(rol: str, vraag: str) -> str:
    """What the page says beside the button once `rol`'s answer is on the
    afsprakenkaart at card question `vraag`."""
    rollen = {r.id: r for r in CONTENT.rollen.rollen}
    vraag_tekst = next(v.tekst for v in CONTENT.afspraken.afsprakenkaart.vragen if v.id == vraag)
    place = tekst("card_place", question=quoted(vraag_tekst), partner=CONTENT.partner(rollen[rol].partner).naam)
    return tekst("copied", who=rollen[rol].label, place=place)


def actions_file(rol: str | None, keuzes: dict[str, str], notes: dict[str, str] | None = None,
                 fenomeen: str | None = "fraude", datum: str = "2026-12-01") -> dict:
    """A walk of `fenomeen` as `rol`: `keuzes` step id -> option id, `notes`
    field ("bericht-duiden/1") -> text."""
    notes = notes or {}
    stappen = []
    for stap in RK.stappen:
        keys = [f"{stap.id}/{i}" for i in range(1, len(stap.vragen) + 1)] + [f"{stap.id}/overig"]
        entry = {"stap": stap.id, "titel": stap.label, "acties": [],
                 "antwoorden": [{"veld": k, "vraag": "", "antwoord": notes.get(k, "")} for k in keys]}
        for i, vraag in enumerate(stap.vragen):
            entry["antwoorden"][i]["vraag"] = plain(vraag.vraag)
        if stap.beslissing:
            optie = next((o for o in stap.beslissing.opties if o.id == keuzes.get(stap.id)), None)
            entry["keuze"] = {"optie": optie.id, "label": optie.label} if optie else None
        stappen.append(entry)
    voorbeeld = None
    if fenomeen:
        voorbeeld = {"id": fenomeen, "titel": CONTENT.fenomeen(fenomeen).titel}
    return {"soort": "routekaart-handelingen", "versie": 1, "rol": rol, "voorbeeld": voorbeeld,
            "datum": datum, "stappen": stappen}


def as_upload(data: dict | bytes, name: str) -> dict:
    """A file for set_input_files."""
    buffer = data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False, indent=2).encode()
    return {"name": name, "mimeType": "application/json", "buffer": buffer}


# The three partners of one meeting: they agree on step 3 and differ at step 4.
MEETING = {
    "jongerenwerk": actions_file("jongerenwerk", {"partners-betrekken": "ja", "intervenieren": "ja"},
                                 {"bericht-duiden/1": "Openbaar bericht, veel volgers.",
                                  "intervenieren/overig": "Ik spreek de jongere aan in de chat."}),
    "politie": actions_file("politie", {"partners-betrekken": "ja", "intervenieren": "nee"},
                            {"bericht-duiden/1": "Oplichting, mogelijk strafbaar.",
                             "intervenieren/overig": "Wij wachten op een aangifte."}),
    "gemeente": actions_file("gemeente", {"partners-betrekken": "ja", "intervenieren": "ja"},
                             {"bericht-duiden/1": "Past in het beeld van de wijk."}),
}


def meeting_uploads() -> list[dict]:
    return [as_upload(data, f"mijn-handelingen-{rol}-online-fraude-2026-12-01.json") for rol, data in MEETING.items()]
