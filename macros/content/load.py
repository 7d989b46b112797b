"""Load content/ into typed models, and check that every reference resolves.

`load_content(folder)` either returns a complete `Content` or raises one
`ContentError` naming file, line and fault. Nothing after it re-checks shape."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from . import (afspraken, begrippen, bespreken, bronnen, colofon, doorloop, editie, fenomenen, offline, opslag,
               partners, plain_pages, rollen, routekaart, teksten, versie)
from .base import Aanvulling
from .markup import LINK, LINK_TARGET
from .page_ids import PAGINAS
from .regio import Beheerder, RegioBestand, load_regio
from .validation import validate
from .yamlsource import YamlSource, read_yaml

# file name -> (attribute on Content, model)
BESTANDEN: dict[str, tuple[str, type[BaseModel]]] = {
    "routekaart.yml": ("routekaart", routekaart.RoutekaartBestand),
    "partners.yml": ("partners", partners.PartnersBestand),
    "fenomenen.yml": ("fenomenen", fenomenen.FenomenenBestand),
    "afspraken.yml": ("afspraken", afspraken.AfsprakenBestand),
    "bronnen.yml": ("bronnen", bronnen.BronnenBestand),
    "colofon.yml": ("colofon", colofon.ColofonBestand),
    "toegankelijkheid.yml": ("toegankelijkheid", plain_pages.ToegankelijkheidBestand),
    "privacy.yml": ("privacy", plain_pages.PrivacyBestand),
    "begrippen.yml": ("begrippen", begrippen.BegrippenBestand),
    "offline.yml": ("offline", offline.OfflineBestand),
    "versie.yml": ("versie", versie.VersieBestand),
    "rollen.yml": ("rollen", rollen.RollenBestand),
    "bespreken.yml": ("bespreken", bespreken.BesprekenBestand),
    "doorloop.yml": ("doorloop", doorloop.DoorloopBestand),
    "opslag.yml": ("opslag", opslag.OpslagBestand),
    "editie.yml": ("editie", editie.EditieBestand),
    "handleiding.yml": ("handleiding", plain_pages.HandleidingBestand),
    "niet-gevonden.yml": ("niet_gevonden", plain_pages.NietGevondenBestand),
    "teksten.yml": ("teksten", teksten.TekstenBestand),
}

EINDE = "einde"  # where a route ends: not a step, the end-of-route page


@dataclass(frozen=True)
class Content:
    routekaart: routekaart.RoutekaartBestand
    partners: partners.PartnersBestand
    fenomenen: fenomenen.FenomenenBestand
    afspraken: afspraken.AfsprakenBestand
    bronnen: bronnen.BronnenBestand
    colofon: colofon.ColofonBestand
    toegankelijkheid: plain_pages.ToegankelijkheidBestand
    privacy: plain_pages.PrivacyBestand
    begrippen: begrippen.BegrippenBestand
    versie: versie.VersieBestand
    offline: offline.OfflineBestand
    rollen: rollen.RollenBestand
    bespreken: bespreken.BesprekenBestand
    doorloop: doorloop.DoorloopBestand
    opslag: opslag.OpslagBestand
    editie: editie.EditieBestand
    handleiding: plain_pages.HandleidingBestand
    niet_gevonden: plain_pages.NietGevondenBestand
    teksten: teksten.TekstenBestand
    regio: RegioBestand | None = None  # a local edition; None is the national one
    regio_pad: Path | None = None      # the file it came from (a logo sits beside it)

    @property
    def beheerder(self) -> Beheerder | None:
        """Who publishes this edition: the region's maintainer, else the national one (or no one)."""
        return (self.regio and self.regio.beheerder) or self.editie.beheerder

    @property
    def logo_pad(self) -> Path | None:
        if self.regio is None or self.regio.logo is None:
            return None
        return self.regio_pad.parent / self.regio.logo.bestand

    # Lookups by id, for rendering.
    def stap(self, id: str) -> routekaart.Stap:
        return next(s for s in self.routekaart.stappen if s.id == id)

    def partner(self, id: str) -> partners.Partner:
        return next(p for p in self.partners.partners if p.id == id)

    def fenomeen(self, id: str) -> fenomenen.Fenomeen:
        return next(f for f in self.fenomenen.fenomenen if f.id == id)

    def bron(self, id: str) -> bronnen.Bron:
        return next(b for b in self.bronnen.bronnen if b.id == id)

    def ids(self, soort: str) -> set[str]:
        return {
            "stap": {s.id for s in self.routekaart.stappen},
            "partner": {p.id for p in self.partners.partners},
            "fenomeen": {f.id for f in self.fenomenen.fenomenen},
            "bron": {b.id for b in self.bronnen.bronnen},
            "pagina": set(PAGINAS),
        }[soort]


def load_content(folder: Path, regio: Path | None = None) -> Content:
    """`regio`: the edition's file, when it is not `folder`/regio.yml (one of
    several editions built together)."""
    folder = Path(folder)
    content = _shared_content(folder)
    regio_bestand = load_regio(folder, content, regio)
    pad = Path(regio) if regio else folder / "regio.yml"
    return replace(content, regio=regio_bestand, regio_pad=pad if regio_bestand else None)


# The checked content every edition shares, by folder and file state: a build
# reads it twice, and macros/editions.py once per edition. The models are
# frozen, so sharing is safe; a changed file (`mkdocs serve`) changes the key.
_SHARED: dict[tuple, Content] = {}


def _shared_content(folder: Path) -> Content:
    stats = []
    for name in BESTANDEN:
        try:
            st = (folder / name).stat()
            stats.append((name, st.st_mtime_ns, st.st_size, st.st_ino))
        except OSError:
            stats.append((name, None))  # read_yaml reports it
    key = (str(folder.resolve()), tuple(stats))
    if key not in _SHARED:
        _SHARED.clear()  # one folder at a time: nothing piles up under `mkdocs serve`
        _SHARED[key] = _read_and_check(folder)
    return _SHARED[key]


def _read_and_check(folder: Path) -> Content:
    sources: dict[str, YamlSource] = {}
    parsed: dict[str, Any] = {}
    for name, (attr, cls) in BESTANDEN.items():
        source = read_yaml(folder / name, f"{folder.name}/{name}")
        sources[attr] = source
        parsed[attr] = validate(source, cls)
    content = Content(**parsed)
    _check_references(content, sources)
    return content


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
    shows = [i for i, stap in enumerate(rk.stappen) if stap.contactpunten]
    if len(shows) > 1:
        raise rk_src.error(("stappen", shows[1], "contactpunten"),
                           "only one step can show the regional contact points")
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
    ro_src = sources["rollen"]
    _unique(ro_src, ("rollen",), [r.id for r in content.rollen.rollen], "role id")
    taken: set[str] = set()
    for i, rol in enumerate(content.rollen.rollen):
        if rol.partner:
            _known(ro_src, ("rollen", i, "partner"), rol.partner, partner_ids, "partner")
            if rol.partner in taken:
                raise ro_src.error(("rollen", i, "partner"), f"partner '{rol.partner}' has a role already")
            taken.add(rol.partner)
    for stap, vraag in content.bespreken.kaartvraag_per_stap.items():
        loc = ("kaartvraag_per_stap", stap)
        _known(sources["bespreken"], loc, stap, content.ids("stap"), "step")
        _known(sources["bespreken"], loc, vraag, {v.id for v in kaart.vragen}, "afsprakenkaart question")
    _unique(sources["privacy"], ("secties",), [s.id for s in content.privacy.secties], "section id")
    _unique(sources["handleiding"], ("secties",), [s.id for s in content.handleiding.secties], "section id")

    bron_ids = content.ids("bron")
    for attr, source in sources.items():
        for loc, node in _models(getattr(content, attr), ()):
            if isinstance(node, Aanvulling):
                for j, bron in enumerate(node.bronnen):
                    _known(source, loc + ("bronnen", j), bron, bron_ids, "source")
            elif isinstance(node, partners.AnderePartner) and node.bron:
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
    kaders = content.partners.vergelijking.kaders
    bron_ids = content.ids("bron")
    for pid, bronnen in kaders.items():
        _known(source, ("vergelijking", "kaders", pid), pid, set(ids), "partner")
        for j, bron in enumerate(bronnen):
            _known(source, ("vergelijking", "kaders", pid, j), bron, bron_ids, "source")
    missing = [pid for pid in ids if pid not in kaders]
    if missing:
        raise source.error(("vergelijking", "kaders"),
                           f"no frameworks for partner {', '.join(repr(m) for m in missing)}")
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
