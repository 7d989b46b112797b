"""The built site is one connected whole: links resolve, every page leads
back to the route map, and the route map reaches every page in two clicks."""
from __future__ import annotations

from collections import deque

from macros.content import load_content
from macros.afterbuild.linkcheck import find_problems, parse_site, resolve
from macros.render.urls import pages_for

from support.project import ROOT

BACK = load_content(ROOT / "content").teksten.blok("site")["back_to_map"]  # the theme's back link


def test_every_internal_link_and_anchor_resolves(site_dir):
    assert find_problems(site_dir) == []


def test_every_page_links_back_to_the_route_map(site_dir, site_pages):
    pages = parse_site(site_dir)
    for page in site_pages:
        targets = {resolve(page, href)[0] for href in pages[page].links if resolve(page, href)}
        assert "index.html" in targets, f"{page} has no link to the route map"
        if page != "index.html":
            html = (site_dir / page).read_text(encoding="utf-8")
            assert BACK in html, f"{page} lacks the visible back link"


def test_the_route_map_reaches_every_page_in_two_clicks(site_dir, site_pages):
    pages = parse_site(site_dir)
    depth = {"index.html": 0}
    queue = deque(["index.html"])
    while queue:
        page = queue.popleft()
        if depth[page] == 2:
            continue
        for href in pages[page].links:
            target = resolve(page, href)
            if target and target[0] in pages and target[0] not in depth:
                depth[target[0]] = depth[page] + 1
                queue.append(target[0])
    far = [p for p in site_pages if p not in depth]
    assert far == [], f"more than two clicks from the route map: {far}"


def test_every_content_item_has_its_page(site_dir):
    content = load_content(ROOT / "content")
    for doc in pages_for(content):
        assert (site_dir / doc.replace(".md", ".html")).is_file(), doc


def test_a_broken_link_is_found(tmp_path):
    (tmp_path / "index.html").write_text('<a href="b.html#nergens">b</a><a href="c.html">c</a>'
                                         '<script src="https://cdn.example/x.js"></script>')
    (tmp_path / "b.html").write_text('<h1 id="ergens">b</h1>')
    assert find_problems(tmp_path) == [
        "index.html: loads 'https://cdn.example/x.js' from another origin",
        "index.html: link 'b.html#nergens' points to missing anchor '#nergens' in b.html",
        "index.html: link 'c.html' points to missing 'c.html'",
    ]
