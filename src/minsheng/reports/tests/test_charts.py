"""The reports' charts as SVG: read back as XML, and through the PDF's text layer."""

import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest

from minsheng.reports.charts import BAR, DONE, WIDTH, svg
from minsheng.reports.document import Chart, Kind, Style
from minsheng.reports.generate import Format, generate

SVG = "{http://www.w3.org/2000/svg}"


def bars_of(chart: Chart) -> list[ET.Element]:
    return ET.fromstring(svg(chart)).findall(f"{SVG}rect")  # noqa: S314 (our own SVG)


def test_a_bar_at_its_target_is_green_and_one_below_is_red():
    chart = Chart("进度", (("甲", Decimal(100)), ("乙", Decimal("99.9"))))
    assert [bar.get("fill") for bar in bars_of(chart)] == [DONE, BAR]


def test_the_longest_bar_stays_inside_the_picture():
    chart = Chart("进度", (("甲", Decimal(250)), ("乙", Decimal(40))))
    longest = bars_of(chart)[0]
    assert float(longest.get("x", 0)) + float(longest.get("width", 0)) < WIDTH


def test_a_label_typed_by_people_is_text_not_markup():
    root = ET.fromstring(svg(Chart("进度", (("<b>区</b>", Decimal(50)),))))  # noqa: S314
    assert "<b>区</b>" in [text.text for text in root.iter(f"{SVG}text")]


@pytest.mark.django_db
def test_the_pdf_prints_the_charts_as_text_one_can_search(demo_plan, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(
        generate(
            demo_plan,
            kind=Kind.YEAR_END,
            fmt=Format.PDF,
            style=Style.PRESS,
            as_of=date(2025, 12, 31),
        ).content
    )
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "各领域完成进度（%）" in "".join(text.split())
