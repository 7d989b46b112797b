"""Trust (issue 23): added text gives no legal verdict of its own, every
addition is marked, the safety pointers are complete, and added text is
plain Dutch (B1).

Static facts, read from content and the built HTML; no browser needed.
"""
from __future__ import annotations

import re
import zipfile

import docx
import pytest

from support.content_faults import broken_copy
from support.html import find, page as html_page, text, with_class
from support.legal import LEGAL_WORDS, without_source
from support.readability import flesch_douma, count_syllables, added_text, words_in, sentences
from support.project import ROOT
from support import words
from macros.content import EINDE, fill, load_content, plain
from macros.render.urls import pages_for

CONTENT = load_content(ROOT / "content")
RK = CONTENT.routekaart
LABEL = words.PAGES["origin_label"]
ADDED = words.ROUTEMAP["added"]
SHORT = words.PAGES["origin_short"]  # the short label after an added text
# Every page, the generated ones too: on a fresh clone docs/ holds no step or
# phenomenon page until the first build writes them, after collection.
PAGES = sorted({str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*.md")} | set(pages_for(CONTENT)))
PAGES = [p.replace(".md", ".html") for p in PAGES]
STEP_PAGES = [f"stappen/{s.id}.html" for s in RK.stappen]
# The two legal errors the review found, in every wording they had.
ERRORS = ("convenant of toestemming", "grondslag voor is", "altijd strafbaar", "doorsturen zonder toestemming",
          "Mag niet", "Onder voorwaarde")


def site_pages(site_dir):
    return [p for p in site_dir.rglob("*.html") if not p.relative_to(site_dir).parts[0] in ("assets", "components")]


def marked(element) -> bool:
    return bool(element.xpath("ancestor-or-self::*[@data-origin='toegevoegd']"))


# --- 1. no legal verdict of our own ------------------------------------------------

def test_the_two_legal_errors_are_gone_from_every_page_and_the_search_index(site_dir):
    places = {str(p.relative_to(site_dir)): p.read_text(encoding="utf-8") for p in site_pages(site_dir)}
    places["search/search_index.json"] = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    for name, body in places.items():
        for error in ERRORS:
            assert error not in body, (name, error)


def test_glossary_entries_explain_words_and_state_no_conditions_of_law():
    legal = {w.lower() for w in LEGAL_WORDS}
    for entry in CONTENT.begrippen.begrippen:
        words = {w.lower() for w in words_in(entry.uitleg)}
        assert not words & legal or entry.bron, entry.term
    persoonsgegevens = next(b for b in CONTENT.begrippen.begrippen if b.term == "persoonsgegevens")
    assert "FG" in persoonsgegevens.uitleg and "grondslag" not in persoonsgegevens.uitleg


def test_the_partners_table_quotes_the_routekaart_word_for_word():
    own_words = " ".join(plain(t) for p in CONTENT.partners.partners for t in p.rol_algemeen + p.toepassing_online)
    own_words += " " + " ".join(plain(t) for f in CONTENT.fenomenen.fenomenen for t in f.uitleg)
    own_words = " ".join(own_words.replace("hij*", "hij").split())
    for row in CONTENT.partners.vergelijking.rijen:
        for partner, cell in row.cellen.items():
            if cell.citaat:
                assert " ".join(plain(cell.citaat).split()) in own_words, (row.onderwerp, partner)


def test_the_partners_table_shows_quotes_and_links_each_partners_frameworks(site_dir):
    v = CONTENT.partners.vergelijking
    (table,) = [t for t in find(html_page(site_dir, "partners.html"), "//table") if text(t.find("caption")) == v.titel]
    assert marked(table)
    for td in find(table, "//tbody/tr/td"):
        quote = find(td, "//q")
        assert quote or text(td) == v.geen_citaat, text(td)
    (frameworks,) = find(table.getparent(), f"//{with_class('rk-frameworks', 'dl')}")
    assert marked(frameworks)
    assert text(frameworks.getprevious()) == v.kaders_onderwerp
    for partner in CONTENT.partners.partners:
        (td,) = find(frameworks, f"//dd[@data-partner='{partner.id}']")
        assert text(td.getprevious()) == partner.naam
        for source_id in v.kaders[partner.id]:
            source = CONTENT.bron(source_id)
            assert source.titel in text(td), (partner.id, source_id)
            if source.url:
                assert str(source.url) in [a.get("href") for a in find(td, "//a")]
    assert "FG van je organisatie" in plain(v.intro)


def test_the_police_order_note_points_to_the_articles_and_the_fg_without_a_verdict(site_dir):
    (note,) = CONTENT.partner("politie").aanvullingen
    assert set(note.bronnen) == {"wetboek-strafvordering-126g", "wetboek-strafvordering-126j"}
    assert "mag de politie wel" not in note.tekst and "FG" in note.tekst
    for source in note.bronnen:
        url = str(CONTENT.bron(source).url)
        assert url.endswith(f"&artikel={source.rsplit('-', 1)[1]}"), "the link opens the article, not the whole code"
        assert f'href="{url.replace("&", "&amp;")}"' in (site_dir / "partners.html").read_text(encoding="utf-8")


# --- 3. the guard ----------------------------------------------------------------

def test_every_added_block_with_a_legal_word_names_a_source():
    assert without_source(CONTENT) == []


@pytest.mark.parametrize("file, old, new, place", [
    ("begrippen.yml", "      Inbreken in de computer, telefoon of het account van een ander.",
     "      Inbreken in een account mag nooit.", "content/begrippen.yml.begrippen["),
    ("fenomenen.yml", "samenvatting: Drugs en wapens worden online verkocht.",
     "samenvatting: Drugs en wapens online verkopen is strafbaar.", "content/fenomenen.yml.fenomenen[5].samenvatting"),
    ("routekaart.yml", "      Blijf alert op nieuwe signalen.", "      Dit is wettelijk verplicht.",
     "content/routekaart.yml.einde"),
])
def test_the_guard_names_an_added_block_that_states_law_without_a_source(tmp_path, file, old, new, place):
    folder, _ = broken_copy(tmp_path, file, old, new)
    faults = without_source(load_content(folder))
    assert [f for f in faults if f[0].startswith(place)], faults


def test_the_legal_words_live_in_one_list():
    assert {"strafbaar", "mag", "wet", "artikel", "grondslag", "toestemming", "verplicht", "bevel", "AVG"} <= \
        set(LEGAL_WORDS)
    # No other module keeps a list of its own: none quotes more than a few of the words.
    def quoted(path):
        body = path.read_text(encoding="utf-8")
        return sum(f'"{w}"' in body for w in LEGAL_WORDS)
    lists = [p.name for folder in ("tests", "macros", "overrides") for p in (ROOT / folder).rglob("*.py")
             if p.name != "test_vertrouwen.py" and quoted(p) >= 6]
    assert lists == ["legal.py"]


# --- 2. every addition marked -------------------------------------------------------

def test_the_dubbelcheck_paraphrase_is_marked_on_the_map_and_the_slides(site_dir):
    yes = next(o for o in CONTENT.stap("partners-betrekken").beslissing.opties if o.id == "ja")
    for page in ("index.html", "presentatie.html"):
        holders = [e for e in html_page(site_dir, page).iter() if e.text and yes.kort[:30] in e.text]
        assert holders and all(marked(e) for e in holders), page
    names = [a.get("aria-label") for a in find(html_page(site_dir, "index.html"), "//*[local-name()='a']")
             if a.get("aria-label") and yes.kort in a.get("aria-label")]
    assert names and all(n.endswith(ADDED) for n in names)


def test_the_end_of_the_route_and_its_roads_are_marked_on_the_map(site_dir):
    page = html_page(site_dir, "index.html")
    ends = [a for a in find(page, "//*[local-name()='a']") if a.get("data-place") == EINDE]
    assert len(ends) == 2  # the wide and the narrow drawing
    for a in ends:
        assert a.get("aria-label") == f"{RK.einde.titel} {ADDED}"
        assert ADDED in " ".join(a.itertext())
    added_roads = find(page, "//*[local-name()='path'][contains(@class, 'rk-routemap-road--added')]")
    assert len(added_roads) == 4  # per drawing: the road from step 5 and the answer "Nee" of step 4
    note = text(the_one(find(page, f"//{with_class('rk-routemap-note')}")))
    assert note.startswith(plain(RK.einde.kaart_noot)) and note.endswith(SHORT)


def the_one(elements):
    assert len(elements) == 1, len(elements)
    return elements[0]


def test_the_step_4_question_is_marked_where_it_shows(site_dir):
    decision = CONTENT.stap("intervenieren").beslissing
    assert decision.herkomst == "toegevoegd" and CONTENT.stap("partners-betrekken").beslissing.herkomst == "routekaart"
    heading = the_one(find(html_page(site_dir, "stappen/intervenieren.html"), "//h2[@id='beslissing-kop']"))
    assert marked(heading.find("span")) and text(heading) == f"{decision.vraag} {SHORT}"
    heading3 = the_one(find(html_page(site_dir, "stappen/partners-betrekken.html"), "//h2[@id='beslissing-kop']"))
    assert not heading3.xpath(".//*[@data-origin]")
    slides = [p for p in find(html_page(site_dir, "presentatie.html"), f"//{with_class('rk-slide-decision')}")
              if decision.vraag in text(p)]
    assert slides and all(marked(p.find("strong/span")) for p in slides)
    start = fill(words.ROUTEMAP["branch_name"].partition(" {optie}")[0],
                 nummer=CONTENT.stap("intervenieren").nummer, vraag=decision.vraag)
    names = [a.get("aria-label") for a in find(html_page(site_dir, "index.html"), "//*[local-name()='a']")
             if (a.get("aria-label") or "").startswith(start)]
    assert names and all(n.endswith(ADDED) for n in names)


def test_the_start_pages_afspraken_entry_is_marked(site_dir):
    page = html_page(site_dir, "index.html")
    (entry,) = [li for li in find(page, f"//{with_class('rk-entries', 'ul')}/li") if CONTENT.afspraken.titel in text(li)]
    (added,) = find(entry, "//*[@data-origin='toegevoegd']")
    assert text(added) == f"{RK.basis_op_orde.afspraken_omschrijving} {SHORT}"


def test_every_tooltip_and_its_screen_reader_text_say_it_was_added(site_dir):
    label = CONTENT.begrippen.tooltip_label
    tooltips = descriptions = 0
    for path in site_pages(site_dir):
        page = html_page(site_dir, str(path.relative_to(site_dir)))
        for a in find(page, f"//{with_class('rk-glossary-term', 'a')}"):
            tooltips += 1
            assert a.get("data-explanation").endswith(f"({label})"), a.get("data-explanation")
        for span in find(page, f"//{with_class('rk-glossary-explanations')}/span"):
            descriptions += 1
            assert text(span).endswith(f"({label})")
    assert tooltips and tooltips == descriptions


def test_the_colofons_source_list_is_marked(site_dir):
    (sources,) = find(html_page(site_dir, "colofon.html"), "//ul[contains(@class, 'rk-sources')]")
    assert marked(sources)


@pytest.mark.parametrize("page", ["doorloop.html", "presentatie.html"])
def test_the_walk_and_the_presentation_carry_the_page_label(site_dir, page):
    label = the_one(find(html_page(site_dir, page), f"//{with_class('rk-origin--page')}"))
    assert text(label).startswith(fill(words.PAGES["origin_page"], label=LABEL))
    assert words.PAGES["origin_page_form"] in text(label)


def test_the_handout_explains_the_label_at_its_top(site_dir):
    handout = html_page(site_dir, "afdrukken.html")
    sources = find(handout, f"//{with_class('rk-handout-source')}")
    assert fill(words.PAGES["print_origin"], label=LABEL) in text(sources[1])
    first_part = find(handout, f"//{with_class('rk-handout-part', 'section')}")[0]
    assert sources[1].getparent().index(sources[1]) < first_part.getparent().index(first_part)


def test_step_3s_special_data_gets_a_marked_note_to_the_fg_and_the_ap(site_dir):
    step = CONTENT.stap("partners-betrekken")
    index, question = next((i, v) for i, v in enumerate(step.vragen, 1) if "bijzondere persoonsgegevens" in v.vraag)
    assert "geen probleem" in question.toelichting  # the routekaart's words stay
    assert question.aanvulling.bronnen == ["autoriteit-persoonsgegevens"] and "FG" in question.aanvulling.tekst
    item = the_one(find(html_page(site_dir, "stappen/partners-betrekken.html"), f"//li[@id='vraag-{index}']"))
    (note,) = find(item, "//*[@data-origin='toegevoegd']")
    assert LABEL in text(note) and str(CONTENT.bron("autoriteit-persoonsgegevens").url) in \
        [a.get("href") for a in find(note, "//a")]


# --- 5. safety pointers --------------------------------------------------------------

def help_blocks(site_dir, page):
    return find(html_page(site_dir, page), f"//{with_class('rk-help')}")


@pytest.mark.parametrize("page", ["index.html", *STEP_PAGES])
def test_help_outside_office_hours_shows_at_the_startpunt_and_every_step(site_dir, page):
    block = the_one(help_blocks(site_dir, page))
    assert marked(block) and LABEL in text(block)
    words = text(block)
    for number in ("112", "0900-8844", "0800 2000"):
        assert number in words, (page, number)
    assert "dag en nacht" in words
    links = [a.get("href") for a in find(block, "//a")]
    for item in RK.hulp.items:
        for source in item.bronnen:
            assert str(CONTENT.bron(source).url) in links


def test_the_help_block_comes_right_after_the_startpunt(site_dir):
    # (In a regional edition, its own out-of-hours service comes first: tests/test_editie.py.)
    start = the_one(find(html_page(site_dir, "index.html"), f"//{with_class('rk-starting-point', 'p')}"))
    assert "rk-help" in start.getnext().get("class")


def test_never_forward_says_where_to_report_on_the_step_and_the_phenomenon(site_dir):
    for page in ("stappen/partners-betrekken.html", "fenomenen/seksueel-grensoverschrijdend-gedrag.html"):
        blocks = [b for b in find(html_page(site_dir, page), "//*[@data-origin='toegevoegd']")
                  if "nooit door" in text(b)]
        (block,) = [b for b in blocks if not b.xpath("ancestor::*[@data-origin='toegevoegd']")]
        assert "Meldpunt Kinderporno van Offlimits" in text(block) and "politie" in text(block)
        hrefs = [a.get("href") for a in find(block, "//a")]
        assert str(CONTENT.bron("offlimits").url) in hrefs and str(CONTENT.bron("politie-kinderporno").url) in hrefs


def test_the_meldcode_pointer_covers_all_ages_and_names_the_organisations_own_procedure():
    question = next(v for v in CONTENT.stap("partners-betrekken").vragen
                 if v.aanvulling and "meldcode" in v.aanvulling.tekst)
    assert "de meldcode of werkwijze van je organisatie" in question.aanvulling.tekst
    assert "minderjarige" not in question.aanvulling.tekst
    assert "dag en nacht" in question.aanvulling.tekst


def test_every_pointer_of_a_step_and_a_phenomenon_is_on_the_trainers_slides(site_dir):
    presentation = html_page(site_dir, "presentatie.html")
    for f in CONTENT.fenomenen.fenomenen:
        (deck,) = find(presentation, f"//section[@id='presentatie-{f.id}']")
        deck_text = text(deck)
        for step in RK.stappen:
            for question in step.vragen:
                if question.aanvulling:
                    assert plain(question.aanvulling.tekst) in deck_text, (f.id, step.id)
        for a in f.aanvullingen:
            assert " ".join(plain(a.tekst).split()) in deck_text, f.id
        slides = find(deck, f"//{with_class('rk-slide', 'section')}")
        step_slides = [s for s in slides if "rk-slide--example" not in s.get("class")]
        for slide in step_slides:
            (line,) = find(slide, f"//{with_class('rk-help-line')}")
            assert marked(line) and "0900-8844" in text(line) and len(find(line, "//a")) == len(RK.hulp.items)


# --- 6. minor points -------------------------------------------------------------------

def test_no_question_mark_is_followed_by_a_full_stop(site_dir):
    for path in site_pages(site_dir):
        body = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
        assert "?." not in body.replace("?.html", ""), path


def test_minor_wording_slips_are_fixed(site_dir):
    agreements_page = html_page(site_dir, "afspraken.html")
    assert [text(e) for e in find(agreements_page, "//a/em")] == ["Doorloop de route", "Doorloop de route"]
    assert "(Nederlands Jeugdinstituut (NJi))" not in text(agreements_page)
    yes = next(o for o in CONTENT.stap("intervenieren").beslissing.opties if o.id == "ja")
    assert "passende" not in yes.tekst
    assert "stap 4 van [afspraken maken]" in RK.einde.tekst[-1]
    assert "van deze website" in CONTENT.versie.intro[0]
    boa = next(b for b in CONTENT.begrippen.begrippen if b.term == "boa")
    assert "handhavers" not in boa.aliassen
    straattaal = next(b for b in CONTENT.begrippen.begrippen if b.term == "straattaal")
    assert "Sranantongo" not in straattaal.uitleg
    assert CONTENT.bron("ccv-privacy-jeugdgroepen").titel == "Jeugdgroepen: privacy en de aanpak"
    # The site's name (content since the prepare phase sets it), as the site shows it.
    assert CONTENT.teksten.blok("config")["site_name"] == "Routekaart Samenwerken bij online jeugdcriminaliteit"
    assert find(agreements_page, "//title")[0].text.endswith(" - Routekaart Samenwerken bij online jeugdcriminaliteit")
    assert CONTENT.fenomeen("fraude").bericht.account == "geldmaker.24"


def test_the_summary_of_sexual_behaviour_follows_the_publishers_definition():
    summary = CONTENT.fenomeen("seksueel-grensoverschrijdend-gedrag").samenvatting
    assert "toestemming" not in summary
    assert "vrij" in summary and "gelijk" in summary and "instemt" in summary


def test_the_colofon_lists_every_addition(site_dir):
    additions = " ".join(CONTENT.colofon.digitale_editie.toevoegingen)
    for addition in ("Ik ben", "Handelingen bespreken", "bevel van de officier van justitie", "nooit door te sturen",
                     "Wat zegt de routekaart over elke partner?", "lijst met bronnen"):
        assert addition in additions, addition


def test_the_downloads_carry_title_source_copyright_and_basisafspraken(site_dir):
    basic_agreements = CONTENT.afspraken.basisafspraken
    expected = [RK.titel, CONTENT.colofon.copyright, basic_agreements.titel, *(i.titel for i in basic_agreements.items),
                plain(basic_agreements.items[0].tekst)]
    document = docx.Document(str(site_dir / "downloads" / "afsprakenkaart.docx"))
    words = "\n".join(p.text for p in document.paragraphs)
    with zipfile.ZipFile(site_dir / "downloads" / "afsprakenkaart.odt") as odt:
        odt_words = re.sub(r"<[^>]+>", "", odt.read("content.xml").decode("utf-8"))
    for part in expected:
        assert part in words, part
        assert part.replace("'", "&apos;") in odt_words or part in odt_words, part


# --- readability ---------------------------------------------------------------------------

def test_the_syllable_counter_counts_dutch_words():
    assert [count_syllables(w) for w in ("jongeren", "online", "ideeën", "geïnteresseerd", "bericht", "112")] == \
        [3, 2, 3, 5, 2, 1]
    assert sentences("Bel 112. Is er spoed? Ja.\nDan dit") == ["Bel 112.", "Is er spoed?", "Ja.", "Dan dit"]


@pytest.mark.parametrize("page", PAGES)
def test_added_text_reads_at_b1_on_every_page(site_dir, page):
    added = added_text(html_page(site_dir, page))
    if len(words_in(added)) < 30:  # too little text for a meaningful score
        return
    assert flesch_douma(added) >= 60, (page, round(flesch_douma(added), 1))


@pytest.mark.parametrize("page", PAGES)
def test_no_added_sentence_runs_over_25_words(site_dir, page):
    long = [z for z in sentences(added_text(html_page(site_dir, page))) if len(words_in(z)) > 25]
    assert long == [], page


def test_no_tooltip_sentence_runs_over_25_words():
    for entry in CONTENT.begrippen.begrippen:
        assert all(len(words_in(z)) <= 25 for z in sentences(plain(entry.uitleg))), entry.term
