"""The official year-end report as a 公文: 红头 and 发文字号 first, no page of closing lines only."""

import io
import re
import subprocess
from datetime import date

import docx
import pytest

from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format, generate

pytestmark = pytest.mark.django_db
YEAR_END = date(2025, 12, 31)


@pytest.fixture
def official_pdf(demo_plan, tmp_path):
    path = tmp_path / "report.pdf"
    content = generate(
        demo_plan, kind=Kind.YEAR_END, fmt=Format.PDF, style=Style.OFFICIAL, as_of=YEAR_END
    ).content
    path.write_bytes(content)
    return path


def page_text(path, page: int) -> str:
    result = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    return "".join(result.stdout.split())


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))


def test_the_first_page_opens_with_the_red_header(official_pdf):
    assert page_text(official_pdf, 1).startswith("青岛市人民政府办公厅")


def test_the_first_page_carries_the_document_number_and_signer(official_pdf):
    text = page_text(official_pdf, 1)
    assert "青政办字〔2025〕" in text and "签发人：" in text


def test_the_closing_lines_share_their_page_with_the_last_paragraph(official_pdf):
    pages_with_closing = [
        n for n in range(1, pages(official_pdf) + 1) if "特此报告" in page_text(official_pdf, n)
    ]
    text = page_text(official_pdf, pages_with_closing[0])
    before = text.split("特此报告")[0]
    assert "）。" in before[-60:] or "。" in before[-40:]


def test_the_imprint_names_copies_and_printer(official_pdf):
    text = page_text(official_pdf, pages(official_pdf))
    assert "抄送：" in text and "2025年12月31日印发" in text


def test_the_docx_opens_with_the_red_header_and_the_number(demo_plan):
    content = generate(
        demo_plan, kind=Kind.YEAR_END, fmt=Format.DOCX, style=Style.OFFICIAL, as_of=YEAR_END
    ).content
    paragraphs = docx.Document(io.BytesIO(content)).paragraphs
    assert (paragraphs[0].text, paragraphs[1].text.startswith("青政办字〔2025〕")) == (
        "青岛市人民政府办公厅",
        True,
    )
