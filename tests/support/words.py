"""The site's words that tests check, read from content/teksten.yml: tests
do not copy them. The pages' own words, the theme's labels, the shared
scripts' and the route map's; Material's labels that content leaves to the
theme's Dutch translation are read from that file."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import material

from macros.content import fill, load_content

from .project import ROOT

CONTENT = load_content(ROOT / "content")
TEXTS = CONTENT.teksten
PAGES = TEXTS.pages
THEME = TEXTS.theme
SITE = TEXTS.site
ROUTEMAP = TEXTS.routemap
CONFIG = TEXTS.config
date_text = TEXTS.date_text  # a date as the pages write it, with content's month names


CARD = TEXTS.afsprakenkaart
DISCUSS = TEXTS.bespreken
WALK = TEXTS.walk
SLIDES = TEXTS.presentatie
# How the status ends once a card file is open: "is geopend".
CARD_OPENED = CARD["opened"].split("{file}")[1].strip(" ”“.")


def slide_counter_start(number: int) -> str:
    """How the slides' counter begins on slide `number` ("Dia 1 van")."""
    return SLIDES["slide_counter"].replace("{nummer}", str(number)).split("{aantal}")[0].strip()


def page_text(key: str, **values) -> str:
    """A text of the `pages` block with its placeholders filled in."""
    return fill(PAGES[key], **values)


# Material's Dutch labels, which overrides/partials/languages/custom.html uses
# where the `theme` block has no word of its own.
MATERIAL_LABELS = Path(material.__file__).parent / "templates" / "partials" / "languages" / "nl.html"


@functools.cache
def _material_labels() -> dict[str, str]:
    pairs = re.findall(r'^\s*"([^"]+)": "((?:[^"\\]|\\.)*)",?$', MATERIAL_LABELS.read_text(encoding="utf-8"), re.M)
    return dict(pairs)


def theme_label(key: str) -> str:
    """A label of the theme as the site shows it, by Material's key
    ("search.placeholder"): content's `theme` block, else Material's Dutch."""
    return THEME.get(key.replace(".", "_")) or _material_labels()[key]
