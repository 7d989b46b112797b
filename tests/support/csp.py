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
