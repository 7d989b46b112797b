"""The route map on the start page and the route through the step pages,
checked in Chromium against the route data in content/."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.content import EINDE, fill, load_content
from macros.content.page_ids import PAGINAS

from support.browser import WIDTHS
from support.project import ROOT, serve
from support.variants import Variant
from support.words import PAGES

CONTENT = load_content(ROOT / "content")
RK = CONTENT.routekaart
STEPS = {s.id: s for s in RK.stappen}
T = CONTENT.teksten.blok("routemap")
ADDED = T["added"]
BRANCH_START = T["branch_name"].partition("{vraag}")[0]  # "Stap {nummer}, "


def page_of(target: str) -> str:
    """Site path of a step or the end of the route."""
    return "stappen/einde.html" if target == EINDE else f"stappen/{target}.html"


def html(doc: str) -> str:
    return doc[:-3] + ".html"


def expected_map(content) -> list[tuple[str, str]]:
    """(place, site path) of every link on the map, in route order."""
    rk = content.routekaart
    links = [("startpunt", page_of(rk.startpunt.naar))]
    for step in rk.stappen:
        links.append((step.id, page_of(step.id)))
        for option in step.beslissing.opties if step.beslissing else []:
            links.append((f"{step.id}/{option.id}", page_of(option.naar)))
    links.append((EINDE, page_of(EINDE)))
    links += [(f"ingang:{i.pagina}", html(PAGINAS[i.pagina])) for i in rk.basis_op_orde.ingangen]
    return links


def shown_map(page, base: str) -> list[tuple[str, str]]:
    """(place, site path) of every link on the map the screen shows."""
    svg = page.locator("svg.rk-routemap:visible")
    expect(svg).to_have_count(1)
    found = []
    for link in svg.locator("a").all():
        href = link.evaluate("a => new URL(a.getAttribute('href'), document.baseURI).href")
        place = link.get_attribute("data-place")
        if place is None:
            path = href.removeprefix(base)
            place = next(f"ingang:{k}" for k, v in PAGINAS.items() if html(v) == path)
        found.append((place, href.removeprefix(base)))
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_every_map_link_leads_where_the_route_data_says_in_route_order(page, site_url, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url)
    assert shown_map(page, site_url) == expected_map(CONTENT)


def test_phones_get_the_vertical_map_and_desktops_the_wide_one(page, site_url):
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(site_url)
    expect(page.locator("svg.rk-routemap--narrow")).to_be_visible()
    expect(page.locator("svg.rk-routemap--wide")).to_be_hidden()
    box = page.locator("svg.rk-routemap--narrow").bounding_box()
    assert box["height"] > box["width"], "the phone map runs down the screen"
    page.set_viewport_size(WIDTHS["desktop"])
    expect(page.locator("svg.rk-routemap--wide")).to_be_visible()
    expect(page.locator("svg.rk-routemap--narrow")).to_be_hidden()
    box = page.locator("svg.rk-routemap--wide").bounding_box()
    assert box["width"] > 2 * box["height"], "the desktop map runs across the screen"


@pytest.mark.parametrize("width", WIDTHS)
def test_every_map_link_has_a_name_that_says_where_it_goes(page, site_url, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url)
    svg = page.locator("svg.rk-routemap:visible")
    for step in RK.stappen:
        expect(svg.get_by_role("link", name=step.label, exact=True)).to_have_count(1)
        for option in step.beslissing.opties if step.beslissing else []:
            target = RK.einde.titel if option.naar == EINDE else STEPS[option.naar].titel
            names = [n for n in svg.locator("a").evaluate_all("as => as.map(a => a.getAttribute('aria-label'))")
                     if n.startswith(fill(BRANCH_START, nummer=step.nummer)) and n.removesuffix(f" {ADDED}").endswith(target)
                     and f" {option.label}: {option.kort + ' Dan verder' if option.kort else 'verder'} naar " in n]
            assert len(names) == 1, (step.id, option.id)
    for entry_point in RK.basis_op_orde.ingangen:
        expect(svg.get_by_role("link", name=re.compile(re.escape(entry_point.label)))).to_have_count(1)
    # The visible words are part of each link's name (WCAG 2.5.3).
    for link in svg.locator("a").all():
        visible = " ".join(link.locator("tspan").all_text_contents()).replace("/ ", "/")
        name = link.get_attribute("aria-label")
        assert visible.lower() in name.lower(), (visible, name)


@pytest.mark.parametrize("width", [320, 390, 480])
def test_the_phone_map_fits_the_screen_with_big_tap_targets(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    links = page.locator("svg.rk-routemap:visible a").all()
    assert len(links) == len(expected_map(CONTENT))
    for link in links:
        box = link.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (link.get_attribute("aria-label"), box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width


def test_the_map_is_complete_and_linked_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=WIDTHS["phone"])
    page = context.new_page()
    page.goto(site_url)
    assert shown_map(page, site_url) == expected_map(CONTENT)
    page.locator("svg.rk-routemap:visible a").nth(1).click()
    expect(page).to_have_url(f"{site_url}{page_of(RK.stappen[0].id)}")
    context.close()


def paths() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every way through the route: (name, [(step, answer)]), from the data."""
    found = []

    def walk(step_id, taken):
        if step_id == EINDE:
            found.append(taken)
            return
        step = STEPS[step_id]
        if step.beslissing:
            for option in step.beslissing.opties:
                walk(option.naar, taken + [(step_id, option.id)])
        else:
            walk(step.volgende, taken + [(step_id, None)])

    walk(RK.startpunt.naar, [])
    return [("+".join(f"{s}={a}" for s, a in p if a), p) for p in found]


PATHS = paths()


def test_there_are_four_paths_through_the_route():
    assert sorted(name for name, _ in PATHS) == sorted(
        f"partners-betrekken={a}+intervenieren={b}" for a in ("ja", "nee") for b in ("ja", "nee"))


# Every path on a desktop; the step pages are the same on a phone, whose own
# map is clicked on the first path (every map link's target: test above).
@pytest.mark.parametrize("width, path", [("desktop", p) for p in PATHS] + [("phone", PATHS[0])],
                         ids=[f"{name}-desktop" for name, _ in PATHS] + [f"{PATHS[0][0]}-phone"])
def test_clicking_a_path_from_the_start_page_lands_on_the_right_pages(page, site_url, width, path):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url)
    page.locator("svg.rk-routemap:visible").get_by_role("link", name=re.compile(f"^{RK.startpunt.titel}")).click()
    for step_id, answer in path[1]:
        step = STEPS[step_id]
        expect(page).to_have_url(site_url + page_of(step_id))
        expect(page.locator("h1")).to_have_text(step.label)
        expect(page.locator(".rk-position [aria-current=step]")).to_contain_text(T["step"].format(nummer=step.nummer))
        if answer is None:
            page.locator(".rk-step > p > .rk-button").click()
        else:
            option = next(o for o in step.beslissing.opties if o.id == answer)
            onward = fill(PAGES["step_choice"].partition("{doel}")[0], optie=option.label)
            page.get_by_role("link", name=re.compile("^" + re.escape(onward))).click()
            expect(page).to_have_url(site_url + page_of(option.naar))
            # The back links on the page the choice led to work.
            page.go_back()
            expect(page).to_have_url(site_url + page_of(step_id))
            page.go_forward()
    expect(page).to_have_url(site_url + page_of(EINDE))
    expect(page.locator(".rk-end")).to_contain_text("Blijf alert op nieuwe signalen")
    page.locator(".rk-step-nav").get_by_role("link", name=T["previous_step"]).click()
    expect(page).to_have_url(site_url + page_of(RK.stappen[-1].id))
    page.go_back()
    page.locator(".rk-step-nav").get_by_role("link", name=T["back_to_map"]).click()
    expect(page).to_have_url(site_url + "index.html")


@pytest.mark.parametrize("step", RK.stappen, ids=lambda s: s.id)
def test_a_step_page_shows_its_place_and_its_neighbours(page, site_url, step):
    page.goto(site_url + page_of(step.id))
    current = page.locator(".rk-position [aria-current=step]")
    expect(current).to_have_count(1)
    expect(current).to_have_accessible_name(step.label)
    nav = page.locator(".rk-step-nav")
    i = RK.stappen.index(step)
    previous = "index.html" if i == 0 else page_of(RK.stappen[i - 1].id)
    following = page_of(RK.stappen[i + 1].id) if i + 1 < len(RK.stappen) else page_of(EINDE)
    nav.get_by_role("link", name=re.compile("^" + re.escape(T["previous_step"]))).click()
    expect(page).to_have_url(site_url + previous)
    page.go_back()
    nav.get_by_role("link", name=re.compile("^" + re.escape(T["next_step"]))).click()
    expect(page).to_have_url(site_url + following)
    page.go_back()
    expect(nav.get_by_role("link", name=T["back_to_map"])).to_have_attribute("href", "../index.html")
    expect(nav.get_by_role("link", name=T["walk_from_here"])).to_have_attribute(
        "href", f"../doorloop.html#doorloop-{step.id}")


def test_the_end_of_the_route_reminds_of_evaluation_and_leads_back(page, site_url):
    page.goto(site_url + page_of(EINDE))
    text = page.locator(".rk-end").inner_text()
    assert "collega's en partners terug" in text and "Blijf alert op nieuwe signalen" in text
    assert "opnieuw bij het startpunt" in text
    expect(page.locator(".rk-position [aria-current=step]")).to_contain_text(T["end"])
    page.locator(".rk-step-nav").get_by_role("link", name=T["back_to_map"]).click()
    expect(page).to_have_url(site_url + "index.html")


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_alone_reaches_every_step_from_the_map(page, site_url, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url)
    wanted = [site_url + page_of(s.id) for s in RK.stappen]
    focused = []
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("""() => { const a = document.activeElement.closest('a');
            if (!a || !a.closest('svg')) return null;
            return new URL(a.getAttribute('href'), document.baseURI).href; }""")
        if href:
            focused.append(href)
            # Focus is visible: the box around the focused link turns orange.
            stroke = page.evaluate("getComputedStyle(document.activeElement.querySelector('.rk-routemap-box')).stroke")
            assert stroke == "rgb(179, 71, 0)", stroke
    steps_in_order = [h for h in dict.fromkeys(focused) if h in wanted]
    assert steps_in_order == wanted
    for step in RK.stappen:
        page.goto(site_url)
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.getAttribute('aria-label')") == step.label:
                break
        page.keyboard.press("Enter")
        expect(page).to_have_url(site_url + page_of(step.id))


# --- the map follows the YAML ---------------------------------------------

def skip_step_4_and_odd_characters(project):
    """Content where step 3 'nee' skips step 4 and a step has odd characters in its title."""
    path = project / "content" / "routekaart.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    titel: Contextinformatie\n", "    titel: Context & <achtergrond>\n", 1)
    head, sep, tail = text.partition("            Ga dan direct door naar de keuze om wel of niet te interveniëren\n"
                                     "            (stap 4).\n          naar: intervenieren\n")
    assert sep, "the 'nee' answer of step 3 is not where this test expects it"
    text = head + sep.replace("naar: intervenieren", "naar: mogelijke-acties") + tail
    path.write_text(text, encoding="utf-8")


CHANGED = Variant("route-data", skip_step_4_and_odd_characters)


@pytest.fixture(scope="module")
def changed_site():
    server = serve(CHANGED.site())
    yield f"http://127.0.0.1:{server.server_port}/", load_content(CHANGED.project / "content")
    server.shutdown()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_follows_the_route_data(page, changed_site, width):
    url, content = changed_site
    page.set_viewport_size(WIDTHS[width])
    page.goto(url)
    shown = shown_map(page, url)
    assert shown == expected_map(content)
    assert ("partners-betrekken/nee", "stappen/mogelijke-acties.html") in shown
    svg = page.locator("svg.rk-routemap:visible")
    expect(svg.get_by_role("link", name="Stap 2: Context & <achtergrond>", exact=True)).to_have_count(1)
    assert "Context &amp; &lt;achtergrond&gt;" in svg.evaluate("s => s.outerHTML")


@pytest.mark.parametrize("path", [page_of(s.id) for s in RK.stappen] + [page_of(EINDE)])
def test_step_pages_fit_a_small_phone_with_big_route_links(page, site_url, path):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    for link in page.locator(".rk-position a, .rk-step-nav a").all():
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, (link.inner_text(), box)


def test_the_afsprakenkaart_header_is_not_styled_as_a_route_map_heading(page, site_url):
    # The card's header once shared a class with the map's headings: 19px bold.
    page.goto(f"{site_url}afsprakenkaart.html")
    style = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.rk-card-header'));
                                   return [s.fontSize, s.fontWeight]; }""")
    assert style != ["19px", "700"], style
    assert style[1] != "700"


def test_printing_the_start_page_does_not_use_the_cards_print_rules(page, site_url):
    # The card's print rules apply where the page holds the card (:has(.rk-card)),
    # which once matched the route map too.
    page.goto(site_url)
    page.emulate_media(media="print")
    assert page.locator(".rk-card").count() == 0
    padding = page.evaluate("getComputedStyle(document.querySelector('.md-content__inner')).paddingTop")
    assert padding != "0px"
