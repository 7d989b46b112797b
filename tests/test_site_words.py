"""The site's name, description and copyright line, the menu's section titles,
the home-screen app's words and the month names of dates come from content (content/teksten.yml
`config`, content/colofon.yml), set by the prepare phase: changed there, they
change on the built site, and the prepare command writes them."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from support.html import find, page, text, the, with_class
from support.project import ROOT, built_site, copy_project
from support.words import CONFIG, CONTENT

CHANGED = {"site_name": "Testnaam van de site", "site_description": "Testbeschrijving van de site",
           "nav_route": "Testtitel van de route", "nav_phenomena": "Testtitel van de fenomenen",
           "app_short_name": "Testkort", "app_description": "Testbeschrijving van de app"}
COPYRIGHT = "©Testuitgever, december 2026"
MONTHS = [f"testmaand{n}" for n in range(1, 13)]


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("site-words") / "project")
    texts = project / "content" / "teksten.yml"
    data = yaml.safe_load(texts.read_text(encoding="utf-8"))
    data["config"].update(CHANGED)
    data["maanden"] = MONTHS
    texts.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    colophon = project / "content" / "colofon.yml"
    data = yaml.safe_load(colophon.read_text(encoding="utf-8"))
    data["copyright"] = COPYRIGHT
    colophon.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return built_site(project, project / "site")


def test_the_pages_take_the_site_name_description_copyright_and_menu_titles_from_content(changed_site):
    html = page(changed_site, "partners.html")
    assert text(the(find(html, "//title"))).endswith(f" - {CHANGED['site_name']}")
    assert the(find(html, "//meta[@name='description']")).get("content") == CHANGED["site_description"]
    assert COPYRIGHT in text(the(find(html, f"//{with_class('md-copyright__highlight')}")))
    sections = {text(label) for label in find(html, f"//{with_class('md-nav__link', 'label')}")}
    assert {CHANGED["nav_route"], CHANGED["nav_phenomena"]} <= sections


def test_dates_take_their_month_names_from_content(changed_site):
    updated = CONTENT.versie.datum
    footer = the(find(page(changed_site, "partners.html"), f"//{with_class('md-copyright')}//time"))
    assert text(footer) == f"{updated.day} {MONTHS[updated.month - 1]} {updated.year}"
    changes = page(changed_site, "wijzigingen.html")
    assert f" {MONTHS[updated.month - 1]} " in text(find(changes, "//h2/time")[0])


def test_the_home_screen_app_takes_its_words_from_content(changed_site):
    manifest = json.loads((changed_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert (manifest["name"], manifest["short_name"], manifest["description"]) == \
        (CHANGED["site_name"], CHANGED["app_short_name"], CHANGED["app_description"])


def test_the_prepare_command_writes_the_site_words(tmp_path):
    out = tmp_path / "mkdocs.prepared.yml"
    result = subprocess.run([sys.executable, "-m", "macros.prepare", "--write-config", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    conf = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert (conf["site_name"], conf["site_description"], conf["copyright"]) == \
        (CONFIG["site_name"], CONFIG["site_description"], CONTENT.colofon.copyright)
    titles = [next(iter(item)) for item in conf["nav"] if isinstance(item, dict)]
    assert titles[:3] == [CONFIG["nav_home"], CONFIG["nav_route"], CONFIG["nav_basis"]]
    assert CONFIG["nav_phenomena"] in str(conf["nav"]) and "nav_" not in str(conf["nav"])
