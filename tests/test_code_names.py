"""One name per concept: the route's Dutch content words never name code.

Content (YAML keys and values), stored data and file fields are Dutch; what
code declares is English. The check reads what a name is, not the text around
it: Python through its syntax tree and Jinja through Jinja's own parser, so
`stap.titel` (a content field), `r.url("stap", id)` (a content kind) and
`?fenomeen=` (an address readers keep) are never taken for a name.
The table in macros/README.md maps each word to its code name.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import jinja2
from jinja2 import nodes

from macros.content import load_content
from support.project import ROOT
from test_architecture import DUTCH_WORDS, SITE_JS, script_names, words

# The route's content words and what code calls them.
CONCEPTS = {
    "fenomeen": "phenomenon", "fenomenen": "phenomena", "voorbeeld": "example", "voorbeelden": "examples",
    "stap": "step", "stappen": "steps", "optie": "option", "opties": "options", "naar": "to",
    "nummer": "number", "vraag": "question", "vragen": "questions", "actie": "action", "acties": "actions",
    "dia": "slide", "deel": "part", "delen": "parts", "begrip": "entry", "begrippen": "glossary",
    "kaart": "card", "regio": "region", "editie": "edition", "datum": "date", "maanden": "months",
    "zoekwoorden": "keywords", "soort": "kind", "cel": "cell", "rij": "row", "alinea": "paragraph",
    "punt": "point", "groep": "group", "hulp": "help", "regel": "line", "zinnen": "sentences",
    "herkomst": "origin", "toegevoegd": "added", "aanvulling": "pointer", "bron": "source", "bronnen": "sources",
    "einde": "end", "versie": "version",
}
# The content models mirror the YAML keys (content): they keep the content's words.
CONTENT_MODELS = ROOT / "macros" / "content"
# Their keyword arguments are the placeholders of a content text ("{nummer}"): content.
PLACEHOLDER_FILLERS = {"fill", "fill_html"}
JINJA = jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])


def python_names(source: str, keywords: bool = True) -> set[str]:
    """What Python code names: functions, classes, parameters, variables,
    fields, import aliases and keyword arguments (a template's variables),
    except a content text's placeholders; `keywords=False` leaves keyword
    arguments out."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.add(node.id)
        elif keywords and isinstance(node, ast.Call) and called(node) not in PLACEHOLDER_FILLERS:
            found.update(k.arg for k in node.keywords if k.arg)
        elif isinstance(node, ast.alias) and node.asname:
            found.add(node.asname)
    return found


def called(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def template_names(source: str) -> set[str]:
    """Every variable and macro a template names, set or handed in; an
    attribute (`stap.titel`) or a string is no name."""
    tree = JINJA.parse(source)
    return {n.name for n in tree.find_all(nodes.Name)} | {n.name for n in tree.find_all(nodes.Macro)}


def dutch(names: set[str], vocabulary=CONCEPTS, plain=lambda name: name) -> dict[str, list[str]]:
    """The names with a word of `vocabulary`, read from `plain(name)`."""
    return {n: found for n in sorted(names) if (found := [w for w in words(plain(n)) if w in vocabulary])}


def python_sources() -> list[Path]:
    return [p for p in (ROOT / "macros").rglob("*.py") if CONTENT_MODELS not in p.parents]


def templates() -> list[Path]:
    return [*(ROOT / "macros").rglob("*.html"), *(ROOT / "overrides").rglob("*.html")]


def test_python_outside_the_content_models_names_no_content_word():
    found = {f"{p.relative_to(ROOT)}: {n}": w for p in python_sources()
             for n, w in dutch(python_names(p.read_text(encoding="utf-8"))).items()}
    assert found == {}


def test_templates_name_no_content_word():
    found = {f"{p.relative_to(ROOT)}: {n}": w for p in templates()
             for n, w in dutch(template_names(p.read_text(encoding="utf-8"))).items()}
    assert found == {}


def test_python_templates_and_scripts_use_none_of_the_replaced_dutch_words():
    """The longer list of Dutch words the code gave up (tests/test_architecture.py
    and MORE_DUTCH_WORDS), beyond the table's content words: `not_found`, not
    `niet_gevonden`; `section`, not `sectie`."""
    found = {f"{p.relative_to(ROOT)}: {n}": w for p in python_sources()
             for n, w in dutch(python_names(p.read_text(encoding="utf-8")), CODE_VOCABULARY).items()}
    found |= {f"{p.relative_to(ROOT)}: {n}": w for p in templates()
              for n, w in dutch(template_names(p.read_text(encoding="utf-8")), CODE_VOCABULARY).items()}
    found |= {f"{p.relative_to(ROOT)}: {n}": w for p in SITE_JS
              for n, w in dutch(script_names(p.read_text(encoding="utf-8")), CODE_VOCABULARY).items()}
    assert found == {}


# What the tests may keep Dutch in a name: a component's folder name
# (`afsprakenkaart_saved_as_regio_yml`, a state of that component), the regional
# file's name, and a test function's name, which quotes the page or button it checks.
COMPONENTS = sorted((p.name.replace("-", "_") for p in (ROOT / "overrides" / "components").iterdir()
                     if p.is_dir()), key=len, reverse=True)
FILE_NAMES = ("regio_yml",)
# Dutch words code once used in names (the tests, templates' variables, the
# theme's data), beyond the content words and tests/test_architecture.py's list.
MORE_DUTCH_WORDS = {
    "alinea", "artikel", "barriere", "beheerder", "blok", "blokken", "dialoog", "dienst", "doel", "drie",
    "eerste", "eigen", "einde", "exporteer", "geen", "goed", "grens", "groep", "grootte", "hele", "importeer",
    "ingang", "ingangen", "ja", "juridisch", "juridische", "kinderen", "klinkers", "kolom", "koppen", "kort",
    "leenwoorden", "leesbaarheid", "legenda", "lettergreep", "lettergrepen", "meer", "melding", "naam",
    "navigatie", "nee", "niet", "nieuw", "opgeslagen", "plaats", "reden", "rij", "rijen", "rol", "rollen",
    "samenvatting", "sectie", "sleutel", "tabellen", "tekst", "teksten", "teller", "titel", "toegevoegde",
    "toevoegingen", "trekker", "uitleg", "veld", "velden", "vier", "voor", "vorige", "volgende", "woord",
    "woorden", "zin", "zinnen", "zonder", "gevonden", "digitale",
}
CODE_VOCABULARY = set(CONCEPTS) | DUTCH_WORDS | MORE_DUTCH_WORDS


def sources_of_the_tests() -> list[Path]:
    return [*(ROOT / "tests").rglob("*.py"), *(ROOT / "overrides").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]


def names_in_test_code(source: str) -> set[str]:
    """What test code declares (`python_names`), but tests' own names.
    Keyword arguments are left out: in tests they fill a content text's
    placeholders or a content model's fields. A name imported from the
    rendering code under another name keeps that code's name."""
    tree = ast.parse(source)
    from_macros = {a.asname for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                   and (node.module or "").startswith("macros") for a in node.names}
    return {n for n in python_names(source, keywords=False) if not n.startswith("test_")} - from_macros


def without_proper_names(name: str) -> str:
    for proper in (*COMPONENTS, *FILE_NAMES):
        name = re.sub(rf"(?i)(^|_){proper}(?=_|$)", r"\1", name)
    return name


def dutch_in_test_code(source: str) -> dict[str, list[str]]:
    return dutch(names_in_test_code(source), CODE_VOCABULARY, without_proper_names)


def test_the_test_code_names_no_content_word_either():
    """The tests, the components' states and the benchmark are code too:
    `question`, not `vraag`; `STEPS`, not `STAPPEN`; the legal words in
    `support/legal.py` (once named "juridisch")."""
    found = {f"{p.relative_to(ROOT)}: {n}": w for p in sources_of_the_tests()
             for n, w in dutch_in_test_code(p.read_text(encoding="utf-8")).items()}
    assert found == {}
    dutch_files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests" / "support").glob("*.py")
                   if set(words(p.stem)) & CODE_VOCABULARY}
    assert dutch_files == set()


def test_the_test_code_check_finds_a_planted_name_and_passes_what_it_may():
    assert "juridisch" in CODE_VOCABULARY and "leesbaarheid" in CODE_VOCABULARY
    source = '''
from macros.content import EINDE
from support.discuss import actions_file as bestand_maken
STAPPEN = CONTENT.routekaart.stappen
def open_kaart(page, vraag_id: str):
    for stap in STAPPEN:
        T["x"].format(nummer=stap.nummer)
def afsprakenkaart_saved_as_regio_yml(page): ...
def test_the_afsprakenkaart_prints_the_regio_yml(page): ...
'''
    assert set(dutch_in_test_code(source)) == {"bestand_maken", "STAPPEN", "open_kaart", "vraag_id", "stap"}


def test_scripts_name_no_content_word():
    found = {f"{p.relative_to(ROOT)}: {n}": w for p in SITE_JS
             for n, w in dutch(script_names(p.read_text(encoding="utf-8"))).items()}
    attributes = {a for p in [*templates(), *SITE_JS]
                  for a in re.findall(r"(?<![\w-])data-[a-z0-9-]*[a-z0-9]", p.read_text(encoding="utf-8"))}
    assert found == {} and dutch(attributes) == {}


def test_the_checks_find_a_planted_name_and_pass_content_words():
    python = '''
@dataclass
class Branch:
    naar: str
def route(stap_id, step):
    for optie in step.beslissing.opties:
        nummer = step.nummer
    return r.render("stap.html", fenomeen=f, title=step.titel), r.url("stap", step.id), fill(t, nummer=1)
'''
    assert set(dutch(python_names(python))) == {"naar", "stap_id", "optie", "nummer", "fenomeen"}
    template = '''{% set delen = slide_parts(step, help) %}{% for vraag in step.vragen %}{{ vraag.vraag }}{% endfor %}
{% macro toon_stap(s) %}{{ s.titel }}{% endmacro %}{% with dia_id = 1 %}{% endwith %}{{ voorbeeld.id }}
<a href="{{ r.url('fenomeen', step.id) }}?fenomeen={{ step.id }}" data-step="{{ step.nummer }}">'''
    assert set(dutch(template_names(template))) == {"delen", "vraag", "toon_stap", "dia_id", "voorbeeld"}
    script = 'var stapNummer = 1; function naarStap(optie) { return state.fenomeen + "stap"; }'
    assert set(dutch(script_names(script))) == {"stapNummer", "naarStap", "optie"}


def test_the_names_table_maps_every_word():
    """macros/README.md: each content word in its table, with its code name."""
    readme = (ROOT / "macros" / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Content words and code names"):]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    for word, name in CONCEPTS.items():
        assert any(f"`{word}`" in row and re.search(rf"\b{name}\b", row) for row in rows), word


def test_a_phenomenons_id_travels_under_one_attribute(site_dir):
    """Every data attribute in the built site whose value is a phenomenon's id
    is data-phenomenon (it once went as data-example and data-example-id too)."""
    ids = {f.id for f in load_content(ROOT / "content").fenomenen.fenomenen}
    carriers = {}
    for page in site_dir.rglob("*.html"):
        for name, value in re.findall(r'\s(data-[\w-]+)="([^"]*)"', page.read_text(encoding="utf-8")):
            if value in ids:
                carriers.setdefault(name, set()).add(page.relative_to(site_dir).as_posix())
    assert set(carriers) == {"data-phenomenon"}, carriers
