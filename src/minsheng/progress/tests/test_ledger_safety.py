"""Issue 13 points 1 and 2: a ledger upload never overwrites a newer save, never drops a row.

Real .xlsx files are written with openpyxl, changed the way people change them in Excel,
and uploaded through the page.
"""

import io
from datetime import date
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from minsheng.progress import ledger, services
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.testing import make_indicator

JUNE = "2025-06-01"


def _download(user):
    client = Client()
    client.force_login(user)
    response = client.get(reverse("progress:ledger"), {"period": JUNE})
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def _row_of(sheet, key, first=ledger.FIRST_ROW):
    for row in range(first, sheet.max_row + 1):
        if sheet.cell(row=row, column=ledger.KEY).value == key:
            return row
    raise AssertionError(key)


def _upload(user, workbook, language="zh-hans"):
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    data.name = "台账.xlsx"
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client.post(reverse("progress:ledger_upload"), {"file": data})


def _fill(sheet, key, value, narrative=""):
    row = _row_of(sheet, key)
    sheet.cell(row=row, column=ledger.VALUE).value = value
    sheet.cell(row=row, column=ledger.AS_OF).value = date(2025, 6, 30)
    sheet.cell(row=row, column=ledger.NARRATIVE).value = narrative
    return row


def _save_in_browser(world, value, narrative):
    return services.progress_report_create(
        actor=world.reporter_a,
        subject=world.indicator_a,
        as_of=date(2025, 6, 28),
        value=Decimal(value),
        narrative=narrative,
    )


# --- point 1: a lost update through the ledger ---


def test_a_row_saved_in_the_browser_after_download_is_not_overwritten(world):
    workbook = _download(world.reporter_a)
    colleague = _save_in_browser(world, 5200, "浏览器里填的说明")
    _fill(workbook.active, f"indicator:{world.indicator_a.pk}", 4500)
    _upload(world.reporter_a, workbook)
    colleague.refresh_from_db()
    assert (colleague.value, colleague.narrative, colleague.version) == (
        Decimal(5200),
        "浏览器里填的说明",
        1,
    )


def test_a_row_saved_since_download_is_refused_by_row_in_chinese(world):
    workbook = _download(world.reporter_a)
    _save_in_browser(world, 5200, "")
    row = _fill(workbook.active, f"indicator:{world.indicator_a.pk}", 4500)
    response = _upload(world.reporter_a, workbook)
    assert response.status_code == 409
    problems = response.context["problems"]
    assert any(f"第{row}行" in problem and "下载台账之后" in problem for problem in problems)


def test_a_row_saved_since_download_is_refused_by_row_in_english(world):
    workbook = _download(world.reporter_a)
    _save_in_browser(world, 5200, "")
    row = _fill(workbook.active, f"indicator:{world.indicator_a.pk}", 4500)
    response = _upload(world.reporter_a, workbook, language="en")
    problems = response.context["problems"]
    assert any(
        f"row {row}" in problem and "after the ledger was downloaded" in problem
        for problem in problems
    )


def test_the_refused_row_is_shown_beside_what_is_saved_now(world):
    workbook = _download(world.reporter_a)
    _save_in_browser(world, 5200, "浏览器里填的说明")
    _fill(workbook.active, f"indicator:{world.indicator_a.pk}", 4500, "表格里填的说明")
    response = _upload(world.reporter_a, workbook)
    [conflict] = response.context["conflicts"]
    assert (conflict.current.value, conflict.yours["value"]) == (Decimal(5200), Decimal(4500))
    page = response.content.decode()
    assert "浏览器里填的说明" in page and "表格里填的说明" in page


def test_a_draft_edited_since_download_is_refused_too(world):
    draft = _save_in_browser(world, 5000, "")
    workbook = _download(world.reporter_a)
    services.progress_report_update(
        actor=world.reporter_a,
        report=draft,
        expected_version=draft.version,
        as_of=date(2025, 6, 29),
        value=Decimal(5300),
        narrative="改过",
    )
    _fill(workbook.active, f"indicator:{world.indicator_a.pk}", 4500)
    assert _upload(world.reporter_a, workbook).status_code == 409
    draft.refresh_from_db()
    assert (draft.value, draft.narrative) == (Decimal(5300), "改过")


def test_a_draft_unchanged_since_download_is_updated_by_the_ledger(world):
    draft = _save_in_browser(world, 5000, "")
    workbook = _download(world.reporter_a)
    _fill(workbook.active, f"indicator:{world.indicator_a.pk}", 5500)
    assert _upload(world.reporter_a, workbook).status_code == 302
    draft.refresh_from_db()
    assert draft.value == Decimal(5500)


# --- point 2: every filled row is saved or named in an error ---


def test_a_note_sheet_before_the_ledger_does_not_hide_it(world):
    workbook = _download(world.reporter_a)
    _fill(workbook.active, f"indicator:{world.indicator_a.pk}", 4500)
    notes = workbook.create_sheet("填表说明", 0)
    notes["A1"] = "请在“完成值”列填写累计完成值。"
    assert _upload(world.reporter_a, workbook).status_code == 302
    assert ProgressReport.objects.get(state=ReportState.DRAFT).value == Decimal(4500)


def test_the_first_row_is_read_when_the_title_row_was_deleted(world):
    workbook = _download(world.reporter_a)
    sheet = workbook.active
    sheet.unmerge_cells(start_row=1, start_column=1, end_row=1, end_column=13)
    sheet.delete_rows(1)
    first = ledger.FIRST_ROW - 1
    assert sheet.cell(row=first, column=ledger.KEY).value == f"indicator:{world.indicator_a.pk}"
    sheet.cell(row=first, column=ledger.VALUE).value = 4500
    assert _upload(world.reporter_a, workbook).status_code == 302
    assert ProgressReport.objects.get(state=ReportState.DRAFT).value == Decimal(4500)


def test_a_formula_without_a_stored_result_is_named_not_dropped(world):
    workbook = _download(world.reporter_a)
    row = _fill(workbook.active, f"indicator:{world.indicator_a.pk}", "=4000+500")
    response = _upload(world.reporter_a, workbook)
    assert response.status_code == 200
    assert any(
        f"第{row}行" in problem and "公式" in problem for problem in response.context["problems"]
    )
    assert not ProgressReport.objects.filter(state=ReportState.DRAFT).exists()


def test_merged_value_cells_name_every_row_they_cover(world):
    make_indicator(world.indicator_a.project, name="新增就业", target=Decimal(1000), unit="人")
    workbook = _download(world.reporter_a)
    sheet = workbook.active
    top = ledger.FIRST_ROW
    sheet.cell(row=top, column=ledger.VALUE).value = 4500
    sheet.merge_cells(
        start_row=top, start_column=ledger.VALUE, end_row=top + 1, end_column=ledger.VALUE
    )
    response = _upload(world.reporter_a, workbook)
    problems = response.context["problems"]
    for row in (top, top + 1):
        assert any(f"第{row}行" in problem and "合并" in problem for problem in problems)
    assert not ProgressReport.objects.filter(state=ReportState.DRAFT).exists()


def test_a_narrative_without_a_value_is_named_not_dropped(world):
    workbook = _download(world.reporter_a)
    row = _row_of(workbook.active, f"indicator:{world.indicator_a.pk}")
    workbook.active.cell(row=row, column=ledger.NARRATIVE).value = "本月进展顺利"
    response = _upload(world.reporter_a, workbook)
    assert any(f"第{row}行" in problem for problem in response.context["problems"])


def test_a_workbook_without_a_ledger_sheet_is_refused_not_a_success(world):
    workbook = _download(world.reporter_a)
    sheet = workbook.active
    for column in range(1, 14):
        sheet.cell(row=2, column=column).value = None
    response = _upload(world.reporter_a, workbook)
    assert response.status_code == 200
    assert any("未找到台账" in problem for problem in response.context["problems"])
