"""axe-core finds no WCAG 2.2 A/AA violations on any page or in any interactive
state, on a phone and a desktop."""
from __future__ import annotations

import pytest

from conftest import WIDTHS, axe_violations
from interactions import IDS, INTERACTIONS


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


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("interaction", INTERACTIONS, ids=IDS)
def test_no_axe_violations_in_any_interactive_state(page, site_url, interaction, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url + interaction.path)
    interaction.use(page)
    assert axe_violations(page) == []


def test_no_axe_best_practice_issues_on_any_page(page, site_url, site_pages):
    """Lighthouse's accessibility score also counts axe's best practices, such
    as a name for every dialog and unique landmarks."""
    found = {}
    for path in site_pages:
        page.goto(site_url + path)
        violations = axe_violations(page, ["best-practice"])
        if violations:
            found[path] = violations
    assert found == {}
