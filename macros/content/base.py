"""The building blocks every content file's schema uses: text, ids, the
strict model, and where a text comes from (`herkomst`)."""
from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    if _CONTROL.search(value):
        raise ValueError("contains a control character; remove it")
    return value


Tekst = Annotated[str, AfterValidator(_clean_text)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    # Fields that are additions of the digital edition whatever the herkomst of
    # the block they are in: summaries and search words written for the site,
    # the example messages, the pointers added beside the routekaart's text.
    TOEGEVOEGD: ClassVar[frozenset[str]] = frozenset()


# Where a text comes from: the routekaart of November 2024 (the publishers'
# words), or added in this digital edition. Every block states it; there is
# no default, so a new block without it stops the build. A block's herkomst
# covers its own text and its plain sub-items (questions, actions, cells);
# child blocks state their own, and some fields are additions by definition
# (`samenvatting`, `zoekwoorden`, a phenomenon's example message, every
# `aanvulling`): see Model.TOEGEVOEGD.
Herkomst = Literal["routekaart", "toegevoegd"]


class Blok(Model):
    herkomst: Herkomst


class Aanvulling(Model):
    """A pointer added in the digital edition, always with a source a reader
    can follow (ids from bronnen.yml)."""
    tekst: Tekst
    bronnen: list[Id] = Field(min_length=1)
