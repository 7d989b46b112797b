"""The site stays whole under its own security headers, served by a real nginx.

The build writes a Content-Security-Policy (no 'unsafe-inline' for scripts)
and other security headers for nginx and for Netlify/Cloudflare. Documents
and worker scripts carry the whole policy; every other response only what
applies to any file. Here nginx serves the built site with them (the
`nginx_url` fixture); every page loads and every interactive feature works
without a single CSP violation, at both widths (checked in the sweeps of
support/sweep.py).
"""
from __future__ import annotations

import base64
import hashlib
import re

import pytest
from macros.sitefiles import HEADERS_FILE, HOST_FILES, NGINX_FILE
from macros.afterbuild.headers import (HSTS, document_headers,
                                      every_response_headers, inline_script_hashes, is_document)

from support.csp import CspRecorder, wait_until_idle
from support.browser import WIDTHS
from support.interactions import IDS, INTERACTIONS


EVERY = {name.lower(): value for name, value in every_response_headers().items()}


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
    assert headers["x-frame-options"] == "DENY"
    assert headers["cross-origin-opener-policy"] == "same-origin"


def security_headers_of(headers: dict[str, str], known: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name in known}


def test_documents_and_workers_carry_the_whole_policy_and_other_files_the_small_set(site_dir, nginx_url, page):
    """Every file of the site, as nginx serves it: pages (also as a folder,
    the 404 page and nginx's own page for a folder without index), SVG, XML, the service worker and the search worker get
    the document policy; scripts, styles, images and the index do not."""
    document = {name.lower(): value for name, value in
                {**every_response_headers(), **document_headers(site_dir)}.items()}
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
                   if p.is_file() and p.name not in HOST_FILES)
    urls = {f: f for f in files} | {"": "index.html", "fenomenen/": "fenomenen/index.html",
                                  "stappen/": None, "geen-pagina": "404.html"}
    seen_document = seen_asset = 0
    for path, file in urls.items():
        response = page.request.get(nginx_url + path)
        expected = document if file is None or is_document(file) else EVERY
        assert security_headers_of(response.headers, document) == expected, path
        seen_document += expected is document
        seen_asset += expected is EVERY
    for needed in ("index.html", "sw.js", "sitemap.xml", "assets/images/icon.svg"):
        assert is_document(needed), needed
    assert any(is_document(f) for f in files if "/workers/" in f)
    assert not any(is_document(f) for f in files if f.endswith((".css", ".json", ".png", ".zip"))
                   or (f.endswith(".js") and "/workers/" not in f and f != "sw.js"))
    assert seen_document > 30 and seen_asset > 30


def netlify_rules(text: str) -> list[tuple[str, dict[str, str]]]:
    rules = []
    for line in text.splitlines():
        if line.startswith("/"):
            rules.append((line, {}))
        elif line.startswith("  "):
            name, _, value = line.strip().partition(": ")
            rules[-1][1][name] = value
    return rules


def netlify_match(rule: str, path: str) -> bool:
    return re.fullmatch(re.escape(rule).replace(r"\*", ".*"), path) is not None


def test_the_netlify_file_carries_the_same_headers(site_dir):
    """Netlify and Cloudflare give a path the headers of every rule it matches:
    the same two sets as nginx, on the same files."""
    nginx = (site_dir / NGINX_FILE).read_text(encoding="utf-8")
    fixed = dict(re.findall(r'^add_header (\S+) "(.*)" always;$', nginx, re.M))
    mapped = dict(re.findall(r'^map \$rk_document \$(\S+) \{\n    1 "(.*)";$', nginx, re.M))
    by_variable = dict(re.findall(r"^add_header (\S+) \$(\S+) always;$", nginx, re.M))
    assert by_variable.pop(HSTS[0]) == "rk_hsts"  # over HTTPS only: see the next test
    from_nginx_documents = {name: mapped[var] for name, var in by_variable.items()}
    rules = netlify_rules((site_dir / HEADERS_FILE).read_text(encoding="utf-8"))
    # Netlify and Cloudflare Pages serve HTTPS only: HSTS goes with every response.
    assert rules[0] == ("/*", {**fixed, HSTS[0]: HSTS[1]}) == ("/*", {**every_response_headers(), HSTS[0]: HSTS[1]})
    assert from_nginx_documents == document_headers(site_dir)
    assert all(headers == from_nginx_documents for _, headers in rules[1:])
    files = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
             if p.is_file() and p.name not in HOST_FILES]
    for f in files:
        matched = any(netlify_match(rule, "/" + f) for rule, _ in rules[1:])
        assert matched == is_document(f), f
    for pretty in ("/", "/colofon", "/stappen/bericht-duiden", "/fenomenen/"):
        assert any(netlify_match(rule, pretty) for rule, _ in rules[1:]), pretty


def test_nginx_sends_hsts_over_https_only(nginx_url, page):
    """HSTS over plain HTTP means nothing (RFC 6797); behind the host's TLS
    proxy nginx knows HTTPS by X-Forwarded-Proto."""
    hsts = HSTS[0].lower()
    for path in ("", "sw.js", "assets/images/icon.svg", "geen-pagina"):
        assert hsts not in page.request.get(nginx_url + path).headers, path
        behind_tls = page.request.get(nginx_url + path, headers={"X-Forwarded-Proto": "https"})
        assert behind_tls.headers[hsts] == "max-age=31536000", path
    assert HSTS[1].startswith("max-age=") and int(HSTS[1].split("=")[1]) >= 31536000


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


def test_the_csp_check_sees_what_a_page_breaks_when_it_is_idle(page):
    """The sweeps read CSP violations once the page has loaded and done its
    idle-time work (`wait_until_idle`), without waiting for the network to be
    quiet: a script the policy blocks, added at idle time as offline.js
    registers the service worker, is still seen."""
    html = """<!doctype html><title>t</title><script src="/late.js"></script>"""
    # Busy for about 400 ms after load, so the idle moment comes late.
    late = """addEventListener('load', () => {
        let n = 0;
        (function busy() { const t = performance.now(); while (performance.now() - t < 40) {}
                           if (++n < 10) setTimeout(busy, 0); })();
        requestIdleCallback(() => { const s = document.createElement('script');
          s.src = 'http://elsewhere.invalid/x.js'; document.head.append(s); });
      });"""
    page.route("http://csp.test/", lambda route: route.fulfill(
        body=html, content_type="text/html",
        headers={"Content-Security-Policy": "script-src 'self'"}))
    page.route("http://csp.test/late.js", lambda route: route.fulfill(
        body=late, content_type="text/javascript"))
    page.route("http://elsewhere.invalid/**", lambda route: route.abort())
    recorder = CspRecorder(page)
    page.goto("http://csp.test/")
    wait_until_idle(page)
    assert any("elsewhere.invalid" in p for p in recorder.problems()), recorder.problems()
