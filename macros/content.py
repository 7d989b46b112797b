"""Load content/ into typed models, and check that every reference resolves.

`load_content(folder)` either returns a complete `Content` or raises one
`ContentError` naming file, line and fault. Nothing after it re-checks shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel, ValidationError

from . import model
from .errors import ContentError
from .regio import RegioBestand, load_regio
from .site import PAGINAS
from .yamlsource import YamlSource, dotted, read_yaml

# file name -> (attribute on Content, model)
BESTANDEN: dict[str, tuple[str, type[BaseModel]]] = {
    "routekaart.yml": ("routekaart", model.RoutekaartBestand),
    "partners.yml": ("partners", model.PartnersBestand),
    "fenomenen.yml": ("fenomenen", model.FenomenenBestand),
    "afspraken.yml": ("afspraken", model.AfsprakenBestand),
    "bronnen.yml": ("bronnen", model.BronnenBestand),
    "colofon.yml": ("colofon", model.ColofonBestand),
    "toegankelijkheid.yml": ("toegankelijkheid", model.ToegankelijkheidBestand),
    "privacy.yml": ("privacy", model.PrivacyBestand),
    "begrippen.yml": ("begrippen", model.BegrippenBestand),
    "versie.yml": ("versie", model.VersieBestand),
}

EINDE = "einde"  # where a route ends: not a step, the end-of-route page

# [label](soort:id) inside any text field
LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
LINK_TARGET = re.compile(r"^(stap|partner|fenomeen|bron|pagina):([a-z0-9-]+)$")


@dataclass(frozen=True)
class Content:
    routekaart: model.RoutekaartBestand
    partners: model.PartnersBestand
    fenomenen: model.FenomenenBestand
    afspraken: model.AfsprakenBestand
    bronnen: model.BronnenBestand
    colofon: model.ColofonBestand
    toegankelijkheid: model.ToegankelijkheidBestand
    privacy: model.PrivacyBestand
    begrippen: model.BegrippenBestand
    versie: model.VersieBestand
    regio: RegioBestand | None = None  # a local edition; None is the national one

    # Lookups by id, for rendering.
    def stap(self, id: str) -> model.Stap:
        return next(s for s in self.routekaart.stappen if s.id == id)

    def partner(self, id: str) -> model.Partner:
        return next(p for p in self.partners.partners if p.id == id)

    def fenomeen(self, id: str) -> model.Fenomeen:
        return next(f for f in self.fenomenen.fenomenen if f.id == id)

    def bron(self, id: str) -> model.Bron:
        return next(b for b in self.bronnen.bronnen if b.id == id)

    def ids(self, soort: str) -> set[str]:
        return {
            "stap": {s.id for s in self.routekaart.stappen},
            "partner": {p.id for p in self.partners.partners},
            "fenomeen": {f.id for f in self.fenomenen.fenomenen},
            "bron": {b.id for b in self.bronnen.bronnen},
            "pagina": set(PAGINAS),
        }[soort]


def load_content(folder: Path) -> Content:
    folder = Path(folder)
    sources: dict[str, YamlSource] = {}
    parsed: dict[str, Any] = {}
    for name, (attr, cls) in BESTANDEN.items():
        source = read_yaml(folder / name, f"{folder.name}/{name}")
        sources[attr] = source
        parsed[attr] = _validate(source, cls)
    content = Content(**parsed)
    _check_references(content, sources)
    return replace(content, regio=load_regio(folder, content))


def _validate(source: YamlSource, cls: type[BaseModel]) -> BaseModel:
    if not isinstance(source.data, dict):
        raise source.error((), "expected a mapping of fields at the top of the file")
    try:
        return cls.model_validate(source.data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        if err["type"] == "missing":
            message = f"required field '{loc[-1]}' is missing"
            return_loc = loc[:-1]
        elif err["type"] == "extra_forbidden":
            message = f"unknown field '{loc[-1]}'"
            return_loc = loc
        else:
            message = f"{err['msg']} (got {_short(err.get('input'))})"
            return_loc = loc
        more = len(exc.errors()) - 1
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''} in this file)"
        raise ContentError(source.name, source.line_of(return_loc), message,
                           where=dotted(loc)) from None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_references(content: Content, sources: dict[str, YamlSource]) -> None:
    rk, rk_src = content.routekaart, sources["routekaart"]

    _unique(rk_src, ("stappen",), [s.id for s in rk.stappen], "step id")
    for i, stap in enumerate(rk.stappen):
        if stap.nummer != i + 1:
            raise rk_src.error(("stappen", i, "nummer"),
                               f"step number {stap.nummer} out of order: expected {i + 1}")
        if stap.beslissing:
            _unique(rk_src, ("stappen", i, "beslissing", "opties"),
                    [o.id for o in stap.beslissing.opties], "choice id")

    route_targets = content.ids("stap") | {EINDE}
    _known(rk_src, ("startpunt", "naar"), rk.startpunt.naar, content.ids("stap"), "step")
    for i, stap in enumerate(rk.stappen):
        if stap.volgende:
            _known(rk_src, ("stappen", i, "volgende"), stap.volgende, route_targets, "step")
        if stap.beslissing:
            for j, optie in enumerate(stap.beslissing.opties):
                _known(rk_src, ("stappen", i, "beslissing", "opties", j, "naar"),
                       optie.naar, route_targets, "step")
        elif not stap.volgende:
            raise rk_src.error(("stappen", i), "a step needs either 'volgende' or a 'beslissing'")
    for i, ingang in enumerate(rk.basis_op_orde.ingangen):
        _known(rk_src, ("basis_op_orde", "ingangen", i, "pagina"), ingang.pagina, set(PAGINAS), "page")

    _unique(sources["partners"], ("partners",), [p.id for p in content.partners.partners], "partner id")
    _check_vergelijking(content, sources["partners"])
    _check_begrippen(content, sources["begrippen"])
    _unique(sources["fenomenen"], ("fenomenen",), [f.id for f in content.fenomenen.fenomenen], "phenomenon id")
    _unique(sources["bronnen"], ("bronnen",), [b.id for b in content.bronnen.bronnen], "source id")

    af, af_src = content.afspraken, sources["afspraken"]
    partner_ids = content.ids("partner")
    for i, stap in enumerate(af.stappen):
        for j, pid in enumerate(stap.partners):
            _known(af_src, ("stappen", i, "partners", j), pid, partner_ids, "partner")
        if stap.trekker:
            _known(af_src, ("stappen", i, "trekker"), stap.trekker, partner_ids, "partner")
    kaart = af.afsprakenkaart
    _unique(af_src, ("afsprakenkaart", "partners"), kaart.partners, "partner")
    for j, pid in enumerate(kaart.partners):
        _known(af_src, ("afsprakenkaart", "partners", j), pid, partner_ids, "partner")
    _unique(af_src, ("afsprakenkaart", "vragen"), [v.id for v in kaart.vragen], "question id")
    _unique(af_src, ("basisafspraken", "items"), [b.id for b in af.basisafspraken.items], "id")
    _unique(sources["privacy"], ("secties",), [s.id for s in content.privacy.secties], "section id")

    bron_ids = content.ids("bron")
    for attr, source in sources.items():
        for loc, node in _models(getattr(content, attr), ()):
            if isinstance(node, model.Aanvulling):
                for j, bron in enumerate(node.bronnen):
                    _known(source, loc + ("bronnen", j), bron, bron_ids, "source")
            elif isinstance(node, model.AnderePartner) and node.bron:
                _known(source, loc + ("bron",), node.bron, bron_ids, "source")

    for source in sources.values():
        for loc, text in _strings(source.data, ()):
            for match in LINK.finditer(text):
                target = LINK_TARGET.match(match.group(2))
                if not target:
                    raise source.error(loc, f"link target '{match.group(2)}' must look like "
                                            "stap:id, partner:id, fenomeen:id, bron:id or pagina:id",
                                       near=match.group(2))
                if not match.group(1).strip():
                    raise source.error(loc, f"link to '{match.group(2)}' has no label", near=match.group(2))
                soort, ref = target.groups()
                _known(source, loc, ref, content.ids(soort), soort, near=match.group(2))


def _check_vergelijking(content: Content, source: YamlSource) -> None:
    """Every row of the comparison has exactly one cell per core partner."""
    ids = [p.id for p in content.partners.partners]
    for i, rij in enumerate(content.partners.vergelijking.rijen):
        loc = ("vergelijking", "rijen", i, "cellen")
        for pid in rij.cellen:
            _known(source, loc + (pid,), pid, set(ids), "partner")
        missing = [pid for pid in ids if pid not in rij.cellen]
        if missing:
            raise source.error(loc, f"no cell for partner {', '.join(repr(m) for m in missing)}")
    known = set(ids)
    _unique(source, ("andere_partners", "partners"),
            [p.id for p in content.partners.andere_partners.partners], "partner id")
    for i, p in enumerate(content.partners.andere_partners.partners):
        if p.id in known:
            raise source.error(("andere_partners", "partners", i, "id"),
                               f"'{p.id}' is already a core partner")


def _check_begrippen(content: Content, source: YamlSource) -> None:
    """A word may belong to one term only, and each term needs its own anchor."""
    owner: dict[str, str] = {}
    anchors: dict[str, str] = {}
    for i, begrip in enumerate(content.begrippen.begrippen):
        if not begrip.id:
            raise source.error(("begrippen", i, "term"), f"term '{begrip.term}' needs a letter or digit")
        if begrip.id in anchors:
            raise source.error(("begrippen", i, "term"),
                               f"term '{begrip.term}' clashes with '{anchors[begrip.id]}'")
        anchors[begrip.id] = begrip.term
        for j, word in enumerate([begrip.term, *begrip.aliassen]):
            loc = ("begrippen", i, "term") if j == 0 else ("begrippen", i, "aliassen", j - 1)
            if word.lower() in owner:
                raise source.error(loc, f"'{word}' is already a term or alias of '{owner[word.lower()]}'")
            owner[word.lower()] = begrip.term


def _unique(source: YamlSource, loc: tuple, values: list[str], what: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise source.error(loc + (i,), f"duplicate {what} '{value}'")
        seen.add(value)


def _known(source: YamlSource, loc: tuple, value: str, known: set[str], what: str,
           near: str = "") -> None:
    if value not in known:
        raise source.error(loc, f"unknown {what} '{value}' (known: {', '.join(sorted(known))})", near=near)


def _models(node: Any, loc: tuple) -> Iterator[tuple[tuple, BaseModel]]:
    """Every model in a loaded file, with its place (for error messages)."""
    if isinstance(node, BaseModel):
        yield loc, node
        for name in type(node).model_fields:
            yield from _models(getattr(node, name), loc + (name,))
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from _models(item, loc + (i,))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _models(item, loc + (key,))


def _strings(data: Any, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, loc + (i,))
