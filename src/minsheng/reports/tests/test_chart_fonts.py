"""Chinese chart labels are drawn with a CJK font: by matplotlib (Word), handed the file by path,
and by WeasyPrint (PDF), from the SVG's font list."""

import warnings
from datetime import date
from pathlib import Path

import pytest

from minsheng.reports import chart_png as charts
from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format, generate


def test_a_cjk_font_file_is_found_on_this_machine():
    path = charts.cjk_font_file()
    assert path is not None and Path(path).is_file()


def test_the_registered_family_is_known_to_matplotlib():
    family = charts.cjk_family()
    assert family in {entry.name for entry in charts.font_manager.fontManager.ttflist}


@pytest.mark.django_db
@pytest.mark.parametrize("style", [Style.PRESS, Style.OFFICIAL])
def test_the_demo_year_end_word_charts_draw_every_chinese_glyph(demo_plan, style):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        generate(
            demo_plan, kind=Kind.YEAR_END, fmt=Format.DOCX, style=style, as_of=date(2025, 12, 31)
        )
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert missing == []
