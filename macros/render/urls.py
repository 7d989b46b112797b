"""Where each piece of content lives on the site, as docs/ source paths.

Links are always computed from here, relative to the page they appear on, so
the site works at any sub-path and from file://.
"""
from __future__ import annotations

import posixpath

from ..content.page_ids import PAGINAS


def doc_path(kind: str, id: str) -> str:
    """The docs/ path of an item, with an anchor where it is part of a page."""
    if kind == "pagina":
        return PAGINAS[id]
    if kind == "stap":
        return PAGINAS["einde"] if id == "einde" else f"stappen/{id}.md"
    if kind == "fenomeen":
        return f"fenomenen/{id}.md"
    if kind == "partner":
        return f"{PAGINAS['partners']}#{id}"
    if kind == "bron":
        return f"{PAGINAS['colofon']}#bron-{id}"
    raise ValueError(f"unknown kind of link target: {kind}")


def pages_for(content) -> list[str]:
    """Every docs/ page the content needs to exist."""
    paths = set(PAGINAS.values())
    paths |= {doc_path("stap", s.id) for s in content.routekaart.stappen}
    paths |= {doc_path("fenomeen", f.id) for f in content.fenomenen.fenomenen}
    return sorted(paths)


def relative_url(target: str, from_page: str) -> str:
    """URL of docs path `target` (may carry #anchor) as seen from docs page `from_page`.

    The offline build uses `x.html` URLs (use_directory_urls: false).
    """
    path, _, anchor = target.partition("#")
    html = path[:-3] + ".html" if path.endswith(".md") else path
    from_html = from_page[:-3] + ".html" if from_page.endswith(".md") else from_page
    url = posixpath.relpath(html, posixpath.dirname(from_html) or ".")
    return f"{url}#{anchor}" if anchor else url
