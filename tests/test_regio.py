"""A local edition: with content/regio.yml a region's site shows its name, its
agreed answers on the afsprakenkaart (read-only, with the date) and its
contacts at step 3; without the file the site is the national edition."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import yaml
from odf import teletype
from odf.opendocument import load
from playwright.sync_api import expect
from pypdf import PdfReader

from support.axe import axe_violations
from support.browser import WIDTHS
from support.project import ROOT, serve
from support.variants import REGIONAL
from support.content_faults import content_fault
from support.html import find, page as html_page, text, with_class
from support.words import CARD, PAGES, date_text, page_text
from macros.content import load_content

FIXTURE = Path(__file__).parent / "fixtures" / "regio.yml"
REGION = "Regio Westerkwartier"
AGREED_ON = date_text(yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["afsprakenkaart"]["datum_afgesproken"])
CONTENT = load_content(ROOT / "content")
ROLES = CONTENT.rollen
YOUTH_WORK_ANSWER = ("Als een jongere in een bericht dreigt met geweld tegen een ander, "
                         "bellen wij dezelfde dag de wijkagent.")


@pytest.fixture(scope="module")
def region_site() -> Path:
    """The site with tests/fixtures/regio.yml (FIXTURE), built in the background."""
    return REGIONAL.site()


@pytest.fixture(scope="module")
def region_url(region_site):
    server = serve(region_site)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def cell(page, question: str, partner: str):
    """The card's cell for a question and a partner, found by its headers."""
    column = ["jongerenwerk", "politie", "gemeente"].index(partner) + 2
    return page.locator(f"#vraag-{question} > :nth-child({column})")


# --- The regional edition ---------------------------------------------------

def test_the_start_page_names_the_region(region_site):
    edition = find(html_page(region_site, "index.html"), f"//{with_class('rk-edition')}")
    assert [text(e) for e in edition] == [page_text("start_edition", regio=REGION)]


def test_step_3_shows_who_to_involve_with_the_regions_contacts(page, region_url):
    page.goto(f"{region_url}stappen/partners-betrekken.html")
    section = page.get_by_role("region", name=PAGES["contacts_title"])
    expect(section).to_be_visible()
    expect(section.get_by_role("heading", level=3)).to_have_text(["Jongerenwerk", "Politie", "Gemeente OOV"])
    expect(section).to_contain_text("Stichting Jongerenwerk Westerkwartier")
    expect(section).to_contain_text("Bereikbaar op werkdagen van 9.00 tot 17.00 uur.")
    expect(section.get_by_role("link", name="0594 - 123 456")).to_have_attribute("href", "tel:0594123456")
    expect(section.get_by_role("link", name="oov@westerkwartier.example")).to_have_attribute(
        "href", "mailto:oov@westerkwartier.example")
    # Before the decision, where the professional weighs whom to involve.
    assert page.evaluate("""() => !!(document.querySelector('.rk-contacts').compareDocumentPosition(
        document.querySelector('.rk-decision')) & Node.DOCUMENT_POSITION_FOLLOWING)""")


def test_with_a_role_step_3_shows_the_other_partners_with_their_contact_points(page, region_url):
    page.goto(f"{region_url}stappen/partners-betrekken.html")
    page.get_by_role("button", name=ROLES.geen_rol).click()
    page.get_by_label(next(r.label for r in ROLES.rollen if r.id == "politie"), exact=True).check()
    block = page.get_by_role("region", name=ROLES.betrekken_titel)
    expect(block.get_by_role("heading", level=3)).to_have_text([CONTENT.partner("jongerenwerk").naam, CONTENT.partner("gemeente").naam])
    expect(block.locator(".rk-contact:visible")).to_have_count(2)
    expect(block.locator('[data-partner="jongerenwerk"]')).to_contain_text("Stichting Jongerenwerk Westerkwartier")
    expect(block.get_by_role("link", name="oov@westerkwartier.example")).to_have_attribute(
        "href", "mailto:oov@westerkwartier.example")
    expect(block.get_by_text("Politie basisteam Westerkwartier")).to_be_hidden()
    assert axe_violations(page) == []


def test_the_card_shows_agreed_answers_read_only_with_the_date(page, region_url):
    page.goto(f"{region_url}afsprakenkaart.html")
    expect(page.locator(".rk-card-agreed-on")).to_have_text(f"{CARD['field_agreed_on']} {AGREED_ON}")
    expect(page.locator(".rk-card-region")).to_have_text(REGION)
    expect(page.get_by_label(CARD["field_region_or_municipality"])).to_have_count(0)
    expect(cell(page, "betrekken", "jongerenwerk")).to_have_text(f"Jongerenwerk{YOUTH_WORK_ANSWER}")
    expect(cell(page, "betrekken", "jongerenwerk").locator("textarea")).to_have_count(0)
    expect(cell(page, "ingrijpen", "gemeente").locator(".rk-card-answer")).to_have_text(
        "Bij een oproep tot rellen in het centrum.\nDe burgemeester besluit over maatregelen.")
    # The cells without an agreement stay open to fill in.
    expect(page.locator("textarea")).to_have_count(12 - 3)
    expect(cell(page, "ingrijpen", "politie").locator("textarea")).to_be_editable()


def test_the_regional_card_prints_with_its_name_agreements_and_date(page, region_url):
    page.goto(f"{region_url}afsprakenkaart.html")
    page.locator("#answer-ingrijpen-politie").fill("Bij een concrete dreiging.")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(pdf.pages) == 1
    assert float(pdf.pages[0].mediabox.width) > float(pdf.pages[0].mediabox.height)
    text = " ".join(pdf.pages[0].extract_text().split())
    for wanted in (REGION, AGREED_ON, YOUTH_WORK_ANSWER, "Bij een concrete dreiging."):
        assert wanted in text


def test_an_import_keeps_the_agreed_answers_and_says_so(page, region_url):
    page.goto(f"{region_url}afsprakenkaart.html")
    file_data = json.dumps({"soort": "routekaart-afsprakenkaart", "versie": 1, "regio": "Elders",
                          "antwoorden": {"betrekken": {"jongerenwerk": "Overschreven?", "gemeente": "Nieuw"}}})
    page.set_input_files("#card-import", files=[{"name": "k.json", "mimeType": "application/json",
                                                      "buffer": file_data.encode()}])
    expect(page.get_by_role("status")).to_contain_text(CARD["opened_skipped"].replace("{n}", "1").split(",")[0])
    expect(page.locator("#answer-betrekken-gemeente")).to_have_value("Nieuw")
    expect(cell(page, "betrekken", "jongerenwerk")).to_contain_text(YOUTH_WORK_ANSWER)
    with page.expect_download() as info:
        page.get_by_role("button", name=CARD["export_button"]).click()
    assert json.loads(info.value.path().read_bytes())["regio"] == REGION


def test_the_regional_download_carries_the_regions_name(region_site):
    doc = load(str(region_site / "downloads" / "afsprakenkaart.odt"))
    assert f"{CARD['field_region_or_municipality']} {REGION}" in teletype.extractText(doc.text)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["afsprakenkaart.html", "stappen/partners-betrekken.html", "index.html"])
def test_regional_pages_have_no_axe_violations(page, region_url, path, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(region_url + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["afsprakenkaart.html", "stappen/partners-betrekken.html"])
def test_regional_pages_need_no_sideways_scrolling_at_320_px(page, region_url, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(region_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


# --- The national edition -----------------------------------------------------

def test_the_national_edition_shows_no_regional_content(site_dir):
    assert find(html_page(site_dir, "index.html"), f"//{with_class('rk-edition')}") == []
    step_3 = html_page(site_dir, "stappen/partners-betrekken.html")
    assert [h for h in find(step_3, "//h1 | //h2 | //h3 | //h4 | //*[@role='heading']")
            if text(h) == PAGES["contacts_title"]] == []
    card = html_page(site_dir, "afsprakenkaart.html")
    assert find(card, f"//{with_class('rk-card-agreed-on')}") == []
    assert len(find(card, "//textarea")) == 12
    # Every page's HTML, less the words handed to scripts (`data-texts`: a
    # component's whole block of content/teksten.yml, used or not).
    site_text = "\n".join(re.sub(r" data-texts='[^']*'", "", p.read_text(encoding="utf-8"))
                          for p in site_dir.rglob("*.html"))
    for regional in ("Westerkwartier", CARD["field_agreed_on"].rstrip(":"), "0594"):
        assert regional not in site_text


# --- Faults in regio.yml ------------------------------------------------------

@pytest.mark.parametrize("old, new, where, what", [
    ("  politie:\n    - organisatie", "  school:\n    - organisatie", "contacten.school",
     "unknown partner 'school'"),
    ("    ingrijpen:", "    ingrijpn:", "afsprakenkaart.antwoorden.ingrijpn", "unknown question 'ingrijpn'"),
    ("      politie: Bij een", "      wijkagent: Bij een", "afsprakenkaart.antwoorden.betrekken.wijkagent",
     "unknown partner 'wijkagent'"),
    ("  datum_afgesproken: 2026-03-12", "  datum_afgesproken: 12-03-2026", "afsprakenkaart.datum_afgesproken",
     "valid date"),
    ("      telefoon: 0594 - 123 456", "      telefoon: 0201234567", "contacten.jongerenwerk[0].telefoon",
     "write the phone number between quotes"),
    ("      telefoon: 0594 - 123 456", "      telefoon: bel de receptie", "contacten.jongerenwerk[0].telefoon",
     "is not a phone number"),
    ("      email: oov@westerkwartier.example", "      email: oov bij westerkwartier", "contacten.gemeente[0].email",
     "is not an e-mail address"),
    ("    - organisatie: Gemeente Westerkwartier, team Openbare Orde en Veiligheid\n      email: oov@",
     "    - organisatie: Gemeente Westerkwartier, team Openbare Orde en Veiligheid\n      toelichting: oov@",
     "contacten.gemeente[0]",
     "a contact needs a 'telefoon' or an 'email'"),
    ("      toelichting: Bereikbaar", "      bereikbaar: Bereikbaar", "contacten.jongerenwerk[0].bereikbaar",
     "unknown field 'bereikbaar'"),
], ids=["unknown-partner-contact", "unknown-question", "unknown-partner-answer", "date", "phone-number",
        "phone-words", "email", "no-way-to-reach", "misspelt-field"])
def test_a_fault_in_regio_yml_names_file_line_and_field(tmp_path, old, new, where, what):
    message, line = content_fault(tmp_path, "regio.yml", old, new, source=FIXTURE)
    assert re.match(rf"content/regio\.yml:{line}: {re.escape(where)}: ", message), message
    assert what in message


def test_without_regio_yml_the_content_is_the_national_edition():
    assert load_content(ROOT / "content").regio is None
