"""Load every page's scripts with `defer`, so none of them holds up the first paint.

Material puts its scripts at the end of the body, where they still block the
parser: the browser (and Lighthouse's slow-phone model) waits for them before
it can finish the page. With `defer` they download while the page parses and
run after it, in the same order, before DOMContentLoaded, which is when the
theme and `rk.onPage` start anyway. Inline scripts are left alone (`defer`
means nothing there) and so are scripts that already say how to load
(`async`, `defer`, `type="module"`).
"""
from __future__ import annotations

import re
from pathlib import Path

_PLAIN_SCRIPT = re.compile(r"<script src=")


def defer_scripts(site: Path) -> int:
    """Add `defer` to each plain `<script src>` of every page; returns how many."""
    count = 0
    for page in sorted(Path(site).rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        changed, n = _PLAIN_SCRIPT.subn("<script defer src=", html)
        if n:
            page.write_text(changed, encoding="utf-8")
            count += n
    return count
