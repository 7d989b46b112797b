"""The site's words that tests check, read from content/teksten.yml: tests
do not copy them. The pages' own words, the theme's labels, the shared
scripts' and the route map's."""
from __future__ import annotations

from macros.content import fill, load_content

from .project import ROOT

CONTENT = load_content(ROOT / "content")
TEKSTEN = CONTENT.teksten
PAGES = TEKSTEN.pages
THEME = TEKSTEN.theme
SITE = TEKSTEN.site
ROUTEMAP = TEKSTEN.routemap
CONFIG = TEKSTEN.config
date_text = TEKSTEN.date_text  # a date as the pages write it, with content's month names


def page_text(key: str, **values) -> str:
    """A text of the `pages` block with its placeholders filled in."""
    return fill(PAGES[key], **values)
