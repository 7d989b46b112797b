"""Every word a reader sees comes from content/: the components' scripts
carry no Dutch sentence of their own, and every text a script asks for by
key (`t("key")`) is in its block of content/teksten.yml."""
from __future__ import annotations

import re
from pathlib import Path

from macros.content import load_content
from support.project import ROOT

CONTENT = load_content(ROOT / "content")
OVERRIDES = ROOT / "overrides"
SCRIPTS = sorted(p for p in [*(OVERRIDES / "components").rglob("*.js"), *(OVERRIDES / "assets" / "javascripts").glob("*.js")])

# Small Dutch words that no English identifier, key, CSS class or file-format
# value of ours uses: a string literal holding one of them is a sentence.
DUTCH = {"de", "het", "een", "je", "jij", "jouw", "niet", "geen", "van", "naar", "op", "met", "voor", "is", "zijn",
         "wordt", "kan", "kun", "staat", "deze", "dit", "dat", "er", "ook", "nog", "bij", "om", "uit", "wat", "als"} \
    - {"is"}  # English too (a developer's console message)
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


def dutch(text: str) -> bool:
    if text in DATA:
        return False
    return bool(set(re.findall(r"[a-zà-ÿ]+", text.lower())) & DUTCH)


def block_of(path: Path) -> str:
    """The block of content/teksten.yml a script takes its words from: its
    component's, or the shared scripts' (`site`, also for a component's
    script that more pages use and that asks rk.texts(null))."""
    rel = path.relative_to(OVERRIDES)
    shared = rel.parts[0] != "components" or "rk.texts(null)" in code_of(path)
    return "site" if shared else rel.parts[1]


def test_no_script_of_the_site_writes_a_dutch_sentence():
    assert len(SCRIPTS) > 15
    found = {str(p.relative_to(ROOT)): [s for s in strings(p) if dutch(s)] for p in SCRIPTS}
    assert {p: s for p, s in found.items() if s} == {}


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
