"""content/rollen.yml: the roles a reader can choose ("Ik ben ...") and the
words the site uses around that choice."""
from __future__ import annotations

from pydantic import Field

from .base import Blok, Id, Model, Tekst


class Rol(Model):
    id: Id
    label: Tekst
    partner: Id | None = None  # the core partner of partners.yml; None: another role


class RollenBestand(Blok):
    vraag: Tekst
    uitleg: Tekst
    wijzigen: Tekst
    geen_rol: Tekst
    zonder_rol: Tekst  # the option that clears the role, and only the role
    betrekken_titel: Tekst
    betrekken_intro: Tekst
    eigen_kolom: Tekst  # marks the reader's own column on the afsprakenkaart
    rollen: list[Rol] = Field(min_length=1)
