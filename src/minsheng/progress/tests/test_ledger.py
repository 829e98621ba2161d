"""The Excel ledger round trip with real .xlsx files written and read by openpyxl."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from minsheng.progress import ledger, selectors
from minsheng.progress.models import ProgressReport, ReportState

JUNE = "2025-06-01"


def _download(world, user, **params):
    client = Client()
    client.force_login(user)
    response = client.get(reverse("progress:ledger"), {"period": JUNE, **params})
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def _row_of(sheet, key):
    for row in range(ledger.FIRST_ROW, sheet.max_row + 1):
        if sheet.cell(row=row, column=ledger.KEY).value == key:
            return row
    raise AssertionError(key)


def _upload(world, user, workbook):
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    data.name = "台账.xlsx"
    client = Client()
    client.force_login(user)
    return client.post(reverse("progress:ledger_upload"), {"file": data})


def test_the_department_ledger_lists_its_items_pre_filled(world):
    sheet = _download(world, world.reporter_a).active
    keys = [sheet.cell(row=r, column=1).value for r in range(3, sheet.max_row + 1)]
    assert keys == [f"indicator:{world.indicator_a.pk}", f"milestone:{world.milestone_a.pk}"]
    row = _row_of(sheet, f"indicator:{world.indicator_a.pk}")
    assert sheet.cell(row=row, column=ledger.TARGET).value == 30000
    assert sheet.cell(row=row, column=ledger.LAST).value == 4000
    assert sheet.cell(row=2, column=ledger.VALUE).value == "完成值"


def test_the_ledger_locks_everything_but_the_columns_to_fill(world):
    sheet = _download(world, world.reporter_a).active
    assert sheet.protection.sheet
    assert sheet.cell(row=2, column=ledger.VALUE).protection.locked
    assert sheet.cell(row=3, column=ledger.TARGET).protection.locked
    assert not sheet.cell(row=3, column=ledger.VALUE).protection.locked


def test_the_ledger_has_excel_data_validation_for_numbers_dates_and_done(world):
    sheet = _download(world, world.reporter_a).active
    kinds = {check.type for check in sheet.data_validations.dataValidation}
    assert kinds == {"decimal", "list", "date"}


def test_a_filled_ledger_comes_back_as_drafts(world):
    workbook = _download(world, world.reporter_a)
    sheet = workbook.active
    row = _row_of(sheet, f"indicator:{world.indicator_a.pk}")
    sheet.cell(row=row, column=ledger.VALUE).value = 12345.5
    sheet.cell(row=row, column=ledger.AS_OF).value = date(2025, 6, 30)
    sheet.cell(row=row, column=ledger.NARRATIVE).value = "6月进展"
    milestone = _row_of(sheet, f"milestone:{world.milestone_a.pk}")
    sheet.cell(row=milestone, column=ledger.DONE).value = "是"
    sheet.cell(row=milestone, column=ledger.AS_OF).value = date(2025, 6, 20)
    response = _upload(world, world.reporter_a, workbook)
    assert response.status_code == 302
    drafts = ProgressReport.objects.filter(state=ReportState.DRAFT)
    indicator_report = drafts.get(indicator=world.indicator_a)
    assert indicator_report.value == Decimal("12345.5")
    assert indicator_report.narrative == "6月进展" and indicator_report.as_of == date(2025, 6, 30)
    assert drafts.get(milestone=world.milestone_a).done is True


def test_a_second_upload_updates_the_open_draft_instead_of_adding_one(world):
    for value in (5000, 6000):
        workbook = _download(world, world.reporter_a)
        sheet = workbook.active
        sheet.cell(
            row=_row_of(sheet, f"indicator:{world.indicator_a.pk}"), column=ledger.VALUE
        ).value = value
        _upload(world, world.reporter_a, workbook)
    report = ProgressReport.objects.get(state=ReportState.DRAFT)
    assert report.value == 6000 and report.version == 2


def test_one_bad_row_and_nothing_is_saved_with_every_problem_in_chinese(world):
    workbook = _download(world, world.reporter_a)
    sheet = workbook.active
    row = _row_of(sheet, f"indicator:{world.indicator_a.pk}")
    sheet.cell(row=row, column=ledger.VALUE).value = "五千"
    milestone = _row_of(sheet, f"milestone:{world.milestone_a.pk}")
    sheet.cell(row=milestone, column=ledger.DONE).value = "是"
    response = _upload(world, world.reporter_a, workbook)
    text = response.content.decode()
    assert response.status_code == 200
    assert f"台账 第{row}行 完成值: 不是数字" in text
    assert not ProgressReport.objects.filter(state=ReportState.DRAFT).exists()


def test_a_lower_value_without_reason_is_named_by_row(world):
    workbook = _download(world, world.reporter_a)
    sheet = workbook.active
    row = _row_of(sheet, f"indicator:{world.indicator_a.pk}")
    sheet.cell(row=row, column=ledger.VALUE).value = 3000
    text = _upload(world, world.reporter_a, workbook).content.decode()
    assert f"第{row}行" in text and "4000" in text


def test_a_row_for_another_departments_item_is_refused(world):
    workbook = _download(world, world.reporter_a)
    sheet = workbook.active
    sheet.cell(row=5, column=ledger.KEY).value = f"indicator:{world.indicator_b.pk}"
    sheet.cell(row=5, column=ledger.VALUE).value = 1
    text = _upload(world, world.reporter_a, workbook).content.decode()
    assert "第5行 编号: 不是本单位填报的事项" in text
    assert not ProgressReport.objects.filter(indicator=world.indicator_b).exists()


def test_a_file_that_is_not_a_workbook_is_refused_clearly(world):
    client = Client()
    client.force_login(world.reporter_a)
    fake = io.BytesIO(b"id,value\n1,2\n")
    fake.name = "台账.xlsx"
    text = client.post(reverse("progress:ledger_upload"), {"file": fake}).content.decode()
    assert "不是Excel工作簿" in text


def test_the_office_exports_the_whole_plan_ledger(world):
    client = Client()
    client.force_login(world.office)
    response = client.get(reverse("progress:ledger_export"), {"period": JUNE})
    sheet = load_workbook(io.BytesIO(response.content)).active
    keys = {sheet.cell(row=r, column=1).value for r in range(3, sheet.max_row + 1)}
    assert f"indicator:{world.indicator_b.pk}" in keys
    assert f"allocation:{world.allocation.pk}" in keys and f"indicator:{world.split.pk}" not in keys
    assert len(keys) == len(selectors.subjects_in_scope(world.plan, everything=True))


@pytest.mark.parametrize(
    ("raw", "number"), [(5000, "5000"), (12.25, "12.25"), ("1,234.5", "1234.5")]
)
def test_numbers_are_read_exactly(raw, number):
    assert ledger._parse_number(raw) == Decimal(number)


def test_a_workbook_that_unpacks_too_large_is_refused(world, monkeypatch):
    monkeypatch.setattr(ledger, "MAX_UNPACKED_BYTES", 1000)
    workbook = _download(world, world.reporter_a)
    text = _upload(world, world.reporter_a, workbook).content.decode()
    assert "解压后过大" in text


def test_a_district_fills_its_allocation_through_the_ledger(world):
    workbook = _download(world, world.district_reporter)
    sheet = workbook.active
    assert sheet.max_row == ledger.FIRST_ROW
    sheet.cell(row=ledger.FIRST_ROW, column=ledger.VALUE).value = 1500
    assert _upload(world, world.district_reporter, workbook).status_code == 302
    report = ProgressReport.objects.get(allocation=world.allocation)
    assert report.value == 1500 and report.indicator == world.split
