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


# 1.4.12 Text Spacing: the user's settings WCAG names, as a reader's style
# sheet or bookmarklet applies them, to every element (SVG text too).
TEXT_SPACING = """* { letter-spacing: .12em !important; word-spacing: .16em !important;
  line-height: 1.5 !important; }
p { margin-bottom: 2em !important; }"""

# With TEXT_SPACING applied: text cut off by a box that hides what overflows
# it, text running out of a box drawn around it (a border or a background of
# its own: a button, a pill, a notice), and route map labels out of their
# boxes. Boxes that scroll lose nothing, and visually hidden text (.rk-sr)
# is meant to be clipped. Material's header shortens the site's name and the
# page's title with an ellipsis at any spacing, by design: both are in full
# on the page (the accessibility statement names this). Returns one line
# per box.
TEXT_OUT_OF_ITS_BOX = """() => {
  const name = (e) => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim()
    ? '.' + e.className.trim().split(/\\s+/)[0] : (e.className.baseVal ? '.' + e.className.baseVal.split(' ')[0] : ''));
  const words = (e) => (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const ownText = (e) => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const drawn = (s) => ['Top', 'Right', 'Bottom', 'Left'].some(side => s[`border${side}Style`] !== 'none'
      && parseFloat(s[`border${side}Width`]) > 0)
    || !/rgba\\(.*, 0\\)$|transparent/.test(s.backgroundColor);
  const found = [];
  for (const e of document.querySelectorAll('body *')) {
    if (e instanceof SVGElement || e.closest('.rk-sr, .md-search, .md-sidebar, .md-header__title, [hidden]')) continue;
    if (!e.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const s = getComputedStyle(e);
    const clips = /hidden|clip/.test(s.overflowX + s.overflowY);
    if (clips && e.textContent.trim() && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)) {
      found.push(`${name(e)} "${words(e)}" cuts off its text (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`);
      continue;
    }
    if (!ownText(e) || !drawn(s) || /auto|scroll/.test(s.overflowX + s.overflowY)) continue;
    const box = e.getBoundingClientRect();
    const range = document.createRange();
    for (const n of e.childNodes) {
      if (n.nodeType !== 3 || !n.textContent.trim()) continue;
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        found.push(`${name(e)} "${words(e)}" runs out of its box`);
        break;
      }
    }
  }
  for (const link of document.querySelectorAll('.rk-routemap a')) {
    const rect = link.querySelector('.rk-routemap-box'), label = link.querySelector('text:not([aria-hidden])');
    if (!rect || !label || !rect.checkVisibility()) continue;
    const box = rect.getBoundingClientRect(), r = label.getBoundingClientRect();
    if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
      found.push(`route map: "${words(label)}" runs out of its box`);
    }
  }
  return found;
}"""


# A style sheet made by script, as a reader's bookmarklet adds it: the site's
# Content-Security-Policy blocks a <style> element, not this. `check` runs
# with the sheet applied; the page is as it was after.
def with_style(css: str, check: str) -> str:
    return """css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  try {
    return (""" + check + """)();
  } finally {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== sheet);
  }
}"""


def text_stays_in_its_box_with_wider_spacing(page: Page) -> list[str]:
    """TEXT_OUT_OF_ITS_BOX with TEXT_SPACING applied."""
    return page.evaluate(with_style(TEXT_SPACING, TEXT_OUT_OF_ITS_BOX), TEXT_SPACING)


# Forced colours (a high-contrast theme, light or dark): the route map's
# text, boxes and roads, the icons and the focus ring keep their contrast
# with what they are drawn on (text 4.5:1, shapes and the ring 3:1, WCAG
# 1.4.3 and 1.4.11). The browser recolours HTML, but not SVG's fill and
# stroke: those the site's CSS must set. Returns one line per fault.
FORCED_COLOURS_FAULTS = """() => {
  const rgba = (c) => { const m = c.match(/[\\d.]+/g); return m ? m.map(Number).concat(m.length < 4 ? [1] : []) : null; };
  const over = (top, under) => top[3] >= 1 ? top : top.map((v, i) => i < 3 ? v * top[3] + under[i] * (1 - top[3]) : 1);
  const lum = (c) => c.slice(0, 3).map(v => { v /= 255; return v <= .03928 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [.2126, .7152, .0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + .05) / (y + .05); };
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  // The colour an HTML element is drawn on: its nearest background.
  const under = (e) => {
    for (let p = e; p && p.nodeType === 1; p = p.parentElement) {
      const c = rgba(getComputedStyle(p).backgroundColor);
      if (c && c[3] > 0) return over(c, page);
    }
    return page;
  };
  // In the route map: the shape under it in its own link (the box, or the
  // number's circle), else the page.
  const shapeUnder = (e) => {
    const link = e.closest('a');
    const shape = e.closest('.rk-routemap-number-text') ? link?.querySelector('.rk-routemap-number')
      : link?.querySelector('.rk-routemap-box');
    const fill = shape && rgba(getComputedStyle(shape).fill);
    return fill ? over(fill, page) : page;
  };
  const name = (e) => e.tagName.toLowerCase() + '.' + ((e.className.baseVal ?? e.className) || '').split(' ')[0]
    + ` "${(e.textContent || '').trim().slice(0, 30)}"`;
  const found = [];
  const check = (e, colour, background, least, what) => {
    const c = rgba(colour);
    if (!c || c[3] === 0) return;
    const r = ratio(over(c, background), background);
    if (r < least) found.push(`${what} ${name(e)}: ${colour} on rgb(${background.slice(0, 3).map(Math.round)}) is ${r.toFixed(2)}:1`);
  };
  const visible = (e) => e.checkVisibility({visibilityProperty: true, opacityProperty: true})
    && e.getBoundingClientRect().width > 0;
  for (const t of document.querySelectorAll('.rk-routemap text')) {
    if (visible(t)) check(t, getComputedStyle(t).fill, shapeUnder(t), 4.5, 'text');
  }
  for (const box of document.querySelectorAll('.rk-routemap-box, .rk-routemap-road')) {
    if (visible(box)) check(box, getComputedStyle(box).stroke, page, 3, 'line');
  }
  for (const icon of document.querySelectorAll('svg.rk-icon, .rk-svg-icon')) {
    if (!visible(icon)) continue;
    check(icon, getComputedStyle(icon).fill, icon.closest('.rk-routemap') ? shapeUnder(icon) : under(icon.parentElement), 3, 'icon');
  }
  // The focus ring: on a route map link (its box's stroke) and on a link in the text (its outline).
  const mapLink = [...document.querySelectorAll('.rk-routemap a')].find(visible);
  if (mapLink) {
    mapLink.focus();
    const box = mapLink.querySelector('.rk-routemap-box');
    check(box, getComputedStyle(box).stroke, page, 3, 'focus ring');
  }
  const textLink = [...document.querySelectorAll('.md-typeset a[href]')].find(e => visible(e) && !e.closest('.rk-routemap'));
  if (textLink) {
    textLink.focus();
    const s = getComputedStyle(textLink);
    if (s.outlineStyle === 'none') found.push(`focus ring ${name(textLink)}: none`);
    else check(textLink, s.outlineColor, under(textLink.parentElement), 3, 'focus ring');
  }
  document.activeElement?.blur();
  return found;
}"""


def forced_colours_keep_contrast(page: Page) -> list[str]:
    """FORCED_COLOURS_FAULTS in a dark and a light high-contrast theme."""
    found = []
    try:
        for scheme in ("dark", "light"):
            page.emulate_media(forced_colors="active", color_scheme=scheme)
            found += [f"{scheme}: {fault}" for fault in page.evaluate(FORCED_COLOURS_FAULTS)]
    finally:
        page.emulate_media(forced_colors="null", color_scheme="null")
    return found
