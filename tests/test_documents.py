"""The blank afsprakenkaart as editable documents (.odt and .docx), made at
build time from content/afspraken.yml, open with their own libraries and
carry every question and partner; the card's page links them with their size."""
from __future__ import annotations

import subprocess
import sys
from urllib.parse import urljoin

import docx
from docx.enum.section import WD_ORIENT
from odf import style, table, teletype, text
from odf.opendocument import load

from support.html import find, page as html_page, text as html_text
from support.project import ROOT
from support.words import PAGES
from macros.content import load_content
from macros.render.documents import card_documents

CONTENT = load_content(ROOT / "content")
CARD = CONTENT.afspraken.afsprakenkaart
QUESTIONS = [v.tekst for v in CARD.vragen]
PARTNERS = [CONTENT.partner(pid).naam for pid in CARD.partners]


def test_the_odt_opens_and_holds_every_question_and_partner_in_a_table(site_dir):
    doc = load(str(site_dir / "downloads" / "afsprakenkaart.odt"))
    assert doc.mimetype == "application/vnd.oasis.opendocument.text"
    tables = doc.getElementsByType(table.Table)
    assert len(tables) == 1
    rows = [[teletype.extractText(c) for c in r.getElementsByType(table.TableCell)]
             for r in tables[0].getElementsByType(table.TableRow)]
    assert rows[0] == [CARD.kolomkop_vraag, *PARTNERS]
    assert [r[0] for r in rows[1:]] == QUESTIONS
    assert all(cell == "" for r in rows[1:] for cell in r[1:]), "the downloaded card must be blank"
    assert [teletype.extractText(h) for h in doc.getElementsByType(text.H)] == [
        CARD.titel, CONTENT.afspraken.basisafspraken.titel]


def test_the_odt_is_a4_landscape(site_dir):
    doc = load(str(site_dir / "downloads" / "afsprakenkaart.odt"))
    (page_html,) = doc.getElementsByType(style.PageLayoutProperties)
    assert (page_html.getAttribute("pagewidth"), page_html.getAttribute("pageheight")) == ("29.7cm", "21.0cm")
    assert page_html.getAttribute("printorientation") == "landscape"


def test_the_docx_opens_and_holds_every_question_and_partner_in_a_table(site_dir):
    doc = docx.Document(str(site_dir / "downloads" / "afsprakenkaart.docx"))
    assert len(doc.tables) == 1
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert rows[0] == [CARD.kolomkop_vraag, *PARTNERS]
    assert [r[0] for r in rows[1:]] == QUESTIONS
    assert all(cell == "" for r in rows[1:] for cell in r[1:])
    assert doc.tables[0].rows[0]._tr.trPr.xpath("./w:tblHeader"), "the header row is not marked as one"
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(section.page_width.cm, 1) == 29.7 and round(section.page_height.cm, 1) == 21.0
    assert doc.core_properties.language == "nl-NL"


def test_a_new_question_in_the_yaml_reaches_both_documents(tmp_path):
    new = CARD.model_copy(update={"vragen": [*CARD.vragen, CARD.vragen[0].model_copy(
        update={"id": "evalueren", "tekst": "Hoe evalueren we samen?"})]})
    agreements = CONTENT.afspraken.model_copy(update={"afsprakenkaart": new})
    content = CONTENT.__class__(**{**CONTENT.__dict__, "afspraken": agreements})
    odt, docx_file = card_documents(content)
    (tmp_path / "k.odt").write_bytes(odt.data)
    (tmp_path / "k.docx").write_bytes(docx_file.data)
    odt_text = teletype.extractText(load(str(tmp_path / "k.odt")).text)
    assert "Hoe evalueren we samen?" in odt_text
    assert docx.Document(str(tmp_path / "k.docx")).tables[0].rows[-1].cells[0].text == "Hoe evalueren we samen?"


def test_the_card_page_links_both_documents_with_their_size(site_dir):
    page = html_page(site_dir, "afsprakenkaart.html")
    for file_data, file_name in (("afsprakenkaart.odt", PAGES["card_odt"]), ("afsprakenkaart.docx", PAGES["card_docx"])):
        (link,) = [a for a in find(page, "//a[@href]") if file_name in html_text(a)]
        assert link.get("href") == f"downloads/{file_data}"
        # Sizes in kB of 1000 bytes, rounded, as the offline page shows the zip's.
        size = round((site_dir / "downloads" / file_data).stat().st_size / 1000)
        assert f"{size} kB)" in html_text(next(link.iterancestors("li")))
        # The link leads to that very file, next to the page.
        assert (site_dir / urljoin("afsprakenkaart.html", link.get("href"))).read_bytes() == \
            (site_dir / "downloads" / file_data).read_bytes()


def test_a_rebuild_writes_the_same_bytes():
    """Fixed zip timestamps: rebuilding unchanged content gives identical files,
    so caches of the offline site stay valid."""
    script = ("import hashlib, sys; sys.path.insert(0, '.');"
              "from macros.content import load_content; from macros.render.documents import card_documents;"
              "print([hashlib.sha256(d.data).hexdigest() for d in card_documents(load_content('content'))])")
    runs = [subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs[0] == runs[1] and runs[0].count("'") == 4
