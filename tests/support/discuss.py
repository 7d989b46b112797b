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
TEXTS = CONTENT.teksten.blok("bespreken")


def discuss_text(key: str, **values) -> str:
    """A text of the bespreken block, its {placeholders} filled as rk.texts fills them."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), TEXTS[key])


def quoted(text: str) -> str:
    """A name or text in the page's messages: between curly quotes."""
    return f"\u201c{text}\u201d"


def copied(role_id: str, question: str) -> str:
    """What the page says beside the button once `rol`'s answer is on the
    afsprakenkaart at card question `vraag`."""
    roles = {r.id: r for r in CONTENT.rollen.rollen}
    question_text = next(v.tekst for v in CONTENT.afspraken.afsprakenkaart.vragen if v.id == question)
    place = discuss_text("card_place", question=quoted(question_text), partner=CONTENT.partner(roles[role_id].partner).naam)
    return discuss_text("copied", who=roles[role_id].label, place=place)


def actions_file(role_id: str | None, choices: dict[str, str], notes: dict[str, str] | None = None,
                 phenomenon: str | None = "fraude", date_text: str = "2026-12-01") -> dict:
    """A walk of `fenomeen` as `rol`: `keuzes` step id -> option id, `notes`
    field ("bericht-duiden/1") -> text."""
    notes = notes or {}
    steps = []
    for step in RK.stappen:
        keys = [f"{step.id}/{i}" for i in range(1, len(step.vragen) + 1)] + [f"{step.id}/overig"]
        entry = {"stap": step.id, "titel": step.label, "acties": [],
                 "antwoorden": [{"veld": k, "vraag": "", "antwoord": notes.get(k, "")} for k in keys]}
        for i, question in enumerate(step.vragen):
            entry["antwoorden"][i]["vraag"] = plain(question.vraag)
        if step.beslissing:
            option = next((o for o in step.beslissing.opties if o.id == choices.get(step.id)), None)
            entry["keuze"] = {"optie": option.id, "label": option.label} if option else None
        steps.append(entry)
    example = None
    if phenomenon:
        example = {"id": phenomenon, "titel": CONTENT.fenomeen(phenomenon).titel}
    return {"soort": "routekaart-handelingen", "versie": 1, "rol": role_id, "voorbeeld": example,
            "datum": date_text, "stappen": steps}


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
    return [as_upload(data, f"mijn-handelingen-{role_id}-online-fraude-2026-12-01.json") for role_id, data in MEETING.items()]
