"""Where every text comes from, the safety pointers, and the corrected additions.

Static facts are read from the built HTML (no browser needed): every block
the content marks as added shows the mark, the routekaart's own text never
does, and a block without an origin stops the build.
"""
from __future__ import annotations

import re
from html import unescape

import pytest

from support.project import ROOT, build, copy_project
from support.content_faults import content_fault
from support.words import PAGES, ROUTEMAP
from macros.content import fill, load_content
from macros.content.base import Model

CONTENT = load_content(ROOT / "content")
LABEL = PAGES["origin_label"]


def html(site_dir, page: str) -> str:
    return (site_dir / page).read_text(encoding="utf-8")


def plain(markup: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def marked_blocks(markup: str) -> list[str]:
    """The plain text of every element marked data-origin="toegevoegd"."""
    blocks = []
    for match in re.finditer(r'<(\w+)[^>]*data-origin="toegevoegd"[^>]*>', markup):
        tag, start, depth, pos = match.group(1), match.end(), 1, match.end()
        opener, closer = re.compile(rf"<{tag}\b"), re.compile(rf"</{tag}>")
        while depth:
            o, c = opener.search(markup, pos), closer.search(markup, pos)
            if o and o.start() < c.start():
                depth, pos = depth + 1, o.end()
            else:
                depth, pos = depth - 1, c.end()
        blocks.append(plain(markup[start:pos]))
    return blocks


def is_marked(markup: str, text: str) -> bool:
    words = plain(text.replace("**", "").replace("*", ""))
    words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", words)
    return any(words[:60] in block for block in marked_blocks(markup))


# --- the model --------------------------------------------------------------

def test_every_block_states_its_origin_or_the_build_stops(tmp_path):
    message, line = content_fault(tmp_path, "routekaart.yml",
                                  "einde:\n  herkomst: toegevoegd\n", "einde:\n")
    assert message == f"content/routekaart.yml:{line}: einde.herkomst: required field 'herkomst' is missing"


def test_an_unknown_origin_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "partners.yml", "andere_partners:\n  herkomst: toegevoegd\n",
                                  "andere_partners:\n  herkomst: internet\n")
    assert message.startswith(f"content/partners.yml:{line + 1}: andere_partners.herkomst:"), message
    assert "'routekaart' or 'toegevoegd'" in message


def test_a_mkdocs_build_stops_on_a_block_without_origin(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "content" / "fenomenen.yml"
    text = path.read_text(encoding="utf-8")
    old = "  - id: fraude\n    herkomst: routekaart\n"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, "  - id: fraude\n"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"content/fenomenen.yml:{line}: fenomenen[2].herkomst: required field 'herkomst' is missing" in result.stderr


def test_an_added_pointer_needs_a_known_source(tmp_path):
    message, line = content_fault(tmp_path, "routekaart.yml", "          bronnen: [politie-112]",
                                  "          bronnen: [politie]")
    assert message.startswith(f"content/routekaart.yml:{line}: stappen[2].vragen[8].aanvulling.bronnen[0]:"), message
    assert "unknown source 'politie'" in message


def all_models(cls=Model):
    for sub in cls.__subclasses__():
        yield sub
        yield from all_models(sub)


def test_fields_that_are_additions_by_definition_exist_on_their_models():
    declared = [cls for cls in all_models() if cls.TOEGEVOEGD]
    assert {cls.__name__ for cls in declared} >= {"Stap", "Fenomeen", "Vraag", "Partner", "Afsprakenkaart"}
    for cls in declared:
        assert cls.TOEGEVOEGD <= set(cls.model_fields), (cls.__name__, cls.TOEGEVOEGD - set(cls.model_fields))


# --- marks on the pages -------------------------------------------------------

def test_added_choices_are_marked_and_the_routekaarts_own_are_not(site_dir):
    for step in CONTENT.routekaart.stappen:
        page = html(site_dir, f"stappen/{step.id}.html")
        for paragraph in step.uitleg:
            assert not is_marked(page, paragraph), (step.id, paragraph[:40])
        for option in step.beslissing.opties if step.beslissing else []:
            assert is_marked(page, option.tekst) == (option.herkomst == "toegevoegd"), (step.id, option.id)


def test_wholly_added_pages_say_so_under_their_title(site_dir):
    for page in ("stappen/einde.html", "begrippen.html", "toegankelijkheid.html", "privacy.html", "offline.html",
                 "wijzigingen.html"):
        markup = html(site_dir, page)
        assert "deze pagina staat niet in de routekaart van november 2024" in plain(markup), page
    for page in ("index.html", "partners.html", "afspraken.html", "stappen/bericht-duiden.html"):
        assert "deze pagina staat niet in de routekaart" not in plain(html(site_dir, page)), page


def test_added_parts_of_the_partners_page_are_marked(site_dir):
    page = html(site_dir, "partners.html")
    assert is_marked(page, CONTENT.partners.vergelijking.intro)
    assert is_marked(page, CONTENT.partners.andere_partners.partners[0].tekst)
    for partner in CONTENT.partners.partners:
        assert not is_marked(page, partner.rol_algemeen[0]), partner.id
        for a in partner.aanvullingen:
            assert is_marked(page, a.tekst)


def test_summaries_examples_and_search_words_are_marked(site_dir):
    overview = html(site_dir, "fenomenen/index.html")
    start = html(site_dir, "index.html")
    for entry_point in CONTENT.routekaart.basis_op_orde.ingangen:
        assert is_marked(start, entry_point.omschrijving)
    for f in CONTENT.fenomenen.fenomenen:
        assert is_marked(overview, f.samenvatting), f.id
        page = html(site_dir, f"fenomenen/{f.id}.html")
        assert CONTENT.teksten.bericht["example_label"] in plain(page)
        assert not is_marked(page, f.uitleg[0])
        if f.zoekwoorden:
            assert any(block.startswith(PAGES["search_words"]) for block in marked_blocks(page))
    walk = html(site_dir, "doorloop.html")
    for step in CONTENT.routekaart.stappen:
        assert is_marked(walk, step.samenvatting), step.id


def test_the_mark_is_text_that_a_screen_reader_and_a_printer_get(site_dir):
    page = html(site_dir, "partners.html")
    label = re.search(r'<p class="rk-origin">([^<]*)</p>', page)
    assert label and label.group(1) == LABEL
    css = (ROOT / "overrides/assets/stylesheets/herkomst.css").read_text(encoding="utf-8")
    assert "display: none" not in css and "rk-sr" not in css


def test_the_colofon_names_the_edition_and_what_was_added_and_keeps_the_copyright(site_dir):
    page = html(site_dir, "colofon.html")
    text = plain(page)
    edition = CONTENT.colofon.digitale_editie
    assert "digitale versie van de Routekaart Samenwerken bij online jeugdcriminaliteit van november 2024" in text
    assert CONTENT.colofon.copyright in text
    assert "Het auteursrecht op die tekst blijft bij hen" in text
    for point in edition.toevoegingen:
        assert is_marked(page, point)
    assert "hoort bij" not in text
    assert "verwijst voor de rollen van de partners naar het 7-stappenmodel" in text


# --- safety pointers ------------------------------------------------------------

def pointer_of(page: str, text: str) -> str:
    block = next((b for b in marked_blocks(page) if text in b), None)
    assert block, f"no marked pointer with {text!r}"
    return block


def test_112_stands_at_step_3s_act_at_once_with_its_source(site_dir):
    step = CONTENT.stap("partners-betrekken")
    question = next(v for v in step.vragen if v.veiligheidsregel)
    assert question.toelichting.startswith("Zo ja: onderneem direct actie")
    page = html(site_dir, "stappen/partners-betrekken.html")
    item = re.search(r'<li id="vraag-%d">.*?</li>' % (step.vragen.index(question) + 1), page, re.S).group(0)
    assert "onderneem direct actie" in plain(item) and "Bel dan 112" in plain(item)
    assert str(CONTENT.bron("politie-112").url) in item
    assert LABEL in plain(item)


def test_abuse_signs_point_to_the_meldcode_and_veilig_thuis(site_dir):
    block = pointer_of(html(site_dir, "stappen/partners-betrekken.html"), "meldcode")
    assert "Veilig Thuis" in block and "0800 2000" in block
    page = html(site_dir, "stappen/partners-betrekken.html")
    for source in ("meldcode", "veilig-thuis"):
        assert f'href="{CONTENT.bron(source).url}"' in page


def test_the_screenshot_question_says_never_forward_sexual_images_of_minors(site_dir):
    step = CONTENT.stap("partners-betrekken")
    index = next(i for i, v in enumerate(step.vragen) if "schermafbeelding" in v.vraag) + 1
    page = html(site_dir, "stappen/partners-betrekken.html")
    item = plain(re.search(r'<li id="vraag-%d">.*?</li>' % index, page, re.S).group(0))
    assert "Stuur ze nooit door, ook niet naar een collega of de politie" in item
    assert "Beschrijf wat je ziet" in item


def test_helpwanted_is_on_the_sexual_behaviour_page_itself(site_dir):
    page = html(site_dir, "fenomenen/seksueel-grensoverschrijdend-gedrag.html")
    block = pointer_of(page, "Helpwanted")
    assert "anoniem" in block
    assert f'href="{CONTENT.bron("helpwanted").url}"' in page


def test_the_walk_shows_the_same_pointers(site_dir):
    walk = plain(html(site_dir, "doorloop.html"))
    assert "Bel dan 112" in walk and "Veilig Thuis" in walk and "Stuur ze nooit door" in walk


# --- corrected additions ---------------------------------------------------------

def test_sexting_explains_the_word_and_leaves_the_limits_to_the_phenomenon_page(site_dir):
    # Issue 23: "altijd strafbaar" was wrong for 16- and 17-year-olds, and
    # "doorsturen zonder toestemming" implied forwarding with consent is lawful.
    sexting = next(b for b in CONTENT.begrippen.begrippen if b.term == "sexting")
    assert sexting.uitleg.startswith("Het maken, sturen en krijgen van seksuele berichten")
    for verdict in ("strafbaar", "toestemming", "normaal", "alleen oké"):
        assert verdict not in sexting.uitleg
    assert "seksueel-grensoverschrijdend-gedrag.html" in html(site_dir, "begrippen.html")


def test_no_added_text_uses_opsporingsbevel_or_states_unsourced_powers():
    assert "opsporingsbevel" not in {b.term for b in CONTENT.begrippen.begrippen}
    # The comparison's cells quote the routekaart (its own word "opsporingsbevel" included).
    added = [CONTENT.partners.vergelijking.model_dump_json(exclude={"rijen": {"__all__": {"cellen"}}}),
             CONTENT.partners.andere_partners.model_dump_json(),
             CONTENT.begrippen.model_dump_json()]
    for text in added:
        assert "opsporingsbevel" not in text
        assert "gebiedsverbod" not in text
    # Issue 23: a convenant is no legal ground, and consent is none for the
    # police: the entry explains the word and sends the reader to the FG.
    persoonsgegevens = next(b for b in CONTENT.begrippen.begrippen if b.term == "persoonsgegevens")
    assert "grondslag" not in persoonsgegevens.uitleg and "FG" in persoonsgegevens.uitleg
    assert persoonsgegevens.bron


def test_step_4_no_says_stay_alert_and_start_again(site_dir):
    no = next(o for o in CONTENT.stap("intervenieren").beslissing.opties if o.id == "nee")
    assert no.herkomst == "toegevoegd"
    page = plain(html(site_dir, "stappen/intervenieren.html"))
    assert "Blijf dan alert" in page and "begin dan opnieuw bij het startpunt" in page
    assert "eindigt hier de route" not in page


def test_dubbelcheck_is_explained_on_the_map_and_the_slides(site_dir):
    yes = next(o for o in CONTENT.stap("partners-betrekken").beslissing.opties if o.id == "ja")
    start = html(site_dir, "index.html")
    assert re.search(r'aria-label="[^"]*Ja, dubbelcheck: Controleer je antwoorden bij stap 1 en 2', start)
    step = CONTENT.stap("partners-betrekken")
    assert f"{fill(ROUTEMAP['choice_step'], nummer=step.nummer, optie=yes.label.lower())} {yes.kort}" in plain(start)
    slides = plain(html(site_dir, "presentatie.html"))
    then = fill(CONTENT.teksten.presentatie["decision_then"], doel=CONTENT.stap("intervenieren").label)
    assert f"{yes.label}: {yes.kort} {then}" in slides
    assert slides.count("Zo ja: onderneem direct actie, informeer en betrek partners!") == len(
        CONTENT.fenomenen.fenomenen)


def test_the_start_page_puts_basis_op_orde_before_the_route(site_dir):
    page = html(site_dir, "index.html")
    assert page.index('id="rk-basis-kop"') < page.index('id="rk-route-kop"')


def test_afspraken_maken_uses_the_sources_words_and_links(site_dir):
    agreements_page = plain(html(site_dir, "afspraken.html"))
    assert PAGES["agreements_leader"].split("{partner}")[1].strip(" .") in agreements_page and "neemt het voortouw" not in agreements_page
    assert "op de volgende pagina" not in agreements_page
    overview = html(site_dir, "fenomenen/index.html")
    assert '<a href="../afspraken.html">5 stappen</a>' in overview


def test_sources_are_real_or_honestly_unknown(site_dir):
    barrier = CONTENT.bron("barrieremodel-ordeverstoringen")
    assert barrier.titel == "Barrièremodel online aangejaagde ordeverstoringen"
    colophon = plain(html(site_dir, "colofon.html"))
    for source in ("beroepscode-jongerenwerker", "jongline"):
        assert CONTENT.bron(source).url is None
        assert f"{CONTENT.bron(source).titel}. {CONTENT.bron(source).uitgever}. {PAGES['colophon_no_address']}" in colophon


@pytest.mark.parametrize("phenomenon, not_", [
    ("fraude", "cash"), ("illegale-handel", "bezorg"), ("cybercriminaliteit", ".exe")])
def test_example_handles_fit_their_scenario(phenomenon, not_):
    assert not_ not in CONTENT.fenomeen(phenomenon).bericht.account


def test_a_public_card_does_not_say_followers_only():
    for f in CONTENT.fenomenen.fenomenen:
        if f.bericht.zichtbaarheid == "openbaar" and f.bericht.bereik:
            assert "volgers" not in f.bericht.bereik, f.id


def test_slips_of_the_source_are_fixed(site_dir):
    text = " ".join(plain(html(site_dir, p)) for p in (
        "stappen/mogelijke-acties.html", "fenomenen/intimidatie-en-agressie.html", "stappen/intervenieren.html",
        "stappen/partners-betrekken.html", "fenomenen/illegale-handel.html", "afspraken.html"))
    for slip in ("face timen", "sociale media kanalen", "dreigen tot", "Zo ja;", "zoals bijvoorbeeld",
                 "persoonsgerichte- of", "dat je dit ook doet", "een-op-een contact"):
        assert slip not in text, slip
