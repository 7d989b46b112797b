"""The guide for municipalities (content/handleiding.yml) is a page of the
site: marked as added, linked from Afspraken maken, with a regio.yml example
that the build accepts as it is."""
from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from macros.content import load_content
from support.axe import axe_violations
from support.browser import WIDTHS
from support.html import find, page as html_page, text, with_class
from support.project import ROOT

CONTENT = load_content(ROOT / "content")
GUIDE = CONTENT.handleiding


def test_the_guide_is_a_page_marked_as_added(site_dir):
    page = html_page(site_dir, "handleiding.html")
    assert [text(h) for h in find(page, "//h1")] == [GUIDE.titel]
    assert find(page, f"//article/{with_class('rk-origin--page')}")
    assert [text(h) for h in find(page, "//article//h2")] == [s.titel for s in GUIDE.secties]


def test_afspraken_maken_links_to_the_guide_in_a_marked_addition(site_dir):
    links = find(html_page(site_dir, "afspraken.html"),
                 f"//{with_class('rk-added')}[@data-origin='toegevoegd']//a[@href='handleiding.html']")
    assert [text(a) for a in links] == ["handleiding voor gemeenten"]


def test_the_guides_example_is_a_regio_yml_the_build_accepts(tmp_path):
    example = next(s.voorbeeld for s in GUIDE.secties if s.voorbeeld)
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    (folder / "regio.yml").write_text(example.tekst, encoding="utf-8")
    region = load_content(folder).regio
    assert region.naam and region.beheerder and region.buiten_kantoortijd and region.kleuren and region.site_url
    assert region.afsprakenkaart.antwoorden["betrekken"]["jongerenwerk"]


def test_the_example_is_shown_as_written(site_dir):
    example = next(s.voorbeeld for s in GUIDE.secties if s.voorbeeld)
    (code,) = find(html_page(site_dir, "handleiding.html"), f"//{with_class('rk-guide-example')}/code")
    assert code.text_content() == example.tekst


def test_the_wide_example_scrolls_with_the_keyboard(page, site_url):
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(site_url + "handleiding.html")
    example = page.get_by_role("region", name=next(s.voorbeeld.titel for s in GUIDE.secties if s.voorbeeld))
    for _ in range(60):
        page.keyboard.press("Tab")
        if example.evaluate("e => e === document.activeElement"):
            break
    expect(example).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    # A key's scroll lands a frame or more later (the compositor scrolls).
    page.wait_for_function("e => e.scrollWidth > e.clientWidth && e.scrollLeft > 0",
                           arg=example.element_handle(), timeout=5000)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["handleiding.html", "afspraken.html"])
def test_the_guide_and_its_pointer_have_no_axe_violations(page, site_url, path, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url + path)
    assert axe_violations(page) == []
