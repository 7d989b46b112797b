"""WCAG 2.2 AA criteria that axe-core cannot check, over every page (the
sweeps) and every interactive state, on a phone and a desktop
(support/beyond_axe.py, support/sweep.py)."""
from __future__ import annotations

import pytest

from support.browser import WIDTHS
from support.interactions import IDS, INTERACTIONS


@pytest.mark.parametrize("width", WIDTHS)
def test_focus_is_never_hidden_on_any_page(sweep, width):
    """2.4.11: Tab and Shift+Tab through every page; no stop lies entirely
    under the sticky header, the menu's sticky title or another layer."""
    assert sweep.at(width).problems("focus-hidden") == {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("interaction", INTERACTIONS, ids=IDS)
def test_focus_is_never_hidden_in_any_interactive_state(interaction_states, interaction, width):
    """2.4.11 in every state: search open, dialogs, the phone menu open
    (it closes when focus leaves it), each walk step, bespreken with files."""
    assert interaction_states.of(interaction, width).focus_hidden == []
