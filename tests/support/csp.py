"""Record the Content-Security-Policy violations a page reports, from its
first script on, and the console errors about them."""
from __future__ import annotations

from playwright.sync_api import Page

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`
    + ` at ${e.sourceFile}:${e.lineNumber}`);
});
"""


# Resolves in the page's first idle moment after load, once the callbacks the
# site queued for that moment (offline.js registers the service worker then)
# have run and one more task has passed. It asks for one frame first: the
# headless shell (support/browser.py) starts no idle moment in a tab that has
# drawn nothing since it loaded, and would hold the site's idle callbacks
# until their time-outs; a browser on a screen draws frames and has none.
# A page that stays busy (some states keep Chromium drawing frames) resolves
# after half a second, as the "networkidle" wait it replaces did.
IDLE = """() => new Promise(resolve => {
  const next = () => setTimeout(resolve, 0);
  if (!("requestIdleCallback" in window)) return next();
  requestAnimationFrame(() => requestIdleCallback(next, {timeout: 500}));
})"""


def wait_until_idle(page: Page) -> None:
    """Wait until the page has loaded and done what it deferred to idle time.

    Every request a page makes by then has started, and a request or script
    that breaks the policy reports its violation when it starts, not when it
    ends: so this is enough for `problems()`, and unlike Playwright's
    "networkidle" (500 ms without traffic) it costs no fixed wait."""
    page.wait_for_load_state("load")
    page.evaluate(IDLE)


class CspRecorder:
    """Attached to a page before it loads anything; `problems()` lists what
    the current document reported, and console errors since `clear()`."""

    def __init__(self, page: Page):
        self.page = page
        self.console: list[str] = []
        page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console.append(str(e)))
        page.add_init_script(RECORD_VIOLATIONS)

    def clear(self) -> None:
        self.console.clear()

    def problems(self) -> list[str]:
        violations = self.page.evaluate("window.__cspViolations || []")
        console = [m for m in self.console if "Content Security Policy" in m or "Refused to" in m]
        return violations + console
