"""'Ik ben ...': a reader chooses a role on the start page or from the top of
any page, this device alone remembers it, and with it step 3 shows the other
partners, the partners page opens at the reader's own and the afsprakenkaart
marks the reader's column on screen. Without a role or without JavaScript,
every page reads as before."""
from __future__ import annotations

import io
import json

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from macros.content import load_content
from support.browser import WIDTHS
from support.html import find, page as html_page, text, the, with_class
from support.keyboard import tab_to
from support.project import ROOT

CONTENT = load_content(ROOT / "content")
ROLE_TEXTS = CONTENT.rollen
WIPE = CONTENT.teksten.blok("privacy-wipe")
ROLES = {role_id.id: role_id for role_id in ROLE_TEXTS.rollen}
PARTNERS = [p.id for p in CONTENT.partners.partners]
KEY = "routekaart:rol"
STEP_3 = "stappen/partners-betrekken.html"


def choose_on_start_page(page: Page, site_url: str, role: str) -> None:
    page.goto(site_url)
    form = page.get_by_role("group", name=ROLE_TEXTS.vraag)
    form.get_by_label(ROLES[role].label, exact=True).check()
    expect(form.get_by_label(ROLES[role].label, exact=True)).to_be_checked()


def control(page: Page):
    return page.locator("[data-role-control]")


def expect_role_shown(page: Page, role: str | None) -> None:
    if role:
        expect(control(page).locator(".rk-role-current")).to_contain_text(f"{ROLE_TEXTS.vraag}: {ROLES[role].label}")
        expect(control(page).get_by_role("button", name=ROLE_TEXTS.wijzigen)).to_be_visible()
    else:
        expect(control(page).get_by_role("button", name=ROLE_TEXTS.geen_rol)).to_be_visible()
        expect(control(page).locator("[data-role-current]")).to_be_hidden()


def shown_partners(page: Page) -> list[str]:
    block = page.locator("[data-role-partners]")
    expect(block).to_be_visible()
    return block.locator(".rk-role-partner:visible").evaluate_all("items => items.map(i => i.dataset.partner)")


# --- Choosing and changing ---------------------------------------------------

@pytest.mark.parametrize("role", list(ROLES))
def test_a_role_chosen_on_the_start_page_is_remembered_on_another_page(page, site_url, role):
    choose_on_start_page(page, site_url, role)
    assert json.loads(page.evaluate(f"localStorage.getItem({KEY!r})")) == role
    page.goto(site_url + "afspraken.html")
    page.reload()
    expect_role_shown(page, role)
    page.goto(site_url)
    expect(page.get_by_label(ROLES[role].label, exact=True)).to_be_checked()


def test_the_role_is_changed_from_another_page_with_one_tap_and_a_choice(page, site_url):
    choose_on_start_page(page, site_url, "politie")
    page.goto(site_url + "fenomenen/fraude.html")
    page.get_by_role("button", name=ROLE_TEXTS.wijzigen).click()
    expect(page.get_by_role("button", name=ROLE_TEXTS.wijzigen)).to_have_attribute("aria-expanded", "true")
    page.get_by_label(ROLES["gemeente"].label, exact=True).check()
    # The choice closes the chooser and shows at once.
    expect(page.locator("#role-chooser")).to_be_hidden()
    expect_role_shown(page, "gemeente")
    page.goto(site_url)
    expect(page.get_by_label(ROLES["gemeente"].label, exact=True)).to_be_checked()


def test_without_a_role_every_page_offers_to_choose_one(page, site_url):
    page.goto(site_url + "partners.html")
    expect_role_shown(page, None)
    page.get_by_role("button", name=ROLE_TEXTS.geen_rol).click()
    chooser = page.get_by_role("group", name=ROLE_TEXTS.vraag)
    expect(chooser).to_contain_text(ROLE_TEXTS.uitleg)
    expect(chooser.get_by_role("radio")).to_have_count(len(ROLES) + 1)  # and "geen rol"
    chooser.get_by_label(ROLES["anders"].label, exact=True).check()
    expect_role_shown(page, "anders")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_role_is_chosen_and_changed_with_the_keyboard_only(page, site_url, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url)
    first = page.get_by_label(ROLES["jongerenwerk"].label, exact=True)
    tab_to(page, first)
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label(ROLES["politie"].label, exact=True)).to_be_checked()

    page.goto(site_url + STEP_3)
    toggle = page.get_by_role("button", name=ROLE_TEXTS.wijzigen)
    tab_to(page, toggle)
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")  # into the options, at the chosen one
    expect(page.get_by_label(ROLES["politie"].label, exact=True)).to_be_focused()
    page.keyboard.press("ArrowDown")
    # Arrow keys choose without closing, so the reader can go on through the options.
    expect(page.locator("#role-chooser")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#role-chooser")).to_be_hidden()
    expect(toggle).to_be_focused()
    expect_role_shown(page, "gemeente")
    assert shown_partners(page) == ["jongerenwerk", "politie"]


def test_without_javascript_there_is_no_role_form_or_control(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in ("index.html", STEP_3):
        page.goto(site_url + path)
        expect(page.locator("[data-role-chooser]:visible, [data-role-control]:visible")).to_have_count(0)
    expect(page.get_by_role("heading", name=ROLE_TEXTS.betrekken_titel)).to_have_count(0)
    context.close()


def test_the_built_pages_render_the_role_parts_hidden(site_dir):
    start = html_page(site_dir, "index.html")
    assert the(find(start, f"//{with_class('rk-role-form')}")).get("hidden") is not None
    assert find(start, "//*[@data-role-control]") == []
    step_3 = html_page(site_dir, STEP_3)
    assert the(find(step_3, "//*[@data-role-control]")).get("hidden") is not None
    block = the(find(step_3, "//*[@data-role-partners]"))
    assert block.get("hidden") is not None
    # What a reader without a role gets leaves the block out.
    assert ROLE_TEXTS.betrekken_titel not in text(the(find(step_3, "//article")))
    # The hidden block takes no glossary mark from the text a reader sees.
    assert find(block, f".//{with_class('rk-glossary-term')}") == []


# --- Step 3 -------------------------------------------------------------------

@pytest.mark.parametrize("role", list(ROLES))
def test_step_3_shows_the_other_partners_in_the_routekaarts_words(page, site_url, role):
    choose_on_start_page(page, site_url, role)
    page.goto(site_url + STEP_3)
    own = ROLES[role].partner
    others = [p for p in PARTNERS if p != own]
    assert shown_partners(page) == others
    block = page.locator("[data-role-partners]")
    expect(block.get_by_role("heading", level=2)).to_have_text(ROLE_TEXTS.betrekken_titel)
    expect(block).to_contain_text(ROLE_TEXTS.betrekken_intro)
    for pid in others:
        partner = CONTENT.partner(pid)
        item = block.locator(f'[data-partner="{pid}"]')
        expect(item.get_by_role("link", name=partner.naam)).to_have_attribute("href", f"../partners.html#{pid}")
        expect(item.locator("blockquote")).to_have_text(" ".join(partner.rol_algemeen[0].split()))
    # The regional contact points are only in a regional edition (tests/test_regio.py).
    expect(block.locator(".rk-contact")).to_have_count(0)


def test_step_3_follows_a_change_of_role_on_the_page_itself(page, site_url):
    page.goto(site_url + STEP_3)
    expect(control(page)).to_be_visible()
    expect(page.locator("[data-role-partners]")).to_be_hidden()
    page.get_by_role("button", name=ROLE_TEXTS.geen_rol).click()
    page.get_by_label(ROLES["jongerenwerk"].label, exact=True).check()
    assert shown_partners(page) == ["politie", "gemeente"]


# --- Partners page and afsprakenkaart ----------------------------------------

def test_the_partners_page_opens_at_the_readers_own_partner(page, site_url):
    choose_on_start_page(page, site_url, "gemeente")
    page.goto(site_url + "partners.html")
    heading = page.locator("#gemeente")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    # Below the fixed header, not under it.
    header = page.locator(".md-header").bounding_box()
    assert heading.bounding_box()["y"] >= header["y"] + header["height"]


def test_an_anchor_in_the_address_wins_over_the_role(page, site_url):
    choose_on_start_page(page, site_url, "gemeente")
    page.goto(site_url + "partners.html#politie")
    expect(page.locator("#politie")).to_be_in_viewport()
    expect(page.locator("#gemeente")).not_to_be_focused()


def test_without_a_role_the_partners_page_opens_at_its_top(page, site_url):
    page.goto(site_url + "partners.html")
    expect(control(page)).to_be_visible()
    assert page.evaluate("scrollY") == 0


def own_column(page: Page, partner: str):
    return page.locator(f'.rk-card-table th[data-partner="{partner}"]')


def test_the_afsprakenkaart_marks_the_readers_column_on_screen_only(page, site_url):
    choose_on_start_page(page, site_url, "politie")
    page.goto(site_url + "afsprakenkaart.html")
    label = f"({ROLE_TEXTS.eigen_kolom})"
    expect(own_column(page, "politie")).to_have_text(f"{CONTENT.partner('politie').naam} {label}")
    expect(own_column(page, "jongerenwerk")).to_have_text(CONTENT.partner("jongerenwerk").naam)
    assert page.locator(".rk-role-own-column").count() == 1 + len(CONTENT.afspraken.afsprakenkaart.vragen)
    border = "e => getComputedStyle(e).borderLeftWidth"
    assert own_column(page, "politie").evaluate(border) != own_column(page, "gemeente").evaluate(border)

    page.emulate_media(media="print")
    expect(page.locator(".rk-role-own-label").first).to_be_hidden()
    assert own_column(page, "politie").evaluate(border) == own_column(page, "gemeente").evaluate(border)
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, format="A4")))
    assert len(pdf.pages) == 1
    assert ROLE_TEXTS.eigen_kolom not in pdf.pages[0].extract_text()
    assert ROLE_TEXTS.geen_rol not in pdf.pages[0].extract_text() and ROLE_TEXTS.wijzigen not in pdf.pages[0].extract_text()


def test_on_a_phone_each_field_of_the_readers_column_says_so(page, site_url):
    page.set_viewport_size(WIDTHS["phone"])
    choose_on_start_page(page, site_url, "jongerenwerk")
    page.goto(site_url + "afsprakenkaart.html")
    field = page.locator("#answer-betrekken-jongerenwerk")
    expect(page.locator("#label-betrekken-jongerenwerk")).to_have_text(f"{CONTENT.partner('jongerenwerk').naam} ({ROLE_TEXTS.eigen_kolom})")
    expect(page.locator("#label-betrekken-jongerenwerk")).to_be_visible()
    expect(field).to_have_accessible_name(f"{CONTENT.afspraken.afsprakenkaart.vragen[0].tekst} {CONTENT.partner('jongerenwerk').naam}"
                                          f" ({ROLE_TEXTS.eigen_kolom})")
    expect(page.locator("#label-betrekken-politie")).to_have_text(CONTENT.partner("politie").naam)


# --- Privacy and damaged data --------------------------------------------------

def test_the_privacy_page_lists_the_role(site_dir):
    stored = text(the(find(html_page(site_dir, "privacy.html"), "//h2[@id='wat-bewaard']/following-sibling::ul[1]")))
    assert "je rol" in stored


def test_the_wipe_button_removes_the_role(page, site_url):
    choose_on_start_page(page, site_url, "politie")
    page.goto(site_url + "privacy.html")
    expect_role_shown(page, "politie")
    page.get_by_role("button", name=WIPE["button"]).click()
    expect(page.get_by_role("status")).to_have_text(WIPE["wiped"])
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is None
    expect_role_shown(page, None)
    page.goto(site_url)
    expect(page.get_by_role("group", name=ROLE_TEXTS.vraag).get_by_role("radio", checked=True)).to_have_count(0)


@pytest.mark.parametrize("stored", ['{"rol": ', '"wethouder"', "42"], ids=["damaged", "unknown", "not-text"])
def test_a_stored_role_that_does_not_read_counts_as_none(page, site_url, stored):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url)
    page.evaluate("raw => localStorage.setItem('routekaart:rol', raw)", stored)
    page.goto(site_url + STEP_3)
    expect_role_shown(page, None)
    expect(page.locator("[data-role-partners]")).to_be_hidden()
    if stored != '"wethouder"':  # JSON that is no role name is set aside, not lost
        assert page.evaluate(f"localStorage.getItem({KEY + ':beschadigd'!r})") == stored
        assert page.evaluate(f"localStorage.getItem({KEY!r})") is None
    assert errors == []


# --- Clearing the role on its own, and where the start page offers it ---------

@pytest.mark.parametrize("width", WIDTHS)
def test_geen_rol_clears_the_role_alone_by_keyboard(page, site_url, width):
    page.set_viewport_size(WIDTHS[width])
    choose_on_start_page(page, site_url, "politie")
    page.evaluate("localStorage.setItem('routekaart:doorloop', '{\"bewaard\": 1}')")  # other data stays
    page.goto(site_url + STEP_3)
    toggle = page.get_by_role("button", name=ROLE_TEXTS.wijzigen)
    tab_to(page, toggle)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label(ROLES["politie"].label, exact=True)).to_be_focused()
    for _ in range(len(ROLES) - 1):  # from the second role down to the last option, "geen rol"
        page.keyboard.press("ArrowDown")
    none = page.locator("#role-chooser").get_by_label(ROLE_TEXTS.zonder_rol, exact=True)
    expect(none).to_be_checked()
    page.keyboard.press("Escape")
    expect_role_shown(page, None)
    expect(page.locator("[data-role-partners]")).to_be_hidden()
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is None
    assert page.evaluate("localStorage.getItem('routekaart:doorloop')") == '{"bewaard": 1}'
    page.goto(site_url)
    group = page.get_by_role("group", name=ROLE_TEXTS.vraag)
    for role in ROLES.values():
        expect(group.get_by_label(role.label, exact=True)).not_to_be_checked()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_start_page_offers_the_role_where_a_first_time_reader_sees_it(page, site_url, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url)
    form = page.get_by_role("group", name=ROLE_TEXTS.vraag)
    expect(form).to_be_visible()
    # Before the route and its map, in the first screen.
    assert page.evaluate("""() => !!(document.querySelector('.rk-role-form--start').compareDocumentPosition(
        document.querySelector('.rk-route')) & Node.DOCUMENT_POSITION_FOLLOWING)""")
    top = form.bounding_box()["y"]
    assert top < WIDTHS[width]["height"], top
