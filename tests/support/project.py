"""The project's sources, building a copy of them, and serving a built site."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROJECT_PARTS = ("mkdocs.yml", "content", "docs", "macros", "overrides")


def build(project: Path, dest: Path, background: bool = False,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `dest`, output captured; in
    the background (support/variants.py) at a lower priority than the tests."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
        preexec_fn=(lambda: os.nice(19)) if background else None,
    )


def copy_project(dest: Path) -> Path:
    """A copy of the project's site sources, to change and build in a test."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, dest / part)
    return dest


def built_site(project: Path, dest: Path, what: str = "mkdocs build") -> Path:
    """`dest` after building `project` into it; the test fails with mkdocs'
    output when the build does."""
    result = build(project, dest)
    if result.returncode != 0:
        pytest.fail(f"{what} failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def handle(self):
        # A browser that leaves a page early closes its connections; that is
        # no error of the site's.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    """`directory` served on a free port of 127.0.0.1, in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server
