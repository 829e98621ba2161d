"""HTML: a standalone, printable page (styles and images inline), also the input of the PDF."""

import base64
import mimetypes
from functools import cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from minsheng.reports import charts
from minsheng.reports.document import (
    Caption,
    Chart,
    Document,
    Heading,
    Paragraph,
    Table,
    stored_image,
)

STATIC = Path(__file__).resolve().parent.parent / "static" / "reports"


@cache
def stylesheet(style: str) -> str:
    return (STATIC / f"{style}.css").read_text(encoding="utf-8")


def data_uri(content: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def _image_uri(name: str) -> str:
    """An evidence photo inlined, or "" when the file is missing or not an image."""
    mime = mimetypes.guess_type(name)[0] or ""
    if not name or not mime.startswith("image/"):
        return ""
    content = stored_image(name)
    return "" if content is None else data_uri(content, mime)


def _block(block: Any) -> dict[str, Any]:
    if isinstance(block, Heading):
        return {"kind": "heading", "text": block.text, "level": block.level}
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "text": block.text, "label": block.label, "role": block.role}
    if isinstance(block, Caption):
        return {"kind": "caption", "text": block.text, "src": _image_uri(block.image_name)}
    if isinstance(block, Chart):
        svg = charts.svg(block).encode("utf-8")
        return {"kind": "chart", "title": block.title, "src": data_uri(svg, "image/svg+xml")}
    assert isinstance(block, Table)
    return {"kind": "table", "headers": block.headers, "rows": block.rows}


def closing_start(document: Document) -> int:
    """Where the closing lines begin, with the paragraph before them: "特此报告。", the
    signature and the date are printed together with the last paragraph, never alone on a page.
    len(blocks) when the document has no closing."""
    for index, block in enumerate(document.blocks):
        if isinstance(block, Paragraph) and block.role == "closing":
            return max(index - 1, 0)
    return len(document.blocks)


def write_html(document: Document) -> str:
    """The document as one HTML file; every text is escaped by the template engine."""
    blocks = [_block(block) for block in document.blocks]
    split = closing_start(document)
    return render_to_string(
        "reports/document.html",
        {
            "document": document,
            "masthead": document.masthead,
            "css": stylesheet(str(document.style)),
            "blocks": blocks[:split],
            "closing_blocks": blocks[split:],
        },
    )
