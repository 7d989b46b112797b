"""Serve the site's own stylesheets and scripts as one file each.

Every feature keeps its own CSS and JS file (listed in mkdocs.yml
`extra_css` / `extra_javascript`), but a page loads them as one bundle per
kind, named by a hash of its content: on a slow phone connection each extra
request costs a round trip and the security headers again. Order is kept;
stylesheets with `@import` stay separate, and so does a script that is not
loaded by a plain `<script src>` tag (type, async, defer). The separate files
stay in the site, for anything that refers to them by name. The bundles are
minified (rcssmin, rjsmin: comments and spaces out, nothing renamed), which
saves about a third of their bytes on the wire.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import rcssmin
import rjsmin

from .errors import AfterBuildError

CSS_BUNDLE = "assets/stylesheets/site.{hash}.css"
JS_BUNDLE = "assets/javascripts/site.{hash}.js"


def _tag(kind: str, href: str) -> str:
    if kind == "css":
        return f'<link rel="stylesheet" href="{href}">'
    return f'<script src="{href}"></script>'


def _joinable(site: Path, kind: str, paths: list[str]) -> list[str]:
    joined = []
    for path in paths:
        file = site / path
        if "://" in path or path.startswith("/") or not file.is_file():
            continue
        if kind == "css" and "@import" in file.read_text(encoding="utf-8"):
            continue
        joined.append(path)
    return joined


_ON_PAGE = re.compile(r"""rk\.onPage\(\s*["']([^"']+)["']""")
# A component that calls another component's code says so in its script, on a
# line of its own: `// needs: afsprakenkaart` (the bespreken page checks cards
# with the afsprakenkaart's own code). Pages with the first get both.
_NEEDS = re.compile(r"^//\s*needs:\s*([\w -]+)$", re.M)
_COMPONENT = re.compile(r"^components/([^/]+)/")


def _features(site: Path, parts: list[str]) -> dict[str, list[str]]:
    """Script -> the selectors of the markup it is needed for: its own
    component's (from the component's `rk.onPage("selector", ...)` calls) and
    those of every component that needs it. A component's scripts are needed
    only on pages with that markup; shared scripts, and components that start
    without rk.onPage, are needed everywhere."""
    selectors: dict[str, list[str]] = {}
    needs: dict[str, set[str]] = {}
    for part in parts:
        component = _COMPONENT.match(part)
        if component:
            text = (site / part).read_text(encoding="utf-8")
            selectors.setdefault(component.group(1), []).extend(_ON_PAGE.findall(text))
            for names in _NEEDS.findall(text):
                needs.setdefault(component.group(1), set()).update(names.split())
    for user, used in needs.items():
        for name in sorted(used):
            if name not in selectors:
                raise AfterBuildError(f"components/{user}: needs '{name}', which has no scripts in the bundle")
            selectors[name] = selectors[name] + [s for s in selectors[user] if s not in selectors[name]]
    return {part: selectors[m.group(1)] for part in parts
            if (m := _COMPONENT.match(part)) and selectors[m.group(1)]}


def _on_page(html: str, selector: str, script: str) -> bool:
    if re.fullmatch(r"#[\w-]+", selector):
        return re.search(rf'\sid="{re.escape(selector[1:])}"', html) is not None
    if re.fullmatch(r"\[[\w-]+\]", selector):
        return re.search(rf"\s{re.escape(selector[1:-1])}(?=[\s=>/])", html) is not None
    if re.fullmatch(r"\.[\w-]+", selector):
        return re.search(rf'\sclass="[^"]*(?<![\w-]){re.escape(selector[1:])}(?![\w-])', html) is not None
    raise AfterBuildError(f"{script}: cannot tell which pages use {selector!r}; "
                      "start a component on '#id', '.class' or '[attribute]'")


def _write(site: Path, kind: str, parts: list[str]) -> str:
    # A lone ';' ends any "use strict" prologue, so no script changes the next.
    separator = "\n" if kind == "css" else ";\n"
    joined = separator + separator.join(
        f"/* {p} */\n{(site / p).read_text(encoding='utf-8').strip()}\n" for p in parts)
    content = rcssmin.cssmin(joined) if kind == "css" else rjsmin.jsmin(joined)
    name = (CSS_BUNDLE if kind == "css" else JS_BUNDLE).format(
        hash=hashlib.sha256(content.encode("utf-8")).hexdigest()[:8])
    (site / name).write_text(content, encoding="utf-8")
    return name


def bundle(site: Path, kind: str, paths: list[str]) -> list[str]:
    """Join the site's own files of one kind ("css" or "js") into hashed
    bundles and make every page load its bundle in place of the first file;
    returns the bundles' paths (none when there is nothing to join).

    There is one stylesheet bundle. Scripts of a component
    (`components/<name>/`) join a page's bundle only when the page has that
    component's markup: the route's pages do not download the walk's or the
    afsprakenkaart's code. Pages with the same scripts share a bundle."""
    parts = _joinable(site, kind, paths)
    if len(parts) < 2:
        return []
    features = _features(site, parts) if kind == "js" else {}
    written: dict[tuple[str, ...], str] = {}
    attr = "href" if kind == "css" else "src"
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        html = page.read_text(encoding="utf-8")
        # Pages refer to assets relative to themselves ("../assets/...");
        # the 404 page from the site root ("/assets/..."): take its own way.
        first = re.search(rf'{attr}="([^"]*){re.escape(parts[0])}"', html)
        if not first:
            continue  # a page without the theme (a redirect, a fragment)
        prefix = first.group(1)
        href = (lambda p: prefix + p)
        tags = [_tag(kind, href(p)) for p in parts]
        missing = [t for t in tags if t not in html]
        if missing:
            raise AfterBuildError(f"{rel}: loads {tags[0]} but not {missing[0]}")
        used = tuple(p for p in parts
                     if p not in features or any(_on_page(html, sel, p) for sel in features[p]))
        if used not in written:
            written[used] = _write(site, kind, list(used))
        html = html.replace(tags[0], _tag(kind, href(written[used])), 1)
        # Each tag is one item of the theme's loop: the line it is on and the
        # indentation after it. Taking both leaves the page as the theme
        # renders it with the bundle alone.
        for tag in tags[1:]:
            html = re.sub(r"\n[ \t]*" + re.escape(tag) + r"\n[ \t]*", "", html, count=1)
        page.write_text(html, encoding="utf-8")
    return sorted(set(written.values()))
