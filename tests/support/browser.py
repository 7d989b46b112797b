"""The Chromium the tests drive (Debian's packages: Playwright's own download
does not work here) and the widths the site is checked at.

Like Playwright's own set-up, headless tests run in Chromium's headless shell
(Debian's `chromium-headless-shell`, the same version and engine as `chromium`):
it draws no browser window around the page and needs about half the processor
time, which on a 2-core machine is most of the suite's time. A check that needs
the whole browser (whether the site can be installed to a home screen, which
the shell does not judge) asks for `full_chromium_path()`. `CHROMIUM` names
another browser to run every test in.
"""
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

HEADLESS_SHELL = "chromium-headless-shell"
FULL_CHROMIUM = "chromium"


def _find(name: str) -> str:
    path = shutil.which(name) or f"/usr/bin/{name}"
    if not Path(path).exists():
        pytest.exit(f"{name} not found: run 'make test', which installs Debian's {name} package, "
                    "or set CHROMIUM to a Chromium to run every test in", returncode=2)
    return path


def chromium_path() -> str:
    """The browser for the tests: CHROMIUM if set, else the headless shell."""
    return os.environ.get("CHROMIUM") or _find(HEADLESS_SHELL)


def full_chromium_path() -> str:
    """The whole browser, for the checks the headless shell does not make."""
    return os.environ.get("CHROMIUM") or _find(FULL_CHROMIUM)
