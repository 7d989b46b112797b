"""Shared fixtures: the site is built once per session and served on
127.0.0.1; one Chromium (Debian's, not Playwright's download) serves all
browser tests."""
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
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-gpu",
    "--no-sandbox",
]

PROJECT_PARTS = ("mkdocs.yml", "content", "docs", "macros", "overrides")


def build(project: Path, dest: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `dest`, output captured."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
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


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return built_site(ROOT, tmp_path_factory.mktemp("site") / "site")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def site_url(site_dir):
    server = serve(site_dir)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def site_pages(site_dir) -> list[str]:
    """Every content page of the site, as paths relative to its root."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                  if p.name != "404.html")


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.exit("Chromium not found: run 'make test', which installs it, "
                    "or set CHROMIUM to its path", returncode=2)
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_FLAGS}


WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


# WCAG 2.2 A/AA: axe-core tags 2.2's new AA criteria (target size) as wcag22aa.
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Rules for WCAG A/AA criteria that axe marks experimental and so leaves out of
# a run by tag: 2.5.3 Label in Name (Lighthouse checks it too).
EXPERIMENTAL_RULES = ["label-content-name-mismatch"]


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


def axe_violations(page, tags=WCAG_AA_TAGS) -> list[str]:
    """axe-core's violations on the page once it has settled, one line each."""
    # Material fades the header title and drawers in and out; a colour-contrast
    # check that lands mid-transition measures a half-faded colour. Let running
    # transitions end first (infinite animations, if any, only cost the timeout).
    try:
        page.wait_for_function(
            "() => document.getAnimations().every(a => a.playState !== 'running'"
            " || a.effect?.getTiming().iterations === Infinity)", timeout=3000)
    except PlaywrightTimeoutError:
        pass
    results = _axe().run(page, options={"runOnly": {"type": "tag", "values": tags},
                                        "rules": {rule: {"enabled": True} for rule in EXPERIMENTAL_RULES}})
    return [f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
            for v in results.response["violations"]]
