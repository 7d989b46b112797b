"""The site stays whole under its own security headers, served by a real nginx.

The build writes a Content-Security-Policy (no 'unsafe-inline' for scripts)
and other security headers for nginx and for Netlify/Cloudflare. Here nginx
serves the built site with them (the `nginx_url` fixture); every page loads
and every interactive feature works without a single CSP violation, at both
widths (checked in the sweeps of support/sweep.py).
"""
from __future__ import annotations

import base64
import hashlib
import re

import pytest
from macros.afterbuild.headers import NGINX_FILE, HEADERS_FILE, inline_script_hashes

from support.browser import WIDTHS
from support.interactions import IDS, INTERACTIONS


def test_the_generated_headers_reach_the_browser(site_dir, nginx_url, page):
    response = page.goto(nginx_url)
    headers = response.headers
    csp = headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", csp).group(1).split()
    assert script_src[0] == "'self'"
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert set(script_src[1:]) == set(inline_script_hashes(site_dir))
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in headers["permissions-policy"]
    assert "microphone=()" in headers["permissions-policy"]
    assert "geolocation=()" in headers["permissions-policy"]
    asset = page.request.get(nginx_url + "assets/stylesheets/routekaart.css")
    assert asset.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in asset.headers


def test_the_netlify_file_carries_the_same_headers(site_dir):
    nginx = (site_dir / NGINX_FILE).read_text(encoding="utf-8")
    netlify = (site_dir / HEADERS_FILE).read_text(encoding="utf-8")
    from_nginx = dict(re.findall(r'^add_header (\S+) "(.*)" always;$', nginx, re.M))
    from_netlify = dict(re.findall(r"^  ([\w-]+): (.*)$", netlify, re.M))
    assert from_nginx == from_netlify
    assert "/*" in netlify.splitlines()


def test_the_host_snippets_are_not_served_to_visitors(nginx_url, page):
    for name in (NGINX_FILE, HEADERS_FILE):
        assert page.request.get(nginx_url + name).status == 404


def test_every_inline_script_is_hashed_and_data_blocks_are_not(tmp_path):
    (tmp_path / "a.html").write_text(
        '<script>var a=1</script><script src="x.js"></script>'
        '<script type="application/json">{"b": 2}</script>', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<script >\nvar c=3;\n</script>", encoding="utf-8")

    def source(body):
        return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"

    assert inline_script_hashes(tmp_path) == sorted([source("var a=1"), source("\nvar c=3;\n")])


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_breaks_the_content_security_policy(sweep, width):
    assert sweep.at(width).problems("csp") == {}


@pytest.mark.parametrize("interaction", INTERACTIONS, ids=IDS)
def test_every_interactive_feature_works_under_the_policy(interaction_states, interaction):
    found = {width: interaction_states.of(interaction, width).csp for width in WIDTHS}
    assert found == {width: [] for width in WIDTHS}
