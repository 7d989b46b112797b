"""The optional local edition: content/regio.yml.

A region publishes its own version of the site by adding this one file: its
name, the answers its partners agreed on the afsprakenkaart (with the date
they agreed them), contact points per partner, and the edition's identity and
duties: who publishes it (maintainer and contact), a logo, two brand colours,
its out-of-hours service and its public address. Every field but the name is
optional. Without the file the site is the national edition. Texts here are
plain text (no markup or links): a region's editor should not need to learn
the content syntax.

The same file can also live elsewhere (one file per edition, see
macros/editions.py); a logo is then found next to that file.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated

from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from .errors import ContentError
from .base import Id, Model, Tekst
from .validation import validate
from .yamlsource import YamlSource, read_yaml

BESTAND = "regio.yml"

_TELEFOON = re.compile(r"^\+?[0-9][0-9 ()-]{5,19}$")
_EMAIL = re.compile(r"^[^@\s<>()\[\]\"',;:]+@[^@\s<>()\[\]\"',;:]+\.[A-Za-z]{2,}$")


def _telefoon_als_tekst(value):
    # YAML reads 0201234567 as a number: the leading 0 would be lost.
    if isinstance(value, (int, float)):
        raise ValueError('write the phone number between quotes, like telefoon: "020 123 4567"')
    return value


def _telefoon(value: str) -> str:
    value = value.strip()
    if not _TELEFOON.match(value):
        raise ValueError("is not a phone number: use digits, spaces, '-', '(', ')' and an optional leading '+'")
    return value


def _email(value: str) -> str:
    value = value.strip()
    if not _EMAIL.match(value):
        raise ValueError("is not an e-mail address like naam@organisatie.nl")
    return value


def _https(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or " " in value:
        raise ValueError("must be an https address like https://www.organisatie.nl/ "
                         "(a host needs https for HSTS and the offline copy)")
    if parts.query or parts.fragment:
        raise ValueError("must not have a '?' or '#' part")
    return value


def _site_url(value: str) -> str:
    value = _https(value)
    return value if value.endswith("/") else value + "/"


_KLEUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
# The lightest and the darkest backgrounds a brand colour's text sits on:
# white pages, and the site's light blue panels (--rk-light in routekaart.css).
ACHTERGRONDEN = {"#ffffff": "white", "#eef3f9": "the light panels' #eef3f9"}
AA_CONTRAST = 4.5  # WCAG 2.1 AA, 1.4.3: normal text


def relatieve_helderheid(kleur: str) -> float:
    """WCAG 2.1 relative luminance of a #rgb or #rrggbb colour."""
    hexa = kleur[1:]
    if len(hexa) == 3:
        hexa = "".join(ch * 2 for ch in hexa)
    def kanaal(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (kanaal(int(hexa[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((relatieve_helderheid(a), relatieve_helderheid(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _kleur(value: str) -> str:
    value = value.strip()
    if not _KLEUR.match(value):
        raise ValueError("is not a colour: write it as #rrggbb, like #1b5e20")
    if len(value) == 4:
        value = "#" + "".join(ch * 2 for ch in value[1:])
    return value.lower()


def _leesbaar(rol: str):
    """A brand colour the site writes text in on its light backgrounds, or
    white text on: it needs WCAG AA contrast against each of them."""
    def check(value: str) -> str:
        for achtergrond, naam in ACHTERGRONDEN.items():
            ratio = contrast(value, achtergrond)
            if ratio < AA_CONTRAST:
                raise ValueError(f"{value} against {naam} has a contrast of {ratio:.2f}:1, under the "
                                 f"{AA_CONTRAST}:1 WCAG AA asks for ({rol}): choose a darker colour")
        return value
    return AfterValidator(check)


def _tijd(value) -> str:
    # YAML 1.1 reads an unquoted 17:30 as a number of minutes (sexagesimal).
    if not isinstance(value, str):
        raise ValueError('write the time between quotes, like van: "17:00"')
    match = re.fullmatch(r"([01]?[0-9]|2[0-3])[:.]([0-5][0-9])", value.strip())
    if not match:
        raise ValueError("is not a time of day: use uu:mm from 00:00 to 23:59")
    return f"{int(match.group(1)):02d}.{match.group(2)}"


Telefoon = Annotated[str, BeforeValidator(_telefoon_als_tekst), AfterValidator(_telefoon)]
Email = Annotated[str, AfterValidator(_email)]
HttpsUrl = Annotated[str, AfterValidator(_https)]
SiteUrl = Annotated[str, AfterValidator(_site_url)]
Kleur = Annotated[str, AfterValidator(_kleur)]
Tijd = Annotated[str, BeforeValidator(_tijd)]


class Contact(Model):
    """An organisation's contact point; no private persons needed."""

    organisatie: Tekst
    telefoon: Telefoon | None = None
    email: Email | None = None
    toelichting: Tekst | None = None

    @model_validator(mode="after")
    def _reachable(self):
        if not self.telefoon and not self.email:
            raise ValueError("a contact needs a 'telefoon' or an 'email' (or both)")
        return self

    @property
    def telefoon_url(self) -> str:
        return "tel:" + re.sub(r"[^0-9+]", "", self.telefoon or "")


class Beheerder(Model):
    """Who publishes and maintains the digital edition: an organisation that a
    reader (and a security researcher) can reach."""

    organisatie: Tekst
    email: Email | None = None
    website: HttpsUrl | None = None

    @model_validator(mode="after")
    def _reachable(self):
        if not self.email and not self.website:
            raise ValueError("a maintainer needs an 'email' or a 'website' (or both)")
        return self

    @property
    def contact_urls(self) -> list[str]:
        """As security.txt's Contact lines want them: mailto: first."""
        return [u for u in (self.email and f"mailto:{self.email}", self.website) if u]


class Logo(Model):
    bestand: Tekst  # an SVG or PNG file, next to the edition's file
    alt: Tekst      # what the logo says, for readers who do not see it


class Kleuren(Model):
    """The edition's two brand colours: the header's background (with white
    text on it) and the colour of links and buttons (on the white page)."""

    primair: Annotated[Kleur, _leesbaar("white text on the header, buttons in this colour")]
    accent: Annotated[Kleur, _leesbaar("links, icons and the focus ring in this colour")]

    def css(self) -> str:
        """The stylesheet that puts them in place of the routekaart's blue and orange."""
        return ("/* The edition's brand colours (regio.yml: kleuren), checked for contrast at build time. */\n"
                ":root {\n"
                f"  --rk-blue: {self.primair};\n  --rk-orange: {self.accent};\n"
                f"  --md-primary-fg-color--light: {self.primair};\n"
                f"  --md-primary-fg-color--dark: {self.primair};\n"
                f"  --md-accent-fg-color--transparent: {self.accent}1a;\n"
                "}\n")


class BuitenKantoortijd(Model):
    """The region's own service outside office hours (an OOV-piket, say)."""

    organisatie: Tekst
    telefoon: Telefoon
    van: Tijd | None = None  # when it is reachable, e.g. "17:00" to "08:30"
    tot: Tijd | None = None
    toelichting: Tekst | None = None

    @model_validator(mode="after")
    def _hours(self):
        if (self.van is None) != (self.tot is None):
            raise ValueError("give both 'van' and 'tot', or neither")
        if self.van is not None and self.van == self.tot:
            raise ValueError(f"'van' and 'tot' are both {self.van}: a service cannot start and stop at once")
        return self

    @property
    def telefoon_url(self) -> str:
        return "tel:" + re.sub(r"[^0-9+]", "", self.telefoon)


class RegioAfsprakenkaart(Model):
    datum_afgesproken: date
    # question id -> partner id -> agreed answer
    antwoorden: dict[Id, dict[Id, Tekst]] = Field(min_length=1)


class RegioBestand(Model):
    naam: Tekst
    afsprakenkaart: RegioAfsprakenkaart | None = None
    # partner id -> contact points
    contacten: dict[Id, list[Contact]] = {}
    beheerder: Beheerder | None = None
    logo: Logo | None = None
    kleuren: Kleuren | None = None
    buiten_kantoortijd: BuitenKantoortijd | None = None
    # What the edition's server logs, when it differs from the shipped nginx
    # configuration's (content/editie.yml says what that logs).
    serverlog: Tekst | None = None
    site_url: SiteUrl | None = None

    def antwoord(self, vraag: str, partner: str) -> str | None:
        if self.afsprakenkaart is None:
            return None
        return self.afsprakenkaart.antwoorden.get(vraag, {}).get(partner)


def load_regio(folder: Path, content, path: Path | None = None) -> RegioBestand | None:
    """The region's file checked against the content, or None (national
    edition). `path`: the edition's file when it is not content/regio.yml."""
    folder = Path(folder)
    if path is None:
        path = folder / BESTAND
        if not path.exists():
            return None
        name = f"{folder.name}/{BESTAND}"
    else:
        path = Path(path)
        name = _display_name(path)
    source = read_yaml(path, name)
    regio = validate(source, RegioBestand)
    _check_ids(source, regio, content)
    if regio.logo:
        _check_logo(source, path.parent / regio.logo.bestand)
    return regio


def _display_name(path: Path) -> str:
    """The file as a person would find it: relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SVG_ROOT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<svg[\s>]", re.S)


def logo_soort(path: Path) -> str | None:
    """'svg' or 'png' by what the file holds (not its name), or None."""
    data = path.read_bytes()[:4096]
    if data.startswith(PNG_SIGNATURE):
        return "png"
    if _SVG_ROOT.match(data):
        return "svg"
    return None


def _check_logo(source: YamlSource, path: Path) -> None:
    loc = ("logo", "bestand")
    if not path.is_file():
        raise source.error(loc, f"logo file '{path.name}' not found next to {Path(source.name).name}")
    soort = logo_soort(path)
    if soort is None or path.suffix.lower() != f".{soort or 'svg'}":
        raise source.error(loc, f"'{path.name}' is not an SVG or PNG image (an .svg file must start with "
                                "<svg, a .png file with the PNG signature)")


def _check_ids(source: YamlSource, regio: RegioBestand, content) -> None:
    kaart = content.afspraken.afsprakenkaart
    vragen, partners = [v.id for v in kaart.vragen], kaart.partners
    if regio.afsprakenkaart:
        for vraag, per_partner in regio.afsprakenkaart.antwoorden.items():
            loc = ("afsprakenkaart", "antwoorden", vraag)
            if vraag not in vragen:
                raise _unknown(source, loc, "question", vraag, vragen)
            for partner in per_partner:
                if partner not in partners:
                    raise _unknown(source, loc + (partner,), "partner", partner, partners)
    for partner in regio.contacten:
        if partner not in content.ids("partner"):
            raise _unknown(source, ("contacten", partner), "partner", partner, sorted(content.ids("partner")))


def _unknown(source: YamlSource, loc: tuple, what: str, value: str, known) -> ContentError:
    return source.error(loc, f"unknown {what} '{value}' (known: {', '.join(known)})")
