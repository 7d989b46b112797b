"""References to the legend's icons, for content and the route map.

The icons are drawn once, as SVG symbols in overrides/partials/iconen.html,
which every page carries; here they are only referenced, so a link, the route
map and its legend show the same drawing. The names are the legend's `icoon`
values in content/routekaart.yml.
"""
from __future__ import annotations

from typing import get_args

from markupsafe import Markup

from ..content.routekaart import LegendaItem

ICONEN: tuple[str, ...] = get_args(LegendaItem.model_fields["icoon"].annotation)


def _known(naam: str) -> str:
    if naam not in ICONEN:
        raise ValueError(f"unknown icon {naam!r} (known: {', '.join(ICONEN)})")
    return naam


def icoon(naam: str) -> Markup:
    """The icon at the start of a link in HTML; decorative, the link text names it."""
    return Markup(f'<svg class="rk-icon rk-icon--{_known(naam)}" aria-hidden="true" focusable="false">'
                  f'<use href="#rk-icon-{naam}"/></svg>')


def icoon_in_svg(naam: str, cx: float, cy: float, r: float) -> str:
    """The icon inside an SVG drawing (the route map), centred on (cx, cy)."""
    return (f'<use class="rk-routemap-icon" href="#rk-icon-{_known(naam)}" x="{cx - r:.0f}" y="{cy - r:.0f}" '
            f'width="{2 * r:.0f}" height="{2 * r:.0f}" aria-hidden="true"/>')
