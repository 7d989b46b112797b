"""MkDocs hook: serve the site's own stylesheets and scripts as one file each.

Every feature keeps its own CSS and JS file (listed in mkdocs.yml
`extra_css` / `extra_javascript`), but a page loads them as one bundle per
kind, named by a hash of its content: on a slow phone connection each extra
request costs a round trip and the security headers again. Order is kept;
scripts with `type`, `async` or `defer`, URLs of other origins and
stylesheets with `@import` stay separate. The separate files are still
built, for anything that refers to them by name.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.structure.files import File

CSS_BUNDLE = "assets/stylesheets/site.{hash}.css"
JS_BUNDLE = "assets/javascripts/site.{hash}.js"

_bundles: dict[str, str] = {}  # bundle path -> content, for on_files


def _source(config, path: str) -> Path | None:
    """Where a theme or docs file named in mkdocs.yml lives."""
    if "://" in path or path.startswith("/"):
        return None
    for folder in [*config.theme.dirs, config.docs_dir]:
        candidate = Path(folder) / path
        if candidate.is_file():
            return candidate
    return None


def _plain_script(entry) -> str | None:
    """The path of an extra_javascript entry that can join the bundle."""
    if isinstance(entry, str):
        return entry
    if getattr(entry, "type", "") or getattr(entry, "async_", False) or getattr(entry, "defer", False):
        return None
    return str(entry.path)


def _bundle(config, entries: list, name: str, separator: str, path_of, can_join) -> list:
    """Entries with the joinable ones replaced, in place of the first, by one bundle."""
    joined, parts, first = [], [], None
    for i, entry in enumerate(entries):
        path = path_of(entry)
        source = _source(config, path) if path else None
        text = source.read_text(encoding="utf-8") if source else None
        if text is None or not can_join(text):
            continue
        joined.append(i)
        parts.append(f"/* {path} */\n{text.strip()}\n")
        first = i if first is None else first
    if len(joined) < 2:
        return entries
    content = separator + separator.join(parts)
    bundle = name.format(hash=hashlib.sha256(content.encode("utf-8")).hexdigest()[:8])
    _bundles[bundle] = content
    result = []
    for i, entry in enumerate(entries):
        if i == first:
            result.append(bundle)
        elif i not in joined:
            result.append(entry)
    return result


def on_config(config):
    _bundles.clear()
    config.extra_css = _bundle(config, list(config.extra_css), CSS_BUNDLE, "\n",
                               path_of=lambda e: e, can_join=lambda text: "@import" not in text)
    # A lone ';' ends any "use strict" prologue, so no file changes the next.
    config.extra_javascript = _bundle(config, list(config.extra_javascript), JS_BUNDLE, ";\n",
                                      path_of=_plain_script, can_join=lambda text: True)
    return config


def on_files(files, config):
    for path, content in _bundles.items():
        files.append(File.generated(config, path, content=content))
    return files
