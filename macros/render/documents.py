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
NAME = "afsprakenkaart"

# A4 landscape, in cm.
WIDTH, HEIGHT, MARGIN = 29.7, 21.0, 1.5
QUESTION_COLUMN = 7.2  # width of the question column; partners share the rest
ROW_HEIGHT = 3.3       # room to write by pen in a blank row


@dataclass(frozen=True)
class Download:
    path: str            # path inside the site, e.g. downloads/afsprakenkaart.odt
    label: str
    kind: str
    data: bytes

    @property
    def size(self) -> str:
        return format_size(len(self.data))


def card_documents(content: Content) -> list[Download]:
    t = content.teksten.pages
    return [
        Download(f"{FOLDER}/{NAME}.odt", t["card_odt"], t["card_odt_kind"], odt_document(content)),
        Download(f"{FOLDER}/{NAME}.docx", t["card_docx"], t["card_docx_kind"], docx_document(content)),
    ]




def _card(content: Content):
    card = content.afspraken.afsprakenkaart
    partners = [content.partner(pid).naam for pid in card.partners]
    region = content.regio.naam if content.regio else ""
    return card, partners, region


def _source(content: Content) -> str:
    """Where the card comes from and whose words it holds, under its title."""
    return fill(content.teksten.pages["card_source"], routekaart=content.routekaart.titel,
                versie=content.teksten.version_text(content.versie), copyright=content.colofon.copyright)


def _fields(content: Content, region: str) -> str:
    """The line to fill in by hand: region or municipality, and date."""
    t = content.teksten.afsprakenkaart
    return f"{t['field_region_or_municipality']} {region or '_' * 40}        {t['field_date']} {'_' * 20}"


def _basic_agreements(content: Content) -> tuple[str, str, list[tuple[str, str]]]:
    """The basisafspraken that hold for every agreement on the card."""
    b = content.afspraken.basisafspraken
    return b.titel, plain(b.intro), [(i.titel, plain(i.tekst)) for i in b.items]


def odt_document(content: Content) -> bytes:
    card, partners, region = _card(content)
    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=card.titel))
    doc.meta.addElement(dc.Language(text="nl-NL"))

    layout = style.PageLayout(name="A4Liggend")
    layout.addElement(style.PageLayoutProperties(
        pagewidth=f"{WIDTH}cm", pageheight=f"{HEIGHT}cm", printorientation="landscape",
        margintop=f"{MARGIN}cm", marginbottom=f"{MARGIN}cm", marginleft=f"{MARGIN}cm", marginright=f"{MARGIN}cm"))
    doc.automaticstyles.addElement(layout)
    doc.masterstyles.addElement(style.MasterPage(name="Standard", pagelayoutname=layout))

    normal = style.Style(name="Normaal", family="paragraph")
    normal.addElement(style.TextProperties(fontsize="11pt", language="nl", country="NL"))
    doc.styles.addElement(normal)
    title = style.Style(name="Heading 1", displayname="Heading 1", family="paragraph",
                        defaultoutlinelevel="1")
    title.addElement(style.TextProperties(fontsize="18pt", fontweight="bold"))
    title.addElement(style.ParagraphProperties(marginbottom="0.3cm"))
    doc.styles.addElement(title)
    heading = style.Style(name="Kolomkop", family="paragraph", parentstylename=normal)
    heading.addElement(style.TextProperties(fontweight="bold"))
    doc.styles.addElement(heading)

    table_style = style.Style(name="Kaart", family="table")
    table_style.addElement(style.TableProperties(width=f"{WIDTH - 2 * MARGIN}cm", align="left"))
    doc.automaticstyles.addElement(table_style)
    question_column = style.Style(name="KaartVraag", family="table-column")
    question_column.addElement(style.TableColumnProperties(columnwidth=f"{QUESTION_COLUMN}cm"))
    partner_column = style.Style(name="KaartPartner", family="table-column")
    partner_width = (WIDTH - 2 * MARGIN - QUESTION_COLUMN) / len(partners)
    partner_column.addElement(style.TableColumnProperties(columnwidth=f"{partner_width:.2f}cm"))
    row = style.Style(name="KaartRij", family="table-row")
    row.addElement(style.TableRowProperties(minrowheight=f"{ROW_HEIGHT}cm"))
    cell_style = style.Style(name="KaartCel", family="table-cell")
    cell_style.addElement(style.TableCellProperties(border="0.5pt solid #000000", padding="0.15cm"))
    for s in (question_column, partner_column, row, cell_style):
        doc.automaticstyles.addElement(s)

    doc.text.addElement(text.H(outlinelevel=1, stylename=title, text=card.titel))
    doc.text.addElement(text.P(stylename=normal, text=_source(content)))
    doc.text.addElement(text.P(stylename=normal, text=_fields(content, region)))

    t = table.Table(name=card.titel, stylename=table_style)
    t.addElement(table.TableColumn(stylename=question_column))
    t.addElement(table.TableColumn(stylename=partner_column, numbercolumnsrepeated=len(partners)))
    header_rows = table.TableHeaderRows()
    header_row = table.TableRow()
    for name in [card.kolomkop_vraag, *partners]:
        c = table.TableCell(stylename=cell_style, valuetype="string")
        c.addElement(text.P(stylename=heading, text=name))
        header_row.addElement(c)
    header_rows.addElement(header_row)
    t.addElement(header_rows)
    for question in card.vragen:
        r = table.TableRow(stylename=row)
        c = table.TableCell(stylename=cell_style, valuetype="string")
        c.addElement(text.P(stylename=heading, text=plain(question.tekst)))
        r.addElement(c)
        for _ in partners:
            c = table.TableCell(stylename=cell_style, valuetype="string")
            c.addElement(text.P(stylename=normal))
            r.addElement(c)
        t.addElement(r)
    doc.text.addElement(t)
    basics_title, intro, items = _basic_agreements(content)
    doc.text.addElement(text.H(outlinelevel=2, stylename=heading, text=basics_title))
    doc.text.addElement(text.P(stylename=normal, text=intro))
    for item_title, body in items:
        doc.text.addElement(text.P(stylename=heading, text=item_title))
        doc.text.addElement(text.P(stylename=normal, text=body))

    out = io.BytesIO()
    doc.write(out)
    return _reproducible(out.getvalue())


def docx_document(content: Content) -> bytes:
    card, partners, region = _card(content)
    doc = Document()
    doc.core_properties.title = card.titel
    doc.core_properties.language = "nl-NL"
    doc.core_properties.author = ""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(WIDTH), Cm(HEIGHT)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN))
    doc.styles["Normal"].font.size = Pt(11)

    doc.add_heading(card.titel, level=1)
    doc.add_paragraph(_source(content))
    doc.add_paragraph(_fields(content, region))

    t = doc.add_table(rows=1 + len(card.vragen), cols=1 + len(partners))
    t.style = "Table Grid"
    widths = [Cm(QUESTION_COLUMN)] + [Cm((WIDTH - 2 * MARGIN - QUESTION_COLUMN) / len(partners))] * len(partners)
    header_row = t.rows[0]
    # Marked as a header row, so screen readers announce the column names.
    header_mark = OxmlElement("w:tblHeader")
    header_mark.set(qn("w:val"), "true")
    header_row._tr.get_or_add_trPr().append(header_mark)
    for cell, name in zip(header_row.cells, [card.kolomkop_vraag, *partners]):
        cell.paragraphs[0].add_run(name).bold = True
    for row, question in zip(t.rows[1:], card.vragen):
        row.height, row.height_rule = Cm(ROW_HEIGHT), WD_ROW_HEIGHT_RULE.AT_LEAST
        row.cells[0].paragraphs[0].add_run(plain(question.tekst)).bold = True
    for row in t.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    basics_title, intro, items = _basic_agreements(content)
    doc.add_heading(basics_title, level=2)
    doc.add_paragraph(intro)
    for item_title, body in items:
        doc.add_paragraph().add_run(item_title).bold = True
        doc.add_paragraph(body)

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
