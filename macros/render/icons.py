"""References to the legend's icons, for content and the route map.

The icons are drawn once, as SVG symbols in overrides/partials/icons.html,
which every page carries; here they are only referenced, so a link, the route
map and its legend show the same drawing. The names are the legend's `icoon`
values in content/routekaart.yml.
"""
from __future__ import annotations

from typing import get_args

from markupsafe import Markup

from ..content.routekaart import LegendaItem

ICONS: tuple[str, ...] = get_args(LegendaItem.model_fields["icoon"].annotation)


def _known(name: str) -> str:
    if name not in ICONS:
        raise ValueError(f"unknown icon {name!r} (known: {', '.join(ICONS)})")
    return name


def icon(name: str) -> Markup:
    """The icon at the start of a link in HTML; decorative, the link text names it."""
    return Markup(f'<svg class="rk-icon rk-icon--{_known(name)}" aria-hidden="true" focusable="false">'
                  f'<use href="#rk-icon-{name}"/></svg>')


def icon_in_svg(name: str, cx: float, cy: float, r: float) -> str:
    """The icon inside an SVG drawing (the route map), centred on (cx, cy)."""
    return (f'<use class="rk-svg-icon" href="#rk-icon-{_known(name)}" x="{cx - r:.0f}" y="{cy - r:.0f}" '
            f'width="{2 * r:.0f}" height="{2 * r:.0f}" aria-hidden="true"/>')
