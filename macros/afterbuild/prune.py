"""Leave out the theme files this site never loads.

Material ships search support for some 30 languages (wordcut.js alone is
660 KB). The search worker loads only the files of the configured languages
(see `search_files_needed`), which the built search index names. Every file
left out is one the offline copy does not store.
"""
from __future__ import annotations

import json
from pathlib import Path

LUNR = "assets/javascripts/lunr/"


def search_files_needed(langs: list[str]) -> set[str]:
    """The files under assets/javascripts/lunr/ that Material's search worker
    loads for the site's search languages (as its worker's importScripts does:
    nothing for English alone). The others, half the size of the site, serve
    languages this site has not."""
    needed = {f"min/lunr.{lang}.min.js" for lang in langs if lang != "en"}
    if len(langs) > 1:
        needed.add("min/lunr.multi.min.js")
    if "ja" in langs:
        needed.add("tinyseg.js")
    if {"hi", "th"} & set(langs):
        needed.add("wordcut.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    return {LUNR + name for name in needed}


def search_languages(site: Path) -> list[str]:
    """The languages the built search index was made for."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return []
    return list(json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", []))


def prune_search_files(site: Path, langs: list[str]) -> None:
    needed = search_files_needed(langs)
    folder = site / LUNR
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.relative_to(site).as_posix() not in needed:
            path.unlink()
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
