"""Render content into HTML for the pages in docs/.

Templates live in macros/render/templates/ and are autoescaped: text from
YAML lands in HTML as text. The only markup content may carry is **vet**,
*cursief* and [label](soort:id) links, which `Renderer.text` turns into HTML
after escaping.
"""
from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup, escape

from ..content import EINDE, LINK, Content, fill, linked
from .begrippen import TermMarker
from .icons import icon
from .slides import slide_parts
from .urls import doc_path, relative_url

TEMPLATES = Path(__file__).parent / "templates"
# Interactive features keep their template beside their style, script and
# tests, one folder each, in the theme (overrides/components/<name>/).
COMPONENTS = Path(__file__).resolve().parents[2] / "overrides" / "components"

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")

_env = Environment(
    loader=FileSystemLoader([TEMPLATES, *sorted(p for p in COMPONENTS.iterdir() if p.is_dir())]),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["icon"] = icon
_env.globals["linked"] = linked
_env.globals["slide_parts"] = slide_parts


def as_sentence(value: str) -> str:
    """A text as the end of a sentence: a full stop, unless it ends in one
    already or in a question or exclamation mark ("Interveniëren?")."""
    return value if value.rstrip().endswith((".", "?", "!")) else f"{value}."


_env.filters["as_sentence"] = as_sentence


def fill_html(text: str, **values) -> Markup:
    """A text of content/teksten.yml with its placeholders filled in, as HTML:
    the text and plain values escaped, markup values (a <time>) kept."""
    return Markup(fill(str(escape(text)), **{k: escape(v) for k, v in values.items()}))


_env.filters["fill"] = fill_html


class Renderer:
    """Renders content for one page: links are relative to that page.

    `anchors` maps docs/ pages to the ids of the sections that hold them on
    this page (the handout): links to those pages stay inside this page, and
    `handout` tells templates to leave out what only a page of its own needs.
    """

    def __init__(self, content: Content, page: str, glossary: bool = True,
                 anchors: dict[str, str] | None = None):
        self.content = content
        self.page = page
        self.anchors = anchors or {}
        self.handout = bool(anchors)
        # Glossary tooltips, except where they would distract (the glossary
        # itself, the slides of the presentation).
        self.glossary = TermMarker(content.begrippen.begrippen, self.url("pagina", "begrippen"),
                                     content.begrippen.tooltip_label) \
            if glossary else None

    def url(self, kind: str, id: str) -> str:
        target = doc_path(kind, id)
        path, _, anchor = target.partition("#")
        if path in self.anchors:
            section = self.anchors[path]
            return f"#{section}-{anchor}" if anchor else f"#{section}"
        return relative_url(target, self.page)

    def asset(self, path: str) -> str:
        """URL of a file under docs/ (an image, say) as seen from this page."""
        return relative_url(path, self.page)

    def text(self, value: str, terms: bool = True) -> Markup:
        """Content text as HTML; `terms=False` leaves glossary terms unmarked
        (text that is hidden until a script shows it)."""
        html = str(escape(value))
        html = LINK.sub(self._link, html)
        html = _BOLD.sub(r"<strong>\1</strong>", html)
        html = _EM.sub(r"<em>\1</em>", html)
        if self.glossary and terms:
            html = self.glossary.mark(html)
        return Markup(html)

    def _link(self, match: re.Match) -> str:
        label = match.group(1)  # already escaped with the rest of the text
        kind, _, id = match.group(2).partition(":")
        if kind == "bron":
            source = self.content.bron(id)
            if source.url is None:
                return f"{label} ({escape(source.uitgever)})"
            return (f'<a href="{escape(str(source.url))}" rel="external noopener noreferrer">'
                    f'{label}<span class="rk-sr"> {escape(self.content.teksten.pages["external_website"])}</span></a>')
        return f'<a href="{escape(self.url(kind, id))}">{label}</a>'

    def texts(self, component: str) -> Markup:
        """The attribute that hands a component's words (content/teksten.yml)
        to its script: JSON in single quotes, whose quotes htmlsafe_json_dumps escapes (as tojson does)."""
        return Markup(" data-texts='{}'").format(htmlsafe_json_dumps(self.content.teksten.blok(component)))

    def source_link(self, id: str) -> Markup:
        """A source by its title: a link where its address is known."""
        source = self.content.bron(id)
        return self.text(f"[{source.titel}](bron:{id})")

    @staticmethod
    def is_added(block, field: str | None = None) -> bool:
        """Whether a block (or one of its fields) was added in the digital edition."""
        if field and field in type(block).TOEGEVOEGD:
            return True
        return getattr(block, "herkomst", None) == "toegevoegd"

    def route_target(self, id: str) -> tuple[str, str]:
        """(url, title) of a place a route choice leads to."""
        if id == EINDE:
            return self.url("stap", EINDE), self.content.routekaart.einde.titel
        step = self.content.stap(id)
        return self.url("stap", id), step.label

    def render(self, template: str, title: str, keywords: list[str] = (), block=None, form: bool = False,
               **context) -> str:
        """Markdown for a page: its title as the H1, then the template's HTML,
        then the page's search words (so site search finds it by them).
        `form`: the page is a form the digital edition added around the
        routekaart's own steps and questions (the walk, the slides)."""
        html = self.fragment(template, block=block, form=form, **context)
        if keywords:
            t = self.content.teksten.pages
            html += (f'\n<p class="rk-search-words" data-origin="toegevoegd">{escape(t["search_words"])} '
                     f'{escape(", ".join(keywords))} <span class="rk-origin rk-origin--short">'
                     f'{escape(t["origin_short"])}</span></p>')
        if self.glossary:
            html += "\n" + self.glossary.descriptions(self.content.begrippen.begrippen)
        # Raw HTML in Markdown must not contain blank lines, or Markdown
        # would start parsing its content as text.
        html = "\n".join(line for line in html.splitlines() if line.strip())
        return f"# {markdown_text(title)}\n\n{html}\n"

    def fragment(self, template: str, block=None, form: bool = False, **context) -> str:
        """The HTML of one template, without a page title or glossary explanations.
        `block`: the content the page shows; when it is wholly an addition of the
        digital edition, the page says so first, as does a page that is a `form`."""
        dates = {"months": self.content.teksten.maanden, "dutch_date": self.content.teksten.date_text}
        html = _env.get_template(template).render(r=self, c=self.content, **dates, **context)
        if form or (block is not None and self.is_added(block)):
            origin = _env.get_template("herkomst.html").make_module({"r": self, "c": self.content})
            html = f"{origin.page(form)}\n{html}"
        return html


def markdown_text(value: str) -> str:
    """Text that Markdown shows as it is: Markdown syntax disarmed, HTML escaped."""
    value = re.sub(r"([\\`*_{}\[\]()#+!|>.-])", r"\\\1", value)
    return value.replace("&", "&amp;").replace("<", "&lt;")
