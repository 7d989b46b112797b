"""The eight phenomena: each page shows its explanation, scenario and example
message as a card in text (read from the built HTML); the overview picks one in a single tap; the
content model refuses an example that cannot be shown accessibly."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support.browser import WIDTHS
from support.project import ROOT
from support.content_faults import content_fault
from support.html import find, page as html_page, text, with_class
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


def the(elements: list) -> object:
    """The one element found (a page shows it once)."""
    assert len(elements) == 1, f"found {len(elements)}"
    return elements[0]


@pytest.mark.parametrize("fenomeen", FENOMENEN, ids=lambda f: f.id)
def test_a_phenomenon_page_shows_scenario_and_message_card(site_dir, fenomeen):
    page = html_page(site_dir, f"fenomenen/{fenomeen.id}.html")
    assert text(the(find(page, "//h1"))) == fenomeen.titel
    scenario = the(find(page, f"//{with_class('rk-scenario-tekst')}"))
    assert squash(text(scenario)) == squash(fenomeen.scenario.replace("*", ""))

    b = fenomeen.bericht
    card = the(find(page, "//figure | //*[@role='figure']"))
    assert "Fictief voorbeeld" in text(card)
    assert f"Bericht op {b.platform}" in text(card)
    assert b.zichtbaarheid.capitalize() in text(the(find(card, f"//{with_class('rk-bericht-zichtbaarheid')}")))
    assert ONTVANGEN[b.ontvangen] in text(the(find(card, f"//{with_class('rk-bericht-ontvangen')}")))
    account = text(the(find(card, f"//{with_class('rk-bericht-account')}")))
    assert b.account in account
    if b.leeftijd:
        assert f"{b.leeftijd} jaar" in account
    # The message is text, not a picture of text.
    shown = find(card, f"//{with_class('rk-bericht-tekst')}//p")
    assert [squash(text(t)) for t in shown] == [squash(t) for t in b.tekst]
    if b.beeld:
        assert squash(b.beeld) in text(the(find(card, f"//{with_class('rk-bericht-beeld')}")))
    assert find(card, "//img") == []


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


def test_the_overview_shows_eight_cards_with_summary_and_platform(site_dir):
    cards = find(html_page(site_dir, "fenomenen/index.html"), f"//{with_class('rk-fenomeenkaart')}")
    assert len(cards) == 8
    for card, f in zip(cards, FENOMENEN):
        assert text(the(find(card, "//a[@href]"))) == f.korte_titel
        assert f.samenvatting in text(card)
        assert f.bericht.platform in text(card)


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
