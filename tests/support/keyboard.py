"""Keyboard helpers for tests: move focus with Tab the way a keyboard user
does, and check that every stop shows where focus is."""
from __future__ import annotations

from playwright.sync_api import Page, TimeoutError

MAX_TABS = 150

# Whether the focused element is on screen, not transparent, and shows a focus
# indicator: an outline or a ring (WCAG 2.4.7 and 2.4.11). A visually hidden
# control (such as a file input) may show its focus on its label instead.
FOCUS_VISIBLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const shows_on_screen = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 2 && r.height > 2 && r.right > 0 && r.bottom > 0
      && r.left < innerWidth && r.top < innerHeight;
  };
  const shows = (e) => {
    const onScreen = shows_on_screen(e);
    for (let p = e; p; p = p.parentElement) {
      if (parseFloat(getComputedStyle(p).opacity) === 0) return false;
    }
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return onScreen && (outline || (s.boxShadow && s.boxShadow !== 'none'));
  };
  // An SVG link (the route map) shows focus as a thick stroke on its shape.
  const stroked = (e) => e instanceof SVGElement && shows_on_screen(e) && [...e.querySelectorAll('*')].some(
    (c) => { const s = getComputedStyle(c); return s.stroke !== 'none' && parseFloat(s.strokeWidth) >= 3; });
  return [el, ...(el.labels || [])].some(shows) || stroked(el);
}"""

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()} "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"` : '';
}"""


def focus_is_visible(page: Page) -> bool:
    """FOCUS_VISIBLE, allowed the time of the theme's transitions (skip link, search)."""
    try:
        # Generous under load: a 2-core CI machine running the whole suite.
        page.wait_for_function(FOCUS_VISIBLE, timeout=3000)
        return True
    except TimeoutError:
        return False


# One round trip per Tab stop: what has focus, whether it shows, whether it is the target.
STOP = f"""target => ({{
  visible: ({FOCUS_VISIBLE})(),
  focus: ({DESCRIBE_FOCUS})(),
  reached: document.activeElement === target,
}})"""


def tab_to(page: Page, locator, key: str = "Tab") -> list[str]:
    """Press Tab until `locator` has focus; return what had focus on the way.

    Fails when the element is never reached, or when any stop on the way
    has no visible focus indicator.
    """
    handle = locator.element_handle()
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        stop = page.evaluate(STOP, handle)
        stops.append(stop["focus"])
        if not stop["visible"]:
            assert focus_is_visible(page), f"no visible focus on {stops[-1]} (after {stops[:-1][-5:]})"
            stop = page.evaluate(STOP, handle)
        if stop["reached"]:
            return stops
    raise AssertionError(f"Tab never reached {locator}; stops: {stops[:30]} ...")
