"""Everything done to a built site, in order. It works on any built folder
and imports neither content nor rendering: what it needs from them (the
documents to add, the version's words) is handed in.
"""
from __future__ import annotations

from pathlib import Path

from .bundle import BundleError, bundle
from .defer import defer_scripts
from .headers import write_security_headers
from .linkcheck import check_links
from .offline import OfflineError, make_offline
from .prune import prune_search_files, search_languages
from .search import SearchError, search_on_first_use
from .securitytxt import write_security_txt


class AfterBuildError(Exception):
    pass


def write_files(site: Path, files: dict[str, bytes]) -> None:
    """Files made from content (the afsprakenkaart's documents)."""
    for rel, data in files.items():
        path = site / rel
        if path.exists() and path.read_bytes() == data:
            continue  # unchanged: `mkdocs serve` need not see a new file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def after_build(site: Path, *, files: dict[str, bytes], versie: str, css: list[str], js: list[str],
                strict: bool = True, security_contacts: list[str] = (), site_url: str | None = None,
                edition: str | None = None) -> None:
    """The steps, top to bottom. Each later step sees what the earlier ones
    made: the offline copy lists the final files, the headers hash the final
    pages, and the link check reads it all. `security_contacts`: the
    maintainer's addresses for security.txt (none: no file); `site_url`: the
    edition's public address; `edition`: its name among several editions on
    one host (macros/editions.py), which keeps their offline caches apart."""
    site = Path(site)
    write_files(site, files)
    langs = search_languages(site)
    prune_search_files(site, langs)
    try:
        search_on_first_use(site)
    except SearchError as exc:
        raise AfterBuildError(f"Search: {exc}") from None
    try:
        bundle(site, "css", css)
        bundle(site, "js", js)
    except BundleError as exc:
        raise AfterBuildError(f"Asset bundles: {exc}") from None
    # After the bundles, which find the theme's tags as it wrote them.
    defer_scripts(site)
    try:
        make_offline(site, langs, versie, edition)
    except OfflineError as exc:
        raise AfterBuildError(f"Offline build: {exc}") from None
    # After the offline step: these host files are not part of the offline copy.
    write_security_txt(site, list(security_contacts), site_url)
    write_security_headers(site)
    problems = check_links(site, strict=strict)
    if problems:
        raise AfterBuildError("Broken links in the built site:\n  " + "\n  ".join(problems))
