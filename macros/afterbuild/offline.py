"""Make the built site work offline: a service worker that caches every file,
and a zip of the whole site that works when opened from disk.

Runs in on_post_build, after every step that adds files to the site and before
the link check, so the service worker's list and the zip hold the final files.
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

from markupsafe import escape

from ..nl import format_size
from ..sitefiles import HOST_FILES, SW_NAME, ZIP_FOLDER, ZIP_NAME
from .errors import AfterBuildError
from .prune import LUNR, search_files_needed

SW_TEMPLATE = Path(__file__).parent / "sw.js"
CACHE_PREFIX = "routekaart-"
# Source maps only help developers' tools; phones need not download them.
NOT_CACHED = (".map",)

# The page that offers the zip marks where its size goes; the zip's own copy of
# that page says it is the offline copy instead of offering itself.
SIZE_SLOT = re.compile(r'(<span class="rk-download__size" data-rk-zip-size>)(</span>)')
DOWNLOAD_BLOCK = re.compile(r'<div class="rk-download rk-notice" data-rk-download>.*?</div>', re.S)


def in_zip_note(sentence: str) -> str:
    """What the zip's copy of the offering page says instead (content's words:
    which version it is)."""
    return f'<div class="rk-download rk-notice" data-rk-download><p>{escape(sentence)}</p></div>'


def site_files(site: Path, search_langs: list[str]) -> list[str]:
    """Every file of the built site that a visitor may need, sorted, as paths
    relative to the site root."""
    search = search_files_needed(search_langs)
    files = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return sorted(
        f for f in files
        if f not in (ZIP_NAME, SW_NAME, *HOST_FILES) and not f.endswith(NOT_CACHED)
        and (not f.startswith(LUNR) or f in search)
    )


def write_search_script(site: Path) -> None:
    """Material's search reads search/search_index.js from file://. Its offline
    plugin writes that file only after us; write it now, in the same form, so
    the zip and the cache list have it."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        raise AfterBuildError(f"{index} is missing: the search plugin must run before the offline step")
    data = index.read_text(encoding="utf-8")
    (site / "search" / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


def write_zip(site: Path, files: list[str], zip_note: str) -> int:
    """Zip the files into routekaart-offline.zip; return its size in bytes.
    `zip_note` is what the zip's copy of the offline page says it holds."""
    note = in_zip_note(zip_note)
    target = site / ZIP_NAME
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for rel in files:
            path = site / rel
            arcname = f"{ZIP_FOLDER}/{rel}"
            if path.suffix == ".html":
                html = path.read_text(encoding="utf-8")
                zf.writestr(_zip_info(arcname), DOWNLOAD_BLOCK.sub(lambda _: note, html))
            else:
                zf.writestr(_zip_info(arcname), path.read_bytes())
    return target.stat().st_size


def _zip_info(name: str) -> zipfile.ZipInfo:
    # A fixed date keeps the zip the same for the same site.
    info = zipfile.ZipInfo(name, date_time=(2024, 11, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def show_zip_size(site: Path, size: int, text: str) -> None:
    """Write the zip's size into every page that offers it, as content's
    `text` says it ({grootte}: the size)."""
    if "{grootte}" not in text:
        raise AfterBuildError(f"the text for the zip's size has no {{grootte}}: {text!r}")
    shown = str(escape(text.replace("{grootte}", format_size(size))))
    found = False
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "data-rk-zip-size" not in html:
            continue
        new, count = SIZE_SLOT.subn(lambda m: m.group(1) + shown + m.group(2), html)
        if count == 0:
            raise AfterBuildError(f"{path}: the zip's size slot is malformed")
        path.write_text(new, encoding="utf-8")
        found = True
    if not found:
        raise AfterBuildError("no page offers the offline zip: the page with {{ offline() }} is missing")


def cache_prefix(edition: str | None) -> str:
    """The service worker's cache names: one edition among several on a host has its own."""
    return f"{CACHE_PREFIX}{edition}-" if edition else CACHE_PREFIX


def write_service_worker(site: Path, files: list[str], edition: str | None = None) -> str:
    """Write sw.js with the list of files and a cache name from their content;
    return the cache name."""
    prefix = cache_prefix(edition)
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode() + b"\0" + (site / rel).read_bytes() + b"\0")
    cache = prefix + digest.hexdigest()[:16]
    script = SW_TEMPLATE.read_text(encoding="utf-8")
    script = script.replace("__CACHE_NAME__", json.dumps(cache))
    script = script.replace("__CACHE_PREFIX__", json.dumps(prefix))
    script = script.replace("__FILES__", json.dumps(files, indent=0))
    (site / SW_NAME).write_text(script, encoding="utf-8")
    return cache


def make_offline(site: Path, search_langs: list[str], zip_note: str, zip_size: str,
                 edition: str | None = None) -> str:
    """The offline step of the build; returns the service worker's cache name.
    `edition`: the edition's name among several on one host (macros/editions.py)."""
    write_search_script(site)
    files = site_files(site, search_langs)
    show_zip_size(site, write_zip(site, files, zip_note), zip_size)
    return write_service_worker(site, files, edition)
