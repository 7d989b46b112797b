"""The edition's identity as files and theme data: its brand colours as a
stylesheet, its logo, and what the footer says about who publishes it."""
from __future__ import annotations

from ..content import Content
from ..content.regio import logo_soort

EDITION_CSS = "assets/stylesheets/editie.css"


def logo_target(content: Content) -> str | None:
    """Where the edition's logo lands in the built site."""
    path = content.logo_pad
    return f"assets/images/editie-logo.{logo_soort(path)}" if path else None


def edition_files(content: Content) -> dict[str, bytes]:
    """Built-site path -> bytes of the files the edition adds."""
    files: dict[str, bytes] = {}
    region = content.regio
    if region and region.kleuren:
        files[EDITION_CSS] = region.kleuren.css().encode("utf-8")
    if content.logo_pad:
        files[logo_target(content)] = content.logo_pad.read_bytes()
    return files


def theme_data(content: Content) -> dict:
    """What the theme's templates (footer, header logo) show of the edition."""
    e, maintainer = content.editie, content.beheerder
    return {
        "source_line": e.voettekst.tekst_routekaart,
        "digital_version": e.voettekst.digitale_versie,
        "maintainer": maintainer.organisatie if maintainer else None,
        "no_maintainer": e.voettekst.zonder_beheerder,
        "logo": logo_target(content),
        "logo_alt": content.regio.logo.alt if content.logo_pad else None,
    }


def security_contacts(content: Content) -> list[str]:
    """security.txt's Contact lines: the maintainer's, or none (then no file)."""
    return content.beheerder.contact_urls if content.beheerder else []
