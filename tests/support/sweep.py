"""The sweeps: every page visited once per width, with every page-level check,
and every interactive state reached once per width, with axe and the CSP check.

Both run on the built site behind nginx with the site's own security headers
(`nginx_url`), in a browser context of their own, once per session, when a test
first asks for them. Tests only read the results, so a failing check names
every page (or state) that fails it at once.

To add a page-level check, write a function `(visit) -> list[str]` that returns
the problems it finds on the page (none: an empty list), add it to CHECKS with
the widths it runs at, and add a test that asserts
`sweep.at(width).problems("<name>") == {}`. Checks run in the order of CHECKS;
one that changes the page (its size, its text size) goes after those that read
it as it loaded. To add an interactive state, see `support/interactions.py`.

axe-core takes most of a visit's time, and runs in the page without the test's
help. So each sweep keeps two tabs (in two contexts, so two renderer processes)
that take pages from one list side by side (support/side_by_side.py): while
axe checks the page in one tab, the other loads the next. Each page is still
checked on its own, in a tab that nothing else touches meanwhile. The
interactive states are reached the same way, in three tabs.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Callable, NamedTuple
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

from support.axe import BEST_PRACTICE_TAGS, WCAG_AA_TAGS, add_axe, axe_run, describe, is_best_practice, is_wcag_aa
from support.beyond_axe import (focus_never_hidden, forced_colours_keep_contrast,
                                text_stays_in_its_box_with_wider_spacing)
from support.browser import WIDTHS
from support.csp import CspRecorder, wait_until_idle
from support.interactions import INTERACTIONS, Interaction
from support.reused_page import ReusedPage
from support.side_by_side import side_by_side

NARROWEST = {"width": 320, "height": 640}
# A 1280 px wide window zoomed to 200% lays pages out at 640 CSS px.
DESKTOP_AT_200_PERCENT = {"width": 640, "height": 400}

SIDEWAYS = """() => {
  const wide = [...document.querySelectorAll("body *")].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width && r.right > innerWidth + 1 && getComputedStyle(e).position !== "fixed"
      && !e.closest(".md-sidebar, .md-search, .md-typeset__scrollwrap");
  }).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : ""));
  return {scroll: document.documentElement.scrollWidth, inner: innerWidth, wide: wide.slice(0, 5)};
}"""


def sideways(page: Page) -> dict:
    """What sticks out to the right when the page scrolls sideways; {} when it does not."""
    result = page.evaluate(SIDEWAYS)
    return result if result["scroll"] > result["inner"] else {}


HOVER_ONLY = """() => {
  const reveal = /(^|;)\\s*(display|visibility|opacity|max-height|height|clip|transform|pointer-events)\\s*:/;
  const found = [];
  function walk(rules) {
    for (const rule of rules) {
      if (rule.cssRules && !rule.selectorText) { walk(rule.cssRules); continue; }
      if (!rule.selectorText || !rule.selectorText.includes(":hover")) continue;
      if (!reveal.test(rule.style.cssText)) continue;
      for (const selector of rule.selectorText.split(",")) {
        if (!selector.includes(":hover")) continue;
        const focus = selector.replace(/:hover/g, ":focus-within");
        const focusVisible = selector.replace(/:hover/g, ":focus-visible");
        const focused = selector.replace(/:hover/g, ":focus");
        const twin = [...document.styleSheets].some(s => { try { return [...s.cssRules].some(function has(r) {
          return (r.selectorText || "").split(",").map(x => x.trim()).some(x => [focus, focusVisible, focused].includes(x))
            || (r.cssRules && [...r.cssRules].some(has)); }); } catch (e) { return false; } });
        if (!twin) found.push(selector.trim() + " { " + rule.style.cssText + " }");
      }
    }
  }
  for (const sheet of document.styleSheets) {
    if (!sheet.href || !sheet.href.includes("/assets/stylesheets/")) continue;
    if (/\\/(main|palette)\\.[0-9a-f]+\\.min\\.css$/.test(sheet.href)) continue;
    walk(sheet.cssRules);
  }
  return found;
}"""

DOUBLE_THE_TEXT = ("document.documentElement.style.fontSize = "
                   "2 * parseFloat(getComputedStyle(document.documentElement).fontSize) + 'px'")
H1_SIZE = "parseFloat(getComputedStyle(document.querySelector('.md-typeset h1')).fontSize)"


# The page's layout shifts since it started loading (none while the reader
# types or taps), with the elements that moved.
LAYOUT_SHIFTS = """() => new Promise(resolve => {
  const found = {total: 0, moved: []};
  const name = n => n && n.nodeType === 1
    ? n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + (n.classList.length ? "." + n.classList[0] : "")
    : "?";
  const observer = new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      found.total += e.value;
      found.moved.push(...e.sources.map(s => name(s.node)));
    }
  });
  observer.observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => setTimeout(() => { observer.disconnect(); resolve(found); }, 0));
})"""


def is_local(url: str) -> bool:
    return urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:"))


# --- One visit --------------------------------------------------------------------

@dataclass
class Visit:
    """A page as loaded in the sweep, with what it did while loading."""
    page: Page
    path: str
    width: str
    csp: CspRecorder
    requests: list[str]
    _axe: list[dict] | None = None

    def axe(self) -> list[dict]:
        """axe-core's violations (WCAG A/AA and best practices in one run)."""
        if self._axe is None:
            self._axe = axe_run(self.page, WCAG_AA_TAGS + BEST_PRACTICE_TAGS)
        return self._axe


def no_axe_violations(visit: Visit) -> list[str]:
    return [describe(v) for v in visit.axe() if is_wcag_aa(v)]


def no_axe_best_practice_issues(visit: Visit) -> list[str]:
    return [describe(v) for v in visit.axe() if is_best_practice(v)]


def keeps_to_the_csp(visit: Visit) -> list[str]:
    wait_until_idle(visit.page)
    return visit.csp.problems()


def no_request_leaves_localhost(visit: Visit) -> list[str]:
    return [url for url in visit.requests if not is_local(url)]


def nothing_moves_while_loading(visit: Visit) -> list[str]:
    """Nothing a script adds or shows as the page starts pushes the content
    down (cumulative layout shift 0): on a slow phone the reader has started
    reading, or is about to tap, when it moves."""
    found = visit.page.evaluate(LAYOUT_SHIFTS)
    if found["total"] > 0:
        return [f"layout shift {found['total']:.3f}: {', '.join(dict.fromkeys(found['moved']))}"]
    return []


def nothing_shows_only_on_hover(visit: Visit) -> list[str]:
    """A :hover rule in the project's CSS that shows or moves something has a
    :focus twin, so touch and keyboard users get it too."""
    return visit.page.evaluate(HOVER_ONLY)


def focus_is_never_hidden(visit: Visit) -> list[str]:
    """Tab and Shift+Tab through the page: no stop lies entirely under the
    sticky header or another layer (WCAG 2.4.11; support/beyond_axe.py)."""
    return focus_never_hidden(visit.page)


def text_fits_with_wider_spacing(visit: Visit) -> list[str]:
    """With WCAG 1.4.12's letter, word, line and paragraph spacing, no text
    is cut off or runs out of its box (support/beyond_axe.py)."""
    return text_stays_in_its_box_with_wider_spacing(visit.page)


def keeps_contrast_in_forced_colours(visit: Visit) -> list[str]:
    """In a dark and a light high-contrast theme the route map, its legend,
    the icons and the focus ring keep their contrast (support/beyond_axe.py)."""
    return forced_colours_keep_contrast(visit.page)


def _sideways_at(visit: Visit, viewport: dict) -> list[str]:
    visit.page.set_viewport_size(viewport)
    problem = sideways(visit.page)
    return [str(problem)] if problem else []


def no_sideways_scroll_at_320_px(visit: Visit) -> list[str]:
    return _sideways_at(visit, NARROWEST)


def no_sideways_scroll_at_200_percent_zoom(visit: Visit) -> list[str]:
    return _sideways_at(visit, DESKTOP_AT_200_PERCENT)


def text_at_200_percent_stays_readable(visit: Visit) -> list[str]:
    """Text-only zoom (a phone's font size setting) doubles the text; it must
    wrap, not be cut off or push the page sideways."""
    page = visit.page
    page.set_viewport_size(WIDTHS["phone"])
    before = page.evaluate(H1_SIZE)
    page.evaluate(DOUBLE_THE_TEXT)
    after = page.evaluate(H1_SIZE)
    if after < 1.9 * before:
        return [f"the heading does not grow with the text size ({before}px -> {after}px)"]
    problem = sideways(page)
    return [str(problem)] if problem else []


class Check(NamedTuple):
    name: str
    run: Callable[[Visit], list[str]]
    widths: tuple[str, ...] = tuple(WIDTHS)


CHECKS = [
    Check("layout-shift", nothing_moves_while_loading),
    Check("axe", no_axe_violations),
    Check("axe-best-practice", no_axe_best_practice_issues),
    Check("csp", keeps_to_the_csp),
    Check("off-origin", no_request_leaves_localhost),
    Check("hover-only", nothing_shows_only_on_hover),
    Check("focus-hidden", focus_is_never_hidden),
    Check("text-spacing", text_fits_with_wider_spacing),
    Check("forced-colours", keeps_contrast_in_forced_colours),
    Check("sideways-320px", no_sideways_scroll_at_320_px, ("phone",)),
    Check("sideways-zoom-200", no_sideways_scroll_at_200_percent_zoom, ("desktop",)),
    Check("text-200", text_at_200_percent_stays_readable, ("phone",)),
]


# --- The sweep of the whole site -------------------------------------------------------

@dataclass
class SweepResult:
    width: str
    pages: list[str]
    found: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # check: {path: problems}
    errors: dict[str, str] = field(default_factory=dict)                  # path: why the visit broke off
    requests: int = 0

    def problems(self, check: str) -> dict[str, list[str]]:
        """{path: problems} of every page where `check` found something, or
        where the visit broke off before the check could run."""
        if not any(c.name == check and self.width in c.widths for c in CHECKS):
            raise KeyError(f"no check {check!r} at width {self.width!r}")
        found = {path: [f"the visit broke off: {why}"] for path, why in self.errors.items()}
        found.update(self.found.get(check, {}))
        return found


class _SweepTab:
    """One of a sweep's tabs: its context, the requests made in it, its CSP recorder."""

    def __init__(self, browser: Browser, width: str):
        self.context = browser.new_context(viewport=WIDTHS[width], service_workers="allow")
        self.requests: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        add_axe(self.context)
        self.page = self.context.new_page()
        self.csp = CspRecorder(self.page)

    def visit(self, base_url: str, path: str, width: str, result: SweepResult) -> None:
        """Load `path` and run every check for `width` on it, in CHECKS' order."""
        self.page.set_viewport_size(WIDTHS[width])
        self.csp.clear()
        first_request = len(self.requests)
        visit = Visit(self.page, path, width, self.csp, [])
        try:
            self.page.goto(base_url + path)
        except Exception as error:  # noqa: BLE001 (reported, and the sweep goes on)
            result.errors[path] = f"{type(error).__name__}: {error}"
            return
        for check in CHECKS:
            if width not in check.widths:
                continue
            visit.requests = self.requests[first_request:]
            try:
                problems = check.run(visit)
            except Exception as error:  # noqa: BLE001
                problems = [f"the check broke off: {type(error).__name__}: {error}"]
            if problems:
                result.found.setdefault(check.name, {})[path] = problems


# Two tabs: axe in one while the other loads; with more, each waits longer for
# the two processor cores.
TABS = 2
# The states wait on their pages more (interactions, transitions): three tabs.
STATE_TABS = 3


def sweep_site(browser: Browser, base_url: str, pages: list[str], width: str) -> SweepResult:
    """Visit every page once at `width` and run every check for that width."""
    result = SweepResult(width, pages)
    to_visit = list(pages)

    def take_pages() -> int:
        tab = _SweepTab(browser, width)
        try:
            while to_visit:
                tab.visit(base_url, to_visit.pop(0), width, result)
            return len(tab.requests)
        finally:
            tab.context.close()

    result.requests = sum(side_by_side(browser, [take_pages] * TABS))
    return result


class Sweeps:
    """The sweep at each width, made when a test first asks for it."""

    def __init__(self, browser: Browser, base_url: str, pages: list[str]):
        self.browser, self.base_url, self.pages = browser, base_url, pages
        self._done: dict[str, SweepResult] = {}

    def at(self, width: str) -> SweepResult:
        if width not in self._done:
            self._done[width] = sweep_site(self.browser, self.base_url, self.pages, width)
        return self._done[width]


# --- Interactive states ------------------------------------------------------------------

@dataclass
class State:
    """What axe and the CSP check found once an interaction was done, or why
    the interaction itself failed."""
    axe: list[str] = field(default_factory=list)
    axe_best_practice: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    focus_hidden: list[str] = field(default_factory=list)
    failure: str | None = None


def reach(tab: ReusedPage, interaction: Interaction, base_url: str) -> State:
    """Do `interaction` in `tab` and run axe, the CSP check and the focus
    walk (it moves focus, so it comes last) in the state it leaves; the
    caller resets the tab, or closes it."""
    state = State()
    try:
        page = tab.get()
        tab.prepared.clear()  # the tab's CspRecorder
        page.goto(base_url + interaction.path)
        interaction.use(page)
        violations = axe_run(page, WCAG_AA_TAGS + BEST_PRACTICE_TAGS)
        state.axe = [describe(v) for v in violations if is_wcag_aa(v)]
        state.axe_best_practice = [describe(v) for v in violations if is_best_practice(v)]
        wait_until_idle(page)
        state.csp = tab.prepared.problems()
        state.focus_hidden = focus_never_hidden(page)
    except Exception:  # noqa: BLE001 (the tests that read the state fail with it)
        state.failure = traceback.format_exc()
    return state


class InteractionStates:
    """Every interaction of support/interactions.py done once per width, all of
    a width when a test first asks for one of them."""

    def __init__(self, browser: Browser, base_url: str):
        self.browser, self.base_url = browser, base_url
        self._done: dict[tuple[str, str], State] = {}
        self._tabs: dict[str, list[ReusedPage]] = {}

    def of(self, interaction: Interaction, width: str) -> State:
        key = (interaction.name, width)
        if key not in self._done:
            everything = [i for i in INTERACTIONS if (i.name, width) not in self._done]
            self.reach_all(everything if interaction in everything else [interaction], width)
        state = self._done[key]
        if state.failure:
            raise AssertionError(f"{interaction.name} at {width} did not work:\n{state.failure}")
        return state

    def reach_all(self, interactions: list[Interaction], width: str) -> None:
        """Three tabs per width (support/reused_page.py), each reset after a
        state, take the interactions from one list side by side. A state with
        the service worker gets a context of its own."""
        tabs = self._tabs.setdefault(width, [self._new_tab(width, False) for _ in range(STATE_TABS)])
        to_reach = list(interactions)

        def take_interactions(tab: ReusedPage) -> None:
            while to_reach:
                interaction = to_reach.pop(0)
                own = self._new_tab(width, True) if interaction.service_worker else tab
                try:
                    self._done[(interaction.name, width)] = reach(own, interaction, self.base_url)
                finally:
                    if own is tab:
                        tab.reset()
                    else:
                        own.close()

        side_by_side(self.browser, [lambda tab=tab: take_interactions(tab) for tab in tabs])

    def _new_tab(self, width: str, service_worker: bool) -> ReusedPage:
        args = {"viewport": WIDTHS[width], "service_workers": "allow" if service_worker else "block"}
        return ReusedPage(self.browser, args, prepare=CspRecorder)

    def close(self) -> None:
        for tabs in self._tabs.values():
            for tab in tabs:
                tab.close()
