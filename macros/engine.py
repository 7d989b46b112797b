"""The one place that knows the site engine (MkDocs with mkdocs-macros).

Everything engine-specific goes through here: where the configuration is, the
settings the build needs from it, and the page being rendered. Another engine
(Zensical reads the same mkdocs.yml) needs a new version of this file only.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG_FILE = "mkdocs.yml"
CONTENT_DIR_DEFAULT = "content"
# The edition's file when it is not content/regio.yml: set by the command that
# builds several editions at once (macros/editions.py), one build each.
EDITION_ENV = "ROUTEKAART_EDITIE"
# The public address of an edition whose file sets no site_url (that command's --base-url).
SITE_URL_ENV = "ROUTEKAART_SITE_URL"


class EngineError(Exception):
    pass


@dataclass(frozen=True)
class Settings:
    project: Path          # the folder with the configuration file
    content_dir: Path
    docs_dir: Path
    css: list[str]         # the site's own stylesheets, in order
    js: list[str]          # the site's own plain scripts, in order
    strict: bool
    copyright: str | None
    region_file: Path | None = None  # see EDITION_ENV


def _script_path(entry) -> str | None:
    """The path of an extra_javascript entry loaded by a plain <script src>."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict):  # as written in mkdocs.yml
        special = entry.get("type") or entry.get("async") or entry.get("defer")
        return None if special else str(entry["path"])
    special = getattr(entry, "type", "") or getattr(entry, "async_", False) or getattr(entry, "defer", False)
    return None if special else str(entry.path)


def _settings(project: Path, conf) -> Settings:
    extra = conf.get("extra") or {}
    return Settings(
        project=project,
        content_dir=project / extra.get("content_dir", CONTENT_DIR_DEFAULT),
        docs_dir=project / conf.get("docs_dir", "docs"),
        css=[str(p) for p in conf.get("extra_css") or []],
        js=[p for p in map(_script_path, conf.get("extra_javascript") or []) if p],
        strict=bool(conf.get("strict", False)),
        copyright=conf.get("copyright"),
        region_file=Path(os.environ[EDITION_ENV]) if os.environ.get(EDITION_ENV) else None,
    )


def settings_from_config(conf) -> Settings:
    """From MkDocs' loaded configuration (inside a build)."""
    return _settings(Path(conf["config_file_path"]).parent, conf)


def settings_from_file(path: Path) -> Settings:
    """From the configuration file itself (outside a build: the command)."""
    path = Path(path)
    return _settings(path.parent, yaml.safe_load(path.read_text(encoding="utf-8")))


def write_pages(docs_dir: Path, pages: dict[str, str], generated: re.Pattern) -> None:
    """Write generated docs/ pages, each only when its text changed (so
    `mkdocs serve` does not rebuild forever), before the engine reads docs/.
    A page that `generated` recognises as made here but that content no longer
    asks for (a step or phenomenon taken out) is removed."""
    for folder in {(docs_dir / rel).parent for rel in pages}:
        for path in folder.glob("*.md"):
            rel = path.relative_to(docs_dir).as_posix()
            if rel not in pages and generated.fullmatch(path.read_text(encoding="utf-8")):
                path.unlink()
    for rel, text in pages.items():
        path = docs_dir / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def extend_nav(conf, anchor: str, pages: list[str], before: bool) -> None:
    """Put generated pages into the navigation of mkdocs.yml, in the section
    that lists `anchor`, just before or after it."""
    def visit(items: list) -> bool:
        for i, item in enumerate(items):
            if item == anchor:
                items[i:i] = pages if before else []
                if not before:
                    items[i + 1:i + 1] = pages
                return True
            if isinstance(item, dict) and any(isinstance(v, list) and visit(v) for v in item.values()):
                return True
        return False

    if not visit(conf["nav"]):
        raise ValueError(f"mkdocs.yml: the nav has no '{anchor}' to put {pages[0]} and the like beside")


def set_site_url(conf, url: str | None) -> None:
    """The edition's public address (else the one the command gives): MkDocs
    writes it into the sitemap, every page's canonical link and the 404
    page's links (set before the pages are made)."""
    url = url or os.environ.get(SITE_URL_ENV)
    if url:
        conf["site_url"] = url


def build_in_process(config_file: Path, site_dir: Path, env: dict[str, str]) -> None:
    """One whole build (`mkdocs build --strict`, with the after-build steps)
    in this process, with `env` set: several editions in a row share the
    imports and the engine's start-up. Raises EngineError with MkDocs' message."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        build(load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True))
    except MkDocsException as exc:
        raise EngineError(str(exc)) from None
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def set_theme_labels(conf, labels: dict[str, str]) -> None:
    """The theme's labels that overrides/partials/languages/custom.html reads
    from the configuration: set before any plugin, as Material's search
    plugin asks the language partial for labels in its own on_config."""
    conf.setdefault("extra", {})["rk_theme_labels"] = dict(labels)


NAV_KEY = "nav_"  # mkdocs.yml names a menu title by its key in content/teksten.yml `config`


def set_site_words(conf, words: dict[str, str], copyright: str) -> None:
    """The site's name, description and copyright line, the menu's titles and
    the home-screen app's words (overrides/manifest.webmanifest) from content:
    set before any plugin or template reads them. A menu title mkdocs.yml
    names by a key the content lacks is a mistake."""
    conf["site_name"] = words["site_name"]
    conf["site_description"] = words["site_description"]
    conf["copyright"] = copyright
    conf.setdefault("extra", {})["rk_app"] = {k: v for k, v in words.items() if k.startswith("app_")}

    def titled(item):
        if isinstance(item, list):
            return [titled(i) for i in item]
        if not isinstance(item, dict):
            return item
        return {_title(k, words): titled(v) for k, v in item.items()}

    conf["nav"] = titled(conf["nav"])


def _title(key: str, words: dict[str, str]) -> str:
    if not key.startswith(NAV_KEY):
        return key
    if key not in words:
        raise ValueError(f"mkdocs.yml: the nav's title '{key}' is not in content/teksten.yml config")
    return words[key]


def add_stylesheet(conf, path: str) -> None:
    """A stylesheet that the after-build step writes, linked from every page after the others."""
    if path not in conf["extra_css"]:
        conf["extra_css"].append(path)


def runs_after_build() -> bool:
    """False when asked to build the pages only, as an engine without our
    hook would (ROUTEKAART_PAGES_ONLY=1): then `python -m macros.build` does
    the rest."""
    return os.environ.get("ROUTEKAART_PAGES_ONLY") != "1"


def current_page(env) -> str:
    """The docs/ path of the page being rendered, e.g. 'stappen/bericht-duiden.md'."""
    return env.page.file.src_uri
