"""Nothing leaves the device: no page makes a request to another origin.

Every request the browser makes while the sweep (support/sweep.py) visits
each page at each width is recorded, the service worker's included."""
from __future__ import annotations

import pytest

from support.browser import WIDTHS


@pytest.mark.parametrize("width", WIDTHS)
def test_no_request_leaves_localhost_on_any_page(sweep, width):
    result = sweep.at(width)
    assert result.requests, "the pages made no requests at all: the listener is not working"
    assert result.problems("off-origin") == {}
