"""Every word a reader sees comes from content/: the components' scripts
carry no Dutch sentence of their own, every text a script asks for by key
(`t("key")`) is in its block of content/teksten.yml, no template writes a
word a reader sees or hears, the rendering and content code write no Dutch,
and mkdocs.yml and the home-screen manifest hold no reader's word."""
from __future__ import annotations

import ast
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from macros.content import load_content
from support.project import ROOT

CONTENT = load_content(ROOT / "content")
OVERRIDES = ROOT / "overrides"
SCRIPTS = sorted(p for p in [*(OVERRIDES / "components").rglob("*.js"), *(OVERRIDES / "assets" / "javascripts").glob("*.js")])
TEMPLATES = sorted([*OVERRIDES.rglob("*.html"), *(ROOT / "macros" / "render" / "templates").glob("*.html")])
RENDERING = sorted([*(ROOT / "macros" / "render").glob("*.py"), *(ROOT / "macros" / "afterbuild").glob("*.py")])
CONTENT_CODE = sorted((ROOT / "macros" / "content").glob("*.py"))

# Small Dutch words that no English identifier, key, CSS class or file-format
# value of ours uses: a string literal holding one of them is a sentence.
DUTCH = {"de", "het", "een", "je", "jij", "jouw", "niet", "geen", "van", "naar", "op", "met", "voor", "is", "zijn",
         "wordt", "kan", "kun", "staat", "deze", "dit", "dat", "er", "ook", "nog", "bij", "om", "uit", "wat", "als"} \
    - {"is"}  # English too (a developer's console message)
# Python and Jinja also name content and pages by Dutch ids (`stap`,
# `versie`, `bronnen`): there a literal that is one lowercase id is data, and
# the words of the pages count too.
_ID = re.compile(r"^[a-z0-9_./:#{}-]*$")  # {name}: a placeholder
DUTCH_IN_CODE = DUTCH | {"dan", "wie", "ik", "verder", "bijgewerkt", "toegevoegd", "externe", "zoekwoorden",
                         "routekaart", "stap", "afdrukken", "voorbeeld", "vragen", "telefoon", "editie", "bronnen",
                         "versie", "bestand"}
# Stored data and file formats keep their Dutch names: users' saved copies
# and files must keep opening.
DATA = {"routekaart:afsprakenkaart", "routekaart:doorloop", "routekaart:rol", ":beschadigd"}

_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'')
_KEY = re.compile(r"\bt\(\s*\"([a-z0-9_]+)\"")


def code_of(path: Path) -> str:
    """A script without its comments (a // inside a string, a URL, stays)."""
    code = _STRING.sub(lambda m: m.group(0).replace("//", "\0\0"), path.read_text(encoding="utf-8"))
    return _COMMENT.sub("", code).replace("\0\0", "//")


def strings(path: Path) -> list[str]:
    return [a or b for a, b in _STRING.findall(code_of(path))]


def dutch(text: str, words: set[str] = DUTCH) -> bool:
    if text in DATA:
        return False
    return bool(set(re.findall(r"[a-zà-ÿ]+", text.lower())) & words)


def dutch_in_code(text: str) -> bool:
    return not _ID.match(text) and dutch(text, DUTCH_IN_CODE)


def block_of(path: Path) -> str:
    """The block of content/teksten.yml a script takes its words from: its
    component's, or the shared scripts' (`site`, also for a component's
    script that more pages use and that asks rk.texts(null))."""
    rel = path.relative_to(OVERRIDES)
    shared = rel.parts[0] != "components" or "rk.texts(null)" in code_of(path)
    return "site" if shared else rel.parts[1]


def found_in(paths: list[Path], words_of) -> dict[str, list[str]]:
    """What `words_of(path)` finds, per file that has any (repository paths)."""
    found = {str(p.relative_to(ROOT)): words_of(p) for p in paths}
    return {p: words for p, words in found.items() if words}


def test_no_script_of_the_site_writes_a_dutch_sentence():
    assert len(SCRIPTS) > 15
    assert found_in(SCRIPTS, lambda p: [s for s in strings(p) if dutch(s)]) == {}


def test_the_check_finds_a_dutch_sentence(tmp_path):
    script = tmp_path / "x.js"
    script.write_text('// de uitleg mag hier\nvar a = "https://x.nl//y"; show("Het bestand is geopend.");\n',
                      encoding="utf-8")
    assert [s for s in strings(script) if dutch(s)] == ["Het bestand is geopend."]


def test_every_text_a_script_asks_for_is_in_its_block():
    missing = {}
    for path in SCRIPTS:
        block = CONTENT.teksten.blok(block_of(path))
        keys = set(_KEY.findall(code_of(path)))
        if keys - set(block):
            missing[str(path.relative_to(ROOT))] = sorted(keys - set(block))
    assert missing == {}


# Templates: text and the attributes a reader hears, with Jinja's comments
# and tags taken out (an expression leaves a mark that is no word).
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_JINJA_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
_JINJA_STRING = re.compile(r'"([^"\n]*)"|\'([^\'\n]*)\'')
_READER_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}
_WORD = re.compile(r"[^\W\d_]{2,}")


class _ReaderText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._code = 0

    def handle_starttag(self, tag, attrs):
        self._code += tag in ("script", "style")
        self.texts += [v for k, v in attrs if k in _READER_ATTRIBUTES and v]

    def handle_endtag(self, tag):
        self._code -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._code:
            self.texts.append(data)


def template_words(path: Path) -> list[str]:
    """What a template writes itself that a reader sees or hears: text and
    reader attributes with a word in them, and Jinja strings with Dutch."""
    source = _JINJA_COMMENT.sub("", path.read_text(encoding="utf-8"))
    jinja = [a or b for tag in _JINJA_TAG.findall(source) for a, b in _JINJA_STRING.findall(tag)]
    html = re.sub(r"(</?)\{\{.*?\}\}", r"\1x", source)  # <{{ tag }}> stays a tag
    parser = _ReaderText()
    parser.feed(_JINJA_TAG.sub(lambda m: "#" if m.group(0).startswith("{{") else "", html))
    return [" ".join(t.split()) for t in parser.texts if _WORD.search(t)] + \
        [s for s in jinja if reader_word(re.sub(r"<[^>]*>", " ", s))]


# A word as readers write it: capitalised ("Vragen") or with a Dutch accent
# ("interveniëren"). Ids, classes and keys are lowercase ASCII, so a single
# lowercase Dutch word in code goes unnoticed unless DUTCH_IN_CODE knows it.
_READER_WORD = re.compile(r"(?<![\w-])[A-ZÀ-Ý][a-zà-ÿ]+(?![\w-])|[a-z]*[à-ÿ][a-zà-ÿ]*")


def reader_word(text: str) -> bool:
    return dutch_in_code(text) or bool(_READER_WORD.search(text))


def test_no_template_writes_a_word_a_reader_sees():
    assert len(TEMPLATES) > 30
    assert found_in(TEMPLATES, template_words) == {}


def test_the_template_check_finds_a_dutch_word(tmp_path):
    template = tmp_path / "x.html"
    template.write_text('{# Vragen mag hier #}\n'
                        '<{{ tag }} class="rk-x" data-origin="toegevoegd">{{ t.key }}</{{ tag }}>\n'
                        '<h2>Vragen</h2><a href="#" aria-label="Naar de kaart">{{ icon("x") }}</a>\n'
                        '{% set LABEL = "Toegevoegd in de digitale versie" %}<script>var a = "b c";</script>\n'
                        '{{ r.x("rk-a rk-b", "<kbd>") }}{% set H = "Vragen" %}{{ x or "interveniëren" }}\n',
                        encoding="utf-8")
    assert template_words(template) == ["Vragen", "Naar de kaart", "Toegevoegd in de digitale versie",
                                        "Vragen", "interveniëren"]


def code_strings(path: Path) -> list[str]:
    """A module's string literals, docstrings left out, with HTML tags and
    macro calls written into pages (`{{ stap("id") }}`, also as a pattern)
    taken out of them: a class, a data-origin value or a macro's name is no
    reader's word."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [re.sub(r"<[^>]*>?|\{\{.*", " ", n.value.replace("\\{", "{")) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_no_rendering_code_writes_dutch():
    assert len(RENDERING) > 20
    assert found_in(RENDERING, lambda p: [s for s in code_strings(p) if dutch_in_code(s)]) == {}


def test_the_code_check_finds_a_dutch_sentence(tmp_path):
    module = tmp_path / "x.py"
    module.write_text('"""Een docstring mag Nederlands zijn."""\nKIND = "stap"\n'
                      'def f(n):\n    """Ook deze."""\n    raise ValueError(f"no step {n}")\n'
                      'HTML = f\'<p class="rk-x" data-origin="toegevoegd">Stap {KIND}</p>\'\n', encoding="utf-8")
    assert [s for s in code_strings(module) if dutch_in_code(s)] == [" Stap "]


# Content's schema: English messages that quote YAML ('van', telefoon: "..."),
# link patterns (stap:id) and the values a field may take (`Literal[...]`,
# whose words are content's) are no words the code writes.
_QUOTED_OR_KEY = re.compile(r"'[^']*'|\"[^\"]*\"|\b[a-z_]+:\S*")


def content_code_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = {id(n) for s in ast.walk(tree) if isinstance(s, ast.Subscript)
               and getattr(s.value, "id", "") == "Literal" for n in ast.walk(s.slice)}
    strings = [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    kept = {n.value for n in strings if id(n) not in allowed}
    return [_QUOTED_OR_KEY.sub(" ", s) for s in code_strings(path) if s in kept and not s.startswith("^")]


def test_no_content_code_writes_dutch():
    assert len(CONTENT_CODE) > 15
    assert found_in(CONTENT_CODE, lambda p: [s for s in content_code_strings(p) if dutch_in_code(s)]) == {}


def test_the_content_code_check_finds_a_dutch_default(tmp_path):
    module = tmp_path / "x.py"
    module.write_text('"""Een docstring."""\nfrom typing import Literal\nNIVEAU = Literal["nog geen maatregelen"]\n'
                      'PATTERN = "^(stap|partner):([a-z-]+)$"\n'
                      'ERROR = "give both \'van\' and \'tot\', like van: \\"17:00\\""\n'
                      'DEFAULT = "Er is nog geen tekst"\n', encoding="utf-8")
    assert [s for s in content_code_strings(module) if dutch_in_code(s)] == ["Er is nog geen tekst"]


def config_words(config: str, manifest: str) -> list[str]:
    """Reader's words written in mkdocs.yml (keys and values; comments left
    out) and in the manifest's JSON (its Jinja expressions are content's)."""
    def strings(value):
        if isinstance(value, dict):
            return [s for k, v in value.items() for s in [str(k), *strings(v)]]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return [value] if isinstance(value, str) else []
    manifest = re.sub(r"\{\{.*?\}\}", "null", _JINJA_COMMENT.sub("", manifest))
    found = strings(yaml.safe_load(config)) + strings(json.loads(manifest))
    return [s for s in found if reader_word(s) or " " in s.strip() and not _ID.match(s.replace(" ", ""))]


def test_mkdocs_yml_and_the_manifest_hold_no_reader_word():
    assert config_words((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                        (OVERRIDES / "manifest.webmanifest").read_text(encoding="utf-8")) == []


def test_the_config_check_finds_a_reader_word():
    config = "site_name: set-by-prepare\n# Een opmerking\nnav:\n  - nav_home: index.md\n  - De route:\n" \
             "      - stappen/einde.md\ncopyright: ©het CCV\n"
    manifest = '{# Jinja #}\n{"name": {{ config.site_name | tojson }}, "short_name": "Routekaart",\n' \
               ' "lang": "nl", "purpose": "any maskable"}\n'
    assert config_words(config, manifest) == ["De route", "©het CCV", "Routekaart"]
