"""axe-core finds no WCAG 2.1 A/AA violations on any page, on a phone and a desktop."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import WIDTHS

AXE = Axe()
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_violations(page) -> list[str]:
    results = AXE.run(page, options=WCAG_21_AA)
    return [f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
            for v in results.response["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_on_any_page(page, site_url, site_pages, width):
    page.set_viewport_size(WIDTHS[width])
    found = {}
    for path in site_pages:
        page.goto(site_url + path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}
