"""The glossary: one YAML source, listed on one page, and shown as a tooltip
where a term appears in the text, on hover, keyboard focus and tap."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from support.browser import WIDTHS
from support.project import ROOT
from support.content_faults import content_fault
from support.html import find, page as html_page, text, with_class
from macros.render.begrippen import TermMarker
from macros.content import load_content

CONTENT = load_content(ROOT / "content")
GLOSSARY = CONTENT.begrippen.begrippen
ISSUE_TERMS = ["OOV", "OSINT", "OM", "boa", "DM", "sexting", "exposen", "lvb", "convenant",
               "groepsaanpak", "DDoS", "phishing"]


def entry(term):
    return next(b for b in GLOSSARY if b.term == term)


def tooltip(term) -> str | None:
    """The tooltip text the term shows now (CSS generated content), or None."""
    return term.evaluate("""e => { const s = getComputedStyle(e, '::after');
        return s.display === 'none' ? null : e.getAttribute('data-explanation'); }""")


def tooltip_shown(term):
    term.page.wait_for_function(
        "e => getComputedStyle(e, '::after').display !== 'none'", arg=term.element_handle())
    return tooltip(term)


def tooltip_hidden(term):
    term.page.wait_for_function(
        "e => getComputedStyle(e, '::after').display === 'none'", arg=term.element_handle())


def test_the_glossary_has_the_terms_the_site_uses():
    assert set(ISSUE_TERMS) <= {b.term for b in GLOSSARY}


def test_the_glossary_page_lists_every_term_alphabetically(site_dir):
    page = html_page(site_dir, "begrippen.html")
    assert [text(h) for h in find(page, "//h1")] == ["Begrippenlijst"]
    terms = [text(dt) for dt in find(page, f"//{with_class('rk-glossary-list')}//dt")]
    assert terms == sorted((b.term for b in GLOSSARY), key=str.lower)
    for b in GLOSSARY:
        (entry,) = find(page, f"//*[@id='begrip-{b.id}']/following-sibling::*[1][self::dd]")
        assert " ".join(b.uitleg.split()) in text(entry)


def test_every_term_is_explained_somewhere_it_appears(site_dir):
    """A term the site never marks is either unused or broken."""
    marked = set()
    for path in site_dir.rglob("*.html"):
        marked |= set(re.findall(r'href="[^"]*begrippen\.html#begrip-([a-z0-9-]+)"',
                                 path.read_text(encoding="utf-8")))
    assert marked == {b.id for b in GLOSSARY}


def test_a_term_shows_its_explanation_on_keyboard_focus_and_esc_hides_it(page, site_url):
    page.goto(f"{site_url}partners.html")
    term = page.locator(".rk-glossary-term", has_text="OSINT")
    assert tooltip(term) is None
    term.focus()
    assert tooltip_shown(term).startswith("OSINT: Open source intelligence")
    expect(term).to_have_accessible_name("OSINT")
    expect(term).to_have_accessible_description(re.compile(r"^OSINT: Open source intelligence"))
    # The explanation is an addition: tooltip and description say so at their end.
    label = f"({CONTENT.begrippen.tooltip_label})"
    assert tooltip(term).endswith(label)
    expect(term).to_have_accessible_description(re.compile(re.escape(label) + "$"))
    page.keyboard.press("Escape")
    tooltip_hidden(term)
    expect(term).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}begrippen.html#begrip-osint")


def test_the_explanation_is_not_part_of_the_text_around_it(site_dir):
    page = html_page(site_dir, "stappen/partners-betrekken.html")
    (question,) = [v for v in find(page, f"//{with_class('rk-question')}") if "convenant" in text(v)]
    assert re.search(r"convenant onder ligt, zoals een groepsaanpak\?$", text(question)), text(question)


def test_a_term_shows_its_explanation_on_hover(page, site_url):
    page.set_viewport_size(WIDTHS["desktop"])
    page.goto(f"{site_url}stappen/partners-betrekken.html")
    term = page.locator(".rk-glossary-term", has_text="convenant")
    term.hover()
    assert tooltip_shown(term).startswith("convenant: " + " ".join(entry("convenant").uitleg.split()))
    box = term.bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + box["height"] + 12)  # onto the tooltip itself
    assert tooltip(term) is not None  # WCAG 1.4.13: the tooltip can be hovered
    page.mouse.move(0, 0)
    tooltip_hidden(term)


def test_a_tap_shows_the_explanation_and_a_second_tap_opens_the_glossary(browser, site_url):
    context = browser.new_context(viewport=WIDTHS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_url}fenomenen/intimidatie-en-agressie.html")
    term = page.locator(".rk-glossary-term", has_text="DM")
    term.tap()
    assert tooltip_shown(term).startswith("DM: Direct message")
    expect(page).to_have_url(f"{site_url}fenomenen/intimidatie-en-agressie.html")
    # On a phone the tooltip runs along the bottom of the screen, within it.
    edges = term.evaluate("""e => { const s = getComputedStyle(e, '::after');
        return [s.position, parseFloat(s.left), parseFloat(s.right)]; }""")
    assert edges[0] == "fixed" and edges[1] >= 0 and edges[2] >= 0
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    term.tap()
    expect(page).to_have_url(f"{site_url}begrippen.html#begrip-dm")
    context.close()


def test_a_source_link_label_is_never_turned_into_a_term(site_dir):
    html = (site_dir / "partners.html").read_text(encoding="utf-8")
    assert not re.search(r"<a [^>]*>[^<]*<a class=\"rk-glossary-term\"", html)


# --- marking terms in text ----------------------------------------------------

def marker():
    return TermMarker(GLOSSARY, "../begrippen.html", CONTENT.begrippen.tooltip_label)


def test_only_the_first_occurrence_on_a_page_is_marked():
    m = marker()
    first = m.mark("Het OM en het OM.")
    assert first.count('class="rk-glossary-term"') == 1
    assert m.mark("Weer het OM.").count('class="rk-glossary-term"') == 0


def test_words_are_matched_whole_and_with_their_case():
    m = marker()
    assert "rk-glossary" not in m.mark("Omdat het om een boot gaat, en de boas slapen.")
    html = m.mark("Sexting is normaal.")
    assert '<a class="rk-glossary-term" href="../begrippen.html#begrip-sexting" ' in html
    assert ">Sexting</a>" in html


def test_aliases_and_escaped_text_are_matched():
    m = marker()
    html = m.mark("een jeugdboa&#39;s en DDoS-aanvallen")
    assert '#begrip-boa"' in html and ">jeugdboa&#39;s</a>" in html
    assert ">DDoS-aanvallen</a>" in html


def test_terms_inside_links_and_tags_are_left_alone():
    m = marker()
    html = m.mark('<a href="x.html">het OM</a> <span title="OM">x</span>')
    assert html == '<a href="x.html">het OM</a> <span title="OM">x</span>'


def test_a_word_in_two_terms_is_refused(tmp_path):
    message, _ = content_fault(tmp_path, "begrippen.yml", "    aliassen: [convenanten]\n",
                               "    aliassen: [convenanten, DM]\n")
    text = (ROOT / "content" / "begrippen.yml").read_text(encoding="utf-8")
    dm_line = text[: text.index("  - term: DM\n")].count("\n") + 1
    assert message.startswith(f"content/begrippen.yml:{dm_line}: begrippen[5].term:"), message
    assert "'DM' is already a term or alias of 'convenant'" in message


def test_a_term_without_explanation_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "begrippen.yml",
                                  "  - term: exposen\n    uitleg: >-\n", "  - term: exposen\n    uitleg: ''\n    x: >-\n")
    assert message.startswith(f"content/begrippen.yml:{line + 1}:"), message
