"""From a file's bytes to text: plain text in any common Chinese encoding, HTML or .docx.

Refuses what cannot hold a plan (empty, binary, images, PDFs without a text layer, files over
the size limit) with an IngestError, before any parsing is attempted.
"""

import io
import re
import shutil
import subprocess
import tempfile
import zipfile

import charset_normalizer
import filetype

from minsheng.ingest.parser.errors import IngestError
from minsheng.ingest.parser.script import strip_readings

MAX_BYTES = 50 * 1024 * 1024
CHINESE_ENCODINGS = {"gb18030", "gbk", "gb2312", "hz", "cp936", "euc_cn"}
MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
HTML_MARKERS = re.compile(r"<\s*(html|body|p|div|table|br|span|h[1-6])\b", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CJK = re.compile(r"[\u4e00-\u9fff]")


def decode_document(data: bytes, *, filename: str = "") -> str:
    """The document's text with newlines as "\\n"; raise IngestError when it holds no text."""
    if len(data) > MAX_BYTES:
        raise IngestError("too_large", size=len(data), limit=MAX_BYTES)
    if not data.strip():
        raise IngestError("empty")
    if data.startswith(b"%PDF"):
        text = _pdf_text(data)
    elif data.startswith(b"PK\x03\x04"):
        text = _docx_text(data)
    else:
        kind = filetype.guess(data[:8192])
        if kind is not None and kind.mime.startswith("image/"):
            raise IngestError("image", mime=kind.mime)
        if kind is not None and not kind.mime.startswith("text/"):
            raise IngestError("binary", mime=kind.mime)
        text = _decode_text(data)
        if HTML_MARKERS.search(text[:5000]):
            text = _html_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    # Markdown headings ("## 第1件：…", as Minsheng's own reports are written) are items too.
    text = MARKDOWN_HEADING.sub("", text)
    text = strip_readings(text)
    if not text.strip():
        raise IngestError("empty")
    return text


def _decode_text(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise IngestError("binary", mime="application/octet-stream")
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data.decode("utf-8-sig", errors="replace"))
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    guess = (best.encoding if best else "").lower()
    # GB18030 is the superset of GBK and GB2312: decoding with it never loses a character
    # that the narrower guess would have read.
    candidates = ["gb18030"] if guess in CHINESE_ENCODINGS or not guess else [guess, "gb18030"]
    if guess.startswith(("big5", "cp950")):
        # 繁体 pages saved in Big5: GB18030 would decode the bytes too, into other characters
        candidates = [guess, "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding == "gb18030" or CJK.search(text):
            return _checked(text)
    raise IngestError("binary", mime="application/octet-stream")


def _checked(text: str) -> str:
    sample = text[:20000]
    if sample and len(CONTROL.findall(sample)) > len(sample) // 100 + 2:
        raise IngestError("binary", mime="application/octet-stream")
    if sample.count("\ufffd") > len(sample) // 20 + 2:
        raise IngestError("binary", mime="application/octet-stream")
    return text


def _html_text(markup: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "head", "noscript"]):
        tag.decompose()
    for cell in soup.find_all(["td", "th"]):
        cell.append("\t")
    return soup.get_text("\n")


def _docx_text(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise IngestError("binary", mime="application/zip")
    except zipfile.BadZipFile as error:
        raise IngestError("binary", mime="application/zip") from error
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged file
        raise IngestError("binary", mime="application/zip") from error
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(data: bytes) -> str:
    """A PDF's text layer through poppler's pdftotext; a scan without one is refused."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise IngestError("pdf_no_text")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        try:
            result = subprocess.run(  # noqa: S603 - fixed tool, our own temporary file
                [tool, "-layout", "-enc", "UTF-8", handle.name, "-"],
                capture_output=True,
                timeout=60,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise IngestError("pdf_no_text") from error
    text = result.stdout.decode("utf-8", errors="replace")
    if result.returncode != 0 or not CJK.search(text):
        raise IngestError("pdf_no_text")
    return text
