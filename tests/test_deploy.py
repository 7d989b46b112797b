"""The deployment recipe runs: several editions in one build, served by the
production nginx configuration (macros/afterbuild/nginx/routekaart.conf) under the real
nginx, as the Dockerfile serves them.

One command (`python -m macros.editions`) builds the national edition at the
root and the edition of tests/fixtures/regio.yml under /westerkwartier/, each
with its own offline copy, search and service worker.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.afterbuild.headers import HSTS, inline_script_hashes
from macros.sitefiles import NGINX_FILE
from macros.afterbuild.precompress import precompress
from macros.sitefiles import SECURITY_TXT
from macros.editions import EDITIONS_NGINX, EditionsError, edition_files
from support.csp import CspRecorder, wait_until_idle
from support.html import find, page as html_page, text, with_class
from support.nginx_server import PRODUCTION_CONF, Nginx, nginx_path
from support.project import ROOT
from support.variants import FIXTURES
from support.words import page_text

REGION = "westerkwartier"
DEPLOY = ROOT / "macros" / "afterbuild" / "nginx"


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> Path:
    """The national edition and one regional edition, built by the one command."""
    tmp = tmp_path_factory.mktemp("editions")
    (tmp / "edities").mkdir()
    shutil.copy(FIXTURES / "regio.yml", tmp / "edities" / f"{REGION}.yml")
    shutil.copy(FIXTURES / "logo-westerkwartier.svg", tmp / "edities")
    result = subprocess.run([sys.executable, "-m", "macros.editions", str(tmp / "out"),
                             "--edities", str(tmp / "edities")],
                            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"python -m macros.editions failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return tmp / "out"


@pytest.fixture(scope="module")
def production(editions, tmp_path_factory):
    server = Nginx(editions, tmp_path_factory.mktemp("nginx-production"), production=True).start()
    yield server.url
    server.stop()


def get(page, url: str, **headers):
    return page.request.get(url, headers={"Accept-Encoding": "gzip", **headers})


# --- One command, several editions ------------------------------------------------

def test_each_edition_has_its_own_path_offline_copy_search_and_worker(editions):
    national, regional = editions, editions / REGION
    assert find(html_page(national, "index.html"), f"//{with_class('rk-edition')}") == []
    assert [text(e) for e in find(html_page(regional, "index.html"), f"//{with_class('rk-edition')}")] == \
        [page_text("start_edition", regio="Regio Westerkwartier")]
    for site in (national, regional):
        assert (site / "routekaart-offline.zip").is_file()
        assert (site / "search" / "search_index.json").is_file()
    # The regional search finds the regional words, the national does not.
    assert "Westerkwartier" in (regional / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Westerkwartier" not in (national / "search" / "search_index.json").read_text(encoding="utf-8")
    # Each worker lists its own folder's files, relative to its own scope.
    sw = {site: (site / "sw.js").read_text(encoding="utf-8") for site in (national, regional)}
    files = {site: json.loads(re.search(r"const FILES = (\[.*?\]);", sw[site], re.S).group(1))
             for site in sw}
    assert not any(f.startswith(f"{REGION}/") for f in files[national])
    assert "assets/images/editie-logo.svg" in files[regional]
    prefixes = {re.search(r'const PREFIX = "([^"]+)"', sw[site]).group(1) for site in sw}
    assert prefixes == {"routekaart-", f"routekaart-{REGION}-"}


def test_one_policy_and_the_404_pages_for_the_whole_folder(editions):
    """One host serves every edition: its CSP must allow the inline scripts
    of all of them, and each edition keeps its own 404 page."""
    snippet = (editions / NGINX_FILE).read_text(encoding="utf-8")
    for script_hash in inline_script_hashes(editions / REGION):
        assert script_hash in snippet
    assert not (editions / REGION / NGINX_FILE).exists() and not (editions / REGION / "_headers").exists()
    assert f"error_page 404 /{REGION}/404.html;" in (editions / EDITIONS_NGINX).read_text(encoding="utf-8")


def test_a_precompressed_copy_is_the_file_itself(editions):
    page = editions / "index.html"
    assert gzip.decompress((editions / "index.html.gz").read_bytes()) == page.read_bytes()
    assert not (editions / "routekaart-offline.zip.gz").exists()
    assert not list(editions.rglob("*.png.gz"))


def test_precompressing_again_changes_nothing(tmp_path):
    (tmp_path / "a.css").write_text("body { color: black; }\n" * 40)
    assert precompress(tmp_path) == 1
    first = (tmp_path / "a.css.gz").read_bytes()
    assert precompress(tmp_path) == 1 and (tmp_path / "a.css.gz").read_bytes() == first


@pytest.mark.parametrize("name", ["Wester Kwartier.yml", "westerkwartier_2.yml", "Oost.yml"])
def test_an_edition_file_name_that_cannot_be_a_web_address_is_refused(tmp_path, name):
    (tmp_path / name).write_text("naam: X\n")
    with pytest.raises(EditionsError, match="lower-case letters, digits and single hyphens"):
        edition_files(tmp_path)


def test_an_edition_may_not_take_a_folder_of_the_national_edition(tmp_path):
    (tmp_path / "edities").mkdir()
    shutil.copy(FIXTURES / "regio.yml", tmp_path / "edities" / "stappen.yml")
    result = subprocess.run([sys.executable, "-m", "macros.editions", str(tmp_path / "out"),
                             "--edities", str(tmp_path / "edities")],
                            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "stappen.yml: 'stappen' is already a folder or file of the national edition" in result.stderr


# --- The production configuration under the real nginx ------------------------------

def test_the_production_server_sends_the_security_headers_and_hsts_behind_tls(production, page):
    for path in ("", f"{REGION}/", f"{REGION}/stappen/bericht-duiden.html", "geen-pagina"):
        plain = get(page, production + path)
        assert "content-security-policy" in plain.headers, path
        assert plain.headers["x-frame-options"] == "DENY"
        assert HSTS[0].lower() not in plain.headers, path
        behind_tls = get(page, production + path, **{"X-Forwarded-Proto": "https"})
        assert behind_tls.headers[HSTS[0].lower()] == HSTS[1], path
        assert "content-security-policy" in behind_tls.headers, path


def test_the_production_server_sends_the_precompressed_files(production, editions, page):
    css = next((editions / "assets" / "stylesheets").glob("site.*.css")).name
    for path in ("index.html", f"{REGION}/index.html", f"assets/stylesheets/{css}",
                 f"{REGION}/search/search_index.json"):
        response = get(page, production + path)
        assert response.headers["content-encoding"] == "gzip", path
        # gzip_static sends the file's length; compressing on the fly sends none.
        assert int(response.headers["content-length"]) == (editions / (path + ".gz")).stat().st_size, path
        assert "Accept-Encoding" in response.headers["vary"]
        assert response.body() == (editions / path).read_bytes()  # the client unpacks it


def test_hashed_files_are_cached_for_a_year_and_the_rest_never_goes_stale(production, editions, page):
    hashed = [p.relative_to(editions).as_posix() for p in editions.rglob("*")
              if re.search(r"\.[0-9a-f]{8,}(\.min)?\.(css|js)$", p.name)]
    assert any("site." in h for h in hashed) and any("bundle." in h for h in hashed)
    assert any("/workers/" in h for h in hashed)
    for path in hashed[:12]:
        assert get(page, production + path).headers["cache-control"] == "public, max-age=31536000, immutable"
    for path in ("sw.js", f"{REGION}/sw.js", "", "index.html", "manifest.webmanifest",
                 "assets/images/icon-192.png", f"{REGION}/search/search_index.json"):
        assert get(page, production + path).headers["cache-control"] == "no-cache", path


def test_each_edition_gets_its_own_404_page(production, editions, page):
    for prefix in ("", f"{REGION}/"):
        response = get(page, production + prefix + "geen-pagina")
        assert response.status == 404
        assert response.body() == (editions / prefix / "404.html").read_bytes(), prefix
    assert (editions / "404.html").read_bytes() != (editions / REGION / "404.html").read_bytes()


def test_security_txt_and_the_host_files(production, editions, page):
    response = get(page, production + f"{REGION}/{SECURITY_TXT}")
    assert response.status == 200 and response.headers["content-type"].startswith("text/plain")
    assert response.text() == (editions / REGION / SECURITY_TXT).read_text()
    assert "Contact: mailto:" in response.text()
    # The national edition names no maintainer, so it has none.
    assert get(page, production + SECURITY_TXT).status == 404
    for host_file in (NGINX_FILE, EDITIONS_NGINX, "_headers"):
        assert get(page, production + host_file).status == 404, host_file


def test_the_editions_work_under_the_production_policy_with_their_own_workers(production, browser):
    """A reader who opened the regional edition, then the national one, keeps
    both offline copies: the national worker (scope /, which covers the
    regional folder) removes none of the regional worker's caches."""
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        csp = CspRecorder(page)
        for prefix in (f"{REGION}/", ""):
            page.goto(production + prefix + "index.html")
            wait_until_idle(page)
            page.evaluate("navigator.serviceWorker.ready")
            page.wait_for_function("navigator.serviceWorker.controller !== null")
            assert csp.problems() == [], prefix
        scopes = page.evaluate("navigator.serviceWorker.getRegistrations().then(rs => rs.map(r => r.scope))")
        assert sorted(scopes) == [production, production + f"{REGION}/"]
        keys = page.evaluate("caches.keys()")
        assert len(keys) == 2 and any(k.startswith(f"routekaart-{REGION}-") for k in keys), keys
    finally:
        context.close()


def test_the_containers_nginx_configuration_is_valid(tmp_path):
    """macros/afterbuild/nginx/nginx.conf with routekaart.conf, as the Dockerfile puts
    them, passes `nginx -t` (with this machine's paths)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / NGINX_FILE).write_text("add_header X-Test 1;\n")
    conf = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    production = PRODUCTION_CONF.read_text(encoding="utf-8").replace("/etc/routekaart/", f"{site}/")
    (tmp_path / "routekaart.conf").write_text(production)
    assert "include /etc/nginx/routekaart.conf;" in conf
    conf = conf.replace("/tmp/", f"{tmp_path}/")
    conf = conf.replace("include /etc/nginx/routekaart.conf;", f"include {tmp_path}/routekaart.conf;")
    (tmp_path / "nginx.conf").write_text(("user root;\n" if os.geteuid() == 0 else "") + conf)
    result = subprocess.run([nginx_path(), "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_dockerfile_copies_what_exists_and_serves_this_configuration():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for source in re.findall(r"^COPY (?!--from)(\S+) ", dockerfile, re.M):
        assert (ROOT / source).exists(), source
    assert "COPY macros/afterbuild/nginx/routekaart.conf /etc/nginx/routekaart.conf" in dockerfile
    assert "mv /srv/routekaart/nginx-security-headers.conf" in dockerfile
    assert "root /srv/routekaart;" in PRODUCTION_CONF.read_text(encoding="utf-8")
    assert "python -m macros.editions /site" in dockerfile
