"""The markup content text may carry: **vet**, *cursief* and links written
as [label](soort:id). Rendering turns it into HTML (render/renderer.py);
everything else that needs the words or the targets asks here."""
from __future__ import annotations

import re

# [label](soort:id) inside any text field
LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
LINK_TARGET = re.compile(r"^(stap|partner|fenomeen|bron|pagina):([a-z0-9-]+)$")
_INLINE = re.compile(r"\[([^\]]*)\]\([^)]*\)|\*\*|\*")


def plain(value: str) -> str:
    """Text without markup: link labels stay, ** and * go."""
    return _INLINE.sub(lambda m: m.group(1) or "", value)


def linked(value: str, soort: str) -> list[str]:
    """Ids of the items of one kind a text links to, e.g. the steps that
    'Ja, dubbelcheck' asks to check."""
    return [m.group(2).partition(":")[2] for m in LINK.finditer(value) if m.group(2).startswith(f"{soort}:")]
