"""The blank afsprakenkaart as editable documents, made from content/ at build time.

ODF (.odt) is the open standard Dutch government uses; .docx is for Word.
Both are generated with their libraries (odfpy, python-docx) from the same
YAML the web page uses, so the questions and partners are never out of step.
The documents are made once per build, before the pages are rendered (the
card page shows their size), and written into the site by `on_post_build`.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from odf import dc, style, table, text
from odf.opendocument import OpenDocumentText

from ..content import Content, fill, plain
from ..nl import format_size

FOLDER = "downloads"
NAAM = "afsprakenkaart"

# A4 landscape, in cm.
BREEDTE, HOOGTE, MARGE = 29.7, 21.0, 1.5
VRAAG_KOLOM = 7.2      # width of the question column; partners share the rest
RIJ_HOOGTE = 3.3       # room to write by pen in a blank row


@dataclass(frozen=True)
class Download:
    bestand: str         # path inside the site, e.g. downloads/afsprakenkaart.odt
    label: str
    soort: str
    data: bytes

    @property
    def grootte(self) -> str:
        return format_size(len(self.data))


def afsprakenkaart_documents(content: Content) -> list[Download]:
    t = content.teksten.pages
    return [
        Download(f"{FOLDER}/{NAAM}.odt", t["card_odt"], t["card_odt_kind"], odt_document(content)),
        Download(f"{FOLDER}/{NAAM}.docx", t["card_docx"], t["card_docx_kind"], docx_document(content)),
    ]




def _kaart(content: Content):
    kaart = content.afspraken.afsprakenkaart
    partners = [content.partner(pid).naam for pid in kaart.partners]
    regio = content.regio.naam if content.regio else ""
    return kaart, partners, regio


def _bron(content: Content) -> str:
    """Where the card comes from and whose words it holds, under its title."""
    return fill(content.teksten.pages["card_source"], routekaart=content.routekaart.titel,
                versie=content.teksten.version_text(content.versie), copyright=content.colofon.copyright)


def _fields(content: Content, regio: str) -> str:
    """The line to fill in by hand: region or municipality, and date."""
    t = content.teksten.afsprakenkaart
    return f"{t['field_region_or_municipality']} {regio or '_' * 40}        {t['field_date']} {'_' * 20}"


def _basisafspraken(content: Content) -> tuple[str, str, list[tuple[str, str]]]:
    """The basisafspraken that hold for every agreement on the card."""
    b = content.afspraken.basisafspraken
    return b.titel, plain(b.intro), [(i.titel, plain(i.tekst)) for i in b.items]


def odt_document(content: Content) -> bytes:
    kaart, partners, regio = _kaart(content)
    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=kaart.titel))
    doc.meta.addElement(dc.Language(text="nl-NL"))

    layout = style.PageLayout(name="A4Liggend")
    layout.addElement(style.PageLayoutProperties(
        pagewidth=f"{BREEDTE}cm", pageheight=f"{HOOGTE}cm", printorientation="landscape",
        margintop=f"{MARGE}cm", marginbottom=f"{MARGE}cm", marginleft=f"{MARGE}cm", marginright=f"{MARGE}cm"))
    doc.automaticstyles.addElement(layout)
    doc.masterstyles.addElement(style.MasterPage(name="Standard", pagelayoutname=layout))

    normaal = style.Style(name="Normaal", family="paragraph")
    normaal.addElement(style.TextProperties(fontsize="11pt", language="nl", country="NL"))
    doc.styles.addElement(normaal)
    titel = style.Style(name="Heading 1", displayname="Heading 1", family="paragraph",
                        defaultoutlinelevel="1")
    titel.addElement(style.TextProperties(fontsize="18pt", fontweight="bold"))
    titel.addElement(style.ParagraphProperties(marginbottom="0.3cm"))
    doc.styles.addElement(titel)
    kop = style.Style(name="Kolomkop", family="paragraph", parentstylename=normaal)
    kop.addElement(style.TextProperties(fontweight="bold"))
    doc.styles.addElement(kop)

    tabel_stijl = style.Style(name="Kaart", family="table")
    tabel_stijl.addElement(style.TableProperties(width=f"{BREEDTE - 2 * MARGE}cm", align="left"))
    doc.automaticstyles.addElement(tabel_stijl)
    vraag_kolom = style.Style(name="KaartVraag", family="table-column")
    vraag_kolom.addElement(style.TableColumnProperties(columnwidth=f"{VRAAG_KOLOM}cm"))
    partner_kolom = style.Style(name="KaartPartner", family="table-column")
    partner_breedte = (BREEDTE - 2 * MARGE - VRAAG_KOLOM) / len(partners)
    partner_kolom.addElement(style.TableColumnProperties(columnwidth=f"{partner_breedte:.2f}cm"))
    rij = style.Style(name="KaartRij", family="table-row")
    rij.addElement(style.TableRowProperties(minrowheight=f"{RIJ_HOOGTE}cm"))
    cel = style.Style(name="KaartCel", family="table-cell")
    cel.addElement(style.TableCellProperties(border="0.5pt solid #000000", padding="0.15cm"))
    for s in (vraag_kolom, partner_kolom, rij, cel):
        doc.automaticstyles.addElement(s)

    doc.text.addElement(text.H(outlinelevel=1, stylename=titel, text=kaart.titel))
    doc.text.addElement(text.P(stylename=normaal, text=_bron(content)))
    doc.text.addElement(text.P(stylename=normaal, text=_fields(content, regio)))

    t = table.Table(name=kaart.titel, stylename=tabel_stijl)
    t.addElement(table.TableColumn(stylename=vraag_kolom))
    t.addElement(table.TableColumn(stylename=partner_kolom, numbercolumnsrepeated=len(partners)))
    koppen = table.TableHeaderRows()
    kop_rij = table.TableRow()
    for naam in [kaart.kolomkop_vraag, *partners]:
        c = table.TableCell(stylename=cel, valuetype="string")
        c.addElement(text.P(stylename=kop, text=naam))
        kop_rij.addElement(c)
    koppen.addElement(kop_rij)
    t.addElement(koppen)
    for vraag in kaart.vragen:
        r = table.TableRow(stylename=rij)
        c = table.TableCell(stylename=cel, valuetype="string")
        c.addElement(text.P(stylename=kop, text=plain(vraag.tekst)))
        r.addElement(c)
        for _ in partners:
            c = table.TableCell(stylename=cel, valuetype="string")
            c.addElement(text.P(stylename=normaal))
            r.addElement(c)
        t.addElement(r)
    doc.text.addElement(t)
    basis_titel, intro, items = _basisafspraken(content)
    doc.text.addElement(text.H(outlinelevel=2, stylename=kop, text=basis_titel))
    doc.text.addElement(text.P(stylename=normaal, text=intro))
    for item_titel, tekst in items:
        doc.text.addElement(text.P(stylename=kop, text=item_titel))
        doc.text.addElement(text.P(stylename=normaal, text=tekst))

    out = io.BytesIO()
    doc.write(out)
    return _reproducible(out.getvalue())


def docx_document(content: Content) -> bytes:
    kaart, partners, regio = _kaart(content)
    doc = Document()
    doc.core_properties.title = kaart.titel
    doc.core_properties.language = "nl-NL"
    doc.core_properties.author = ""
    sectie = doc.sections[0]
    sectie.orientation = WD_ORIENT.LANDSCAPE
    sectie.page_width, sectie.page_height = Cm(BREEDTE), Cm(HOOGTE)
    for kant in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sectie, kant, Cm(MARGE))
    doc.styles["Normal"].font.size = Pt(11)

    doc.add_heading(kaart.titel, level=1)
    doc.add_paragraph(_bron(content))
    doc.add_paragraph(_fields(content, regio))

    t = doc.add_table(rows=1 + len(kaart.vragen), cols=1 + len(partners))
    t.style = "Table Grid"
    breedtes = [Cm(VRAAG_KOLOM)] + [Cm((BREEDTE - 2 * MARGE - VRAAG_KOLOM) / len(partners))] * len(partners)
    kop_rij = t.rows[0]
    # Marked as a header row, so screen readers announce the column names.
    kenmerk = OxmlElement("w:tblHeader")
    kenmerk.set(qn("w:val"), "true")
    kop_rij._tr.get_or_add_trPr().append(kenmerk)
    for cell, naam in zip(kop_rij.cells, [kaart.kolomkop_vraag, *partners]):
        cell.paragraphs[0].add_run(naam).bold = True
    for rij, vraag in zip(t.rows[1:], kaart.vragen):
        rij.height, rij.height_rule = Cm(RIJ_HOOGTE), WD_ROW_HEIGHT_RULE.AT_LEAST
        rij.cells[0].paragraphs[0].add_run(plain(vraag.tekst)).bold = True
    for rij in t.rows:
        for cell, breedte in zip(rij.cells, breedtes):
            cell.width = breedte
    basis_titel, intro, items = _basisafspraken(content)
    doc.add_heading(basis_titel, level=2)
    doc.add_paragraph(intro)
    for item_titel, tekst in items:
        doc.add_paragraph().add_run(item_titel).bold = True
        doc.add_paragraph(tekst)

    out = io.BytesIO()
    doc.save(out)
    return _reproducible(out.getvalue())


def _reproducible(data: bytes) -> bytes:
    """The same zip with fixed timestamps: equal content gives equal bytes.

    Entry order and compression are kept (ODF needs `mimetype` first, stored).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
