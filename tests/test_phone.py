"""On a phone: no page scrolls sideways at 320 px, text can grow to 200%
without loss, and nothing needs hover."""
from __future__ import annotations

import pytest

NARROWEST = {"width": 320, "height": 640}
# A 1280 px wide window zoomed to 200% lays pages out at 640 CSS px.
DESKTOP_AT_200_PERCENT = {"width": 640, "height": 400}

SIDEWAYS = """() => {
  const wide = [...document.querySelectorAll("body *")].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width && r.right > innerWidth + 1 && getComputedStyle(e).position !== "fixed"
      && !e.closest(".md-sidebar, .md-search, .md-typeset__scrollwrap");
  }).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : ""));
  return {scroll: document.documentElement.scrollWidth, inner: innerWidth, wide: wide.slice(0, 5)};
}"""


def sideways(page) -> dict:
    result = page.evaluate(SIDEWAYS)
    return result if result["scroll"] > result["inner"] else {}


@pytest.mark.parametrize("viewport", [NARROWEST, DESKTOP_AT_200_PERCENT], ids=["320px", "zoom-200"])
def test_no_page_scrolls_sideways(page, site_url, site_pages, viewport):
    page.set_viewport_size(viewport)
    found = {}
    for path in site_pages:
        page.goto(site_url + path)
        if problem := sideways(page):
            found[path] = problem
    assert found == {}


def test_text_at_200_percent_stays_readable_on_a_phone(page, site_url, site_pages):
    """Text-only zoom (a phone's font size setting) doubles the text; it must
    wrap, not be cut off or push the page sideways."""
    page.set_viewport_size({"width": 390, "height": 844})
    found = {}
    for path in site_pages:
        page.goto(site_url + path)
        before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset h1')).fontSize)")
        page.evaluate("document.documentElement.style.fontSize = "
                      "2 * parseFloat(getComputedStyle(document.documentElement).fontSize) + 'px'")
        after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset h1')).fontSize)")
        if after < 1.9 * before:
            found[path] = f"the heading does not grow with the text size ({before}px -> {after}px)"
        elif problem := sideways(page):
            found[path] = problem
    assert found == {}


HOVER_ONLY = """() => {
  const reveal = /(^|;)\\s*(display|visibility|opacity|max-height|height|clip|transform|pointer-events)\\s*:/;
  const found = [];
  function walk(rules) {
    for (const rule of rules) {
      if (rule.cssRules && !rule.selectorText) { walk(rule.cssRules); continue; }
      if (!rule.selectorText || !rule.selectorText.includes(":hover")) continue;
      if (!reveal.test(rule.style.cssText)) continue;
      for (const selector of rule.selectorText.split(",")) {
        if (!selector.includes(":hover")) continue;
        const focus = selector.replace(/:hover/g, ":focus-within");
        const focusVisible = selector.replace(/:hover/g, ":focus-visible");
        const focused = selector.replace(/:hover/g, ":focus");
        const twin = [...document.styleSheets].some(s => { try { return [...s.cssRules].some(function has(r) {
          return (r.selectorText || "").split(",").map(x => x.trim()).some(x => [focus, focusVisible, focused].includes(x))
            || (r.cssRules && [...r.cssRules].some(has)); }); } catch (e) { return false; } });
        if (!twin) found.push(selector.trim() + " { " + rule.style.cssText + " }");
      }
    }
  }
  for (const sheet of document.styleSheets) {
    if (!sheet.href || !sheet.href.includes("/assets/stylesheets/")) continue;
    if (/\\/(main|palette)\\.[0-9a-f]+\\.min\\.css$/.test(sheet.href)) continue;
    walk(sheet.cssRules);
  }
  return found;
}"""


def test_nothing_of_ours_shows_only_on_hover(page, site_url, site_pages):
    """A :hover rule in the project's CSS that shows or moves something has a
    :focus twin, so touch and keyboard users get it too."""
    found = {}
    for path in site_pages:
        page.goto(site_url + path)
        if rules := page.evaluate(HOVER_ONLY):
            found[path] = rules
    assert found == {}


LONG_WORD = "Jeugdcriminaliteitsbestrijdingssamenwerkingsafsprakenoverzicht"


@pytest.fixture(scope="module")
def long_words_site(tmp_path_factory):
    """The site with a long Dutch compound and a long web address in a step,
    as editors may well write them."""
    from conftest import build, copy_project, serve

    root = tmp_path_factory.mktemp("long-words")
    project = copy_project(root / "project")
    path = project / "content" / "colofon.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tekst:\n", f"tekst:\n  - {LONG_WORD} staat op "
                                 "www.voorbeeld.nl/een/heel/lang/webadres/zonder/spaties/erin.\n", 1),
                    encoding="utf-8")
    result = build(project, root / "site")
    assert result.returncode == 0, result.stderr
    server = serve(root / "site")
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_long_words_wrap_instead_of_pushing_the_page_sideways(page, long_words_site):
    page.set_viewport_size(NARROWEST)
    page.goto(long_words_site + "colofon.html")
    assert LONG_WORD in page.locator(".rk-colofon").inner_text().replace("\n", "")
    assert sideways(page) == {}
    page.evaluate("document.documentElement.style.fontSize = "
                  "2 * parseFloat(getComputedStyle(document.documentElement).fontSize) + 'px'")
    assert sideways(page) == {}
