"""Honest labels: while the demo is on, every answer says 演示数据 (demo data)."""

import json
from io import BytesIO
from typing import Any
from urllib.parse import quote

LABEL = "演示数据"
NOTE = "演示数据：除清单目标外，本系统中的进度、分解、督办、建议等均为虚构演示数据，不代表青岛市真实进展。"
HEADER = "X-Minsheng-Demo"
# HTTP headers are ASCII; the Chinese label is percent-encoded beside the plain flag.
HEADER_VALUE = "demo-data; label=" + quote(LABEL)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def label_json(content: bytes) -> bytes | None:
    """A JSON object gains a `demo` field; other JSON is left as it is."""
    try:
        data: Any = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    data = {"demo": LABEL, "demo_note": NOTE, **data}
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def label_csv(content: bytes) -> bytes:
    """The note as a first line, kept after a UTF-8 byte order mark if there is one."""
    bom = b"\xef\xbb\xbf"
    body = content[len(bom) :] if content.startswith(bom) else content
    prefix = bom if content.startswith(bom) else b""
    return prefix + f"# {NOTE}\r\n".encode() + body


def label_markdown(content: bytes) -> bytes:
    return f"> {NOTE}\n\n".encode() + content


def label_xlsx(content: bytes) -> bytes | None:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(BytesIO(content))
    except Exception:  # not a workbook we can read: leave it, the header still says so
        return None
    sheet = workbook.create_sheet(LABEL, 0)
    sheet["A1"] = NOTE
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def label_docx(content: bytes) -> bytes | None:
    try:
        import docx
    except ImportError:
        return None
    try:
        document = docx.Document(BytesIO(content))
    except Exception:  # not a document we can read: leave it, the header still says so
        return None
    paragraphs = document.paragraphs
    if paragraphs:
        paragraphs[0].insert_paragraph_before(NOTE)
    else:
        document.add_paragraph(NOTE)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def label_filename(disposition: str) -> str:
    """Prefix 演示数据- to a download's file name (both the ASCII and the UTF-8 forms)."""
    if "filename*=" in disposition:
        head, _sep, tail = disposition.partition("filename*=")
        charset, _quote, name = tail.partition("''")
        return f"{head}filename*={charset}''{quote(LABEL + '-')}{name}"
    if "filename=" in disposition:
        head, _sep, name = disposition.partition("filename=")
        name = name.strip('"')
        return f"{head}filename=\"demo-{name}\"; filename*=UTF-8''{quote(LABEL + '-' + name)}"
    return disposition
