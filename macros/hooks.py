"""MkDocs hooks (mkdocs.yml `hooks:`): the build phase that comes before
the macros, by name. `on_config` prepares the engine's input
(macros/prepare.py) before any plugin reads the configuration: the privacy
plugin needs the edition's site_url, MkDocs the completed nav.

MkDocs loads this file by its path, not as part of the `macros` package."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project, for `macros`

from macros import engine  # noqa: E402
from macros.content import ContentError  # noqa: E402
from macros.prepare import prepare  # noqa: E402


@event_priority(100)  # before every plugin, the privacy plugin included
def on_config(config):
    try:
        prepare(config, engine.settings_from_config(config))
    except ContentError as exc:
        raise PluginError(f"Content error: {exc}") from None
    return config
