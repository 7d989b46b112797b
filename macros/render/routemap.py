"""The route map: the startpunt, the five steps, the forks and the "basis op
orde" entries, drawn as inline SVG from content/routekaart.yml.

Two drawings come from the same route: a wide one for desktops and projectors
and a vertical one for phones; CSS shows one of them. Every place on the map is
an SVG <a> with an accessible name, in route order, so the map is complete
without JavaScript and reads in order to a screen reader.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..content import EINDE, fill
from .icons import icon_in_svg
from .textfit import CAPITAL, longest_word as _longest_word, wrap as _wrap

START = "startpunt"


@dataclass
class Place:
    """A place on the route: the startpunt, a step or the end."""
    id: str
    label: str            # visible title
    name: str             # accessible name
    url: str
    number: int | None = None
    added: str = ""     # the mark of a place the digital edition added, on a line of its own


@dataclass
class Branch:
    """One answer to a step's decision, leading to a place."""
    step: str
    option: str
    label: str
    name: str
    url: str
    to: str


@dataclass
class Entry:
    label: str
    name: str
    url: str


@dataclass
class Route:
    places: list[Place]
    roads: list[tuple[str, str]]            # (from, to) without a decision
    branches: list[Branch]
    entries: list[Entry]
    entries_title: str
    legend_title: str
    name: str                               # the drawing's accessible name
    legend: list[tuple[str, str]] = field(default_factory=list)   # (icon, text)

    def index(self, id: str) -> int:
        return next(i for i, p in enumerate(self.places) if p.id == id)


def route_of(r) -> Route:
    """The route as places, roads and branches, with URLs relative to r's page."""
    rk = r.content.routekaart
    t = r.content.teksten.routemap
    places = [Place(START, rk.startpunt.titel, f"{rk.startpunt.titel}: {rk.startpunt.tekst}",
                    r.url("stap", rk.startpunt.naar))]
    roads = [(START, rk.startpunt.naar)]
    branches = []
    for step in rk.stappen:
        places.append(Place(step.id, step.titel, step.label,
                            r.url("stap", step.id), step.nummer))
        if step.beslissing:
            for option in step.beslissing.opties:
                url, title = r.route_target(option.naar)
                then = fill(t["branch_then"], kort=option.kort, doel=title) if option.kort \
                    else fill(t["branch_on"], doel=title)
                added = r.is_added(step.beslissing) or r.is_added(option) or option.kort or option.naar == EINDE
                name = fill(t["branch_name"], nummer=step.nummer, vraag=step.beslissing.vraag, optie=option.label,
                            verder=then)
                name += f" {t['added']}" if added else ""
                branches.append(Branch(step.id, option.id, option.label, name, url, option.naar))
        elif step.volgende:
            roads.append((step.id, step.volgende))
    places.append(Place(EINDE, rk.einde.titel, f"{rk.einde.titel} {t['added']}", r.url("stap", EINDE),
                        added=t["added"]))
    entries = [Entry(i.label, f"{rk.basis_op_orde.titel}: {i.label}. {i.omschrijving}",
                     r.url("pagina", i.pagina)) for i in rk.basis_op_orde.ingangen]
    return Route(places, roads, branches, entries, rk.basis_op_orde.titel, rk.legenda.titel, t["map_name"],
                 [(i.icoon, i.tekst) for i in rk.legenda.items])


# --- drawing ---------------------------------------------------------------

class _Svg:
    def __init__(self):
        self.roads: list[str] = []
        self.links: list[str] = []

    def road(self, points: list[tuple[float, float]], klass: str = "rk-routemap-road") -> None:
        d = "M" + " L".join(f"{x:.0f} {y:.0f}" for x, y in points)
        self.roads.append(f'<path class="{klass}" d="{d}"/>')

    def link(self, klass: str, url: str, name: str, x: float, y: float, w: float, h: float,
             lines: list[str], size: float, badge: str | None = None, icon: bool = False,
             place: str = "", badge_top: bool = False) -> None:
        data = f' data-place="{escape(place)}"' if place else ""
        out = [f'<a class="{klass}" href="{escape(url)}" aria-label="{escape(name)}"{data}>',
               f'<rect class="rk-routemap-box" x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="10"/>']
        tx, ty, th = x + w / 2, y, h
        if badge:
            bx, by = (x + 22, y + 22) if badge_top else (x + 24, y + h / 2)
            out.append(f'<circle class="rk-routemap-number" cx="{bx:.0f}" cy="{by:.0f}" r="15" aria-hidden="true"/>'
                       f'<text class="rk-routemap-number-text" x="{bx:.0f}" y="{by + 6:.0f}" '
                       f'text-anchor="middle" aria-hidden="true">{escape(badge)}</text> ')
            if badge_top:
                ty, th = y + 30, h - 30
            else:
                tx = x + 44 + (w - 44) / 2
        if icon:
            out.append(icon_in_svg("meer-uitleg", x + w - 14, y + 14, 9))
        line_h = size * 1.2
        top = ty + th / 2 - line_h * (len(lines) - 1) / 2 + size * 0.35
        out.append(f'<text x="{tx:.0f}" y="{top:.0f}" text-anchor="middle" font-size="{size}">')
        for i, line in enumerate(lines):
            # The space between lines keeps their words apart in the text a
            # screen reader or checker reads from the link; not after a slash.
            out.append(("" if i == 0 or lines[i - 1].endswith("/") else " ")
                       + f'<tspan x="{tx:.0f}" dy="{0 if i == 0 else line_h:.0f}">{escape(line)}</tspan>')
        out.append("</text></a>")
        self.links.append("".join(out))

    def text(self, x: float, y: float, value: str, klass: str, anchor: str = "start") -> None:
        self.links.append(f'<text class="{klass}" x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}">'
                          f'{escape(value)}</text>')

    def render(self, klass: str, width: float, height: float, title: str) -> Markup:
        return Markup(
            f'<svg class="rk-routemap {klass}" viewBox="-4 -4 {width + 8:.0f} {height + 8:.0f}" '
            f'role="group" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
            f'<g aria-hidden="true">{"".join(self.roads)}</g>{"".join(self.links)}</svg>')


def _legend(svg: _Svg, route: Route, x: float, y: float, width: float, size: float) -> float:
    """Draw the legend from (x, y); returns the y below it."""
    svg.text(x, y + size, route.legend_title, "rk-routemap-heading")
    y += size * 2
    for icon_name, text in route.legend:
        lines = _wrap(text, width - 40, size * .9)
        svg.links.append(icon_in_svg(icon_name, x + 12, y + 10, 10))
        for i, line in enumerate(lines):
            svg.text(x + 32, y + 15 + i * size * 1.1, line, "rk-routemap-legend")
        y += max(28, len(lines) * size * 1.1 + 10)
    return y


def wide_map(route: Route) -> Markup:
    """One row of places, decisions above (first answer) and below (second). Places
    share the row evenly, but one whose longest word needs more ("Contextinformatie") gets it."""
    n = len(route.places)
    width, gap, size, padding = 1200, 16, 16, 24
    w = (width - gap * (n - 1)) / n    # the average place, for the pills
    needs = [_longest_word(" ".join(_lines(p, width, size)), size) + padding for p in route.places]
    rest = (width - gap * (n - 1) - sum(x for x in needs if x > w)) / sum(1 for x in needs if x <= w)
    widths = [need if need > w else rest for need in needs]
    lefts = [sum(widths[:i]) + gap * i for i in range(n)]
    lane_h, lane_gap = 56, 30
    lanes_above = max((_lane(route, b) for b in route.branches if _side(route, b) < 0), default=0)
    row_y = 10 + lanes_above * (lane_h + lane_gap)
    row_h = 120   # room for four lines under the number ("Mogelijke online/offline acties")
    svg = _Svg()

    def cx(id: str) -> float:
        return lefts[route.index(id)] + widths[route.index(id)] / 2

    for a, b in route.roads:
        svg.road([(cx(a), row_y + row_h / 2), (cx(b), row_y + row_h / 2)], _road_class(route, b))
    below = 0
    pills = []
    for branch in route.branches:
        side, lane = _side(route, branch), _lane(route, branch)
        if side < 0:
            py = row_y - lane * (lane_h + lane_gap)
            edge = row_y
        else:
            py = row_y + row_h + lane_gap + (lane - 1) * (lane_h + lane_gap)
            edge = row_y + row_h
            below = max(below, lane)
        # Leave right of centre, arrive left of it: a branch into a step and
        # one out of it never look like one road.
        a = cx(branch.step) + widths[route.index(branch.step)] * .2
        b = cx(branch.to) - widths[route.index(branch.to)] * .2
        mid = py + lane_h / 2
        svg.road([(a, edge), (a, mid), (b, mid), (b, edge)], _road_class(route, branch.to, True))
        pw = min(w + gap, max(120, _longest_word(branch.label.upper(), size * .9, CAPITAL) + 16, abs(b - a) - 20))
        pills.append((branch, (a + b) / 2 - pw / 2, py, pw))
    for i, place in enumerate(route.places):
        lines = _lines(place, widths[i] - 14, size)
        svg.link("rk-routemap-place" + (" rk-routemap-place--step" if place.number else ""), place.url, place.name,
                 lefts[i], row_y, widths[i], row_h, lines, size, str(place.number) if place.number else None,
                 icon=bool(place.number), place=place.id, badge_top=True)
        for branch, px, py, pw in pills:
            if branch.step == place.id:
                svg.link("rk-routemap-choice", branch.url, branch.name, px, py, pw, lane_h,
                         _wrap(branch.label.upper(), pw - 16, size * .9, CAPITAL), size * .9,
                         place=f"{branch.step}/{branch.option}")
    y = row_y + row_h + below * (lane_h + lane_gap) + lane_gap + 20
    svg.text(0, y + size, route.entries_title, "rk-routemap-heading")
    y += size * 1.8
    ew = (width * 0.62 - gap * (len(route.entries) - 1)) / len(route.entries)
    for i, entry in enumerate(route.entries):
        svg.link("rk-routemap-entry", entry.url, entry.name, i * (ew + gap), y, ew, 60,
                 _wrap(entry.label, ew - 30, size), size, icon=True)
    legend_bottom = _legend(svg, route, width * 0.66, y - size * 1.8, width * 0.34, size)
    height = max(y + 60, legend_bottom) + 10
    return svg.render("rk-routemap--wide", width, height, route.name)


def vertical_map(route: Route) -> Markup:
    """One column of places; a decision's answers side by side below its step.

    A branch that skips places runs down the right-hand side."""
    width, size = 360, 16
    x0, w = 10, 310          # places; the bypass lane is at x = 345
    bypass = 345
    pill_h, gap = 56, 22
    svg = _Svg()
    ys: dict[str, tuple[float, float]] = {}
    y = 10
    layout = []
    for place in route.places:
        lines = _lines(place, w - (60 if place.number else 24), size)
        h = max(60, 24 + len(lines) * size * 1.2)
        ys[place.id] = (y, h)
        layout.append((place, y, h, lines))
        y += h
        options = [b for b in route.branches if b.step == place.id]
        y += (gap * 2 + pill_h) if options else gap + 8
    bottom = y

    pills = []
    for place, py, ph, _ in layout:
        options = [b for b in route.branches if b.step == place.id]
        if not options:
            continue
        pw = (w - 10 * (len(options) - 1)) / len(options)
        top = py + ph + gap
        for j, branch in enumerate(options):
            px = x0 + j * (pw + 10)
            pcx = px + pw / 2
            ty, th = ys[branch.to]
            skips = route.index(branch.to) > route.index(branch.step) + 1
            svg.road([(pcx, py + ph), (pcx, top)], "rk-routemap-road rk-routemap-road--choice")
            if skips:
                svg.road([(px + pw, top + pill_h / 2), (bypass, top + pill_h / 2),
                          (bypass, ty + th / 2), (x0 + w, ty + th / 2)], _road_class(route, branch.to, True))
            else:
                svg.road([(pcx, top + pill_h), (pcx, ty)], _road_class(route, branch.to, True))
            pills.append((branch, px, top, pw))
    for a, b in route.roads:
        (ay, ah), (by, _) = ys[a], ys[b]
        svg.road([(x0 + w / 2, ay + ah), (x0 + w / 2, by)], _road_class(route, b))
    for place, py, ph, lines in layout:
        svg.link("rk-routemap-place" + (" rk-routemap-place--step" if place.number else ""), place.url, place.name,
                 x0, py, w, ph, lines, size, str(place.number) if place.number else None,
                 icon=bool(place.number), place=place.id)
        for branch, px, top, pw in pills:
            if branch.step == place.id:
                svg.link("rk-routemap-choice", branch.url, branch.name, px, top, pw, pill_h,
                         _wrap(branch.label.upper(), pw - 12, size * .85, CAPITAL), size * .85,
                         place=f"{branch.step}/{branch.option}")
    y = bottom + 10
    svg.text(x0, y + size, route.entries_title, "rk-routemap-heading")
    y += size * 1.8
    for entry in route.entries:
        svg.link("rk-routemap-entry", entry.url, entry.name, x0, y, w, 60,
                 _wrap(entry.label, w - 40, size), size, icon=True)
        y += 68
    y = _legend(svg, route, x0, y + 6, w, size)
    return svg.render("rk-routemap--narrow", width, y + 6, route.name)


def _lines(place: Place, width_units: float, size: float) -> list[str]:
    """A place's label in lines; an added place says so on a line of its own."""
    return _wrap(place.label, width_units, size) + ([place.added] if place.added else [])


def _road_class(route: Route, to: str, choice: bool = False) -> str:
    """A road (or an answer's road) into a place the digital edition added is drawn as added."""
    return ("rk-routemap-road" + (" rk-routemap-road--choice" if choice else "")
            + (" rk-routemap-road--added" if route.places[route.index(to)].added else ""))


def _side(route: Route, branch: Branch) -> int:
    """-1: drawn above the row; 1: below. Answers alternate, first above."""
    options = [b for b in route.branches if b.step == branch.step]
    return -1 if options.index(branch) % 2 == 0 else 1


def _lane(route: Route, branch: Branch) -> int:
    """1-based lane away from the row, for decisions with more than two answers."""
    options = [b for b in route.branches if b.step == branch.step]
    return options.index(branch) // 2 + 1


def route_map(r) -> Markup:
    """Both drawings of the route map, for the page `r` renders."""
    route = route_of(r)
    return Markup(wide_map(route) + vertical_map(route))
