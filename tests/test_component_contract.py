"""The component contract (overrides/components/README.md): a component's
classes are used only by its own files and styled only by its own CSS, and
its interactive states sit beside it. (Its files are named after its folder:
tests/test_architecture.py.)"""
from __future__ import annotations

import inspect
import re
from pathlib import Path

from support.interactions import SITE_STATES, component_states
from support.project import ROOT
from test_architecture import COMPONENTS, css_rules

# The class (and id) prefixes each component owns: `rk-card` owns rk-card,
# rk-card-table and rk-card--js. A class no component owns is the site's
# (overrides/assets/stylesheets/) or a page's, and may be used anywhere.
OWNERS = {
    "afsprakenkaart": ("rk-card", "rk-agreements-card"),
    "begrippen": ("rk-glossary",),
    "bericht": ("rk-message", "rk-example", "rk-scenario-text"),
    "bespreken": ("rk-discuss",),
    "presentatie": ("rk-slide", "rk-slides", "rk-deck", "rk-presentation", "rk-presenting"),
    "privacy-wipe": ("rk-wipe",),
    "role": ("rk-role",),
    "routemap": ("rk-routemap", "rk-position", "rk-step-nav"),
    "walk": ("rk-walk", "rk-summary"),
}
# Python in macros/render/ that draws a component's markup: part of its own files.
DRAWING = {
    "begrippen": ("macros/render/begrippen.py",),
    "presentatie": ("macros/render/slides.py",),
    "routemap": ("macros/render/routemap.py",),
}
NAME = re.compile(r"(?<![\w-])rk-[a-z0-9-]*[a-z0-9]")


def owner(name: str) -> str | None:
    return next((c for c, prefixes in OWNERS.items()
                 if any(name == p or name.startswith(p + "-") for p in prefixes)), None)


def component_of(path: Path) -> str | None:
    rel = path.relative_to(ROOT).as_posix()
    if path.is_relative_to(COMPONENTS):
        return path.relative_to(COMPONENTS).parts[0]
    return next((c for c, files in DRAWING.items() if rel in files), None)


def markup() -> dict[Path, str]:
    """Every file that writes or looks up the site's markup: templates,
    scripts, the Python that renders, the pages. Tests are left out: they
    read the markup, they do not make it."""
    paths = [*(ROOT / "overrides").rglob("*.html"), *(ROOT / "overrides").rglob("*.js"),
             *(ROOT / "macros").rglob("*.html"), *(ROOT / "macros").rglob("*.py"), *(ROOT / "docs").rglob("*.md")]
    return {p: p.read_text(encoding="utf-8") for p in paths
            if "vendor" not in p.parts and not p.name.startswith("test_") and not p.name.endswith("_states.py")}


def used_elsewhere(files: dict[Path, str]) -> list[str]:
    """`file: name (owner)` for each owned name used outside its owner's files."""
    return sorted({f"{p.relative_to(ROOT)}: {name} ({owner(name)})" for p, text in files.items()
                   for name in NAME.findall(text) if owner(name) not in (None, component_of(p))})


def subjects(selector: str) -> list[tuple[set[str], set[str]]]:
    """Per part of a selector list: the site's classes of the element it
    styles (its last compound; what :not() and :has() name is context), and
    all the site's classes it names."""
    out = []
    for part in selector.split(","):
        last = re.split(r"\s*[\s>+~]\s*", re.sub(r":(not|has|is|where)\([^)]*\)", "", part).strip())[-1]
        out.append((set(re.findall(r"\.(rk-[\w-]+)", last)), set(re.findall(r"\.(rk-[\w-]+)", part))))
    return out


def styled_elsewhere(sheets: dict[Path, list[tuple[str, str, str]]], used: dict[str, set[str]]) -> list[str]:
    """`sheet: class` for each class a component's CSS styles that is not its
    own: another component's; one that another component's markup uses too
    and the site's CSS does not define (a class two components share is the
    site's); or a page's, styled other than inside the component (`.rk-deck
    .rk-help-line` is the presentation's look of the help line; the help
    line's own look is the site's)."""
    site = {c for p in (ROOT / "overrides" / "assets" / "stylesheets").glob("*.css")
            for _, selector, _ in css_rules(p) for subject, _ in subjects(selector) for c in subject}
    wrong = set()
    for path, rules in sheets.items():
        mine = component_of(path)
        for _, selector, _ in rules:
            for subject, named in subjects(selector):
                if any(owner(c) == mine for c in subject):
                    continue
                inside = any(owner(c) == mine for c in named)
                wrong |= {f"{path.relative_to(ROOT)}: {c}" for c in subject
                          if owner(c) not in (None, mine)
                          or (c not in site and (used.get(c, set()) - {mine} or not inside))}
    return sorted(wrong)


def component_sheets() -> dict[Path, list[tuple[str, str, str]]]:
    return {p: css_rules(p) for p in sorted(COMPONENTS.rglob("*.css"))}


def users(files: dict[Path, str]) -> dict[str, set[str]]:
    """The components whose own files use each class of the site."""
    found: dict[str, set[str]] = {}
    for path, text in files.items():
        if (component := component_of(path)) is not None:
            for name in NAME.findall(text):
                found.setdefault(name, set()).add(component)
    return found


def test_a_components_classes_are_used_only_by_its_own_files():
    files = markup()
    assert used_elsewhere(files) == []
    # the table is the components' and names no prefix they no longer use
    assert set(OWNERS) == {p.name for p in COMPONENTS.iterdir() if p.is_dir() and p.name != "__pycache__"}
    for component, prefixes in OWNERS.items():
        names = {n for p, t in files.items() if component_of(p) == component for n in NAME.findall(t)}
        for prefix in prefixes:
            assert any(n == prefix or n.startswith(prefix + "-") for n in names), (component, prefix)


def test_no_component_styles_another_components_classes():
    assert styled_elsewhere(component_sheets(), users(markup())) == []


def test_the_class_checks_find_a_planted_violation():
    files = markup()
    walk = COMPONENTS / "walk" / "walk.html"
    files[walk] += '<p class="rk-discuss-status"></p>'
    assert used_elsewhere(files) == ["overrides/components/walk/walk.html: rk-discuss-status (bespreken)"]
    sheets = component_sheets()
    card = COMPONENTS / "afsprakenkaart" / "afsprakenkaart.css"
    sheets[card] = [*sheets[card], ("", ".rk-card .rk-walk-step", "margin: 0"),
                    ("", ".rk-card .rk-shared-by-two", "margin: 0"), ("", ".rk-a-pages", "margin: 0"),
                    ("", ".rk-card-table .rk-a-pages-inside", "margin: 0")]
    used = {**users(markup()), "rk-shared-by-two": {"afsprakenkaart", "walk"}}
    assert styled_elsewhere(sheets, used) == [f"overrides/components/afsprakenkaart/afsprakenkaart.css: {c}"
                                              for c in ("rk-a-pages", "rk-shared-by-two", "rk-walk-step")]


def template_names(component: str, pattern: str) -> set[str]:
    return {n for p in (COMPONENTS / component).glob("*.html") for n in re.findall(pattern, p.read_text(encoding="utf-8"))}


def markers(component: str) -> list[str]:
    """What a test names to reach a component: its classes, the ids its
    templates give and the data attributes only its templates have."""
    data = r"\b(data-[\w-]+)="
    others = set().union(*(template_names(c, data) for c in OWNERS if c != component),
                         *(re.findall(data, p.read_text(encoding="utf-8")) for p in [
                             *(ROOT / "macros").rglob("*.html"), *(ROOT / "overrides").glob("*.html")]))
    return [*("." + p for p in OWNERS.get(component, ())), *("#" + i for i in template_names(component, r'\bid="([\w-]+)')),
            *("[" + a for a in template_names(component, data) - others)]


def site_states_naming_a_component(states) -> list[str]:
    """The site's states whose steps name a component's classes or ids:
    those are the component's, and sit beside it."""
    found = []
    for state in states:
        code = inspect.getsource(state.use)
        for component in sorted(p.name for p in COMPONENTS.iterdir() if p.is_dir() and p.name != "__pycache__"):
            if any(re.search(re.escape(m) + r"(?![\w])", code) for m in markers(component)):
                found.append(f"{state.name}: {component}")
    return found


def test_a_components_states_sit_beside_it():
    assert site_states_naming_a_component(SITE_STATES) == []
    for component, states in component_states().items():
        for state in states:
            defined = Path(inspect.getsourcefile(state.use)).resolve()
            assert defined.parent == (COMPONENTS / component).resolve(), (state.name, defined)
    # a component with a script has states the sweeps reach
    scripted = {p.parent.name for p in COMPONENTS.glob("*/*.js")}
    assert scripted <= set(component_states()), scripted - set(component_states())


def test_the_state_check_finds_a_walk_state_among_the_sites():
    walk = component_states()["walk"]
    planted = [*SITE_STATES, next(s for s in walk if s.name == "doorloop-stap-2")]
    assert site_states_naming_a_component(planted) == ["doorloop-stap-2: walk"]
