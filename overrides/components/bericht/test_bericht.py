"""The message card: a phenomenon's fictional example message shown as a card
in text (bericht.html, bericht.css), read from the built HTML; the content
model refuses an example that cannot be shown accessibly."""
from __future__ import annotations

import pytest

from support.project import ROOT
from support.content_faults import content_fault
from support.html import find, page as html_page, text, the, with_class
from macros.content import load_content

CONTENT = load_content(ROOT / "content")
PHENOMENA = CONTENT.fenomenen.fenomenen
T = CONTENT.teksten.blok("bericht")


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_phenomenon_has_a_fictional_example_message():
    assert len(PHENOMENA) == 8
    for f in PHENOMENA:
        b = f.bericht
        assert b.tekst or b.beeld, f.id
        assert f.samenvatting and len(f.samenvatting) <= 90, f.id


@pytest.mark.parametrize("phenomenon", PHENOMENA, ids=lambda f: f.id)
def test_a_phenomenon_page_shows_scenario_and_message_card(site_dir, phenomenon):
    page = html_page(site_dir, f"fenomenen/{phenomenon.id}.html")
    assert text(the(find(page, "//h1"))) == phenomenon.titel
    scenario = the(find(page, f"//{with_class('rk-scenario-text')}"))
    assert squash(text(scenario)) == squash(phenomenon.scenario.replace("*", ""))

    b = phenomenon.bericht
    card = the(find(page, "//figure | //*[@role='figure']"))
    assert T["example_label"] in text(card)
    assert T["platform"].format(platform=b.platform) in text(card)
    assert b.zichtbaarheid.capitalize() in text(the(find(card, f"//{with_class('rk-message-visibility')}")))
    assert T[f"received_{b.ontvangen}"] in text(the(find(card, f"//{with_class('rk-message-received')}")))
    account = text(the(find(card, f"//{with_class('rk-message-account')}")))
    assert b.account in account
    if b.leeftijd:
        assert T["age"].format(leeftijd=b.leeftijd) in account
    # The message is text, not a picture of text.
    shown = find(card, f"//{with_class('rk-message-text')}//p")
    assert [squash(text(t)) for t in shown] == [squash(t) for t in b.tekst]
    if b.beeld:
        assert squash(b.beeld) in text(the(find(card, f"//{with_class('rk-message-visual')}")))
    assert find(card, "//img") == []


def test_an_image_without_alt_text_is_refused(tmp_path):
    message, line = content_fault(
        tmp_path, "fenomenen.yml", "      account: geldmaker.24\n",
        "      account: geldmaker.24\n      afbeelding:\n        bestand: assets/voorbeelden/fraude.png\n")
    assert message.startswith(f"content/fenomenen.yml:{line + 1}: fenomenen[2].bericht.afbeelding"), message
    assert "required field 'alt' is missing" in message


def test_an_image_from_another_origin_is_refused(tmp_path):
    message, line = content_fault(
        tmp_path, "fenomenen.yml", "      account: geldmaker.24\n",
        "      account: geldmaker.24\n      afbeelding:\n        bestand: https://example.org/x.png\n"
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
        "      account: geldmaker.24\n",
        "      account: geldmaker.24\n      afbeelding:\n        bestand: assets/voorbeelden/fraude.png\n"
        "        alt: \"TikTok-video: 'wie wil €500 verdienen?'\"\n"), encoding="utf-8")
    content = load_content(folder)
    html = Renderer(content, "fenomenen/fraude.md").render("fenomeen.html", "x", phenomenon=content.fenomeen("fraude"))
    assert ('<img class="rk-message-image" src="../assets/voorbeelden/fraude.png" '
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

