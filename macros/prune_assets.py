"""MkDocs hook: leave out the theme files this site never loads.

Material ships search support for some 30 languages (wordcut.js alone is
660 KB). The search worker loads only `lunr.stemmer.support`, the file of
each configured language other than English, and `lunr.multi` when there is
more than one. Every file left out is one the offline copy does not store.
"""
from __future__ import annotations

import posixpath

LUNR = "assets/javascripts/lunr/"


def needed_lunr_files(languages: list[str]) -> set[str]:
    files = {"min/lunr.stemmer.support.min.js"}
    files |= {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    if len(languages) > 1:
        files.add("min/lunr.multi.min.js")
    if "ja" in languages:
        files.add("tinyseg.js")
    if {"hi", "th"} & set(languages):
        files.add("wordcut.js")
    return {LUNR + f for f in files}


def search_languages(config) -> list[str]:
    search = config["plugins"].get("material/search") or config["plugins"].get("search")
    if search is None:
        return []
    lang = search.config.lang or ["en"]
    return [lang] if isinstance(lang, str) else list(lang)


def on_files(files, config):
    needed = needed_lunr_files(search_languages(config))
    for file in list(files):
        path = posixpath.normpath(file.src_uri)
        if path.startswith(LUNR) and path not in needed:
            files.remove(file)
    return files
