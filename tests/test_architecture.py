"""The house: packages by concern with imports in one direction, and the
after-build steps as one command that any engine's output can go through."""
from __future__ import annotations

import ast
import re
import filecmp
import subprocess
import sys
from pathlib import Path

from support.project import ROOT
from support.variants import Variant

MACROS = ROOT / "macros"
# package -> packages it must not import (directly or through a sibling)
FORBIDDEN = {
    "content": {"render", "afterbuild", "build", "engine", "prepare", "hooks"},
    "render": {"build", "engine", "afterbuild", "prepare", "hooks"},
    "afterbuild": {"content", "render", "build", "engine", "prepare", "hooks"},
}


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """The macros modules a file imports, as dotted names."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("macros"):
                submodules = {f"{target}.{a.name}" for a in node.names}
                found.update(submodules)
                if node.module:  # `from . import x` needs x, not the package
                    found.add(target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("macros"))
    modules = {module_name(p) for p in MACROS.rglob("*.py")}
    return {t for t in found if t in modules and t != module_name(path)}


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in MACROS.rglob("*.py")}


def test_each_concern_is_a_package():
    for package in ("content", "render", "afterbuild"):
        assert (MACROS / package / "__init__.py").is_file(), package
    flat = sorted(p.name for p in MACROS.glob("*.py"))
    assert flat == ["__init__.py", "build.py", "editions.py", "engine.py", "hooks.py", "nl.py", "prepare.py",
                    "sitefiles.py"], flat


def test_imports_run_in_one_direction():
    for module, targets in graph().items():
        parts = module.split(".")
        if len(parts) < 2 or parts[1] not in FORBIDDEN:
            continue
        for target in targets:
            other = target.split(".")[1] if target.count(".") else ""
            assert other not in FORBIDDEN[parts[1]], f"{module} imports {target}"


def test_there_is_no_import_circle():
    g = graph()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in g.get(node, ()):
            # a package's __init__ re-exporting its own modules is not a circle
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == 1:
                raise AssertionError("import circle: " + " -> ".join(path + [nxt]))
            if not state.get(nxt):
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in g:
        if not state.get(node):
            visit(node, [node])


def test_no_module_is_longer_than_about_300_lines():
    for path in MACROS.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 320, f"{path.relative_to(ROOT)}: {lines} lines"


def test_no_script_of_the_site_is_longer_than_about_300_lines():
    # as the Python modules: a script that grows past this is split by job
    # (walk-state.js, walk-summary.js, walk.js), sharing through rk.<feature>
    assert len(SITE_JS) > 10
    for path in SITE_JS:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 320, f"{path.relative_to(ROOT)}: {lines} lines"


def test_every_step_title_comes_from_one_label():
    sources = [*MACROS.rglob("*.py"), *MACROS.rglob("*.html"), *(ROOT / "overrides").rglob("*.js")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        if path.name == "routekaart.py" and path.parent.name == "content":
            continue  # where Stap.label is defined
        for pattern in (r'f"Stap \{\w+\.nummer\}: \{', r"Stap \{\{ ?\w+\.nummer ?\}\}: \{\{ ?\w+\.titel",
                        r'"Stap " \+ .*": "'):
            assert not re.search(pattern, text), f"{path.relative_to(ROOT)} builds a step's name itself"



# The project as it is, built by MkDocs without the after-build steps.
PAGES_ONLY = Variant("pages-only", lambda project: None, env={"ROUTEKAART_PAGES_ONLY": "1"})


def test_the_after_build_command_on_a_pages_only_build_gives_the_same_site(site_dir):
    """The command on the pages-only build of a copy of the project gives
    the session's site (the same sources, built with the steps) byte for byte."""
    pages_only, project = PAGES_ONLY.site(), PAGES_ONLY.project
    assert not (pages_only / "sw.js").exists(), "the pages-only build ran the after-build steps"
    result = subprocess.run([sys.executable, "-m", "macros.build", str(pages_only)],
                            cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    full = site_dir
    diff = filecmp.dircmp(full, pages_only)
    problems = []

    def walk(d, prefix=""):
        problems.extend(prefix + n for n in d.left_only + d.right_only + d.diff_files + d.funny_files)
        for name, sub in d.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(diff)
    # filecmp compares size and mtime first: compare the differing-looking files byte by byte
    problems = [p for p in problems if not ((full / p).is_file() and (pages_only / p).is_file()
                                            and (full / p).read_bytes() == (pages_only / p).read_bytes())]
    assert problems == []


def test_the_command_refuses_a_folder_that_is_no_built_site(tmp_path):
    result = subprocess.run([sys.executable, "-m", "macros.build", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "holds no built site" in result.stderr


def stylesheet_classes(path: Path) -> set[str]:
    """The site's own classes a stylesheet's selectors name."""
    css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    selectors = [s for s in re.findall(r"([^{}]+)\{", css) if not s.strip().startswith("@")]
    return {c for s in selectors for c in re.findall(r"\.(rk-[\w-]+)", s)}


COMPONENTS = ROOT / "overrides" / "components"


def test_the_route_map_and_the_afsprakenkaart_share_no_class():
    routemap = stylesheet_classes(COMPONENTS / "routemap" / "routemap.css")
    card = (stylesheet_classes(COMPONENTS / "afsprakenkaart" / "afsprakenkaart.css")
            | stylesheet_classes(COMPONENTS / "afsprakenkaart" / "afsprakenkaart-liggend.css"))
    assert routemap and card
    assert routemap & card == set()
    # the map and the step navigation beside it, each under its own prefix
    assert all(c.startswith(("rk-routemap", "rk-position", "rk-step-nav")) for c in routemap), sorted(routemap)


def test_a_button_style_is_defined_once():
    for variant in ("rk-button", "rk-button--outline", "rk-button--danger", "rk-button--compact"):
        defining = [p.name for p in sorted((ROOT / "overrides").rglob("*.css"))
                    if re.search(r"(^|\n|,)\s*\.md-typeset \." + variant + r"\s*[{,]", p.read_text(encoding="utf-8"))]
        assert defining == ["routekaart.css"], (variant, defining)
    # a component sets where its buttons stand, never how a button looks
    for path in site_css():
        for media, selector, declarations in css_rules(path):
            # on paper the handout prints where a button leads as text
            if path.name != "routekaart.css" and re.search(r"\.rk-button(?![\w-])[^,]*$", selector) \
                    and "print" not in media:
                props = set(re.findall(r"([\w-]+)\s*:", declarations))
                assert props <= {"margin"}, (path.name, selector, props)


def one_phenomenon_more_and_one_less(project):
    path = project / "content" / "fenomenen.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: fraude\n")
    end = text.index("  - id: intimidatie-en-agressie\n")
    copy = text[start:end].replace("id: fraude", "id: online-gokken").replace(
        "titel: Online fraude", "titel: Online gokken").replace("korte_titel: Fraude", "korte_titel: Gokken")
    text = text + copy
    # and take a step's worth of YAML out: the cybercriminaliteit phenomenon
    start = text.index("  - id: cybercriminaliteit\n")
    end = text.index("  - id: radicalisering-en-extremisme\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


OTHER_PHENOMENA = Variant("other-phenomena", one_phenomenon_more_and_one_less)


def test_a_new_phenomenon_takes_only_yaml_and_a_removed_one_leaves_no_page():
    site, project = OTHER_PHENOMENA.site(), OTHER_PHENOMENA.project
    page = (site / "fenomenen" / "online-gokken.html").read_text(encoding="utf-8")
    assert "<h1" in page and "Online gokken" in page
    assert 'href="online-gokken.html"' in (site / "fenomenen" / "index.html").read_text(encoding="utf-8")
    assert "online-gokken.html" in (site / "index.html").read_text(encoding="utf-8")  # in the nav
    assert not (site / "fenomenen" / "cybercriminaliteit.html").exists()
    assert not (project / "docs" / "fenomenen" / "cybercriminaliteit.md").exists()
    assert (project / "docs" / "fenomenen" / "index.md").exists()


def test_each_interactive_feature_keeps_its_parts_side_by_side():
    expected = {"routemap", "bericht", "afsprakenkaart", "walk", "presentatie", "begrippen", "privacy-wipe",
                "role", "bespreken"}
    folders = {p.name: p for p in COMPONENTS.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))}
    assert set(folders) == expected
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name, folder in folders.items():
        files = [p for p in folder.iterdir() if p.is_file()]
        assert any(p.suffix == ".html" for p in files), f"{name}: no template"
        assert any(p.suffix in (".css", ".js") for p in files), f"{name}: no style or script"
        assert any(p.name.startswith("test_") for p in files) or name == "bericht", f"{name}: no tests"
        for asset in (p for p in files if p.suffix in (".css", ".js")):
            rel = asset.relative_to(ROOT / "overrides").as_posix()
            pages = [*(ROOT / "overrides").glob("*.html"), *(ROOT / "docs").rglob("*.md")]
            loaded = rel in config or any(rel in t.read_text(encoding="utf-8") for t in pages)
            assert loaded, f"{rel} is not loaded by mkdocs.yml, a theme template or a page's front matter"


# --- Code is English, site text Dutch ------------------------------------------
# Word parts of the Dutch class names, data attributes and script names that
# were replaced by English ones; none of them may come back.
DUTCH_WORDS = {
    "aanvulling", "actie", "acties", "afdruk", "afdrukken", "afgesproken", "afspraken", "afsprakenkaart",
    "andere", "antwoord", "antwoorden", "basis", "bediening", "beeld", "begrip", "begrippen",
    "begrippenlijst", "bericht", "beslissing", "bestand", "betrokken", "bevestig", "bevestigd", "bewaar",
    "bewaard", "bewaren", "bijgewerkt", "blauw", "bron", "bronnen", "cel", "colofon", "controleer", "datum",
    "deel", "dia", "dialoog", "dias", "dicht", "doel", "doorgaan", "doorloop", "editie", "einde", "evaluatie",
    "exporteren", "fenomeen", "fenomeenkaart", "fenomeenkaarten", "fenomenen", "fout", "gegevens", "grootte",
    "herinnering", "herkomst", "hier", "icoon", "iconen", "importeren", "ingangen", "invulregel", "kaart",
    "keuze", "keuzes", "kies", "klaar", "knop", "knoppen", "kop", "kopie", "kort", "laad", "leeg", "leegmaken",
    "lees", "licht", "lijst", "maanden", "mag", "meld", "melding", "menuknop", "naar", "nee", "notitie",
    "nummer", "ontvangen", "oordeel", "opslaan", "opslag", "optie", "oranje", "overgeslagen", "pagina",
    "papier", "pictogram", "plek", "positie", "presentatie", "presenteert", "regio", "samenvatting",
    "scherm", "sleutel", "sluit", "sluiten", "soort", "stap", "stapnav", "stappen", "startpunt", "stip",
    "stoppen", "tabel", "tekst", "teller", "terug", "titel", "toegevoegd", "toelichting", "toevoegingen",
    "toon", "trekker", "uitgevers", "uitkomst", "uitleg", "uitleggen", "vandaag", "veiligheid",
    "veiligheidsregel", "veld", "velden", "veldnaam", "verder", "vergelijking", "verklaring", "versie",
    "voetnoot", "volgende", "voorbeeld", "voortgang", "vorige", "vraag", "vragen", "vul", "waarschuwing",
    "weiger", "wijzigingen", "wis", "wissen", "zichtbaarheid", "zoekwoorden", "zonder",
}
# Blocks whose modifier is a value from content/ (a partner, a platform, an
# icon, a handout part): the value is data and stays Dutch.
DATA_MODIFIERS = ("rk-emblem--", "rk-message--", "rk-icon--", "rk-handout-part--")
SITE_JS = [p for p in (ROOT / "overrides").rglob("*.js") if "vendor" not in p.parts] + \
    [ROOT / "macros" / "afterbuild" / "sw.js"]


def site_css() -> list[Path]:
    return [p for p in (ROOT / "overrides").rglob("*.css") if "vendor" not in p.parts]


def words(name: str) -> list[str]:
    """The lower-case words of a name: rk-card-field, cardField, MAX_FILE, ..."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return [w for w in re.split(r"[^A-Za-z0-9]+", spaced.lower()) if w]


def dutch(names: set[str]) -> dict[str, list[str]]:
    return {n: found for n in sorted(names) if (found := [w for w in words(n) if w in DUTCH_WORDS])}


def test_css_class_names_are_english():
    classes = set()
    for path in site_css():
        css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        classes |= set(re.findall(r"\.(rk-[\w-]+)", css))
    assert len(classes) > 100
    names = {next((c[:len(p)] for p in DATA_MODIFIERS if c.startswith(p)), c) for c in classes}
    assert dutch(names) == {}


def test_data_attributes_of_templates_and_scripts_are_english():
    sources = [*(ROOT / "overrides").rglob("*.html"), *(ROOT / "macros").rglob("*.html"),
               *(ROOT / "macros").rglob("*.py"), *SITE_JS]
    attributes = {a for p in sources for a in re.findall(r"(?<![\w-])data-[a-z0-9-]*[a-z0-9]",
                                                         p.read_text(encoding="utf-8"))}
    assert "data-action" in attributes
    assert dutch({a for a in attributes if not a.startswith("data-md-")}) == {}


def script_names(text: str) -> set[str]:
    """Names a script declares: functions, variables and parameters."""
    # Comments, strings and regular expressions out, read left to right.
    code = re.sub(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`(?:\\.|[^`\\])*`'
                  r'|(?<=[(,=:\[!&|?{};])\s*/(?![/*])(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n])+/[a-z]*',
                  '""', text, flags=re.S)
    names = set(re.findall(r"\b(?:function|var|let|const)\s+([A-Za-z_$][\w$]*)", code))
    for params in re.findall(r"function\s*[\w$]*\s*\(([^)]*)\)|\(([^()]*)\)\s*=>", code):
        names |= {p.strip() for group in params for p in group.split(",") if p.strip()}
    names |= set(re.findall(r"\b([A-Za-z_$][\w$]*)\s*=>", code))
    return {re.sub(r"^\.\.\.", "", n) for n in names}


def test_the_sites_script_names_are_english():
    names = set().union(*(script_names(p.read_text(encoding="utf-8")) for p in SITE_JS))
    assert {"askToConfirm", "updatePrintCopy", "summaryModel"} <= names
    assert dutch(names) == {}


def css_rules(path: Path) -> list[tuple[str, str, str]]:
    """(the at-rules around it, selector, declarations) of every rule of a stylesheet."""
    css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    rules, open_blocks, start = [], [], 0
    for brace in re.finditer(r"[{}]", css):
        text, start = css[start:brace.start()].strip(), brace.end()
        if brace.group() == "{":
            open_blocks.append(text)
        elif open_blocks:
            head = open_blocks.pop()
            if not head.startswith("@"):
                rules.append((" ".join(open_blocks), head, text))
    return rules


def test_the_visually_hidden_rule_is_defined_once():
    hiding = [(p.name, s) for p in site_css() for _, s, d in css_rules(p)
              if re.search(r"\bclip(-path)?\s*:\s*(?!auto)", d) and re.search(r"\b(width|height)\s*:\s*1px", d)]
    assert hiding == [("routekaart.css", ".rk-sr")]


def test_the_focus_ring_is_defined_once():
    rings = [(p.name, s) for p in site_css() for _, s, d in css_rules(p)
             if re.search(r"\boutline\s*:(?!\s*none)", d)]
    assert len(rings) == 1 and rings[0][0] == "routekaart.css", rings


def test_a_components_files_are_named_after_its_folder():
    """The component contract (overrides/components/README.md): template,
    style and script `<name>.<ext>` or `<name>-<part>.<ext>`, tests
    `test_<name>.py` or `test_<name>_<part>.py`, states `<name>_states.py`."""
    wrong = []
    for folder in sorted(p for p in COMPONENTS.iterdir() if p.is_dir() and p.name != "__pycache__"):
        name, test = folder.name, "test_" + folder.name.replace("-", "_")
        for path in folder.iterdir():
            if path.is_dir() or path.name == "README.md":
                continue
            if path.suffix == ".py":
                ok = path.stem in (test, name.replace("-", "_") + "_states") or path.stem.startswith(test + "_")
            else:
                ok = path.stem == name or path.stem.startswith(name + "-")
            if not ok:
                wrong.append(str(path.relative_to(ROOT)))
    assert wrong == []
