"""PDF, Word and HTML open and carry the Chinese sentences: checked through poppler's
pdftotext/pdffonts/pdftoppm and by reopening the DOCX with python-docx, not by trusting bytes.
"""

import io
import re
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from PIL import Image

from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format, generate
from minsheng.testing import make_indicator, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db
YEAR_END = date(2025, 12, 31)
SENTENCES = [
    "年终捷报：15件市办实事全部办妥",
    "扶持创业3.84万人，占年计划的128%",
    "新增公共停车位1.34万个",
    "三级定点医院门诊慢特病和住院起付标准降至800元",
    "建成浮山全民健身中心",
]


def write(plan, fmt, style=Style.PRESS, kind=Kind.YEAR_END):
    return generate(plan, kind=kind, fmt=fmt, style=style, as_of=YEAR_END).content


def pdf_text(content: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    # pdftotext breaks lines where the page does; the sentences are read across them.
    return "".join(result.stdout.split())


def pdf_tool(tool: str, content: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run([tool, str(path)], capture_output=True, check=True, text=True).stdout


@pytest.fixture
def press_pdf(demo_plan):
    return write(demo_plan, Format.PDF)


@pytest.fixture
def official_pdf(demo_plan):
    return write(demo_plan, Format.PDF, Style.OFFICIAL)


def test_the_pdf_text_layer_holds_the_chinese_sentences(press_pdf, tmp_path):
    text = pdf_text(press_pdf, tmp_path)
    assert [s for s in SENTENCES if s not in text] == []


def test_the_pdf_embeds_a_cjk_font_so_chinese_is_not_empty_boxes(press_pdf, tmp_path):
    fonts = pdf_tool("pdffonts", press_pdf, tmp_path)
    assert "WenQuanYi" in fonts or "CJK" in fonts


def test_the_first_pdf_page_renders_to_a_png_that_is_not_blank(press_pdf, tmp_path):
    (tmp_path / "report.pdf").write_bytes(press_pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "50",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(tmp_path / "report.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    image = Image.open(tmp_path / "page.png").convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > image.width * image.height * 0.01


def test_the_official_pdf_is_a4_with_page_numbers_between_dashes(official_pdf, tmp_path):
    info = pdf_tool("pdfinfo", official_pdf, tmp_path)
    assert "(A4)" in info
    text = pdf_text(official_pdf, tmp_path)
    assert "—1—" in text
    assert "—2—" in text


def test_the_official_pdf_is_addressed_and_signed_like_a_document(official_pdf, tmp_path):
    text = re.sub(r"—\d+—", "", pdf_text(official_pdf, tmp_path))
    # After the 版头 (红头, 发文字号, 签发人: test_official_layout.py), the title and 主送.
    assert text.split("签发人：", 1)[1].startswith(
        "关于2025年市办实事完成情况的报告青岛市人民政府："
    )
    assert "特此报告。青岛市人民政府办公厅2025年12月31日" in text


@pytest.mark.parametrize("style", [Style.PRESS, Style.OFFICIAL])
def test_the_docx_reopens_and_holds_the_chinese_sentences(demo_plan, style):
    document = docx.Document(io.BytesIO(write(demo_plan, Format.DOCX, style)))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    missing = [s for s in SENTENCES[1:] if s not in text]
    assert missing == []


def test_the_official_docx_has_the_gbt_9704_margins_and_a_page_number_field(demo_plan):
    document = docx.Document(io.BytesIO(write(demo_plan, Format.DOCX, Style.OFFICIAL)))
    section = document.sections[0]
    margins = [
        round(m.mm)
        for m in (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ]
    assert margins == [37, 35, 28, 26]
    footer = section.footer.paragraphs[0]
    assert footer.text == "—  —"  # the number itself is Word's PAGE field
    assert "PAGE" in footer._element.xml


def test_the_docx_carries_the_two_charts_as_pictures(demo_plan):
    document = docx.Document(io.BytesIO(write(demo_plan, Format.DOCX)))
    assert len(document.inline_shapes) == 2


def test_the_html_escapes_text_typed_by_people():
    plan = make_plan()
    project = make_project(plan, title="<script>alert(1)</script>")
    indicator = make_indicator(project)
    make_report(indicator=indicator, value=1, as_of=YEAR_END, narrative="<b>粗体</b>")
    html = write(plan, Format.HTML).decode("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;粗体&lt;/b&gt;" in html


def test_the_html_inlines_its_charts_so_the_file_stands_alone(demo_plan):
    html = write(demo_plan, Format.HTML).decode("utf-8")
    assert html.count('src="data:image/svg+xml;base64,') == 2


@pytest.mark.parametrize("fmt", list(Format))
@pytest.mark.parametrize("kind", list(Kind))
def test_a_plan_without_projects_still_gives_a_document(fmt, kind):
    content = write(make_plan(), fmt, Style.OFFICIAL, kind)
    assert len(content) > 0
