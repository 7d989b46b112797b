"""axe-core finds no WCAG 2.2 A/AA violations and no best-practice issues on
any page or in any interactive state, on a phone and a desktop.

The pages are checked in the sweep and the states once per width
(support/sweep.py); these tests read what they found."""
from __future__ import annotations

import pytest

from support.browser import WIDTHS
from support.interactions import IDS, INTERACTIONS


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_on_any_page(sweep, width):
    assert sweep.at(width).problems("axe") == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_best_practice_issues_on_any_page(sweep, width):
    """Lighthouse's accessibility score also counts axe's best practices, such
    as a name for every dialog and unique landmarks."""
    assert sweep.at(width).problems("axe-best-practice") == {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("interaction", INTERACTIONS, ids=IDS)
def test_no_axe_violations_in_any_interactive_state(interaction_states, interaction, width):
    assert interaction_states.of(interaction, width).axe == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("interaction", INTERACTIONS, ids=IDS)
def test_no_axe_best_practice_issues_in_any_interactive_state(interaction_states, interaction, width):
    assert interaction_states.of(interaction, width).axe_best_practice == []
