"""From bytes to text: encodings detected, markup stripped, unusable files refused."""

import io
import struct
import zlib

import pytest

from minsheng.ingest.parser import IngestError, decode_document
from minsheng.ingest.parser.decoding import MAX_BYTES

TEXT = "第1件：改善城乡居住条件，筹集保障性租赁住房1000套。（责任单位：市住房城乡建设局）"


def refused(data: bytes) -> str:
    with pytest.raises(IngestError) as raised:
        decode_document(data)
    return raised.value.code


def test_utf8_is_read() -> None:
    assert decode_document(TEXT.encode()) == TEXT


def test_utf8_with_a_byte_order_mark_is_read() -> None:
    assert decode_document(b"\xef\xbb\xbf" + TEXT.encode()) == TEXT


def test_gb18030_is_detected() -> None:
    assert decode_document(TEXT.encode("gb18030")) == TEXT


def test_gbk_is_detected() -> None:
    assert decode_document(TEXT.encode("gbk")) == TEXT


def test_windows_line_ends_become_newlines() -> None:
    assert decode_document("甲\r\n乙".encode()) == "甲\n乙"


def test_html_markup_is_stripped() -> None:
    page = f"<html><head><script>var x=1;</script></head><body><p>{TEXT}</p></body></html>"
    text = decode_document(page.encode())
    assert TEXT in text
    assert "script" not in text


def test_docx_paragraphs_and_tables_are_read() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(TEXT)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "序号"
    table.rows[0].cells[1].text = "项目名称"
    buffer = io.BytesIO()
    document.save(buffer)
    text = decode_document(buffer.getvalue(), filename="plan.docx")
    assert TEXT in text
    assert "序号\t项目名称" in text


def test_an_empty_file_is_refused() -> None:
    assert refused(b"  \n ") == "empty"


def test_a_binary_file_is_refused() -> None:
    assert refused(bytes(range(256)) * 4) == "binary"


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0"))
        + chunk(b"IEND", b"")
    )


def test_an_image_is_refused() -> None:
    assert refused(_png()) == "image"


def test_a_pdf_without_text_is_refused() -> None:
    pdf = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"
    )
    assert refused(pdf) == "pdf_no_text"


def test_a_file_over_fifty_megabytes_is_refused() -> None:
    assert refused(b"a" * (MAX_BYTES + 1)) == "too_large"


def test_a_zip_that_is_not_a_document_is_refused() -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    assert refused(buffer.getvalue()) == "binary"
