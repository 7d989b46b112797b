"""Content: the routekaart's words as typed, checked models.

One module per content file holds its schema (routekaart.py, partners.py,
..., regio.py for a regional edition); load.py reads them all and checks
every reference. Nothing here imports rendering or the built site.
"""
from __future__ import annotations

from .errors import ContentError
from .load import EINDE, Content, load_content
from .markup import LINK, LINK_TARGET, linked, plain
from .teksten import fill

__all__ = ["EINDE", "LINK", "LINK_TARGET", "Content", "ContentError", "fill", "linked", "load_content", "plain"]
