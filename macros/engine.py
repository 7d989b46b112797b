"""The one place that knows the site engine (MkDocs with mkdocs-macros).

Everything engine-specific goes through here: where the configuration is, the
settings the build needs from it, and the page being rendered. Another engine
(Zensical reads the same mkdocs.yml) needs a new version of this file only.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG_FILE = "mkdocs.yml"
CONTENT_DIR_DEFAULT = "content"


@dataclass(frozen=True)
class Settings:
    project: Path          # the folder with the configuration file
    content_dir: Path
    docs_dir: Path
    css: list[str]         # the site's own stylesheets, in order
    js: list[str]          # the site's own plain scripts, in order
    strict: bool
    copyright: str | None


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
    )


def settings_from_config(conf) -> Settings:
    """From MkDocs' loaded configuration (inside a build)."""
    return _settings(Path(conf["config_file_path"]).parent, conf)


def settings_from_file(path: Path) -> Settings:
    """From the configuration file itself (outside a build: the command)."""
    path = Path(path)
    return _settings(path.parent, yaml.safe_load(path.read_text(encoding="utf-8")))


def runs_after_build() -> bool:
    """False when asked to build the pages only, as an engine without our
    hook would (ROUTEKAART_PAGES_ONLY=1): then `python -m macros.build` does
    the rest."""
    return os.environ.get("ROUTEKAART_PAGES_ONLY") != "1"


def current_page(env) -> str:
    """The docs/ path of the page being rendered, e.g. 'stappen/bericht-duiden.md'."""
    return env.page.file.src_uri
