"""An interactive state the sweeps reach: the site's own in
support/interactions.py, a component's beside it in
overrides/components/<name>/<name>_states.py (`STATES`)."""
from __future__ import annotations

from typing import Callable, NamedTuple

from playwright.sync_api import Page


class Interaction(NamedTuple):
    name: str
    path: str
    use: Callable[[Page], None]
    # Whether the state needs the service worker; other states run without
    # one, so they do not each download the offline copy while they are checked.
    service_worker: bool = False
