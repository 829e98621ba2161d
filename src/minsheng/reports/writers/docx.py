"""Word (DOCX) by python-docx: same blocks, A4; the official style with GB/T 9704 margins,
fonts and "— 1 —" page numbers. Word cannot list fallback fonts: the East Asian font is named
(仿宋_GB2312 / 方正小标宋简体 for official, 宋体 / 黑体 for press) and the reader's Word or
LibreOffice substitutes an installed CJK font when it is missing.
"""

import contextlib
import io
from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from minsheng.reports.document import (
    Caption,
    Chart,
    Document,
    Heading,
    Masthead,
    Paragraph,
    Style,
    Table,
    stored_image,
)
from minsheng.reports.writers.html import closing_start

FONTS = {
    Style.OFFICIAL: {
        "title": "方正小标宋简体",
        "body": "仿宋_GB2312",
        "h2": "黑体",
        "h3": "楷体_GB2312",
    },
    Style.PRESS: {"title": "黑体", "body": "宋体", "h2": "黑体", "h3": "黑体"},
}
SIZES = {
    Style.OFFICIAL: {"title": 22, "body": 16, "h2": 16, "h3": 16, "small": 14},
    Style.PRESS: {"title": 22, "body": 11, "h2": 13, "h3": 12, "small": 10},
}
RED = RGBColor(0xB3, 0x26, 0x1E)
MASTHEAD_RED = RGBColor(0xE6, 0x00, 0x12)
PICTURE_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp"}


def _font(run: Run, name: str, size: int, *, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _page_number(paragraph: DocxParagraph, name: str, size: int) -> None:
    """ "— N —" with N a PAGE field, so Word numbers every page."""
    _font(paragraph.add_run("— "), name, size)
    run = paragraph.add_run()
    _font(run, name, size)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _font(paragraph.add_run(" —"), name, size)


def _setup_page(docx: object, style: Style) -> None:
    section = docx.sections[0]  # type: ignore[attr-defined]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    if style == Style.OFFICIAL:
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    else:
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin = section.right_margin = Mm(20)
    footer = section.footer.paragraphs[0]
    footer.alignment = (
        WD_ALIGN_PARAGRAPH.RIGHT if style == Style.OFFICIAL else WD_ALIGN_PARAGRAPH.CENTER
    )
    _page_number(footer, "宋体", SIZES[style]["small"])


def _border(paragraph: DocxParagraph, side: str, colour: str, size: int) -> None:
    """A line above or below the paragraph (the 版头's red line, the 版记's lines)."""
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.append(borders)
    line = OxmlElement(f"w:{side}")
    for name, value in (
        ("w:val", "single"),
        ("w:sz", str(size)),
        ("w:space", "4"),
        ("w:color", colour),
    ):
        line.set(qn(name), value)
    borders.append(line)


def _masthead(docx: Any, masthead: Masthead, style: Style) -> None:
    """版头: the issuer in red, the 发文字号 (and 签发人) and a red line under them."""
    fonts, sizes = FONTS[style], SIZES[style]
    issuer = docx.add_paragraph()
    issuer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    issuer.paragraph_format.space_after = Pt(24)
    run = issuer.add_run(masthead.issuer)
    _font(run, fonts["title"], 36)
    run.font.color.rgb = MASTHEAD_RED
    number = docx.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(number.add_run(masthead.number), fonts["body"], sizes["body"])
    if masthead.needs_signer:
        _font(number.add_run(f"　　　　签发人：{masthead.signer}"), fonts["h3"], sizes["body"])
    _border(number, "bottom", "E60012", 12)


def _imprint(docx: Any, masthead: Masthead, style: Style) -> None:
    """版记: 抄送 and 印发, between lines, at the end."""
    fonts, sizes = FONTS[style], SIZES[style]
    rows = []
    if masthead.copies_to:
        rows.append(f"抄送：{masthead.copies_to}")
    if masthead.printed_by:
        rows.append(f"{masthead.printed_by}　　　　{masthead.printed_on}印发")
    for index, text in enumerate(rows):
        paragraph = docx.add_paragraph()
        paragraph.paragraph_format.keep_with_next = index < len(rows) - 1
        if index == 0:
            _border(paragraph, "top", "000000", 8)
        _border(paragraph, "bottom", "000000", 8 if index == len(rows) - 1 else 4)
        _font(paragraph.add_run(text), fonts["body"], sizes["small"])


def write_docx(document: Document) -> bytes:
    """The document as DOCX bytes."""
    style = document.style
    fonts, sizes = FONTS[style], SIZES[style]
    docx = new_docx()
    _setup_page(docx, style)
    width = Mm(210 - 28 - 26) if style == Style.OFFICIAL else Mm(210 - 20 - 20)

    if document.masthead is not None:
        _masthead(docx, document.masthead, style)
    closing_from = closing_start(document)

    title = docx.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(document.title)
    _font(run, fonts["title"], sizes["title"], bold=style == Style.PRESS)
    if style == Style.PRESS:
        run.font.color.rgb = RED
    if document.subtitle:
        subtitle = docx.add_paragraph()
        subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(subtitle.add_run(document.subtitle), fonts["body"], sizes["body"])

    for index, block in enumerate(document.blocks):
        if isinstance(block, Heading):
            key = "h2" if block.level <= 2 else "h3"
            paragraph = docx.add_paragraph()
            if style == Style.OFFICIAL:
                paragraph.paragraph_format.first_line_indent = Pt(sizes["body"] * 2)
            _font(paragraph.add_run(block.text), fonts[key], sizes[key], bold=style == Style.PRESS)
        elif isinstance(block, Paragraph):
            paragraph = docx.add_paragraph()
            if block.role in {"signature", "date"}:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif block.role != "addressee":
                paragraph.paragraph_format.first_line_indent = Pt(sizes["body"] * 2)
            if block.label:
                _font(
                    paragraph.add_run(block.label),
                    fonts["body"],
                    sizes["body"],
                    bold=style == Style.PRESS,
                )
            _font(paragraph.add_run(block.text), fonts["body"], sizes["body"])
            if index >= closing_from:
                # The closing lines and the paragraph before them never split across pages.
                paragraph.paragraph_format.keep_together = True
                paragraph.paragraph_format.keep_with_next = index < len(document.blocks) - 1
        elif isinstance(block, Caption):
            if block.image_name and Path(block.image_name).suffix.lower() in PICTURE_IMAGE_SUFFIXES:
                picture = stored_image(block.image_name)
                # A missing file loses its picture, never the caption.
                if picture is not None:
                    with contextlib.suppress(OSError, ValueError):
                        docx.add_picture(io.BytesIO(picture), width=int(width * 0.8))
            paragraph = docx.add_paragraph()
            _font(paragraph.add_run("■" + block.text), fonts["body"], sizes["small"])
        elif isinstance(block, Chart):
            # Word shows no SVG: its chart is a PNG, and matplotlib is loaded for it only here.
            from minsheng.reports.chart_png import png

            docx.add_picture(io.BytesIO(png(block)), width=int(width * 0.9))
            docx.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Table):
            table = docx.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                _font(cell.paragraphs[0].add_run(text), fonts["h2"], sizes["small"], bold=True)
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    _font(cell.paragraphs[0].add_run(text), fonts["body"], sizes["small"])
    if document.masthead is not None:
        _imprint(docx, document.masthead, style)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()
