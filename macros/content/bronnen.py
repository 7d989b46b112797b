"""content/bronnen.yml: the external sources text links to as [label](bron:id)."""
from __future__ import annotations

from pydantic import Field, HttpUrl

from .base import Id, Model, Tekst

class Bron(Model):
    id: Id
    titel: Tekst
    uitgever: Tekst
    url: HttpUrl | None = None


class BronnenBestand(Model):
    bronnen: list[Bron] = Field(min_length=1)
