"""`minsheng report …` writes the file, and refuses bad input in both languages."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_the_command_writes_the_press_markdown(demo_plan, tmp_path):
    target = tmp_path / "report.md"
    call_command(
        "report",
        jurisdiction="青岛市",
        year=2025,
        format="md",
        as_of="2025-12-31",
        output=str(target),
    )
    assert "扶持创业3.84万人，占年计划的128%" in target.read_text(encoding="utf-8")


def test_the_command_finds_the_plan_by_its_url_name(demo_plan, tmp_path):
    target = tmp_path / "report.docx"
    call_command(
        "report",
        jurisdiction="qingdao",
        year=2025,
        format="docx",
        style="official",
        as_of="2025-12-31",
        output=str(target),
    )
    assert target.read_bytes().startswith(b"PK")


def test_the_command_writes_the_quarterly_bulletin(demo_plan, tmp_path):
    target = tmp_path / "bulletin.md"
    call_command(
        "report",
        jurisdiction="青岛市",
        year=2025,
        format="md",
        kind="bulletin",
        as_of="2025-12-31",
        output=str(target),
    )
    assert target.read_text(encoding="utf-8").startswith("# 2025年第四季度市办实事进展情况通报")


def test_an_unknown_plan_is_refused_in_chinese_and_english(db, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command(
            "report", jurisdiction="北京市", year=2025, format="md", output=str(tmp_path / "x")
        )
    assert "北京市" in str(error.value)
    assert "no plan of 北京市 for 2025" in str(error.value)
    assert not Path(tmp_path / "x").exists()


def test_a_bad_date_is_refused(demo_plan, tmp_path):
    with pytest.raises(CommandError, match="2025-13-01"):
        call_command(
            "report",
            jurisdiction="青岛市",
            year=2025,
            format="md",
            as_of="2025-13-01",
            output=str(tmp_path / "x"),
        )


def test_a_pdf_is_not_written_to_the_terminal(demo_plan):
    with pytest.raises(CommandError, match="-o FILE"):
        call_command("report", jurisdiction="青岛市", year=2025, format="pdf", output="-")


def test_the_refusal_is_in_chinese_first(db, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("report", jurisdiction="北京市", year=2025, format="md", output="-")
    assert str(error.value).startswith("找不到北京市2025年的实事清单 / ")
