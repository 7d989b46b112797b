"""Read what a built page says from its HTML, without a browser: for tests
that only check text, structure or links, not how a page looks or behaves."""
from __future__ import annotations

import functools
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import HtmlElement

# Elements whose text the browser sets apart from the text around them.
BLOCKS = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
          "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"}
NO_TEXT = {"script", "style", "template", "noscript"}


@functools.cache
def _parse(path: Path) -> HtmlElement:
    return lxml_html.fromstring(path.read_bytes())


def page(site_dir: Path, path: str) -> HtmlElement:
    """The parsed page `path` of the built site (parsed once per session)."""
    return _parse(Path(site_dir) / path)


def with_class(name: str, tag: str = "*") -> str:
    """An XPath step for elements that have the class `name`."""
    return f"{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


def find(root: HtmlElement, xpath: str) -> list[HtmlElement]:
    """Elements under `root` at `xpath`, relative to it: find(page, f"//{with_class('rk-question')}")."""
    return root.xpath("." + xpath if xpath.startswith("/") else xpath)


def the(elements: list[HtmlElement]) -> HtmlElement:
    """The one element found (a page shows it once)."""
    assert len(elements) == 1, f"found {len(elements)}"
    return elements[0]


def text(element: HtmlElement) -> str:
    """The element's text as a reader gets it, whitespace squashed: blocks are
    apart, and scripts, styles and elements marked `hidden` are left out."""
    parts: list[str] = []

    def walk(el):
        if isinstance(el.tag, str) and el.tag not in NO_TEXT and el.get("hidden") is None:
            block = el.tag in BLOCKS
            parts.append(" " if block else "")
            parts.append(el.text or "")
            for child in el:
                walk(child)
            parts.append(" " if block else "")
        parts.append(el.tail or "")

    parts.append(element.text or "")
    for child in element:
        walk(child)
    return " ".join("".join(parts).split())
