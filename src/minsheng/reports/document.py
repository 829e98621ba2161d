"""A format-neutral document: a title and a list of blocks that every writer knows how to render.

The composers (compose.py) say *what* a report contains; the writers (writers/) say how
Markdown, HTML, PDF and Word print it. One report model, four formats, two styles.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class Style(StrEnum):
    PRESS = "press"  # like the newspaper's year-end report (the seed)
    OFFICIAL = "official"  # 公文 after GB/T 9704, for filing


class Kind(StrEnum):
    YEAR_END = "year_end"  # 年终报告
    BULLETIN = "bulletin"  # 季度通报


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
    image_path: str = ""


@dataclass(frozen=True)
class Chart:
    title: str
    png: bytes


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]


Block = Heading | Paragraph | Caption | Chart | Table


@dataclass
class Document:
    title: str
    style: Style
    kind: Kind
    subtitle: str = ""
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def text(self) -> str:
        """Every word of the document as plain text, for tests and search."""
        parts = [self.title, self.subtitle]
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
