"""Nothing leaves the device: no page makes a request to another origin."""
from __future__ import annotations

from urllib.parse import urlsplit


def test_no_request_leaves_localhost_on_any_page(page, site_url, site_pages):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    for path in site_pages:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert requests, "the pages made no requests at all: the listener is not working"
    foreign = {u for u in requests if urlsplit(u).hostname not in ("127.0.0.1",)
               and not u.startswith(("data:", "blob:"))}
    assert foreign == set()
