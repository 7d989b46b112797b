"""Check every internal link and anchor in the built site, and that no page
loads anything from another origin.

MkDocs validates links written in Markdown only; most of this site's links are
rendered by macros as HTML. This reads the built HTML instead, so it sees all
of them. Problems are MkDocs warnings, and stop a `--strict` build.
"""
from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

log = logging.getLogger("mkdocs.plugins.routekaart")

# Attributes that make the browser fetch something when the page loads.
_LOADING = {("script", "src"), ("link", "href"), ("img", "src"), ("source", "src"),
            ("iframe", "src"), ("video", "src"), ("audio", "src"), ("object", "data")}


@dataclass
class PageLinks:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)      # <a href>
    loads: list[str] = field(default_factory=list)      # fetched on load


class _Parser(HTMLParser):
    def __init__(self, page: PageLinks):
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.page.ids.add(attrs[name])
        if tag == "a" and attrs.get("href") is not None:
            self.page.links.append(attrs["href"])
        for t, attr in _LOADING:
            if tag == t and attrs.get(attr):
                if tag == "link" and attrs.get("rel") not in ("stylesheet", "icon", "manifest",
                                                               "preload", "modulepreload"):
                    continue
                self.page.loads.append(attrs[attr])


def parse_site(site: Path) -> dict[str, PageLinks]:
    """Links and ids of every HTML page, keyed by path relative to the site."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = PageLinks()
        _Parser(page).feed(path.read_text(encoding="utf-8", errors="replace"))
        pages[path.relative_to(site).as_posix()] = page
    return pages


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """(site path, anchor) an internal href points to; None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    path = unquote(parts.path)
    if path.startswith("/"):  # 404.html links from the site root
        target = path.lstrip("/") or "."
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if path.endswith("/") or target == ".":
        target = posixpath.join(target, "index.html")
    return posixpath.normpath(target), unquote(parts.fragment)


def find_problems(site: Path) -> list[str]:
    pages = parse_site(site)
    problems = []
    for page, info in pages.items():
        for href in info.loads:
            if resolve(page, href) is None and not href.startswith("data:"):
                problems.append(f"{page}: loads '{href}' from another origin")
        for href in info.links:
            target = resolve(page, href)
            if target is None:
                continue
            path, anchor = target
            if path.startswith(".."):
                problems.append(f"{page}: link '{href}' leaves the site")
                continue
            if not (site / path).exists():
                problems.append(f"{page}: link '{href}' points to missing '{path}'")
                continue
            if (site / path).is_dir():
                path = posixpath.join(path, "index.html")
            if anchor and path.endswith(".html"):
                if anchor not in pages.get(path, PageLinks()).ids:
                    problems.append(f"{page}: link '{href}' points to missing anchor '#{anchor}' in {path}")
    return problems


def check_links(site: Path, strict: bool) -> list[str]:
    """Log every problem; in strict mode also return them, so the caller stops
    the build even when `-q` hides warnings from MkDocs' own counter."""
    problems = find_problems(site)
    for problem in problems:
        log.warning(problem)
    return problems if strict else []
