"""The whole routekaart on one page, to print ("afdrukken.html").

Every part is rendered by the template of its own page, so the handout can
never drift from the pages. Many parts share one page, so each part

- gets its own section, whose id prefixes every id inside the part
  (`stap-contextinformatie-vragen-kop`): ids stay unique on the page;
- names its regions after itself too ("Stap 2: Contextinformatie Vragen"),
  so that landmarks stay unique;
- has its headings moved one level down, under the part's title;
- is rendered by one Renderer whose links to a page in the handout go to
  that page's part (`#stap-intervenieren`, `#partners-politie`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from ..content import EINDE, Content
from ..content.page_ids import PAGINAS
from .renderer import Renderer
from .routemap import route_map
from .urls import doc_path

HANDOUT_PAGE = PAGINAS["afdrukken"]


@dataclass(frozen=True)
class Part:
    page: str                                   # the docs/ page this part prints
    id: str                                     # its section's id on the handout
    title: str
    kind: str                                   # start, stap, fenomeen, ...: for page breaks
    template: str
    context: Callable[[Renderer], dict]

    @property
    def title_id(self) -> str:
        return f"{self.id}-titel"


@dataclass(frozen=True)
class Section:
    id: str
    title_id: str
    title: str
    kind: str
    html: Markup


def handout_parts(content: Content) -> list[Part]:
    """The parts of the routekaart, in the order of the printed booklet."""
    rk = content.routekaart
    parts = [Part(PAGINAS["routekaart"], "start", rk.titel, "start", "routekaart.html",
                  lambda r: {"drawings": route_map(r)})]
    for s in rk.stappen:
        parts.append(Part(doc_path("stap", s.id), f"stap-{s.id}", s.label, "stap",
                          "stap.html", lambda r, s=s: {"step": s}))
    parts += [
        Part(doc_path("stap", EINDE), "einde", rk.einde.titel, "einde", "einde.html", lambda r: {"block": rk.einde}),
        Part(PAGINAS["partners"], "partners", content.partners.titel, "partners", "partners.html",
             lambda r: {}),
        Part(PAGINAS["fenomenen"], "fenomenen", content.fenomenen.titel, "fenomenen", "fenomenen.html",
             lambda r: {}),
    ]
    for f in content.fenomenen.fenomenen:
        parts.append(Part(doc_path("fenomeen", f.id), f"fenomeen-{f.id}", f.titel, "fenomeen",
                          "fenomeen.html", lambda r, f=f: {"phenomenon": f}))
    parts += [
        Part(PAGINAS["afspraken"], "afspraken", content.afspraken.titel, "afspraken", "afspraken.html",
             lambda r: {}),
        Part(PAGINAS["afsprakenkaart"], "afsprakenkaart", content.afspraken.afsprakenkaart.titel,
             "afsprakenkaart", "afsprakenkaart.html", lambda r: {"downloads": []}),
    ]
    return parts


def render_handout(content: Content, title: str, copyright: str | None) -> str:
    """Markdown for the handout page: every part under its own title."""
    parts = handout_parts(content)
    r = Renderer(content, HANDOUT_PAGE, anchors={p.page: p.id for p in parts})
    sections = []
    for p in parts:
        html = scoped_ids(r.fragment(p.template, **p.context(r)), p.id)
        html = lower_headings(regions_named_after(html, p.title_id))
        sections.append(Section(p.id, p.title_id, p.title, p.kind, Markup(html)))
    return r.render("afdrukken.html", title, parts=sections, copyright=copyright,
                    version=content.teksten.version_text(content.versie))


_OWN_ID = re.compile(r'(?<![\w-])id="([^"]+)"')
_ID_REFS = re.compile(r'(?<![\w-])(id|for|aria-labelledby|aria-describedby|headers)="([^"]*)"')
_REGION_NAME = re.compile(r'<section\b[^>]*?\baria-labelledby="')
_LOCAL_HREF = re.compile(r'(?<![\w-])href="#([^"]+)"')
_HEADING = re.compile(r"<(/?)h([1-5])(?=[\s>])")


def scoped_ids(html: str, prefix: str) -> str:
    """`html` with every id it defines, and every reference to one, prefixed."""
    own = set(_OWN_ID.findall(html))

    def refs(m: re.Match) -> str:
        tokens = [f"{prefix}-{t}" if t in own else t for t in m.group(2).split()]
        return f'{m.group(1)}="{" ".join(tokens)}"'

    html = _ID_REFS.sub(refs, html)
    return _LOCAL_HREF.sub(lambda m: f'href="#{prefix}-{m.group(1)}"' if m.group(1) in own else m.group(0), html)


def regions_named_after(html: str, title_id: str) -> str:
    """`html` with the element `title_id` at the start of each section's name."""
    return _REGION_NAME.sub(lambda m: f"{m.group(0)}{title_id} ", html)


def lower_headings(html: str) -> str:
    """`html` with each heading one level lower (h2 becomes h3)."""
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
