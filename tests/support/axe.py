"""axe-core on a page: WCAG 2.0/2.1/2.2 A and AA, and axe's best practices."""
from __future__ import annotations

import functools

from playwright.sync_api import BrowserContext, Page, TimeoutError as PlaywrightTimeoutError

# WCAG 2.2 A/AA: axe-core tags 2.2's new AA criteria (target size) as wcag22aa.
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Rules for WCAG A/AA criteria that axe marks experimental and so leaves out of
# a run by tag: 2.5.3 Label in Name (Lighthouse checks it too).
EXPERIMENTAL_RULES = ["label-content-name-mismatch"]
# Lighthouse's accessibility score also counts these, such as a name for
# every dialog and unique landmarks.
BEST_PRACTICE_TAGS = ["best-practice"]


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


def settle(page: Page) -> None:
    """Let running transitions end. Material fades the header title and
    drawers in and out; a colour-contrast check that lands mid-transition
    measures a half-faded colour (infinite animations only cost the timeout)."""
    try:
        page.wait_for_function(
            "() => document.getAnimations().every(a => a.playState !== 'running'"
            " || a.effect?.getTiming().iterations === Infinity)", timeout=3000)
    except PlaywrightTimeoutError:
        pass


RUN = "options => axe.run(document, options).then(results => results.violations)"


def add_axe(target: Page | BrowserContext) -> None:
    """Put axe-core into every document `target` loads from now on, as the
    sweeps do (support/sweep.py): `axe_run` then need not send its 550 kB
    through the driver for each page. axe-core only defines `window.axe`."""
    target.add_init_script(_axe().axe_script)


def axe_run(page: Page, tags: list[str]) -> list[dict]:
    """axe-core's violations (its own dicts) on the page once it has settled."""
    settle(page)
    if not page.evaluate("typeof window.axe?.run === 'function'"):
        page.evaluate(_axe().axe_script)
    # Only violations are read: axe then skips collecting every passing node,
    # which on the long pages takes most of its time.
    return page.evaluate(RUN, {"runOnly": {"type": "tag", "values": tags},
                               "rules": {rule: {"enabled": True} for rule in EXPERIMENTAL_RULES},
                               "resultTypes": ["violations"]})


def describe(violation: dict) -> str:
    """One line for a violation: rule, help text and its first three places."""
    places = ", ".join(str(n["target"]) for n in violation["nodes"][:3])
    return f"{violation['id']}: {violation['help']} ({places})"


def is_wcag_aa(violation: dict) -> bool:
    return bool(set(violation["tags"]) & set(WCAG_AA_TAGS)) or violation["id"] in EXPERIMENTAL_RULES


def is_best_practice(violation: dict) -> bool:
    return bool(set(violation["tags"]) & set(BEST_PRACTICE_TAGS))


def axe_violations(page: Page, tags: list[str] = WCAG_AA_TAGS) -> list[str]:
    """axe-core's violations on the page once it has settled, one line each."""
    return [describe(v) for v in axe_run(page, tags)]
