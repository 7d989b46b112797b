"""Presentation mode: a trainer shows a phenomenon's example and the five
steps full screen, moving with the keyboard or a clicker, without a mouse
and without the internet."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.content import load_content
from support.browser import WIDTHS
from support.project import ROOT
from support.words import PAGES

CONTENT = load_content(ROOT / "content")
PHENOMENA = CONTENT.fenomenen.fenomenen
T = CONTENT.teksten.blok("presentatie")


def counter_text(n: int, total: int | None = None) -> str:
    """The counter's text ("Dia 2 van 12"); without a total, its start."""
    if total is None:
        return T["slide_counter"].split("{aantal}")[0].format(nummer=n)
    return T["slide_counter"].format(nummer=n, aantal=total)


def squash(text: str) -> str:
    return " ".join(text.split())


PROJECTOR = {"width": 1280, "height": 720}
CURRENT = ".rk-deck--active .rk-slide:not([hidden])"
COUNTER = ".rk-deck--active .rk-deck-counter"


def open_presentation(page, site_url, phenomenon_id):
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{site_url}presentatie.html?fenomeen={phenomenon_id}")
    expect(page.locator(".rk-deck--active")).to_be_visible()
    return page.locator(".rk-deck--active .rk-slide")


def current_slide(page):
    slide = page.locator(CURRENT)
    expect(slide).to_have_count(1)
    return slide


def all_questions():
    """Every question as a slide shows it: with its safety line where it has one
    ("Zo ja: onderneem direct actie ...")."""
    return [squash(v.vraag.replace("**", "") + (f" {v.toelichting}" if v.veiligheidsregel else ""))
            for s in CONTENT.routekaart.stappen for v in s.vragen]


def test_from_the_phenomenon_page_the_keyboard_walks_through_every_slide_and_esc_leaves(page, site_url):
    f = CONTENT.fenomeen("illegale-handel")
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{site_url}fenomenen/{f.id}.html")
    page.get_by_role("link", name=PAGES["phenomenon_present"]).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}presentatie.html?fenomeen={f.id}#dia-1")
    slides = page.locator(".rk-deck--active .rk-slide")
    total = slides.count()

    first = current_slide(page)
    expect(first.locator("h3")).to_have_text(f.titel)
    expect(first.locator(".rk-message")).to_contain_text(CONTENT.teksten.bericht["example_label"].split(",")[0])
    expect(first).to_contain_text(squash(f.scenario))
    expect(page.locator(COUNTER)).to_have_text(counter_text(1, total))

    seen_questions, headings = [], []
    keys = ["ArrowRight", "PageDown", "Space", "ArrowDown"]
    for n in range(2, total + 1):
        page.keyboard.press(keys[n % len(keys)])
        slide = current_slide(page)
        expect(page.locator(COUNTER)).to_have_text(counter_text(n, total))
        headings.append(squash(slide.locator("h3").inner_text()))
        # A question as the slide shows it, without the pointer added beside it.
        seen_questions += [squash(q) for q in slide.locator(".rk-slide-questions > li").evaluate_all(
            "lis => lis.map(li => { const c = li.cloneNode(true); c.querySelectorAll('.rk-supplement')"
            ".forEach(s => s.remove()); return c.innerText; })")]
    # Every question of every step, in route order, each once.
    assert seen_questions == all_questions()
    for step in CONTENT.routekaart.stappen:
        assert any(h.startswith(T["step"].format(nummer=step.nummer)) for h in headings), step.id
    expect(current_slide(page)).to_contain_text(CONTENT.stap("mogelijke-acties").interventies[-1].acties[0].titel)

    page.keyboard.press("PageDown")  # past the end: stays on the last slide
    expect(page.locator(COUNTER)).to_have_text(counter_text(total, total))
    page.keyboard.press("PageUp")
    expect(page.locator(COUNTER)).to_have_text(counter_text(total - 1, total))
    page.keyboard.press("ArrowLeft")
    expect(page.locator(COUNTER)).to_have_text(counter_text(total - 2, total))
    page.keyboard.press("Home")
    expect(page.locator(COUNTER)).to_have_text(counter_text(1, total))

    page.keyboard.press("Escape")
    expect(page).to_have_url(f"{site_url}fenomenen/{f.id}.html")


def test_the_toolbar_buttons_work_and_space_presses_a_focused_button(page, site_url):
    open_presentation(page, site_url, "fraude")
    page.get_by_role("button", name=T["next"]).click()
    assert page.locator(COUNTER).inner_text().startswith(counter_text(2))
    page.get_by_role("button", name=T["previous"]).focus()
    page.keyboard.press("Space")
    assert page.locator(COUNTER).inner_text().startswith(counter_text(1))
    page.get_by_role("button", name=T["stop"]).click()
    expect(page).to_have_url(f"{site_url}fenomenen/fraude.html")


def test_tab_reaches_the_controls_and_nothing_behind_the_slides(page, site_url):
    open_presentation(page, site_url, "fraude")
    reached = []
    for _ in range(10):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => {
            const el = document.activeElement;
            if (el === document.body) return 'body';
            return document.querySelector('.rk-deck--active').contains(el) ? el.textContent.trim() : 'OUTSIDE';
        }""")
        reached.append(where)
    assert "OUTSIDE" not in reached, reached
    assert {T["previous"], T["next"], T["stop"]} <= set(reached), reached


def test_f_switches_full_screen_on_and_off(page, site_url):
    open_presentation(page, site_url, "fraude")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    expect(page.get_by_role("button", name=T["fullscreen_off"])).to_be_visible()
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement === null")


@pytest.mark.parametrize("phenomenon", PHENOMENA, ids=lambda f: f.id)
def test_every_slide_fits_a_1280x720_projector_in_large_type(page, site_url, phenomenon):
    slides = open_presentation(page, site_url, phenomenon.id)
    for n in range(slides.count()):
        fit = page.evaluate("""() => {
            const area = document.querySelector('.rk-deck--active .rk-slides');
            const slide = document.querySelector('.rk-deck--active .rk-slide:not([hidden])');
            const smallest = Math.min(...[...slide.querySelectorAll('p, li, dd, dt, h3')]
                .filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize)));
            return {overflow: area.scrollHeight - area.clientHeight,
                    bottom: slide.getBoundingClientRect().bottom - area.getBoundingClientRect().bottom,
                    smallest};
        }""")
        assert fit["overflow"] <= 0 and fit["bottom"] <= 0, (n + 1, fit)
        assert fit["smallest"] >= 24, (n + 1, fit)
        page.keyboard.press("PageDown")


# Every slide, shown in turn by the deck's own "Volgende" button: how far it
# runs past the slide area (0: it fits), and its smallest text in CSS px.
EVERY_SLIDE = """() => {
  const deck = document.querySelector('.rk-deck--active');
  const area = deck.querySelector('.rk-slides');
  const next = deck.querySelector('[data-action="next"]');
  const slides = deck.querySelectorAll('.rk-slide');
  const found = [];
  for (let n = 1; n <= slides.length; n++) {
    const slide = deck.querySelector('.rk-slide:not([hidden])');
    const sizes = [];
    const text = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    while (text.nextNode()) {
      const e = text.currentNode.parentElement;
      if (text.currentNode.textContent.trim() && e.checkVisibility()) sizes.push(parseFloat(getComputedStyle(e).fontSize));
    }
    found.push({slide: n, over: Math.max(area.scrollHeight - area.clientHeight,
                                         slide.getBoundingClientRect().bottom - area.getBoundingClientRect().bottom),
                smallest: Math.min(...sizes)});
    next.click();
  }
  return found;
}"""

# A projector's usual sizes besides 1280x720 (above): a 4:3 one and full HD.
PROJECTORS = {"1024x768": {"width": 1024, "height": 768}, "1920x1080": {"width": 1920, "height": 1080}}


@pytest.mark.parametrize("size", PROJECTORS)
def test_every_slide_fits_other_projectors_in_type_read_at_the_back(page, site_url, size):
    """No slide scrolls, and its smallest text is at least 24 px on a
    1920x1080 screen, or as much smaller as the screen is lower (17 px at
    1024x768): the same size from the back of the room."""
    screen = PROJECTORS[size]
    least = 24 * screen["height"] / 1080
    page.set_viewport_size(screen)
    faults = []
    for phenomenon in PHENOMENA:
        page.goto(f"{site_url}presentatie.html?fenomeen={phenomenon.id}")
        expect(page.locator(".rk-deck--active")).to_be_visible()
        faults += [(phenomenon.id, fit) for fit in page.evaluate(EVERY_SLIDE)
                   if fit["over"] > 0 or fit["smallest"] < least]
    assert faults == []


def test_a_reload_stays_on_the_same_slide(page, site_url):
    open_presentation(page, site_url, "fraude")
    for _ in range(3):
        page.keyboard.press("PageDown")
    expect(page).to_have_url(f"{site_url}presentatie.html?fenomeen=fraude#dia-4")
    page.reload()
    expect(page.locator(COUNTER)).to_contain_text(counter_text(4))


def test_on_a_phone_the_slides_stay_readable_and_scroll_down_not_sideways(page, site_url):
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(f"{site_url}presentatie.html?fenomeen=seksueel-grensoverschrijdend-gedrag")
    slide = current_slide(page)
    assert float(slide.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 18
    area = page.locator(".rk-deck--active .rk-slides")
    assert area.evaluate("e => e.scrollWidth - e.clientWidth") <= 0
    box = slide.locator(".rk-message").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS["phone"]["width"]


def test_an_unknown_phenomenon_gets_a_clear_message(page, site_url):
    page.goto(f"{site_url}presentatie.html?fenomeen=sexting")
    expect(page.get_by_role("alert")).to_have_text(
        T["no_phenomenon"].format(id="sexting"))
    expect(page.get_by_role("link", name=CONTENT.fenomeen("fraude").korte_titel, exact=True)).to_be_visible()


def test_it_works_from_file_without_a_server(page, site_dir):
    page.set_viewport_size(PROJECTOR)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site_dir / "presentatie.html").as_uri() + "?fenomeen=cybercriminaliteit")
    expect(page.locator(".rk-deck--active")).to_be_visible()
    page.keyboard.press("PageDown")
    expect(page.locator(COUNTER)).to_contain_text(counter_text(2))
    assert [u for u in requests if not u.startswith("file://")] == []


def test_without_a_choice_the_page_lists_the_phenomena(page, site_url):
    page.goto(f"{site_url}presentatie.html")
    links = page.locator(".rk-presentation-choice a")
    expect(links).to_have_count(len(PHENOMENA))
    links.nth(2).click()
    expect(page.locator(".rk-deck--active")).to_have_attribute("data-phenomenon", PHENOMENA[2].id)


def test_the_presentation_is_not_in_search_results(site_dir):
    import json
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("presentatie.html")]
