"""Fetch the search index when search is first used, not on every page load.

Material's bundle fetches `search/search_index.json` as a page starts, except
on file://, where it waits until the search field opens (its `search` toggle).
Two changes make it wait everywhere, so on a first visit the index (the
largest file a page would fetch) and the search worker's language files stay
on the server until someone searches:

- the search starts on the toggle alone, as it does on file://;
- highlighting the words searched for (`search.highlight`) reads the index
  only on a page opened from a search result (`?h=` in its address).

`assets/javascripts/iframe-worker-on-demand.js` starts the worker itself at
that moment too. Each change is one expression in Material's minified bundle;
a Material version without it stops the build, so an upgrade cannot silently
undo this. A host's cache holding the unchanged bundle only loads search sooner.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import AfterBuildError

MATERIAL_BUNDLE = "assets/javascripts/bundle.*.min.js"
MARK = "/*rk:search-on-first-use*/"
PATCHES = {
    # merge(of(location.protocol !== "file:"), watchToggle("search")): the
    # index goes to the worker once either is true. Now only the toggle counts.
    "the search start on http": (
        re.compile(r'\(location\.protocol!=="file:"\),([\w$]+\("search"\))'),
        lambda m: f"({MARK}!1),{m.group(1)}"),
    # feature("search.highlight") ? highlight(index$, location$) : EMPTY
    "the highlight of searched words": (
        re.compile(r'([\w$]+\("search\.highlight"\))\?'),
        lambda m: f'{m.group(1)}&&new URLSearchParams(location.search).get("h")?'),
}


def search_on_first_use(site: Path) -> None:
    bundles = sorted(Path(site).glob(MATERIAL_BUNDLE))
    if len(bundles) != 1:
        raise AfterBuildError(f"expected one Material bundle ({MATERIAL_BUNDLE}), found {len(bundles)}")
    bundle = bundles[0]
    code = bundle.read_text(encoding="utf-8")
    if MARK in code:
        return  # done already
    for name, (pattern, replacement) in PATCHES.items():
        code, count = pattern.subn(replacement, code)
        if count != 1:
            raise AfterBuildError(f"{bundle.name}: {name} was found {count} times, not once; "
                              "this Material version loads its search index differently")
    bundle.write_text(code, encoding="utf-8")
