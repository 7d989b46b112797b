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
it as it loaded. To add an interactive state, add an entry to
`support/interactions.py`.

axe-core takes most of a visit's time, and runs in the page without the test's
help. So each sweep keeps two tabs (in two contexts, so two renderer processes)
and works on both at once: it loads a page in one tab, runs the checks listed
before "axe" and starts axe there, then finishes the page waiting in the other
tab (axe's result and the remaining checks). Each page is still checked on its
own, in a tab that nothing else touches meanwhile. The interactive states are
reached the same way.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Callable, NamedTuple
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

from support.axe import (BEST_PRACTICE_TAGS, WCAG_AA_TAGS, add_axe, describe, finish_axe, is_best_practice,
                         is_wcag_aa, start_axe)
from support.browser import WIDTHS
from support.csp import CspRecorder, wait_until_idle
from support.interactions import INTERACTIONS, Interaction
from support.reused_page import ReusedPage

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

    def start_axe(self) -> None:
        """Start axe-core (WCAG A/AA and best practices in one run) and go on:
        the sweep drives the other tab while this one is checked."""
        start_axe(self.page, WCAG_AA_TAGS + BEST_PRACTICE_TAGS)

    def axe(self) -> list[dict]:
        """axe-core's violations, from the run `start_axe` began."""
        if self._axe is None:
            self._axe = finish_axe(self.page)
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
    """One of a sweep's two tabs: its context, the requests made in it, its CSP recorder."""

    def __init__(self, browser: Browser, width: str):
        self.context = browser.new_context(viewport=WIDTHS[width], service_workers="allow")
        self.requests: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        add_axe(self.context)
        self.page = self.context.new_page()
        self.csp = CspRecorder(self.page)


# The checks of a page that read it as it loaded, before axe starts; and the rest.
def _split(checks: list[Check]) -> tuple[list[Check], list[Check]]:
    first_axe = next(i for i, c in enumerate(checks) if c.name == "axe")
    return checks[:first_axe], checks[first_axe:]


def sweep_site(browser: Browser, base_url: str, pages: list[str], width: str) -> SweepResult:
    """Visit every page once at `width` and run every check for that width."""
    result = SweepResult(width, pages)
    as_loaded, after_axe = _split([c for c in CHECKS if width in c.widths])
    tabs = [_SweepTab(browser, width), _SweepTab(browser, width)]

    def run(visit: Visit, checks: list[Check], tab: _SweepTab, first_request: int) -> None:
        for check in checks:
            visit.requests = tab.requests[first_request:]
            try:
                problems = check.run(visit)
            except Exception as error:  # noqa: BLE001
                problems = [f"the check broke off: {type(error).__name__}: {error}"]
            if problems:
                result.found.setdefault(check.name, {})[visit.path] = problems

    waiting = None  # (tab, visit, first request) of the page whose axe run is under way
    try:
        for number, path in enumerate(pages):
            tab = tabs[number % 2]
            tab.page.set_viewport_size(WIDTHS[width])
            tab.csp.clear()
            first_request = len(tab.requests)
            visit = Visit(tab.page, path, width, tab.csp, [])
            started = None
            try:
                tab.page.goto(base_url + path)
                run(visit, as_loaded, tab, first_request)
                visit.start_axe()
                started = (tab, visit, first_request)
            except Exception as error:  # noqa: BLE001 (reported, and the sweep goes on)
                result.errors[path] = f"{type(error).__name__}: {error}"
            # Finish the page before this one, in the other tab, while axe runs here.
            if waiting:
                run(waiting[1], after_axe, waiting[0], waiting[2])
            waiting = started
        if waiting:
            run(waiting[1], after_axe, waiting[0], waiting[2])
        result.requests = sum(len(tab.requests) for tab in tabs)
    finally:
        for tab in tabs:
            tab.context.close()
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
    failure: str | None = None


class _Reaching:
    """An interaction being done in a tab: `start()` does it and starts axe,
    `finish()` reads axe's result and the CSP check and gives the tab back."""

    def __init__(self, tab: ReusedPage, interaction: Interaction, base_url: str, own_tab: bool):
        self.tab, self.interaction, self.base_url, self.own_tab = tab, interaction, base_url, own_tab
        self.state = State()

    def start(self) -> bool:
        try:
            page = self.tab.get()
            self.tab.prepared.clear()  # the tab's CspRecorder
            page.goto(self.base_url + self.interaction.path)
            self.interaction.use(page)
            start_axe(page, WCAG_AA_TAGS + BEST_PRACTICE_TAGS)
            return True
        except Exception:  # noqa: BLE001 (the tests that read the state fail with it)
            self.state.failure = traceback.format_exc()
            self._give_back()
            return False

    def finish(self) -> State:
        try:
            page = self.tab.page
            violations = finish_axe(page)
            self.state.axe = [describe(v) for v in violations if is_wcag_aa(v)]
            self.state.axe_best_practice = [describe(v) for v in violations if is_best_practice(v)]
            wait_until_idle(page)
            self.state.csp = self.tab.prepared.problems()
        except Exception:  # noqa: BLE001
            self.state.failure = traceback.format_exc()
        finally:
            self._give_back()
        return self.state

    def _give_back(self) -> None:
        if self.own_tab:
            self.tab.close()
        else:
            self.tab.reset()


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
        """Two tabs per width (support/reused_page.py), each reset after a
        state, taking turns: one is reaching a state while axe checks the
        other's. A state with the service worker gets a context of its own."""
        tabs = self._tabs.setdefault(width, [self._new_tab(width, False), self._new_tab(width, False)])
        waiting: _Reaching | None = None
        for number, interaction in enumerate(interactions):
            own = interaction.service_worker
            tab = self._new_tab(width, True) if own else tabs[number % 2]
            reaching = _Reaching(tab, interaction, self.base_url, own)
            started = reaching.start()
            if waiting:
                self._done[(waiting.interaction.name, width)] = waiting.finish()
            if not started:
                self._done[(interaction.name, width)] = reaching.state
            waiting = reaching if started else None
        if waiting:
            self._done[(waiting.interaction.name, width)] = waiting.finish()

    def _new_tab(self, width: str, service_worker: bool) -> ReusedPage:
        args = {"viewport": WIDTHS[width], "service_workers": "allow" if service_worker else "block"}
        return ReusedPage(self.browser, args, prepare=CspRecorder)

    def close(self) -> None:
        for tabs in self._tabs.values():
            for tab in tabs:
                tab.close()
