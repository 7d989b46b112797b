"""The site's version: every page's footer shows it, the Wijzigingen page lists
the changes, the offline copy and its zip say which version they hold, and a
faulty content/versie.yml stops the build with file, line and field.

Expected values are read from content/versie.yml itself, so the tests hold
for every next version."""
from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser

import yaml

from macros.afterbuild.linkcheck import resolve
from macros.content import fill
from macros.afterbuild.offline import ZIP_FOLDER, ZIP_NAME

from support.project import ROOT, build, copy_project
from support.content_faults import content_fault
from support.words import SITE, date_text, page_text

VERSION = yaml.safe_load((ROOT / "content" / "versie.yml").read_text(encoding="utf-8"))
NUMBER = VERSION["versie"]
DATE = date_text(VERSION["wijzigingen"][0]["datum"])


class _Texts(HTMLParser):
    """The text of each element that has a class, by class."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.open: list[list[str]] = []  # per open element: its classes
        self.texts: dict[str, list[str]] = {}
        self.current: dict[int, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("h2", "li"):
            classes.append(tag)
        self.open.append(classes)
        for cls in classes:
            self.texts.setdefault(cls, []).append("")

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.open:
            self.open.pop()

    def handle_data(self, data):
        for classes in self.open:
            for cls in classes:
                self.texts[cls][-1] += data


def texts(html: str, cls: str) -> list[str]:
    """The whitespace-normalised text of every element with class `cls`
    (or every `h2`, `li`)."""
    parser = _Texts()
    parser.feed(html)
    return [" ".join(t.split()) for t in parser.texts.get(cls, [])]


FOOTER = f"{fill(SITE['version'], nummer=NUMBER)} {DATE}"
VERSION_TEXT = page_text("version_text", versie=NUMBER, datum=DATE)


# --- On the site -----------------------------------------------------------------

def test_every_page_shows_the_version_and_its_date_in_the_footer(site_dir, site_pages):
    for path in [*site_pages, "404.html"]:
        html = (site_dir / path).read_text(encoding="utf-8")
        assert texts(html, "rk-version") == [FOOTER], path


def test_every_page_links_to_the_changes_from_its_footer(site_dir, site_pages):
    for path in site_pages:
        html = (site_dir / path).read_text(encoding="utf-8")
        footer = html[html.index('<nav class="rk-about-site"'):]
        href = re.search(r'<a href="([^"]+)">Wijzigingen</a>', footer).group(1)
        assert resolve(path, href) == ("wijzigingen.html", ""), path


def test_the_changes_page_lists_every_version_newest_first_with_its_points(site_dir):
    html = (site_dir / "wijzigingen.html").read_text(encoding="utf-8")
    changes = VERSION["wijzigingen"]
    assert texts(html, "h2") == [page_text("changes_version", versie=w["versie"], datum=date_text(w["datum"]))
                                   for w in changes]
    article = html[html.index('<div class="rk-changes">'):]
    assert texts(article, "li")[:sum(len(w["punten"]) for w in changes)] == \
        [" ".join(p.split()) for w in changes for p in w["punten"]]


# --- Offline -----------------------------------------------------------------------

def test_the_offline_page_says_which_version_the_zip_holds(site_dir):
    html = (site_dir / "offline.html").read_text(encoding="utf-8")
    assert page_text("offline_contains", versie=VERSION_TEXT) in texts(html, "rk-download")[0]


def test_the_zip_shows_its_version_on_every_page_and_on_its_offline_page(site_dir):
    with zipfile.ZipFile(site_dir / ZIP_NAME) as zf:
        pages = [n for n in zf.namelist() if n.endswith(".html")]
        assert f"{ZIP_FOLDER}/wijzigingen.html" in pages
        for name in pages:
            assert texts(zf.read(name).decode(), "rk-version") == [FOOTER], name
        offline_page = zf.read(f"{ZIP_FOLDER}/offline.html").decode()
    assert page_text("offline_in_zip", versie=VERSION_TEXT) in texts(offline_page, "rk-download")[0]


def test_the_service_worker_caches_the_changes_page(site_dir):
    script = (site_dir / "sw.js").read_text(encoding="utf-8")
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", script, re.S).group(1))
    assert "wijzigingen.html" in files


# --- Faulty content/versie.yml ------------------------------------------------------

NEWEST = f'versie: "{NUMBER}"\nwijzigingen:\n'
OLDER_DATE = f"    datum: {VERSION['wijzigingen'][1]['datum']}\n"


def test_a_version_without_a_change_at_the_top_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "versie.yml", NEWEST, 'versie: "99.0"\nwijzigingen:\n')
    assert message.startswith(f"content/versie.yml:{line}: versie: '99.0' differs from the newest "
                              f"change's version '{NUMBER}'"), message


def test_an_impossible_date_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "versie.yml", OLDER_DATE, "    datum: 2026-02-30\n")
    assert message.startswith(f"content/versie.yml:{line}: wijzigingen[1].datum: "
                              "'2026-02-30' is not a real date"), message


def test_changes_must_be_listed_newest_first(tmp_path):
    later = VERSION["wijzigingen"][0]["datum"].replace(year=2099)
    message, line = content_fault(tmp_path, "versie.yml", OLDER_DATE, f"    datum: {later}\n")
    assert message.startswith(f"content/versie.yml:{line}: wijzigingen[1].datum: {later} is later than"), message


def test_versions_must_go_down_the_list(tmp_path):
    older = VERSION["wijzigingen"][1]["versie"]
    message, line = content_fault(tmp_path, "versie.yml", f'  - versie: "{older}"\n', '  - versie: "99.0"\n')
    assert message.startswith(f"content/versie.yml:{line}: wijzigingen[1].versie: version 99.0 comes after"), \
        message


def test_a_change_without_a_date_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "versie.yml", OLDER_DATE, "")
    assert message.startswith(f"content/versie.yml:{line - 1}: wijzigingen[1].datum: "
                              "required field 'datum' is missing"), message


def test_a_faulty_version_file_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "content" / "versie.yml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(OLDER_DATE)].count("\n") + 1
    path.write_text(text.replace(OLDER_DATE, "    datum: 2026-02-30\n"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"content/versie.yml:{line}: wijzigingen[1].datum: '2026-02-30' is not a real date" in result.stderr
