"""The edition's identity as files and theme data: its brand colours as a
stylesheet, its logo, and what the footer says about who publishes it."""
from __future__ import annotations

from ..content import Content
from ..content.regio import logo_soort

EDITIE_CSS = "assets/stylesheets/editie.css"


def logo_doel(content: Content) -> str | None:
    """Where the edition's logo lands in the built site."""
    pad = content.logo_pad
    return f"assets/images/editie-logo.{logo_soort(pad)}" if pad else None


def editie_bestanden(content: Content) -> dict[str, bytes]:
    """Built-site path -> bytes of the files the edition adds."""
    files: dict[str, bytes] = {}
    regio = content.regio
    if regio and regio.kleuren:
        files[EDITIE_CSS] = regio.kleuren.css().encode("utf-8")
    if content.logo_pad:
        files[logo_doel(content)] = content.logo_pad.read_bytes()
    return files


def thema_gegevens(content: Content) -> dict:
    """What the theme's templates (footer, header logo) show of the edition."""
    e, beheerder = content.editie, content.beheerder
    return {
        "tekst_routekaart": e.voettekst.tekst_routekaart,
        "digitale_versie": e.voettekst.digitale_versie,
        "beheerder": beheerder.organisatie if beheerder else None,
        "zonder_beheerder": e.voettekst.zonder_beheerder,
        "logo": logo_doel(content),
        "logo_alt": content.regio.logo.alt if content.logo_pad else None,
    }


def security_contacts(content: Content) -> list[str]:
    """security.txt's Contact lines: the maintainer's, or none (then no file)."""
    return content.beheerder.contact_urls if content.beheerder else []
