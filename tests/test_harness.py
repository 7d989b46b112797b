"""The harness fails loudly, not by luck: the sweeps' tabs side by side
(support/side_by_side.py) say when the Playwright internals they use have
moved and can run one after another instead, and one place registers the
fixtures for both test folders (support/fixtures.py)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import playwright._impl._greenlets
import pytest

from support.project import ROOT
from support.side_by_side import SERIAL_SWITCH, PlaywrightInternalsChanged, missing_internals, side_by_side


def test_the_playwright_internals_side_by_side_uses_are_there(browser):
    """The canary: an upgrade of Playwright that moves them fails here, by name."""
    missing = missing_internals(browser)
    assert missing == [], (f"Playwright internals changed: {missing}. Adapt support/side_by_side.py, "
                           f"or run the suite with {SERIAL_SWITCH}=1 until then.")


def jobs_that_log(browser, log: list[str]):
    def waits(name: str):
        def job() -> str:
            page = browser.new_page()
            try:
                log.append(f"{name} waits")
                page.evaluate("new Promise(resolve => setTimeout(resolve, 300))")
                log.append(f"{name} done")
                return name
            finally:
                page.close()
        return job
    return waits


def fails() -> None:
    raise ValueError("kapot")


def test_side_by_side_jobs_overlap_and_hand_back_their_results_and_errors(browser, monkeypatch):
    """The sweeps' tabs work side by side: each job goes on while another
    waits for its page."""
    monkeypatch.delenv(SERIAL_SWITCH, raising=False)
    log: list[str] = []
    waits = jobs_that_log(browser, log)
    assert side_by_side(browser, [waits("a"), waits("b")]) == ["a", "b"]
    assert sorted(log[:2]) == ["a waits", "b waits"], f"the jobs ran one after another: {log}"

    log.clear()
    with pytest.raises(ValueError, match="kapot"):
        side_by_side(browser, [fails, waits("c")])
    assert log == ["c waits", "c done"], "a job's error stopped the other job"


def test_the_serial_switch_runs_the_jobs_one_after_another_with_the_same_results(browser, monkeypatch):
    monkeypatch.setenv(SERIAL_SWITCH, "1")
    log: list[str] = []
    waits = jobs_that_log(browser, log)
    assert side_by_side(browser, [waits("a"), waits("b")]) == ["a", "b"]
    assert log == ["a waits", "a done", "b waits", "b done"]

    log.clear()
    with pytest.raises(ValueError, match="kapot"):
        side_by_side(browser, [fails, waits("c")])
    assert log == ["c waits", "c done"], "a job's error stopped the other job"


def test_moved_internals_stop_side_by_side_by_name_and_the_serial_switch_still_works(browser, monkeypatch):
    monkeypatch.delenv(SERIAL_SWITCH, raising=False)
    monkeypatch.delattr(playwright._impl._greenlets, "wait_for_future")
    ran: list[str] = []
    with pytest.raises(PlaywrightInternalsChanged,
                       match=r"Playwright internals changed: .*wait_for_future.*RK_SERIAL=1"):
        side_by_side(browser, [lambda: ran.append("a")])
    assert ran == [], "a job ran before the harness knew it could not run them side by side"

    monkeypatch.setenv(SERIAL_SWITCH, "1")
    assert side_by_side(browser, [lambda: "a", lambda: "b"]) == ["a", "b"]


def test_one_place_registers_the_fixtures_for_both_test_folders(request):
    """support/fixtures.py is one plugin (pyproject.toml's addopts): a
    conftest.py per folder would define every fixture twice, and the session's
    build, server and sweeps would run once per folder."""
    plugins = request.config.pluginmanager
    assert plugins.get_plugin("support.fixtures") is not None
    conftests = sorted(p.relative_to(ROOT).as_posix() for folder in ("tests", "overrides")
                       for p in (ROOT / folder).rglob("conftest.py"))
    assert conftests == []
    registered = [name for name, _ in plugins.list_name_plugin() if name and name.endswith("conftest.py")]
    assert registered == []


def _collecting(folder: Path) -> subprocess.Popen:
    """`pytest --collect-only` started in `folder` (a run that only collects builds nothing)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"}
    return subprocess.Popen([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                            cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _collected(run: subprocess.Popen) -> set[str]:
    """The test ids a collection started by `_collecting` found."""
    out, _ = run.communicate(timeout=120)
    assert run.returncode == 0, f"collecting in {run.args} failed:\n{out[-3000:]}"
    return {line for line in out.splitlines() if "::" in line}


def test_a_fresh_clone_collects_every_test_this_working_copy_collects(tmp_path):
    """A test list made from generated files (docs/stappen/*.md after a build)
    is shorter on a fresh clone, so CI silently runs fewer tests than a
    working copy (it once missed 26). The files git would commit are copied
    without anything generated, and both collections must be equal."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: no way to tell generated files from committed ones")
    clone = tmp_path / "clone"
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    # Side by side: each collection takes one core for about 4 s.
    here, fresh = map(_collected, [_collecting(ROOT), _collecting(clone)])
    assert len(here) > 1000
    assert sorted(here - fresh) == [], "tests a fresh clone does not collect"
    assert sorted(fresh - here) == [], "tests only a fresh clone collects"
