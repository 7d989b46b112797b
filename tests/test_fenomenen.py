"""The eight phenomena: each page shows its explanation, scenario and example
message as a card in text; the overview picks one in a single tap; the
content model refuses an example that cannot be shown accessibly."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import ROOT, WIDTHS, axe_violations
from helpers_content import content_fault
from macros.content import load_content

CONTENT = load_content(ROOT / "content")
FENOMENEN = CONTENT.fenomenen.fenomenen
ONTVANGEN = {"gezien": "Je ziet het zelf", "doorgestuurd": "Doorgestuurd naar jou",
             "screenshot": "Als screenshot doorgestuurd naar jou", "dm": "In jouw DM"}


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_phenomenon_has_a_fictional_example_message():
    assert len(FENOMENEN) == 8
    for f in FENOMENEN:
        b = f.bericht
        assert b.tekst or b.beeld, f.id
        assert f.samenvatting and len(f.samenvatting) <= 90, f.id


@pytest.mark.parametrize("fenomeen", FENOMENEN, ids=lambda f: f.id)
def test_a_phenomenon_page_shows_scenario_and_message_card(page, site_url, fenomeen):
    page.goto(f"{site_url}fenomenen/{fenomeen.id}.html")
    expect(page.locator("h1")).to_have_text(fenomeen.titel)
    scenario = page.locator(".rk-scenario-tekst")
    assert squash(scenario.inner_text()) == squash(fenomeen.scenario.replace("*", ""))

    b = fenomeen.bericht
    card = page.get_by_role("figure")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Fictief voorbeeld")
    expect(card).to_contain_text(f"Bericht op {b.platform}")
    expect(card.locator(".rk-bericht-zichtbaarheid")).to_contain_text(b.zichtbaarheid.capitalize())
    expect(card.locator(".rk-bericht-ontvangen")).to_contain_text(ONTVANGEN[b.ontvangen])
    account = card.locator(".rk-bericht-account")
    expect(account).to_contain_text(b.account)
    if b.leeftijd:
        expect(account).to_contain_text(f"{b.leeftijd} jaar")
    # The message is text, not a picture of text.
    shown = card.locator(".rk-bericht-tekst p").all_inner_texts()
    assert [squash(t) for t in shown] == [squash(t) for t in b.tekst]
    if b.beeld:
        expect(card.locator(".rk-bericht-beeld")).to_contain_text(squash(b.beeld))
    expect(card.locator("img")).to_have_count(0)


@pytest.mark.parametrize("fenomeen", FENOMENEN[:1] + FENOMENEN[-1:], ids=lambda f: f.id)
def test_the_walk_link_of_a_phenomenon_leads_to_step_1(page, site_url, fenomeen):
    page.goto(f"{site_url}fenomenen/{fenomeen.id}.html")
    page.get_by_role("link", name="Doorloop de 5 stappen met dit voorbeeld").click()
    eerste = CONTENT.stap(CONTENT.routekaart.startpunt.naar)
    # The walk (issue 3) opens at step 1 with this phenomenon's example in view;
    # until walk.js has run, every step shows, so wait for it to show just one.
    expect(page.locator(".rk-doorloop-stap:visible")).to_have_count(1)
    expect(page.locator(".rk-doorloop-stap:visible h2")).to_have_text(f"Stap {eerste.nummer}: {eerste.titel}")
    expect(page.locator(".rk-doorloop-voorbeeld:visible")).to_have_attribute("data-voorbeeld", fenomeen.id)


def test_every_phenomenon_page_links_to_its_walk_and_presentation(site_dir):
    import posixpath
    import re
    for f in FENOMENEN:
        html = (site_dir / "fenomenen" / f"{f.id}.html").read_text(encoding="utf-8")
        for label in ("Doorloop de 5 stappen met dit voorbeeld", "Presenteer dit voorbeeld"):
            match = re.search(r'<a [^>]*href="([^"]+)"[^>]*>' + re.escape(label) + "</a>", html)
            assert match, f"{f.id}: no link '{label}'"
            target = match.group(1).split("#")[0].split("?")[0]
            assert (site_dir / posixpath.normpath(f"fenomenen/{target}")).is_file(), (f.id, label)
        assert f'href="../presentatie.html?fenomeen={f.id}"' in html


def test_the_overview_shows_eight_cards_with_summary_and_platform(page, site_url):
    page.goto(f"{site_url}fenomenen/index.html")
    cards = page.locator(".rk-fenomeenkaart")
    expect(cards).to_have_count(8)
    for card, f in zip(cards.all(), FENOMENEN):
        expect(card.get_by_role("link")).to_have_text(f.korte_titel)
        expect(card).to_contain_text(f.samenvatting)
        expect(card).to_contain_text(f.bericht.platform)


def test_a_single_tap_anywhere_on_a_card_opens_the_phenomenon(browser, site_url):
    context = browser.new_context(viewport=WIDTHS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_url}fenomenen/index.html")
    f = FENOMENEN[5]
    summary = page.locator(".rk-fenomeenkaart", has_text=f.korte_titel).locator(".rk-fenomeenkaart-samenvatting")
    summary.scroll_into_view_if_needed()
    box = summary.bounding_box()
    # Tap the summary text, not the link: the whole card is the tap target.
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(f"{site_url}fenomenen/{f.id}.html")
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_phenomenon_views_have_no_axe_violations(page, site_url, width):
    page.set_viewport_size(WIDTHS[width])
    found = {}
    for path in ["fenomenen/index.html"] + [f"fenomenen/{f.id}.html" for f in FENOMENEN[:3]]:
        page.goto(site_url + path)
        if violations := axe_violations(page):
            found[path] = violations
    assert found == {}


def test_no_horizontal_scroll_at_320_px(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["fenomenen/index.html"] + [f"fenomenen/{f.id}.html" for f in FENOMENEN]:
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, path


# --- the content model --------------------------------------------------------

def test_an_image_without_alt_text_is_refused(tmp_path):
    message, line = content_fault(
        tmp_path, "fenomenen.yml", "      account: rayan.b_\n",
        "      account: rayan.b_\n      afbeelding:\n        bestand: assets/voorbeelden/fraude.png\n")
    assert message.startswith(f"content/fenomenen.yml:{line + 1}: fenomenen[2].bericht.afbeelding"), message
    assert "required field 'alt' is missing" in message


def test_an_image_from_another_origin_is_refused(tmp_path):
    message, line = content_fault(
        tmp_path, "fenomenen.yml", "      account: rayan.b_\n",
        "      account: rayan.b_\n      afbeelding:\n        bestand: https://example.org/x.png\n"
        "        alt: Een bericht.\n")
    assert message.startswith(f"content/fenomenen.yml:{line + 2}: fenomenen[2].bericht.afbeelding.bestand"), message
    assert "must be an image path inside docs/" in message


def test_an_image_with_alt_text_is_rendered(tmp_path):
    import shutil
    from macros.render.renderer import Renderer
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    path = folder / "fenomenen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      account: rayan.b_\n",
        "      account: rayan.b_\n      afbeelding:\n        bestand: assets/voorbeelden/fraude.png\n"
        "        alt: \"TikTok-video: 'wie wil €500 verdienen?'\"\n"), encoding="utf-8")
    content = load_content(folder)
    html = Renderer(content, "fenomenen/fraude.md").render("fenomeen.html", "x", fenomeen=content.fenomeen("fraude"))
    assert ('<img class="rk-bericht-afbeelding" src="../assets/voorbeelden/fraude.png" '
            'alt="TikTok-video: &#39;wie wil €500 verdienen?&#39;">') in html


def test_a_message_without_text_or_picture_is_refused(tmp_path):
    message, _ = content_fault(
        tmp_path, "fenomenen.yml",
        "      tekst:\n        - \"wie wil de wifi van school plat? 😂\"\n        - \"5 euro voor 10 min, bewijs in dm 💻⚡\"\n",
        "")
    assert message.startswith("content/fenomenen.yml:"), message
    assert "fenomenen[6].bericht" in message and "needs 'tekst', 'beeld' or 'afbeelding'" in message


def test_an_unknown_visibility_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "fenomenen.yml", "      account: westblok.17\n      leeftijd: 17\n",
                                  "      account: westblok.17\n      leeftijd: zeventien\n")
    assert message.startswith(f"content/fenomenen.yml:{line + 1}: fenomenen[0].bericht.leeftijd"), message
