"""Who publishes an edition, and its identity, from content only.

The national edition (content/editie.yml names no maintainer) says plainly
that no one publishes it and names no one; a regional edition
(tests/fixtures/regio.yml) names its maintainer with a contact in the footer,
the colofon, the accessibility statement, the privacy page and security.txt,
and shows its logo, brand colours, out-of-hours service and public address.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from macros.sitefiles import SECURITY_TXT
from macros.content import load_content
from support.axe import axe_violations
from support.browser import WIDTHS
from support.html import find, page as html_page, text, the, with_class
from support.project import ROOT, serve
from support.variants import FIXTURES, REGIONAL

EDITION = load_content(ROOT / "content").editie
REGION = load_content(ROOT / "content", FIXTURES / "regio.yml").regio
MAINTAINER = REGION.beheerder
PUBLISHERS = ("NHVeilig", "CCV", "Partner in Crime")
ABOUT_PAGES = ("colofon.html", "toegankelijkheid.html", "privacy.html")


@pytest.fixture(scope="module")
def region_site():
    return REGIONAL.site()


@pytest.fixture(scope="module")
def region_url(region_site):
    server = serve(region_site)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def footer_lines(site, path="index.html"):
    footer = the(find(html_page(site, path), f"//{with_class('md-copyright')}"))
    return [text(e) for e in find(footer, "./div")]


def section_text(site, path: str, heading_id: str) -> str:
    """The text from the heading with `heading_id` up to the next h2."""
    root = html_page(site, path)
    heading = the(find(root, f"//h2[@id='{heading_id}']"))
    parts = []
    for sibling in heading.itersiblings():
        if sibling.tag == "h2":
            break
        parts.append(text(sibling))
    return " ".join(parts)


# --- The national edition: no one named --------------------------------------------

def test_the_national_footer_keeps_the_publishers_text_apart_and_names_no_maintainer(site_dir):
    lines = footer_lines(site_dir)
    assert lines[0].startswith(f"{EDITION.voettekst.tekst_routekaart} ©")
    assert lines[1] == f"{EDITION.voettekst.digitale_versie} {EDITION.voettekst.zonder_beheerder}"


@pytest.mark.parametrize("path, heading, sentences", [
    ("colofon.html", "uitgave", EDITION.uitgave),
    ("toegankelijkheid.html", "contact", EDITION.toegankelijkheid),
    ("privacy.html", "verantwoordelijke", EDITION.privacy.verantwoordelijke),
])
def test_without_a_maintainer_the_about_pages_say_so_and_name_no_one(site_dir, path, heading, sentences):
    said = section_text(site_dir, path, heading)
    assert " ".join(sentences.zonder_beheerder.split()) in said
    assert "@" not in said and "mailto:" not in said
    # Never the publishers as the ones to contact or as responsible.
    assert not any(p in said for p in PUBLISHERS), said


def test_the_accessibility_statement_has_its_date(site_dir):
    t = load_content(ROOT / "content").toegankelijkheid
    date = the(find(html_page(site_dir, "toegankelijkheid.html"), f"//{with_class('rk-statement-date')}"))
    assert str(t.opgesteld.datum.year) in text(date) and "{datum}" not in text(date)


def test_the_privacy_page_says_what_the_server_keeps(site_dir):
    said = section_text(site_dir, "privacy.html", "serverlog")
    assert " ".join(EDITION.privacy.serverlog.tekst.split()) == said


def test_the_national_edition_has_no_security_txt_logo_or_out_of_hours_line(site_dir):
    assert not (site_dir / SECURITY_TXT).exists()
    assert not list(site_dir.glob("assets/images/editie-logo.*"))
    assert find(html_page(site_dir, "index.html"), f"//{with_class('rk-out-of-hours')}") == []
    assert "<loc>" not in (site_dir / "sitemap.xml").read_text(encoding="utf-8")


# --- A regional edition: its maintainer everywhere -------------------------------------

def test_the_regional_footer_names_the_maintainer_apart_from_the_publishers_text(region_site):
    for path in ("index.html", "stappen/bericht-duiden.html", "privacy.html"):
        lines = footer_lines(region_site, path)
        assert lines[0].startswith(f"{EDITION.voettekst.tekst_routekaart} ©")
        assert MAINTAINER.organisatie not in lines[0]
        assert lines[1] == f"{EDITION.voettekst.digitale_versie} {MAINTAINER.organisatie}"


@pytest.mark.parametrize("path, heading", [("colofon.html", "uitgave"), ("toegankelijkheid.html", "contact"),
                                           ("privacy.html", "verantwoordelijke")])
def test_the_about_pages_name_the_maintainer_with_a_contact(region_site, path, heading):
    said = section_text(region_site, path, heading)
    assert MAINTAINER.organisatie in said
    assert MAINTAINER.email in said and MAINTAINER.website in said
    links = {a.get("href") for a in find(html_page(region_site, path), "//a")}
    assert f"mailto:{MAINTAINER.email}" in links and MAINTAINER.website in links


def test_security_txt_names_the_maintainer_and_expires_within_a_year(region_site):
    fields = [line.split(": ", 1) for line in (region_site / SECURITY_TXT).read_text().splitlines()]
    assert [v for k, v in fields if k == "Contact"] == [f"mailto:{MAINTAINER.email}", MAINTAINER.website]
    assert dict(fields)["Preferred-Languages"] == "nl, en"
    assert dict(fields)["Canonical"] == f"{REGION.site_url}.well-known/security.txt"
    expires = datetime.strptime(dict(fields)["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    now = datetime.now(timezone.utc)
    assert now + timedelta(days=300) < expires <= now + timedelta(days=365)
    # A host file: not in the offline copy.
    assert SECURITY_TXT not in (region_site / "sw.js").read_text()


def test_the_site_url_gives_sitemap_entries_and_canonical_links(region_site):
    sitemap = (region_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{REGION.site_url}index.html" in locs and f"{REGION.site_url}stappen/bericht-duiden.html" in locs
    assert all(loc.startswith(REGION.site_url) for loc in locs)
    canonical = find(html_page(region_site, "stappen/bericht-duiden.html"), "//link[@rel='canonical']")
    assert [c.get("href") for c in canonical] == [f"{REGION.site_url}stappen/bericht-duiden.html"]


def test_the_logo_is_in_the_header_with_its_alt_text(region_site):
    logos = find(html_page(region_site, "stappen/bericht-duiden.html"), "//header//img")
    assert [(img.get("src"), img.get("alt")) for img in logos] == [("../assets/images/editie-logo.svg",
                                                                     REGION.logo.alt)]
    assert (region_site / "assets/images/editie-logo.svg").read_bytes() == \
        (FIXTURES / REGION.logo.bestand).read_bytes()


def test_the_brand_colours_reach_the_header_and_the_links(page, region_url):
    page.goto(region_url + "stappen/bericht-duiden.html")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    accent = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-accent-fg-color').trim()")
    assert header == "rgb(27, 94, 32)"  # kleuren.primair #1b5e20
    assert accent == REGION.kleuren.accent


def test_the_out_of_hours_service_is_at_the_startpunt_and_on_every_step(region_site):
    content = load_content(ROOT / "content")
    service = REGION.buiten_kantoortijd
    start = html_page(region_site, "index.html")
    line = the(find(start, f"//{with_class('rk-out-of-hours')}"))
    # Right after the Startpunt.
    assert "rk-starting-point" in line.getprevious().get("class")
    for step_content in content.routekaart.stappen:
        step = html_page(region_site, f"stappen/{step_content.id}.html")
        line = the(find(step, f"//{with_class('rk-out-of-hours')}"))
        said = text(line)
        assert service.organisatie in said and "van 17.00 tot 08.30 uur" in said and service.toelichting in said
        assert [a.get("href") for a in find(line, ".//a")] == ["tel:0612345678"]
        assert line.get("data-origin") == "toegevoegd"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [*ABOUT_PAGES, "stappen/bericht-duiden.html"])
def test_the_editions_pages_have_no_axe_violations(page, region_url, path, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(region_url + path)
    if width == "desktop":  # Material shows the header's logo on wide screens only
        expect(page.locator("header img")).to_be_visible()
    assert axe_violations(page) == []
