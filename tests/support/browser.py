"""Debian's Chromium (Playwright's own download does not work here) and the
widths the site is checked at."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-gpu",
    "--no-sandbox",
]

# A phone and a desktop: every page and every interactive state is checked at both.
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.exit("Chromium not found: run 'make test', which installs it, "
                    "or set CHROMIUM to its path", returncode=2)
    return path
