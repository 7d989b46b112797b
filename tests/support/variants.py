"""Builds of a changed copy of the project, made in the background.

A test module declares each changed build it needs, at import time:

    CHANGED = Variant("step-3-skips-step-4", change)

where `change(project)` edits a fresh copy of the project's sources. Once
pytest has collected the tests, the variants of the modules it will run start
building one after another in a background thread, at a lower priority, in the
order the tests need them: the browser tests keep the foreground, and a build
mostly uses the core they leave idle. A test then asks for:

- `CHANGED.site()`: the built folder; the test fails with mkdocs' output when
  the build failed;
- `CHANGED.result()`: the finished `mkdocs build` (return code, output), for
  tests of a build that must stop.

Outside a pytest session (or for a variant no selected module declared) the
build runs when first asked for.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import Callable

import pytest

from support.project import build, copy_project

ALL: list["Variant"] = []


class Variant:
    def __init__(self, name: str, change: Callable[[Path], None], used_in: tuple[str, ...] = (),
                 env: dict[str, str] | None = None):
        """`used_in`: the file names of other test modules that use it too;
        `env`: environment variables for the build."""
        self.name, self.change, self.env = name, change, env
        defined_in = Path(sys._getframe(1).f_globals.get("__file__", "")).name
        self.used_in = {defined_in, *used_in}
        self.project: Path | None = None
        self.dest: Path | None = None
        self._result: subprocess.CompletedProcess | None = None
        self._failure: str | None = None
        self._lock = threading.Lock()
        self._done = threading.Event()
        ALL.append(self)

    def build(self, root: Path) -> None:
        """Copy, change and build, once; other callers wait for the first."""
        with self._lock:
            if self._done.is_set():
                return
            try:
                self.project = copy_project(root / self.name / "project")
                self.change(self.project)
                self.dest = root / self.name / "site"
                self._result = build(self.project, self.dest, background=True, env=self.env)
            except Exception:  # noqa: BLE001 (reported to the test that asks)
                self._failure = traceback.format_exc()
            finally:
                self._done.set()

    def result(self) -> subprocess.CompletedProcess:
        if not self._done.is_set():
            self.build(_root())
        self._done.wait()
        if self._failure:
            pytest.fail(f"making the {self.name} build failed:\n{self._failure}", pytrace=False)
        return self._result

    def site(self) -> Path:
        result = self.result()
        if result.returncode != 0:
            pytest.fail(f"the {self.name} build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
        return self.dest


_ROOT: list[Path] = []


def _root() -> Path:
    if not _ROOT:
        _ROOT.append(Path(tempfile.mkdtemp(prefix="routekaart-variants-")))
    return _ROOT[0]


def start_in_background(module_names_in_order: list[str]) -> None:
    """Build, one by one, the variants the given modules (each named once) use, in their order."""
    rank = {name: i for i, name in enumerate(module_names_in_order)}
    wanted = sorted((v for v in ALL if v.used_in & rank.keys()),
                    key=lambda v: min(rank[m] for m in v.used_in if m in rank))
    if not wanted:
        return
    root = _root()
    threading.Thread(target=lambda: [v.build(root) for v in wanted], daemon=True,
                     name="variant-builds").start()


def clean_up() -> None:
    for root in _ROOT:
        shutil.rmtree(root, ignore_errors=True)


# --- Variants more than one module uses ----------------------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _with_the_regional_file(project: Path) -> None:
    """The regional edition: tests/fixtures/regio.yml as content/regio.yml, with its logo beside it."""
    shutil.copy(FIXTURES / "regio.yml", project / "content" / "regio.yml")
    shutil.copy(FIXTURES / "logo-westerkwartier.svg", project / "content" / "logo-westerkwartier.svg")


REGIONAL = Variant("regional", _with_the_regional_file,
                   used_in=("test_regio.py", "test_afdrukken.py", "test_editie.py", "test_afsprakenkaart_edition.py"))
