"""WCAG 2.2 AA checks that axe-core cannot make, run in the sweeps and in
every interactive state (support/sweep.py): focus not obscured (2.4.11),
text spacing (1.4.12) and forced colours (1.4.11 under a high-contrast theme).

Each check is one script run in the page, so it adds no page loads and only
one round trip per page.
"""
from __future__ import annotations

from playwright.sync_api import Page

# What hides an element entirely: the names of the layers over it, or null
# when part of it shows (at one of nine points across it).
HIDDEN_BY = """(() => {
  const seen = (e) => {
    for (let p = e; p && p.nodeType === 1; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (parseFloat(s.opacity) === 0 || s.visibility === 'hidden') return false;
    }
    return true;
  };
  const paints = (e) => {
    const s = getComputedStyle(e);
    return (!/rgba\\(.*, 0\\)$|transparent/.test(s.backgroundColor) || s.backgroundImage !== 'none') && seen(e);
  };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/)[0] : '');
  const mine = (el, hit) => el.contains(hit) || hit.contains(el) || [...(el.labels || [])].some(l => l.contains(hit));
  // What covers `el` entirely, or null when part of it shows.
  const hiddenBy = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return null;
    const covers = new Set();
    for (const fx of [.1, .5, .9]) for (const fy of [.1, .5, .9]) {
      const x = r.left + fx * r.width, y = r.top + fy * r.height;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) { covers.add('the edge of the window'); continue; }
      const cover = document.elementsFromPoint(x, y).find(hit => mine(el, hit) || paints(hit));
      if (!cover || mine(el, cover)) return null;
      covers.add(name(cover));
    }
    return [...covers].join(', ');
  };
  return hiddenBy;
})()"""

# 2.4.11 Focus Not Obscured (Minimum). Every element in the Tab order gets
# focus in turn, forwards and then backwards, and the page scrolls as the
# browser scrolls for Tab and Shift+Tab: to the nearest edge, only when the
# element is out of view (tests/test_keyboard.py shows real key presses land
# where this walk does). The focused element must then show at one of nine
# points across it: not under a layer painted on top (the sticky header, a
# sticky menu title, the phone drawer, any fixed layer). A layer counts when
# it paints a background there; transparent boxes and layers faded out
# (opacity 0, visibility hidden) do not. A stop found hidden while a layer
# moves or fades (the drawer sliding out) is checked again once it stops.
# Returns one line per hidden stop.
FOCUS_HIDDEN = """async () => {
  const hiddenBy = """ + HIDDEN_BY + """;
  const name = (e) => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/)[0] : '');
  const describe = (e) => `${name(e)} "${(e.innerText || e.getAttribute('aria-label') || e.value || '').trim().slice(0, 40)}"`;
  // Layers that move or fade (a drawer, the search overlay); a link's colour
  // fading in covers nothing.
  const moving = () => document.getAnimations().filter(a => a.playState === 'running'
    && a.effect?.getTiming().iterations !== Infinity
    && (a.animationName || /^(opacity|transform|translate|visibility|top|bottom|left|right|width|height|max-height)$/
      .test(a.transitionProperty)));
  const settled = (running) => Promise.race([
    Promise.all(running.map(a => a.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, 1000))]);
  const order = () => [...document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]')
      && e.checkVisibility({visibilityProperty: true}))
    .map((e, i) => [e, i]).sort((a, b) => ((a[0].tabIndex || 1e9) - (b[0].tabIndex || 1e9)) || a[1] - b[1])
    .map(([e]) => e);
  const found = [];
  for (const direction of ['Tab', 'Shift+Tab']) {
    const stops = order();
    if (direction === 'Shift+Tab') stops.reverse();
    for (const el of stops) {
      if (!el.isConnected || !el.checkVisibility({visibilityProperty: true})) continue;
      el.focus({preventScroll: true});
      if (document.activeElement !== el) continue;
      el.scrollIntoView({block: 'nearest', inline: 'nearest'});
      let by = hiddenBy(el);
      const running = by && moving();
      if (running && running.length) {
        await settled(running);
        by = hiddenBy(el);
      }
      if (by) found.push(`${direction}: ${describe(el)} is hidden by ${by}`);
    }
  }
  document.activeElement?.blur();
  scrollTo(0, 0);
  return [...new Set(found)];
}"""


def focus_never_hidden(page: Page) -> list[str]:
    return page.evaluate(FOCUS_HIDDEN)


def focused_element_hidden_by(page: Page) -> str | None:
    """What hides the focused element entirely, or None."""
    return page.evaluate(f"({HIDDEN_BY})(document.activeElement)")
