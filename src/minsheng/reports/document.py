"""A format-neutral document: a title and a list of blocks that every writer knows how to render.

The composers (compose.py) say *what* a report contains; the writers (writers/) say how
Markdown, HTML, PDF and Word print it. One report model, four formats, two styles.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.core.files.storage import default_storage


class Style(StrEnum):
    PRESS = "press"  # like the newspaper's year-end report (the seed)
    OFFICIAL = "official"  # 公文 after GB/T 9704, for filing


class Kind(StrEnum):
    YEAR_END = "year_end"  # 年终报告
    BULLETIN = "bulletin"  # 季度通报
    NOTICE = "notice"  # 督办单 (supervision notice)


class Format(StrEnum):
    """The file formats a report is written in (here, not in generate.py: models need it alone)."""

    HTML = "html"
    MARKDOWN = "md"
    DOCX = "docx"
    PDF = "pdf"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""  # printed bold before the text: "完成情况："
    role: str = ""  # "lead", "departments", "addressee", "closing", "signature", "date"


@dataclass(frozen=True)
class Caption:
    """A photo caption, printed "■…" as the seed does; with an image file when there is one."""

    text: str
    image_name: str = ""  # the photo's name in the file storage (default_storage), or ""


@dataclass(frozen=True)
class Chart:
    """A bar chart of percents, one (label, percent) a row; each writer draws it (charts.py)."""

    title: str
    bars: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]


Block = Heading | Paragraph | Caption | Chart | Table


@dataclass(frozen=True)
class Masthead:
    """版头 and 版记 of a 公文 after GB/T 9704-2012.

    The 版头 carries the issuer's name in red (红头) over a red line, with the 发文字号
    (青政办督〔2026〕3号) and, on a document sent up to a superior (上行文), the 签发人. The
    版记 at the end names who gets copies (抄送) and who printed it on which day (印发).
    """

    issuer: str  # 发文机关标志: "青岛市人民政府办公厅"
    number: str  # 发文字号
    signer: str = ""  # 签发人, where the form needs one
    needs_signer: bool = False
    copies_to: str = ""  # 抄送
    printed_by: str = ""  # 印发机关
    printed_on: str = ""  # 印发日期: "2026年7月1日"


@dataclass
class Document:
    title: str
    style: Style
    kind: Kind
    subtitle: str = ""
    blocks: list[Block] = field(default_factory=list)
    masthead: Masthead | None = None

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def text(self) -> str:
        """Every word of the document as plain text, for tests and search."""
        parts = [self.title, self.subtitle]
        if self.masthead is not None:
            parts[:0] = [self.masthead.issuer, self.masthead.number]
        for block in self.blocks:
            if isinstance(block, Heading | Chart):
                parts.append(block.title if isinstance(block, Chart) else block.text)
            elif isinstance(block, Paragraph):
                parts.append(block.label + block.text)
            elif isinstance(block, Caption):
                parts.append("■" + block.text)
            else:
                parts.append(" ".join(block.headers))
                parts.extend(" ".join(row) for row in block.rows)
        return "\n".join(part for part in parts if part)


def stored_image(name: str) -> bytes | None:
    """A photo's bytes read through the file storage (shared by every app server), or None.

    A missing or unreadable file loses its picture, never the caption.
    """
    if not name:
        return None
    try:
        with default_storage.open(name, "rb") as stored:
            return bytes(stored.read())
    except OSError:
        return None
