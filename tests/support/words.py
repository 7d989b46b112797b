"""The site's words that tests check, read from content/teksten.yml: tests
do not copy them. The pages' own words, the theme's labels, the shared
scripts' and the route map's."""
from __future__ import annotations

from macros.content import fill, load_content

from .project import ROOT

TEKSTEN = load_content(ROOT / "content").teksten
PAGES = TEKSTEN.pages
THEME = TEKSTEN.theme
SITE = TEKSTEN.site
ROUTEMAP = TEKSTEN.routemap


def page_text(key: str, **values) -> str:
    """A text of the `pages` block with its placeholders filled in."""
    return fill(PAGES[key], **values)
