"""Reading Chinese plan and report text into the interchange format, without Django.

`parse_bytes` / `parse_text` return a `ParsedDocument`: items with their targets, actuals,
departments and captions, and the fact-check findings. Every value keeps the character span
of its source in the decoded text, so a page can show where it came from.
"""

from minsheng.ingest.parser.decoding import decode_document
from minsheng.ingest.parser.document import ParsedDocument, parse_text
from minsheng.ingest.parser.errors import IngestError

__all__ = ["IngestError", "ParsedDocument", "decode_document", "parse_bytes", "parse_text"]


def parse_bytes(
    data: bytes, *, filename: str = "", jurisdiction: str | None = None, year: int | None = None
) -> ParsedDocument:
    """Decode a file's bytes (text, HTML or .docx) and parse it; raise IngestError if unusable."""
    return parse_text(
        decode_document(data, filename=filename), jurisdiction=jurisdiction, year=year
    )
