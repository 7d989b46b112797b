"""MkDocs hook: leave out the theme files this site never loads.

Material ships search support for some 30 languages (wordcut.js alone is
660 KB). The search worker loads only the files of the configured languages
(see `search_files_needed`). Every file left out is one the offline copy
does not store. The offline step (macros/offline.py) uses the same rule.
"""
from __future__ import annotations

import posixpath

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


def search_languages(config) -> list[str]:
    """The languages Material's search plugin settled on (it fills in a default)."""
    for name, plugin in config["plugins"].items():
        if name.split("/")[-1] == "search":
            return list(plugin.config.lang or [])
    return []


def on_files(files, config):
    needed = search_files_needed(search_languages(config))
    for file in list(files):
        path = posixpath.normpath(file.src_uri)
        if path.startswith(LUNR) and path not in needed:
            files.remove(file)
    return files
