"""The site's pages that content may link to as [label](pagina:id), by id,
with their docs/ source paths. Steps and phenomena have a page each, named
after their id (see render/urls.py)."""
from __future__ import annotations

PAGINAS: dict[str, str] = {
    "routekaart": "index.md",
    "partners": "partners.md",
    "fenomenen": "fenomenen/index.md",
    "afspraken": "afspraken.md",
    "afsprakenkaart": "afsprakenkaart.md",
    "colofon": "colofon.md",
    "wijzigingen": "wijzigingen.md",
    "einde": "stappen/einde.md",
    "toegankelijkheid": "toegankelijkheid.md",
    "privacy": "privacy.md",
    "doorloop": "doorloop.md",
    "presentatie": "presentatie.md",
    "begrippen": "begrippen.md",
    "offline": "offline.md",
    "afdrukken": "afdrukken.md",
    "bespreken": "bespreken.md",
    "handleiding": "handleiding.md",
}
