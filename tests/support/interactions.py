"""Every interactive feature of the site, as steps that use it and check that
it worked, leaving the page in that feature's interactive state.

Each one is done once per width under the site's security headers
(support/sweep.py); the CSP test and the accessibility tests (WCAG A/AA and
best practices) read what was found in its state. Add an entry for every new
feature or state: (name, page to start on, steps). The steps start on a fresh
page with empty storage and must wait for what they do with expect(), not
with sleeps.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from playwright.sync_api import Page, expect

from macros.content import load_content

from .csp import wait_until_idle
from .discuss import actions_file, as_upload, meeting_uploads
from .project import ROOT
from .words import CARD, CARD_OPENED, DISCUSS, PAGES, SITE, slide_counter_start, theme_label
from .words import WALK as WALK_WORDS  # WALK below is the walk's example choice

# The fraud example's account, shown in the walk's example card.
FRAUDE_ACCOUNT = load_content(ROOT / "content").fenomeen("fraude").bericht.account
ROLLEN = load_content(ROOT / "content").rollen  # "Ik ben ...": the role's words
WIPE = load_content(ROOT / "content").teksten.blok("privacy-wipe")
STEP_3 = load_content(ROOT / "content").stap("partners-betrekken").titel  # what "persoonsgegevens" finds


class Interaction(NamedTuple):
    name: str
    path: str
    use: Callable[[Page], None]
    # Whether the state needs the service worker; other states run without
    # one, so they do not each download the offline copy while they are checked.
    service_worker: bool = False


def search_open_with_results(page: Page) -> None:
    page.keyboard.press("/")
    page.get_by_role("textbox", name=theme_label("search.placeholder")).press_sequentially("persoonsgegevens")
    expect(page.locator(".md-search-result__item").first).to_contain_text(STEP_3)


def wipe_stored_data(page: Page) -> None:
    page.evaluate("localStorage.setItem('rk-test', '1')")
    page.get_by_role("button", name=WIPE["button"]).click()
    expect(page.get_by_role("status")).to_have_text(WIPE["wiped"])
    assert page.evaluate("localStorage.length") == 0


def fill_afsprakenkaart(page: Page) -> None:
    expect(page.locator("#card-actions")).to_be_visible()  # the script has set up the form
    page.get_by_label(CARD["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    field = page.locator("textarea[id^='answer-']").first
    field.press_sequentially("Bij een dreiging met een wapen.")
    page.reload()
    expect(page.locator("textarea[id^='answer-']").first).to_have_value("Bij een dreiging met een wapen.")


def export_and_import_afsprakenkaart(page: Page) -> None:
    fill_afsprakenkaart(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=CARD["export_button"]).click()
    data = info.value.path().read_bytes()
    page.set_input_files("#card-import", files=[
        {"name": "afsprakenkaart.json", "mimeType": "application/json", "buffer": data}])
    page.get_by_role("button", name=CARD["replace_yes"]).click()
    expect(page.get_by_role("status")).to_contain_text(CARD_OPENED)


def afsprakenkaart_import_refused(page: Page) -> None:
    """A file that is no afsprakenkaart is refused with an alert over a filled card."""
    fill_afsprakenkaart(page)
    page.set_input_files("#card-import", files=[
        {"name": "kaart.json", "mimeType": "application/json", "buffer": b"geen json"}])
    expect(page.locator("#card-action-notice")).to_be_visible()
    expect(page.locator("#card-action-notice")).to_have_attribute("role", "alert")


def afsprakenkaart_confirmation_open(page: Page) -> None:
    fill_afsprakenkaart(page)
    page.get_by_role("button", name=CARD["clear_button"]).click()
    expect(page.get_by_role("dialog", name=CARD["confirm_title"])).to_be_visible()


EDITIE = load_content(ROOT / "content").afspraken.editie_bestand  # the card as regio.yml


def afsprakenkaart_saved_as_regio_yml(page: Page) -> None:
    fill_afsprakenkaart(page)
    page.locator("#card-date").fill("2026-11-30")
    with page.expect_download() as info:
        page.get_by_role("button", name=EDITIE.knop).click()
    assert info.value.suggested_filename == "regio.yml"
    expect(page.locator("#card-status")).to_have_text(EDITIE.opgeslagen)


def afsprakenkaart_regio_yml_refused(page: Page) -> None:
    """Without a date the card is not saved as regio.yml: an alert says why."""
    fill_afsprakenkaart(page)
    page.get_by_role("button", name=EDITIE.knop).click()
    expect(page.locator("#card-action-notice")).to_have_text(EDITIE.geen_datum)


def present_slides(page: Page) -> None:
    teller = page.locator(".rk-deck--active .rk-deck-counter")
    expect(teller).to_contain_text(slide_counter_start(1))
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowRight")
    expect(teller).to_contain_text(slide_counter_start(3))


def present_an_example(page: Page) -> None:
    """The first slide: a phenomenon's example message, as a projector shows it."""
    expect(page.locator(".rk-deck--active .rk-deck-counter")).to_contain_text(slide_counter_start(1))
    expect(page.locator(".rk-deck--active .rk-slide:not([hidden]) .rk-message")).to_be_visible()


def present_the_first_step(page: Page) -> None:
    present_an_example(page)
    page.keyboard.press("PageDown")
    expect(page.locator(".rk-deck--active .rk-deck-counter")).to_contain_text(slide_counter_start(2))


def glossary_tooltip_on_focus(page: Page) -> None:
    term = page.locator(".rk-glossary-term", has_text="OSINT")
    term.focus()
    page.wait_for_function("e => getComputedStyle(e, '::after').display !== 'none'",
                           arg=term.element_handle())


def walk_with_notes(page: Page) -> None:
    page.evaluate("localStorage.clear()")
    page.reload()
    page.locator('[data-note="bericht-duiden/1"]').fill("Bereik ongeveer 340 volgers")
    page.reload()
    expect(page.locator('[data-note="bericht-duiden/1"]')).to_have_value("Bereik ongeveer 340 volgers")


def walk_summary_saved(page: Page) -> None:
    walk_with_notes(page)
    page.locator(".rk-walk-progress").get_by_role("link", name=re.compile(re.escape(WALK_WORDS["summary_title"]))).click()
    with page.expect_download() as info:
        page.get_by_role("button", name=WALK_WORDS["save_html"]).click()
    assert "Bereik ongeveer 340 volgers" in info.value.path().read_text(encoding="utf-8")


def walk_with_an_example_at_its_actions(page: Page) -> None:
    """A walk started from a phenomenon, at step 5 with an action ticked."""
    expect(page.locator(".rk-walk-example:visible")).to_have_attribute("data-example", "fraude")
    page.locator('.rk-walk-progress [data-to-step="mogelijke-acties"]').click()
    box = page.locator("#doorloop-mogelijke-acties [data-action-field]").first
    box.check()
    expect(box).to_be_checked()
    expect(page.locator(".rk-walk-example:visible")).to_contain_text(FRAUDE_ACCOUNT)


def walk_at_step_3_with_an_example(page: Page) -> None:
    """A walk from a phenomenon, at step 3 (partners), with a note at step 1."""
    page.locator('[data-note="bericht-duiden/1"]').fill("Bereik ongeveer 340 volgers")
    page.locator('.rk-walk-progress [data-to-step="partners-betrekken"]').click()
    expect(page.locator("#doorloop-partners-betrekken")).to_be_visible()
    expect(page.locator(".rk-walk-example:visible")).to_have_attribute("data-example", "fraude")


def walk_at_a_step(stap: str) -> Callable[[Page], None]:
    """The walk moved on to `stap` from its progress bar (the states above
    cover steps 1, 3 and 5)."""
    def use(page: Page) -> None:
        page.locator(f'.rk-walk-progress [data-to-step="{stap}"]').click()
        expect(page.locator(f"#doorloop-{stap}")).to_be_visible()
    return use


def walk_with_a_damaged_saved_walk(page: Page) -> None:
    """A saved walk that does not read: it is set aside with a notice."""
    page.evaluate("localStorage.setItem('routekaart:doorloop', '{kapot')")
    page.reload()
    expect(page.locator("#rk-walk-notice")).to_contain_text("beschadigd")


def print_the_handout(page: Page) -> None:
    """The handout's button opens the print dialog (stubbed: headless has none)."""
    page.evaluate("window.print = () => { window.rkAfgedrukt = true; }")
    page.get_by_role("button", name=PAGES["print_button"]).click()
    assert page.evaluate("window.rkAfgedrukt") is True


def offline_copy_ready(page: Page) -> None:
    """The service worker registers and stores the site, as on a first visit."""
    wait_until_idle(page)  # offline.js registers the worker then
    cached = page.evaluate("""async () => {
        await navigator.serviceWorker.ready;
        for (let i = 0; i < 150; i++) {
            for (const name of await caches.keys()) {
                if ((await (await caches.open(name)).keys()).length > 20) return name;
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return null;
    }""")
    assert cached and cached.startswith("routekaart"), cached


def role_chosen_on_the_start_page(page: Page) -> None:
    choice = page.get_by_role("group", name=ROLLEN.vraag).get_by_label(ROLLEN.rollen[1].label, exact=True)
    choice.check()
    expect(choice).to_be_checked()


def role_chooser_open(page: Page) -> None:
    """The chooser opened from the top of a page other than the start page."""
    page.get_by_role("button", name=ROLLEN.geen_rol).click()
    expect(page.get_by_role("group", name=ROLLEN.vraag)).to_be_visible()


def step_3_with_a_role(page: Page) -> None:
    role_chooser_open(page)
    page.get_by_label(ROLLEN.rollen[0].label, exact=True).check()
    expect(page.get_by_role("region", name=ROLLEN.betrekken_titel)).to_be_visible()


def phone_menu_open(page: Page) -> None:
    """The menu opened from its button, focus on its first link. On a
    desktop the menu is always there: nothing to open."""
    menu = page.get_by_role("button", name=SITE["menu"])
    if not menu.is_visible():
        return
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary a[href]").first).to_be_focused()


WALK = load_content(ROOT / "content").doorloop  # the walk's example choice
BESPREKEN = load_content(ROOT / "content").bespreken


def walk_example_chosen(page: Page) -> None:
    """Before step 1: an example chosen, its message card shown."""
    page.get_by_role("group", name=WALK.kiezen_titel).get_by_role("radio").nth(3).check()
    expect(page.locator(".rk-walk-example:visible")).to_have_count(1)


def walk_example_changed_at_step_3(page: Page) -> None:
    """At step 3, the example's choice opened again from its one line."""
    walk_example_chosen(page)
    page.locator('.rk-walk-progress [data-to-step="partners-betrekken"]').click()
    page.get_by_role("button", name=WALK.wijzigen).click()
    expect(page.get_by_role("group", name=WALK.kiezen_titel)).to_be_visible()


def role_cleared(page: Page) -> None:
    """"geen rol" chosen after a role: the role alone is gone."""
    step_3_with_a_role(page)
    page.get_by_role("button", name=ROLLEN.wijzigen).click()
    page.locator("#role-chooser").get_by_label(ROLLEN.zonder_rol, exact=True).check()
    expect(page.get_by_role("button", name=ROLLEN.geen_rol)).to_be_visible()


def walk_file_saved(page: Page) -> None:
    """"Mijn handelingen" saved as a file to discuss, with the status saying so."""
    walk_with_notes(page)
    page.locator(".rk-walk-progress").get_by_role("link", name=re.compile(re.escape(WALK_WORDS["summary_title"]))).click()
    with page.expect_download() as info:
        page.get_by_role("button", name=WALK_WORDS["save_json"]).click()
    expect(page.get_by_role("status")).to_contain_text(info.value.suggested_filename)


def discuss_three_files(page: Page) -> None:
    page.set_input_files("#rk-discuss-input", files=meeting_uploads())
    expect(page.locator(".rk-discuss-differs")).not_to_have_count(0)


def discuss_file_refused(page: Page) -> None:
    discuss_three_files(page)
    page.set_input_files("#rk-discuss-input", files=[as_upload(b"geen json", "kapot.json")])
    expect(page.locator("#rk-discuss-errors")).to_contain_text("kapot.json")


def discuss_fifteen_files(page: Page) -> None:
    """A training group: 15 files of one role, numbered in the headers."""
    page.set_input_files("#rk-discuss-input", files=[
        as_upload(actions_file("jongerenwerk", {"partners-betrekken": "ja" if i % 2 else "nee"},
                               {"bericht-duiden/1": f"Aantekening {i}"}), f"deelnemer-{i}.json")
        for i in range(1, 16)])
    expect(page.locator(".rk-discuss-choices thead th")).to_have_count(17)


def discuss_answered_only(page: Page) -> None:
    discuss_three_files(page)
    page.get_by_label(BESPREKEN.alleen_beantwoord).check()
    expect(page.locator(".rk-discuss-unanswered").first).to_be_hidden()


def discuss_card_question_missing(page: Page) -> None:
    """An answer of step 1: the dialog asks to choose the card question first."""
    discuss_three_files(page)
    page.locator(".rk-discuss-answers li", has_text="Oplichting, mogelijk strafbaar.").get_by_role("button").click()
    page.get_by_role("button", name=DISCUSS["copy_yes"]).click()
    expect(page.locator("#rk-discuss-copy-missing")).to_be_visible()


def discuss_copied_to_the_card(page: Page) -> None:
    """The confirmation beside the button that copied an answer."""
    discuss_three_files(page)
    item = page.locator(".rk-discuss-answers li", has_text="Wij wachten op een aangifte.")
    item.get_by_role("button").click()
    page.get_by_role("button", name=DISCUSS["copy_yes"]).click()
    expect(item.get_by_role("status")).to_contain_text("staat nu op de afsprakenkaart")


def discuss_copy_confirmation_open(page: Page) -> None:
    """Copying an answer over text already on the afsprakenkaart asks first."""
    page.evaluate("""localStorage.setItem('routekaart:afsprakenkaart', JSON.stringify({soort: 'routekaart-afsprakenkaart',
        versie: 1, regio: '', datum: '', antwoorden: {ingrijpen: {politie: 'Wat er al stond.'}}}))""")
    discuss_three_files(page)
    page.locator(".rk-discuss-answers li", has_text="Wij wachten op een aangifte.").get_by_role("button").click()
    page.get_by_role("button", name=DISCUSS["copy_yes"]).click()
    expect(page.get_by_role("dialog", name=DISCUSS["confirm_heading"])).to_be_visible()


def afsprakenkaart_not_saved(page: Page) -> None:
    """Storage is full: the warning stands under the field typed in."""
    expect(page.locator("#card-actions")).to_be_visible()
    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; }""")
    field = page.locator("textarea[id^='answer-']").first
    field.press_sequentially("Bij een dreiging.")
    expect(page.locator(".rk-save-warning")).to_be_visible()


def afsprakenkaart_with_earlier_texts(page: Page) -> None:
    """A card kept by an earlier version, with a question this one lacks, and a damaged copy set aside."""
    page.evaluate("""localStorage.setItem('routekaart:afsprakenkaart', JSON.stringify({soort: 'routekaart-afsprakenkaart',
        versie: 1, regio: '', datum: '', antwoorden: {'oude-vraag': {politie: 'Mijn eerdere tekst.'}}}));
        localStorage.setItem('routekaart:afsprakenkaart:beschadigd', '{kapot')""")
    page.reload()
    expect(page.locator("#card-earlier")).to_contain_text("Mijn eerdere tekst.")
    expect(page.locator("#card-load-notice")).to_be_visible()


INTERACTIONS = [
    Interaction("zoeken", "index.html", search_open_with_results),
    Interaction("wissen", "privacy.html", wipe_stored_data),
    Interaction("afsprakenkaart-ingevuld", "afsprakenkaart.html", fill_afsprakenkaart),
    Interaction("afsprakenkaart-export-import", "afsprakenkaart.html", export_and_import_afsprakenkaart),
    Interaction("afsprakenkaart-import-geweigerd", "afsprakenkaart.html", afsprakenkaart_import_refused),
    Interaction("afsprakenkaart-leegmaken-vraag", "afsprakenkaart.html", afsprakenkaart_confirmation_open),
    Interaction("afsprakenkaart-regio-yml", "afsprakenkaart.html", afsprakenkaart_saved_as_regio_yml),
    Interaction("afsprakenkaart-regio-yml-geweigerd", "afsprakenkaart.html", afsprakenkaart_regio_yml_refused),
    Interaction("afsprakenkaart-niet-bewaard", "afsprakenkaart.html", afsprakenkaart_not_saved),
    Interaction("afsprakenkaart-eerdere-teksten", "afsprakenkaart.html", afsprakenkaart_with_earlier_texts),
    Interaction("presentatie", "presentatie.html?fenomeen=fraude", present_slides),
    Interaction("presentatie-voorbeeld", "presentatie.html?fenomeen=rivaliserende-jeugd", present_an_example),
    Interaction("presentatie-eerste-stap", "presentatie.html?fenomeen=rivaliserende-jeugd", present_the_first_step),
    Interaction("begrip-uitleg", "partners.html", glossary_tooltip_on_focus),
    Interaction("offline-kopie", "index.html", offline_copy_ready, service_worker=True),
    Interaction("afdrukken", "afdrukken.html", print_the_handout),
    Interaction("doorloop-aantekeningen", "doorloop.html", walk_with_notes),
    Interaction("doorloop-samenvatting-opslaan", "doorloop.html", walk_summary_saved),
    Interaction("doorloop-voorbeeld-acties", "doorloop.html?fenomeen=fraude", walk_with_an_example_at_its_actions),
    Interaction("doorloop-voorbeeld-stap-3", "doorloop.html?fenomeen=fraude", walk_at_step_3_with_an_example),
    Interaction("doorloop-stap-2", "doorloop.html", walk_at_a_step("contextinformatie")),
    Interaction("doorloop-stap-4", "doorloop.html", walk_at_a_step("intervenieren")),
    Interaction("doorloop-beschadigd", "doorloop.html", walk_with_a_damaged_saved_walk),
    Interaction("rol-gekozen-start", "index.html", role_chosen_on_the_start_page),
    Interaction("rol-kiezen-open", "afsprakenkaart.html", role_chooser_open),
    Interaction("stap-3-met-rol", "stappen/partners-betrekken.html", step_3_with_a_role),
    Interaction("menu-open", "fenomenen/fraude.html", phone_menu_open),
    Interaction("doorloop-bestand-opslaan", "doorloop.html?fenomeen=fraude", walk_file_saved),
    Interaction("bespreken-drie-bestanden", "bespreken.html", discuss_three_files),
    Interaction("bespreken-bestand-geweigerd", "bespreken.html", discuss_file_refused),
    Interaction("bespreken-kopieer-vraag", "bespreken.html", discuss_copy_confirmation_open),
    Interaction("doorloop-voorbeeld-gekozen", "doorloop.html", walk_example_chosen),
    Interaction("doorloop-voorbeeld-wijzigen", "doorloop.html", walk_example_changed_at_step_3),
    Interaction("rol-gewist", "stappen/partners-betrekken.html", role_cleared),
    Interaction("bespreken-vijftien-bestanden", "bespreken.html", discuss_fifteen_files),
    Interaction("bespreken-alleen-beantwoord", "bespreken.html", discuss_answered_only),
    Interaction("bespreken-kaartvraag-kiezen", "bespreken.html", discuss_card_question_missing),
    Interaction("bespreken-op-de-kaart", "bespreken.html", discuss_copied_to_the_card),
]
IDS = [i.name for i in INTERACTIONS]
