"""The accessibility statement and the privacy page: in the form Dutch
government statements take, reachable from every page, and the privacy page
wipes what the site keeps on the device."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.content import load_content

from support.project import ROOT
from support.content_faults import content_fault
from support.html import find, page as html_page, text, with_class
from support.words import SITE

CONTENT = load_content(ROOT / "content")
WIPE = CONTENT.teksten.blok("privacy-wipe")


def test_the_statement_has_the_parts_of_the_government_model(site_dir):
    page = html_page(site_dir, "toegankelijkheid.html")
    assert [text(h) for h in find(page, "//h1")] == ["Toegankelijkheid"]
    t = CONTENT.toegankelijkheid
    wanted = [t.standaard.titel, t.status.titel, t.onderzoek.titel, t.knelpunten.titel, t.contact.titel]
    (article,) = find(page, "//article")
    assert [text(h) for h in find(article, "//h2")] == wanted
    said = text(article)
    assert "WCAG) 2.1, niveau AA" in said
    assert "EN 301 549" in said
    # Without a WCAG-EM audit the honest status is C, "eerste maatregelen genomen".
    assert t.status.niveau == "eerste maatregelen genomen"
    assert t.status.niveau in said
    assert "WCAG-EM" in said
    # No promises on the publishers' behalf, no body that is not competent.
    assert "werkdagen" not in said
    assert "ombudsman" not in said
    assert "axe-core" in said
    assert "Lighthouse" in said
    # Contact goes to the edition's maintainer, or the statement says there is
    # none yet; never to the publishers, who do not publish this version
    # (issue 23; tests/test_editie.py checks both editions).
    assert " ".join(CONTENT.editie.toegankelijkheid.zonder_beheerder.split()) in said
    assert find(page, f"//{with_class('rk-statement')}//{with_class('rk-publishers')}") == []


def test_the_privacy_page_says_what_is_stored_and_that_nothing_is_sent(page, site_url):
    page.goto(site_url + "privacy.html")
    expect(page.locator("h1")).to_have_text(CONTENT.privacy.titel)
    expect(page.locator("#wat-bewaard")).to_be_visible()
    expect(page.locator("article")).to_contain_text("op je eigen apparaat")
    expect(page.locator("#wat-verstuurd + p")).to_contain_text("Niets.")
    expect(page.locator("article").get_by_role("link", name="afsprakenkaart")).to_have_attribute(
        "href", "afsprakenkaart.html")


@pytest.mark.parametrize("path", ["index.html", "stappen/einde.html", "fenomenen/fraude.html"])
def test_every_page_links_to_the_statement_and_privacy_in_its_footer(page, site_url, path):
    page.goto(site_url + path)
    footer = page.get_by_role("navigation", name=SITE["about_site"])
    for name in (SITE["colophon"], SITE["accessibility"], SITE["privacy"]):
        footer.get_by_role("link", name=name).click()
        expect(page.locator("h1")).to_have_text(name)
        page.goto(site_url + path)


def test_the_wipe_button_removes_everything_the_site_keeps(page, site_url):
    page.goto(site_url + "privacy.html")
    page.evaluate("""async () => {
        localStorage.setItem('rk-test-notitie', 'geheime aantekening');
        sessionStorage.setItem('rk-test', '1');
        await (await caches.open('rk-test-cache')).put('/x', new Response('x'));
    }""")
    button = page.get_by_role("button", name=WIPE["button"])
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(WIPE["wiped"])
    left = page.evaluate("""async () => [localStorage.length, sessionStorage.length,
                                         (await caches.keys()).length]""")
    assert left == [0, 0, 0]


def test_the_wipe_button_stays_hidden_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "privacy.html")
    expect(page.get_by_role("button", name=WIPE["button"])).to_be_hidden()
    expect(page.locator("#wissen ~ p").first).to_contain_text("gegevens van deze website")
    context.close()


def test_an_unknown_status_level_names_file_and_line(tmp_path):
    message, line = content_fault(tmp_path, "toegankelijkheid.yml", "niveau: eerste maatregelen genomen",
                          "niveau: bijna goed")
    assert message.startswith(f"content/toegankelijkheid.yml:{line}: status.niveau:")
    assert "eerste maatregelen genomen" in message


def test_a_missing_statement_part_names_the_file(tmp_path):
    message, _ = content_fault(tmp_path, "toegankelijkheid.yml", "knelpunten:\n  id: knelpunten",
                       "bekende_fouten:\n  id: knelpunten")
    assert "content/toegankelijkheid.yml" in message
    assert "unknown field 'bekende_fouten'" in message or "'knelpunten' is missing" in message


def test_a_duplicate_privacy_section_names_file_and_line(tmp_path):
    message, line = content_fault(tmp_path, "privacy.yml", "  - id: wissen", "  - id: wat-bewaard")
    assert message.startswith(f"content/privacy.yml:{line}: secties[2]")
    assert "duplicate section id 'wat-bewaard'" in message


@pytest.mark.browser_context_args(service_workers="allow")
def test_the_wipe_button_also_removes_the_offline_copy(page, site_url):
    from support.interactions import offline_copy_ready

    page.goto(site_url + "privacy.html")
    offline_copy_ready(page)
    page.get_by_role("button", name=WIPE["button"]).click()
    expect(page.get_by_role("status")).to_have_text(WIPE["wiped"])
    left = page.evaluate("""async () => [(await navigator.serviceWorker.getRegistrations()).length,
                                         (await caches.keys()).length]""")
    assert left == [0, 0]
