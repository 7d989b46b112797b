"""The page macros: one small function per page of docs/, each rendering that
page from content. `Pages.table()` is what the engine registers.
"""
from __future__ import annotations

import re
from typing import Callable

from ..sitefiles import ZIP_FOLDER, ZIP_NAME
from ..content import EINDE, Content, plain
from .documents import card_documents
from .handout import render_handout
from .renderer import Renderer
from .routemap import route_map
from .urls import doc_path, pages_for, relative_url


class Pages:
    def __init__(self, content: Content, current_page: Callable[[], str], copyright: str | None):
        self.content = content
        self.current_page = current_page
        self.copyright = copyright
        self.documents = card_documents(content)

    def table(self) -> dict[str, Callable[..., str]]:
        c = self.content
        plain = {  # pages whose template needs nothing but their content block
            "einde": c.routekaart.einde,
            "partners": c.partners,
            "fenomenen": c.fenomenen,
            "afspraken": c.afspraken,
            "colofon": c.colofon,
            "toegankelijkheid": c.toegankelijkheid,
            "privacy": c.privacy,
            "handleiding": c.handleiding,
        }
        table = {name: (lambda name=name, block=block: self._r().render(f"{name}.html", block.titel, block=block))
                 for name, block in plain.items()}
        return table | {
            "routekaart": self.route_map_page,
            "stap": self.step,
            "fenomeen": self.phenomenon,
            "afsprakenkaart": self.card,
            "doorloop": self.walk,
            "wijzigingen": self.changes,
            "afdrukken": self.handout,
            "presentatie": self.presentation,
            "begrippen": self.glossary,
            "offline": self.offline,
            "bespreken": self.discuss,
        }

    def _r(self, glossary: bool = True) -> Renderer:
        return Renderer(self.content, self.current_page(), glossary=glossary)

    def _lookup(self, what: str, kind: str, id: str) -> str:
        known = self.content.ids(kind)
        if id not in known:
            raise ValueError(f"{self.current_page()}: unknown {what} '{id}' (known: {', '.join(sorted(known))})")
        return id

    def route_map_page(self) -> str:
        r = self._r()
        return r.render("routekaart.html", self.content.routekaart.titel, drawings=route_map(r))

    def step(self, id: str) -> str:
        s = self.content.stap(self._lookup("step", "stap", id))
        return self._r().render("stap.html", s.label, step=s, keywords=s.zoekwoorden)

    def phenomenon(self, id: str) -> str:
        f = self.content.fenomeen(self._lookup("phenomenon", "fenomeen", id))
        return self._r().render("fenomeen.html", f.titel, phenomenon=f, keywords=f.zoekwoorden)

    def card(self) -> str:
        page = self.current_page()
        downloads = [{"href": relative_url(d.path, page), "label": d.label, "kind": d.kind,
                      "size": d.size} for d in self.documents]
        return self._r().render("afsprakenkaart.html", self.content.afspraken.afsprakenkaart.titel,
                                downloads=downloads)

    def walk(self) -> str:
        return self._r().render("walk.html", self.content.teksten.pages["walk_title"], end_id=EINDE, form=True)

    def changes(self) -> str:
        return self._r().render("wijzigingen.html", self.content.versie.titel, block=self.content.versie)

    def handout(self) -> str:
        return render_handout(self.content, self.content.teksten.pages["print_title"], self.copyright)

    def presentation(self) -> str:
        return self._r(glossary=False).render("presentatie.html", self.content.teksten.pages["slides_title"],
                                               form=True)

    def glossary(self) -> str:
        return self._r(glossary=False).render("begrippen.html", self.content.begrippen.titel,
                                               block=self.content.begrippen)

    def offline(self) -> str:
        return self._r().render("offline.html", self.content.offline.titel, block=self.content.offline,
                                zip_href=relative_url(ZIP_NAME, self.current_page()),
                                zip_folder=ZIP_FOLDER, version=self.content.teksten.version_text(self.content.versie))

    def discuss(self) -> str:
        return self._r().render("bespreken.html", self.content.bespreken.titel, block=self.content.bespreken,
                                plain=plain)


# What a generated page holds: one call of its page macro.
GENERATED_PAGE = re.compile(r'\{\{ (stap|fenomeen)\("[a-z0-9-]+"\) \}\}\n')


def generated_pages(content: Content) -> dict[str, str]:
    """The page of each step and each phenomenon: content alone decides which
    exist, so adding one takes only YAML."""
    pages = {doc_path("stap", s.id): f'{{{{ stap("{s.id}") }}}}\n' for s in content.routekaart.stappen}
    pages |= {doc_path("fenomeen", f.id): f'{{{{ fenomeen("{f.id}") }}}}\n' for f in content.fenomenen.fenomenen}
    return pages


def missing_pages(content: Content, docs_dir) -> list[str]:
    """docs/ pages the content needs that do not exist."""
    return [p for p in pages_for(content) if not (docs_dir / p).is_file()]

