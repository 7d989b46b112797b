"""The navigation legend keeps its promise: every "Terug naar de routekaart"
link and every "meer uitleg" link shows the legend's own icon, one drawing
for all, visible on screen, in forced colours and in print; and the header
wears the routekaart's blue."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from macros.content import load_content

from support.browser import WIDTHS
from support.project import ROOT
from support.words import ROUTEMAP, SITE, WALK

LEGEND = load_content(ROOT / "content").routekaart.legenda
MATERIAL_INDIGO = (64, 81, 181)   # #4051b5, Material's default header colour

# Links that offer more explanation about their subject, besides the map's
# places and the "basis op orde" entries: the walk's links to a step's or a
# phenomenon's own page.
MORE_INFO_TEXT = re.compile(f"^({re.escape(WALK['read_step'])}|{re.escape(WALK['more_about'])}) ")


# --- reading the built HTML --------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Links(HTMLParser):
    """Every <a> of a page with its text, classes, the first icon it shows
    (<use href>) and whether it lies in the map or the basis op orde list;
    plus the page's icon symbols and the map legend's icons and texts, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self.symbols: dict[str, list[list[str]]] = {}   # id: each drawing with that id
        self.legend_icons: list[str] = []
        self.legend_texts: list[str] = []
        self._open: list[tuple[str, list[str]]] = []
        self._symbol: list[str] = []

    def _inside(self, tag: str, klass: str) -> bool:
        return any(t == tag and klass in c for t, c in self._open)

    def _current(self, tag: str):
        return next((c for t, c in reversed(self._open) if t == tag), None)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if self._current("symbol") is not None:
            self._symbol.append(self.get_starttag_text())
        if tag == "symbol":
            self._symbol = []
            self.symbols.setdefault(a["id"], []).append(self._symbol)
        elif tag == "a":
            self.links.append({"text": "", "classes": classes, "icon": None,
                               "in_map": self._inside("svg", "rk-routemap"),
                               "in_ingangen": self._inside("ul", "rk-entries")})
        elif tag == "use":
            if self._current("a") is not None:
                self.links[-1]["icon"] = self.links[-1]["icon"] or a.get("href")
            elif self._inside("svg", "rk-routemap"):
                self.legend_icons.append(a.get("href"))
        elif tag == "text" and "rk-routemap-legend" in classes:
            self.legend_texts.append("")
        if tag not in VOID:
            self._open.append((tag, classes))

    def handle_endtag(self, tag):
        if any(t == tag for t, _ in self._open):
            while self._open.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if self._current("a") is not None:
            self.links[-1]["text"] += data
        text = self._current("text")
        if text is not None and "rk-routemap-legend" in text:
            self.legend_texts[-1] += data


def parsed(site_dir, path: str) -> _Links:
    parser = _Links()
    parser.feed((site_dir / path).read_text(encoding="utf-8"))
    return parser


def legend_icons_of(site_dir) -> dict[str, str]:
    """The icon the start page's legend shows for each legend item, by its
    `icoon` name in content: the <use href> next to the item's text."""
    start = parsed(site_dir, "index.html")
    # Both drawings of the map (wide, phone) carry the legend.
    texts = " ".join(t.strip() for t in start.legend_texts)
    assert all(item.tekst in texts for item in LEGEND.items)
    icons = start.legend_icons
    per_drawing = len(LEGEND.items)
    assert len(icons) == 2 * per_drawing, f"the legends show these icons with <use href>: {icons}"
    assert icons[:per_drawing] == icons[per_drawing:], "the two drawings' legends differ"
    found = {item.icoon: icon for item, icon in zip(LEGEND.items, icons)}
    assert found.keys() == {"terug", "meer-uitleg"}
    assert len(set(found.values())) == 2, found
    return found


def is_back_link(link: dict) -> bool:
    return link["text"].strip() in {SITE["back_to_map"], ROUTEMAP["back_to_map"]}


def is_more_info_link(link: dict) -> bool:
    if link["in_map"]:
        return bool({"rk-routemap-place--step", "rk-routemap-entry"} & set(link["classes"]))
    return link["in_ingangen"] or bool(MORE_INFO_TEXT.match(link["text"].strip()))


def test_every_back_link_on_every_page_shows_the_legends_terug_icon(site_dir, site_pages):
    legend_icons = legend_icons_of(site_dir)
    wrong, count = {}, 0
    for path in site_pages:
        for link in parsed(site_dir, path).links:
            if is_back_link(link):
                count += 1
                if link["icon"] != legend_icons["terug"]:
                    wrong.setdefault(path, []).append(link["icon"])
    assert wrong == {}
    # The link above every page's content and the one in each step's navigation.
    assert count >= len(site_pages)


def test_every_meer_uitleg_link_on_every_page_shows_the_legends_icon(site_dir, site_pages):
    legend_icons = legend_icons_of(site_dir)
    wrong, found = {}, {}
    for path in site_pages:
        for link in parsed(site_dir, path).links:
            if is_more_info_link(link):
                found.setdefault(path, []).append(link["text"].strip())
                if link["icon"] != legend_icons["meer-uitleg"]:
                    wrong.setdefault(path, []).append(link["text"].strip())
    assert wrong == {}
    start = parsed(site_dir, "index.html")
    entry_points = [link for link in start.links if link["in_ingangen"]]
    assert len(entry_points) >= 3, "the start page lists the basis op orde entries as links"
    assert any(t.startswith(WALK["read_step"]) for t in found["doorloop.html"])
    assert any(t.startswith(WALK["more_about"]) for t in found["doorloop.html"])


def test_each_icon_is_drawn_once_and_the_same_on_every_page(site_dir, site_pages):
    """One drawing: the legend and the links reference the same symbol, which
    every page that shows an icon holds exactly once, identical everywhere."""
    legend_icons = legend_icons_of(site_dir)
    drawings: dict[str, set[str]] = {}
    for path in site_pages:
        page = parsed(site_dir, path)
        used = {link["icon"] for link in page.links if link["icon"]} | set(page.legend_icons)
        for href in used:
            assert href.startswith("#"), f"{path}: {href} is not a reference into the page"
            symbols = page.symbols.get(href[1:], [])
            assert len(symbols) == 1, f"{path}: uses {href} and holds it {len(symbols)} times"
            drawings.setdefault(href, set()).add("".join(symbols[0]))
    assert set(legend_icons.values()) <= drawings.keys()
    assert all(len(d) == 1 for d in drawings.values()), drawings


# --- in Chromium -------------------------------------------------------------

def rgb(value: str) -> tuple[float, ...]:
    """(r, g, b, a) of a computed colour or a #rrggbb custom property value."""
    value = value.strip()
    if value.startswith("#"):
        return tuple(int(value[i:i + 2], 16) for i in (1, 3, 5)) + (1.0,)
    parts = [float(p) for p in re.findall(r"[\d.]+", value)]
    return tuple(parts[:3]) + ((parts[3],) if len(parts) > 3 else (1.0,))


def over(top: tuple[float, ...], below: tuple[float, ...]) -> tuple[float, ...]:
    """`top` composited over an opaque `below`."""
    a = top[3]
    return tuple(top[i] * a + below[i] * (1 - a) for i in range(3)) + (1.0,)


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def luminance(c):
        lin = [(v / 255) / 12.92 if v / 255 <= 0.04045 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in c[:3]]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# Every icon the page shows, with what a reader sees it against: the box it
# sits in on the map, else the first opaque background behind it.
ICONS_JS = """() => {
  const systemColor = name => {
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = name;
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  };
  return [...document.querySelectorAll('.rk-icon, .rk-svg-icon')]
  .filter(el => el.getClientRects().length && el.getBoundingClientRect().width > 0)
  .map((el, i) => {
    el.dataset.iconTest = i;
    const style = getComputedStyle(el);
    const link = el.closest('a');
    const box = link && link.querySelector('.rk-routemap-box');
    let background = box ? getComputedStyle(box).fill : null;
    for (let n = el.closest('svg.rk-routemap') || el; !background && n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') background = c;
    }
    return {i, fill: style.fill, color: style.color, printAdjust: style.printColorAdjust,
            systemColor: systemColor(link ? 'LinkText' : 'CanvasText'),
            background: background || 'rgb(255, 255, 255)',
            link: link ? (link.getAttribute('aria-label') || link.textContent.trim()) : 'legenda'};
  });
}"""


def icons_on(page) -> list[dict]:
    return page.evaluate(ICONS_JS)


def painted(page, icon: dict) -> bool:
    """Whether the icon puts pixels on the screen: the spot looks different
    with the icon hidden."""
    el = page.locator(f'[data-icon-test="{icon["i"]}"]')
    el.scroll_into_view_if_needed()
    box = el.bounding_box()
    clip = {"x": box["x"] - 2, "y": box["y"] - 2, "width": box["width"] + 4, "height": box["height"] + 4}
    shown = page.screenshot(clip=clip, animations="disabled")
    el.evaluate("el => el.style.visibility = 'hidden'")
    hidden = page.screenshot(clip=clip, animations="disabled")
    el.evaluate("el => el.style.visibility = ''")
    return shown != hidden


ICON_PAGES = ["index.html", "stappen/partners-betrekken.html", "doorloop.html", "partners.html"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ICON_PAGES)
def test_icons_are_the_routekaart_orange_with_3_to_1_contrast(page, site_url, path, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url + path)
    orange = rgb(page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--rk-orange')"))
    icons = icons_on(page)
    assert icons, "the page shows no icon"
    for icon in icons:
        assert rgb(icon["fill"]) == orange, icon
        assert contrast(orange, rgb(icon["background"])) >= 3, icon


@pytest.mark.parametrize("path", ["index.html", "stappen/partners-betrekken.html", "doorloop.html"])
def test_in_forced_colours_the_icons_take_the_system_colour_and_stay_visible(page, site_url, path):
    page.emulate_media(forced_colors="active")
    page.goto(site_url + path)
    icons = icons_on(page)
    assert icons
    for icon in icons:
        assert icon["fill"] != "none" and rgb(icon["fill"])[3] > 0, icon
        # The colour the system gives links (or text), not the orange, which
        # a high-contrast theme may make unreadable.
        assert icon["fill"] == icon["systemColor"], icon
        assert painted(page, icon), f"{icon['link']}: the icon is not painted"


def test_in_print_the_map_legend_and_basis_op_orde_icons_are_printed_orange(page, site_url):
    """Back links do not print (a link is no use on paper); the map, its legend
    and the list of basis op orde entries do, with their icons in colour."""
    page.emulate_media(media="print")
    page.goto(site_url + "index.html")
    orange = rgb(page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--rk-orange')"))
    icons = icons_on(page)
    shown = {icon["link"] for icon in icons}
    assert "legenda" in shown
    for link in page.locator(".rk-entries a").all():
        assert link.inner_text().strip() in shown, f"{link.inner_text()}: no icon in print"
    for icon in icons:
        assert icon["printAdjust"] == "exact", icon
        assert rgb(icon["fill"]) == orange, icon
        assert painted(page, icon), f"{icon['link']}: the icon is not printed"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_header_is_the_routekaart_blue_with_legible_text(page, site_url, site_dir, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url + "stappen/bericht-duiden.html")
    blue_css = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--rk-blue')").strip()
    blue = rgb(blue_css)
    header = rgb(page.eval_on_selector(".md-header", "el => getComputedStyle(el).backgroundColor"))
    assert header[:3] != MATERIAL_INDIGO
    assert header == blue
    for selector in (".md-header", ".md-header__topic", ".md-header__button"):
        for color in page.eval_on_selector_all(selector, "els => els.map(el => getComputedStyle(el).color)"):
            assert contrast(over(rgb(color), header), header) >= 4.5, (selector, color)
    if width == "desktop":   # the search field is in the header bar
        field = over(rgb(page.eval_on_selector(".md-search__form", "el => getComputedStyle(el).backgroundColor")), header)
        placeholder = rgb(page.eval_on_selector(".md-search__input",
                                                "el => getComputedStyle(el, '::placeholder').color"))
        assert contrast(over(placeholder, field), field) >= 4.5
    # The phone's browser bar and the installed app use the same blue.
    assert page.get_attribute('meta[name="theme-color"]', "content").lower() == blue_css.lower()
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["theme_color"].lower() == blue_css.lower()
