"""Every repository path the documentation names exists: in any Markdown file
(whole text) and in the comments and docstrings of the code (Python, JavaScript,
CSS, templates, YAML, TOML, requirements.txt, the Makefile and shell
scripts).

A path counts when it starts with one of the repository's top-level folders
(`macros/`, `tests/`, `overrides/`, `content/`, ...) or with `support/` (the
tests' helpers, imported from tests/). Addresses inside the built site
(`stappen/intervenieren.html`, `components/walk/walk.js`, `assets/...`) are
not repository paths and are left alone; so are web addresses. `<name>` and
`*` stand for any name: at least one file must match. The repository is what
git tracks plus new files it does not ignore: a generated step page
(docs/stappen/) or the built site does not count; name those by pattern
(`docs/stappen/*.md`). No browser."""
from __future__ import annotations

import ast
import io
import re
import subprocess
import tokenize
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

import pytest

from support.project import ROOT

# Files the project names on purpose although a checkout does not hold them.
ABSENT_ON_PURPOSE = {
    "content/regio.yml": "a regional edition adds it (README.md, content/README.md)",
    "bench/node_modules/": "installed by `make bench`",
    "bench/node_modules/.installed": "the Makefile's stamp after `npm ci`",
    "content/edities/*.yml": "the editions built together; none in the repository (content/edities/README.md)",
}

# Where a short form starts.
ALIASES = {"support/": "tests/support/"}

COMMENTS_OF = {
    ".js": [r"/\*.*?\*/", r"(?<![:\w\\])//[^\n]*"],
    ".css": [r"/\*.*?\*/"],
    ".html": [r"<!--.*?-->", r"\{#.*?#\}"],
    ".yml": [r"(?:^|(?<=\s))#[^\n]*"],
    ".yaml": [r"(?:^|(?<=\s))#[^\n]*"],
    ".toml": [r"(?:^|(?<=\s))#[^\n]*"],
    ".gitignore": [r"(?m)^#[^\n]*"],
    ".txt": [r"(?m)^\s*#[^\n]*"],
}
HASH_COMMENTS = [r"(?:^|(?<=\s))#[^\n]*"]  # Makefile and scripts without an extension


@cache
def repository_files() -> tuple[str, ...]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return tuple(sorted(name for name in listed.split("\0") if name and (ROOT / name).is_file()))


@cache
def repository_paths() -> frozenset[str]:
    """Every file, and every folder with a trailing slash."""
    paths = set()
    for name in repository_files():
        paths.add(name)
        parts = name.split("/")
        paths.update("/".join(parts[:i]) + "/" for i in range(1, len(parts)))
    return frozenset(paths)


def path_pattern() -> re.Pattern:
    tops = sorted({p.split("/")[0] for p in repository_paths() if p.endswith("/") and p.count("/") == 1}
                  | {alias.rstrip("/") for alias in ALIASES})
    starts = "|".join(re.escape(top) for top in tops)
    # Not inside a longer path or an address (`x/tests/`, `https://.../tests/`).
    return re.compile(rf"(?<![\w./:<>*-])(?:{starts})/[\w./*<>-]*")


def clean(token: str) -> str:
    """The path a token in prose means: without an ellipsis or the sentence's full stop."""
    return token.removesuffix("...").rstrip(".")


def exists(path: str) -> bool:
    for short, full in ALIASES.items():
        if path.startswith(short):
            path = full + path[len(short):]
    pattern = re.sub(r"<[^>]*>", "*", path)
    if any(fnmatchcase(pattern, absent) or fnmatchcase(pattern + "/", absent) for absent in ABSENT_ON_PURPOSE):
        return True
    paths = repository_paths()
    if "*" in pattern:
        return any(fnmatchcase(p, pattern) for p in paths)
    return path in paths or path + "/" in paths


def python_comments(text: str) -> list[str]:
    found = [t.string for t in tokenize.generate_tokens(io.StringIO(text).readline)
             if t.type == tokenize.COMMENT]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                found.append(docstring)
    return found


def documentation(path: Path) -> list[str]:
    """The parts of a file that are documentation."""
    suffix = path.suffix if path.suffix else path.name
    if suffix == ".md":
        return [path.read_text(encoding="utf-8")]
    if suffix == ".py":
        return python_comments(path.read_text(encoding="utf-8"))
    if suffix in COMMENTS_OF:
        patterns = COMMENTS_OF[suffix]
    elif path.name == "Makefile" or (not path.suffix and path.read_bytes().startswith(b"#!")):
        patterns = HASH_COMMENTS
    else:
        return []
    text = path.read_text(encoding="utf-8")
    return [m.group(0) for pattern in patterns for m in re.finditer(pattern, text, re.DOTALL | re.MULTILINE)]


def missing_paths(files: list[Path]) -> dict[str, list[str]]:
    """Per file, the repository paths its documentation names that do not exist."""
    pattern = path_pattern()
    missing: dict[str, list[str]] = {}
    for file in files:
        for part in documentation(file):
            for token in pattern.findall(part):
                path = clean(token)
                if not exists(path):
                    name = file.relative_to(ROOT).as_posix() if file.is_relative_to(ROOT) else file.name
                    missing.setdefault(name, []).append(path)
    return missing


def test_every_repository_path_in_the_docs_and_comments_exists():
    assert missing_paths([ROOT / name for name in repository_files()]) == {}


@pytest.mark.parametrize("kind, name, text", [
    ("Markdown", "NOTE.md", "See `macros/render/nergens.py`."),
    ("Markdown", "NOTE.md", "The folder tests/verdwenen/ holds them."),
    ("Markdown", "NOTE.md", "Helpers in support/weg.py."),
    ("Python comment", "note.py", "# see overrides/components/weg/weg.js\nx = 1\n"),
    ("Python docstring", "note.py", '"""Built by macros/afterbuild/weg.py."""\n'),
    ("JavaScript comment", "note.js", "// words in content/weg.yml\nlet x = 1;\n"),
    ("CSS comment", "note.css", "/* drawn by macros/templates/weg.html */\na { color: red; }\n"),
    ("template comment", "note.html", "{# rendered by macros/weg.py #}<p></p>\n"),
    ("YAML comment", "note.yml", "a: 1  # checked in macros/model.py\n"),
    ("a pattern no file matches", "NOTE.md", "Every `content/*.weg` file."),
])
def test_a_path_that_does_not_exist_is_found(tmp_path, kind, name, text):
    """The rule finds a wrong path in each kind of file it reads."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    found = missing_paths([tmp_path / name])
    assert len(found.get(name, [])) == 1, f"{kind}: {found}"


@pytest.mark.parametrize("text", [
    "Open `stappen/intervenieren.html` or https://example.org/tests/x.py.",
    "Each `overrides/components/<name>/` folder; every `content/*.yml` file; `docs/stappen/*.md`.",
    "Its helpers: support/sweep.py, tests/support/, macros/render/pages.py.",
    "A regional edition adds `content/regio.yml`.",
])
def test_addresses_patterns_and_existing_paths_pass(tmp_path, text):
    (tmp_path / "NOTE.md").write_text(text, encoding="utf-8")
    assert missing_paths([tmp_path / "NOTE.md"]) == {}


def test_markdown_headings_go_down_one_level_at_a_time():
    """One title, and no level skipped, so a newcomer skimming sees the
    outline the text means. The site's pages (docs/) get their title from
    front matter; axe checks their outline in the browser."""
    wrong = {}
    for name in repository_files():
        if not name.endswith(".md") or name.startswith("docs/"):
            continue
        text = re.sub(r"(?ms)^```.*?^```", "", (ROOT / name).read_text(encoding="utf-8"))
        levels = [len(m.group(1)) for m in re.finditer(r"(?m)^(#{1,6}) ", text)]
        if levels and (levels.count(1) != 1 or levels[0] != 1
                       or any(b > a + 1 for a, b in zip(levels, levels[1:]))):
            wrong[name] = levels
    assert wrong == {}


# What shows that code works on Material's output: its name, its page
# observable, its class names, its storage keys.
MATERIAL = re.compile(r"Material|document\$|\bmd-[a-z]|__md_")


def test_moving_to_another_engine_names_every_file_that_depends_on_material():
    """The theme reaches its end of life; macros/README.md's list of what a
    new engine breaks is complete for code (Python, JavaScript, templates;
    the stylesheets are named there by folder)."""
    readme = (ROOT / "macros" / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Moving to another engine"):]
    code = [name for name in repository_files()
            if name.startswith(("macros/", "overrides/")) and name.endswith((".py", ".js", ".html"))
            and "/vendor/" not in name and not Path(name).name.startswith("test_")]
    depending = [name for name in code if MATERIAL.search((ROOT / name).read_text(encoding="utf-8"))]
    assert "macros/afterbuild/search.py" in depending
    assert [name for name in depending if f"`{name}`" not in section] == []
