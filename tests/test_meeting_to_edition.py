"""The whole way from a meeting to a region's edition: three partners walk the
same example and save their files, the gemeente opens them on bespreken and
puts their answers on the afsprakenkaart, saves the card as regio.yml, and a
build with that file shows those answers as agreed, with their date."""
from __future__ import annotations

import json
from datetime import date

from playwright.sync_api import expect

from macros.content import load_content
from support.project import ROOT, built_site, copy_project, serve
from support.words import DISCUSS, WALK, date_text

CONTENT = load_content(ROOT / "content")
WORDS = CONTENT.afspraken.editie_bestand
CARD_WORDS = CONTENT.teksten.blok("afsprakenkaart")
ROLES = {r.id: r.label for r in CONTENT.rollen.rollen}

# role -> what they write at step 4 (intervenieren): what they do when they step in.
NOTES = {
    "jongerenwerk": "Wij spreken de jongere dezelfde dag aan.\nDaarna bellen wij de wijkagent.",
    "politie": "Bij een concrete dreiging: \"direct\" op bezoek # met melding.",
    "gemeente": "De burgemeester besluit: 1) toezicht, 2) gebiedsverbod.",
}
DATE = "2026-11-30"


def walk_and_save(browser, site_url, role_id: str) -> dict:
    """One partner, in a browser of their own, walks the fraud example and saves the file."""
    context = browser.new_context(service_workers="block")
    context.add_init_script(f"localStorage.setItem('routekaart:rol', JSON.stringify({role_id!r}))")
    page = context.new_page()
    page.goto(f"{site_url}doorloop.html?fenomeen=fraude")
    page.locator('.rk-walk-progress [data-to-step="intervenieren"]').click()
    page.locator('[data-note="intervenieren/overig"]').fill(NOTES[role_id])
    page.locator('.rk-walk-progress [data-to-step="samenvatting"]').click()
    with page.expect_download() as info:
        page.get_by_role("button", name=WALK["save_json"]).click()
    upload = {"name": info.value.suggested_filename, "mimeType": "application/json",
              "buffer": info.value.path().read_bytes()}
    context.close()
    return upload


def test_from_three_walks_to_the_agreed_card_of_a_regional_edition(browser, page, site_url, tmp_path):
    uploads = [walk_and_save(browser, site_url, role_id) for role_id in NOTES]
    assert [json.loads(u["buffer"])["rol"] for u in uploads] == list(NOTES)

    # The meeting: each partner's answer goes to the card question "ingrijpen".
    page.goto(f"{site_url}bespreken.html")
    page.set_input_files("#rk-discuss-input", files=uploads)
    for role_id, note in NOTES.items():
        answer = page.locator(".rk-discuss-answers li", has_text=note.split("\n")[0])
        answer.get_by_role("button").click()
        page.locator("#rk-discuss-copy-question").select_option("ingrijpen")
        page.get_by_role("button", name=DISCUSS["copy_yes"]).click()
        expect(page.locator("#rk-discuss-copy")).to_be_hidden()

    # The card: the region's name and the day of the meeting, then regio.yml.
    page.goto(f"{site_url}afsprakenkaart.html")
    for role_id, note in NOTES.items():
        expect(page.locator(f"#answer-ingrijpen-{role_id}")).to_have_value(note)
    page.get_by_label(CARD_WORDS["field_region_or_municipality"]).fill("Gemeente Zuidhaven")
    page.locator("#card-date").fill(DATE)
    with page.expect_download() as info:
        page.get_by_role("button", name=WORDS.knop).click()
    regio_yml = info.value.path().read_text(encoding="utf-8")

    # The build with that file, unchanged.
    project = copy_project(tmp_path / "project")
    (project / "content" / "regio.yml").write_text(regio_yml, encoding="utf-8")
    site = built_site(project, tmp_path / "site", "the build with the exported regio.yml")
    server = serve(site)
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}/afsprakenkaart.html")
        expect(page.locator(".rk-card-region")).to_have_text("Gemeente Zuidhaven")
        expect(page.locator(".rk-card-agreed-on time")).to_have_attribute("datetime", DATE)
        expect(page.locator(".rk-card-agreed-on")).to_contain_text(date_text(date(2026, 11, 30)))
        for role_id, note in NOTES.items():
            cell = page.locator(f"#vraag-ingrijpen .rk-card-cell--agreed[data-partner='{role_id}']")
            expect(cell.locator(".rk-card-answer")).to_have_text(note)
            expect(cell.locator("textarea")).to_have_count(0)
        # The cells nobody agreed on stay open.
        expect(page.locator("textarea[data-question]")).to_have_count(12 - 3)
    finally:
        server.shutdown()
