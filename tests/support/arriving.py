"""A page that arrives in pieces: on a slow connection, or a busy phone, the
browser paints what it has parsed so far, before the rest of the page and
before the (deferred) scripts. Whatever it painted must then stay where it is
as the rest comes in: a later table cell that narrows the columns, a later
label that widens a grid column or a field that changes a row's baseline
moves text the reader is already reading (and counts as a layout shift).

Timing cannot show this reliably: a paint in the middle of the page happens
only now and then (see `test_nothing_moves_while_a_page_loads`, which once
caught the afsprakenkaart's column heads doing so under load). So this
checks every point at which the page could stop arriving, in the page as it
stands before its scripts run: nodes are taken away from the end of the
document one by one, and after each, every text, field, list number and
coloured box of the first screen must still stand where it stands in the
whole page.

Not checked: an inline box whose own content is still arriving (an empty
badge sits a little lower than a filled one), what is fixed or sticky (the
header), what is hidden or invisible, and the insides of a block that starts
below the first screen in plain block flow (they cannot move what is above).
"""
from __future__ import annotations

from playwright.sync_api import Page

WHILE_ARRIVING = """() => {
  const H = innerHeight, W = innerWidth;
  const onScreen = r => r && r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < H && r.right > 0 && r.left < W;
  const FIELDS = new Set(["IMG", "svg", "INPUT", "TEXTAREA", "BUTTON", "SELECT", "VIDEO", "CANVAS", "IFRAME"]);
  // A field, an image, a list item with its bullet or number, or a box with a
  // background or a border: drawn, so seen to move.
  const drawn = e => {
    if (FIELDS.has(e.tagName)) return true;
    const s = getComputedStyle(e);
    return (s.display === "list-item" && s.listStyleType !== "none") || s.backgroundColor !== "rgba(0, 0, 0, 0)" || s.backgroundImage !== "none"
      || ["Top", "Right", "Bottom", "Left"].some(side =>
        parseFloat(s["border" + side + "Width"]) > 0 && s["border" + side + "Style"] !== "none");
  };
  const pinned = e => {
    for (let n = e; n && n !== document.body; n = n.parentElement) {
      if (["fixed", "sticky"].includes(getComputedStyle(n).position)) return true;
    }
    return false;
  };
  const name = n => n.nodeType === Node.TEXT_NODE ? JSON.stringify(n.textContent.trim().slice(0, 40))
    : n.tagName.toLowerCase() + (n.id ? "#" + n.id : "")
      + (typeof n.className === "string" && n.className.trim() ? "." + n.className.trim().split(/\\s+/)[0] : "");
  const element = n => n.nodeType === Node.TEXT_NODE ? n.parentElement : n;
  // Where a text starts (its first line) or a box (its corner).
  const start = n => {
    if (n.nodeType !== Node.TEXT_NODE) return n.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(n);
    return range.getClientRects()[0];
  };

  const nodes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) nodes.push(walker.currentNode);
  const watched = [];
  for (const n of nodes) {
    const text = n.nodeType === Node.TEXT_NODE;
    if (text ? !n.textContent.trim() : !drawn(n)) continue;
    const e = element(n);
    if (!e.checkVisibility({visibilityProperty: true}) || pinned(e)) continue;
    const box = e.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden (.rk-sr)
    const r = start(n);
    if (onScreen(r)) watched.push({node: n, x: r.left + scrollX, y: r.top + scrollY});
  }

  // A block that starts below the first screen, in a chain of block and flex
  // boxes up to the body, cannot move what is above it however much of it
  // has arrived: its insides are taken away unchecked (the long pages have
  // thousands of nodes). In a table, a grid or a line of text it can.
  const FLOWS = new Set(["block", "flow-root", "list-item", "flex"]);
  const flowing = new Map([[document.body, true]]);
  const inFlow = e => {
    if (!flowing.has(e)) {
      const parent = e.parentElement;
      flowing.set(e, FLOWS.has(getComputedStyle(parent).display) && inFlow(parent));
    }
    return flowing.get(e);
  };
  // What is not rendered at all (display: none) moves nothing either; an
  // element without a box of its own (display: contents) leaves that to its children.
  const rendered = e => getComputedStyle(e).display === "contents" || e.checkVisibility();
  const quiet = new Set();
  for (const n of nodes) {
    const e = element(n);
    if (quiet.has(n.parentElement) || !rendered(e)
        || (n.nodeType !== Node.TEXT_NODE && FLOWS.has(getComputedStyle(n).display)
            && n.getBoundingClientRect().top + scrollY >= H && inFlow(n))) quiet.add(n);
  }

  const found = [], reported = new Set();
  for (let i = nodes.length - 1; i >= 0 && found.length < 3; i--) {
    const node = nodes[i];
    const parent = node.parentElement;
    // Taken away without a look (and without laying the page out again).
    if (quiet.has(node) || (node.nodeType === Node.TEXT_NODE && !node.textContent.trim())) {
      node.remove();
      continue;
    }
    const filling = new Set();  // inline boxes that lose their own content here
    for (let p = parent; p; p = p.parentElement) {
      if (getComputedStyle(p).display.startsWith("inline")) filling.add(p);
    }
    node.remove();
    for (const w of watched) {
      if (!w.node.isConnected || filling.has(w.node) || reported.has(w.node)) continue;
      const r = start(w.node);
      if (!onScreen(r)) continue;
      const dx = Math.round(r.left + scrollX - w.x), dy = Math.round(r.top + scrollY - w.y);
      if (Math.abs(dx) || Math.abs(dy)) {
        reported.add(w.node);
        found.push(name(w.node) + " in " + name(w.node.parentElement)
          + " stands " + dx + ", " + dy + " px off while the page has arrived up to " + name(node));
      }
    }
  }
  return found;
}"""


def moves_while_arriving(page: Page) -> list[str]:
    """What on the first screen of the loaded page stands elsewhere at some
    point while the page arrives, the first three (none: an empty list).
    Takes the page apart: load it again before anything else."""
    return page.evaluate(WHILE_ARRIVING)
