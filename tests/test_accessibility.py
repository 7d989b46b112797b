"""axe-core finds no WCAG 2.1 A/AA violations on any page, on a phone and a desktop."""
from __future__ import annotations

import pytest

from conftest import WIDTHS, axe_violations


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
