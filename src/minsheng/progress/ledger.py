"""The Excel ledger (台账): download pre-filled, fill in, upload back as draft reports.

One sheet, a title row, a header row, then one row per indicator, allocation or milestone.
The columns the department fills (date, value, done, narrative, reason) are unlocked; the
rest is protected, and Excel checks numbers, dates and 是/否 as they are typed. Upload is
all or nothing: every row is checked, every problem is listed by sheet, row and column, and
only a file without problems becomes draft reports.
"""

import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from minsheng.core.i18n import UserFacingError
from minsheng.core.ids import parse_id
from minsheng.plans.models import Allocation, Indicator, Milestone, Plan
from minsheng.progress import permissions, selectors, services
from minsheng.progress.models import ProgressReport, ReportingPeriod, ReportState

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 5000
FIRST_ROW = 3
# Column positions (1-based); the header text is translated, positions never change.
KEY, PROJECT, ITEM, HOLDER, UNIT, TARGET, LAST, AS_OF, VALUE, DONE, NARRATIVE, REASON = range(1, 13)
INPUT_COLUMNS = (AS_OF, VALUE, DONE, NARRATIVE, REASON)
YES, NO = "是", "否"


def _headers() -> list[str]:
    return [
        _("Key"),
        _("Project"),
        _("Item"),
        _("Responsible"),
        _("Unit"),
        _("Target"),
        _("Last approved"),
        _("As of"),
        _("Cumulative actual"),
        _("Done (是/否)"),
        _("Narrative"),
        _("Reason for a lower value"),
    ]


class LedgerError(UserFacingError):
    """The uploaded ledger was refused; nothing from it was saved."""


def _number(value: Decimal | None) -> Any:
    if value is None:
        return None
    normal = value.normalize()
    # Whole numbers stay integers in Excel; others keep their exact decimal digits.
    return int(normal) if normal == normal.to_integral_value() else float(normal)


def build_ledger(
    plan: Plan,
    subjects: list[Indicator | Allocation | Milestone],
    *,
    title: str,
    period: ReportingPeriod,
) -> bytes:
    """The .xlsx ledger for the given subjects, pre-filled with the last approved values."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Ledger")
    headers = _headers()
    sheet.cell(row=1, column=1, value=f"{title} · {period}")
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    fill = PatternFill("solid", fgColor="EEEEEE")
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=2, column=column, value=header)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True)
    approved = {row.key: row for row in _rows(plan, subjects)}
    row_number = FIRST_ROW
    default_day = min(period.ends_on, timezone.localdate())
    for subject in subjects:
        row = approved[selectors.subject_key(subject)]
        values = {
            KEY: row.key,
            PROJECT: str(row.project.number),
            ITEM: row.name,
            HOLDER: row.holder,
            UNIT: row.unit,
            TARGET: _number(row.target),
            LAST: (YES if row.last.done else NO)
            if row.is_milestone and row.last
            else _number(row.last_value),
            AS_OF: default_day,
        }
        for column, value in values.items():
            sheet.cell(row=row_number, column=column, value=value)
        sheet.cell(row=row_number, column=AS_OF).number_format = "yyyy-mm-dd"
        for column in INPUT_COLUMNS:
            sheet.cell(row=row_number, column=column).protection = Protection(locked=False)
        row_number += 1
    last_row = max(row_number - 1, FIRST_ROW)
    number_check = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        showErrorMessage=True,
        error=_("Enter a number of zero or more."),
    )
    done_check = DataValidation(
        type="list", formula1=f'"{YES},{NO}"', allow_blank=True, showErrorMessage=True
    )
    date_check = DataValidation(
        type="date",
        operator="between",
        formula1=f"DATE({plan.year},1,1)",
        formula2=f"DATE({plan.year + 1},12,31)",
        showErrorMessage=True,
        error=_("Enter a date."),
    )
    for check, column in ((number_check, VALUE), (done_check, DONE), (date_check, AS_OF)):
        letter = get_column_letter(column)
        check.add(f"{letter}{FIRST_ROW}:{letter}{last_row}")
        sheet.add_data_validation(check)
    for column, width in zip(
        range(1, 13), (16, 6, 36, 18, 6, 12, 12, 12, 12, 10, 30, 24), strict=True
    ):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _rows(plan: Plan, subjects: list[Any]) -> list[selectors.SubjectRow]:
    keys = {selectors.subject_key(subject) for subject in subjects}
    everything = selectors.subject_rows_for(plan, subjects)
    return [row for row in everything if row.key in keys]


@dataclass
class _Problems:
    sheet: str
    messages: list[str]

    def add(self, row: int, message: str) -> None:
        self.messages.append(
            _("%(sheet)s row %(row)s %(message)s")
            % {"sheet": self.sheet, "row": row, "message": message}
        )


def _column(column: int) -> str:
    return _headers()[column - 1]


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _parse_number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise InvalidOperation
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # The shortest text of the float is what the person typed into Excel.
        return Decimal(repr(value))
    number = Decimal(_text(value).replace(",", "").replace("，", ""))
    if not number.is_finite():
        raise InvalidOperation
    return number


def _parse_day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(_text(value).replace("/", "-"))


def _open_workbook(upload: IO[bytes]) -> Any:
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise LedgerError(
            [_("The file is larger than %(limit)s MB.") % {"limit": MAX_BYTES // (1024 * 1024)}]
        )
    try:
        # A small file may unpack to gigabytes (a zip bomb): add up the sizes first.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise LedgerError([_("The workbook is too large once unpacked.")])
        return load_workbook(io.BytesIO(data), data_only=True)
    except LedgerError:
        raise
    except Exception as error:
        raise LedgerError([_("The file is not an Excel workbook (.xlsx).")]) from error


@transaction.atomic
def import_ledger(*, actor: Any, plan: Plan, upload: IO[bytes]) -> list[ProgressReport]:
    """Every filled row becomes (or updates) a draft report; any problem and none does.

    Rows with neither a value nor a done mark are left alone. A row naming an item the
    person does not answer for is a problem, not skipped.
    """
    workbook = _open_workbook(upload)
    sheet = workbook.worksheets[0]
    problems = _Problems(sheet.title, [])
    saved: list[ProgressReport] = []
    seen: set[str] = set()
    if sheet.max_row > MAX_ROWS:
        raise LedgerError([_("The ledger has more than %(rows)s rows.") % {"rows": MAX_ROWS}])
    for index, cells in enumerate(
        sheet.iter_rows(min_row=FIRST_ROW, max_col=REASON, values_only=True), start=FIRST_ROW
    ):
        values = list(cells) + [None] * (REASON - len(cells))
        key = _text(values[KEY - 1])
        raw_value, raw_done = values[VALUE - 1], _text(values[DONE - 1])
        if not key and raw_value in (None, "") and not raw_done:
            continue
        kind, _sep, pk = key.partition(":")
        number = parse_id(pk)
        subject = selectors.find_subject(kind, number) if number else None
        if subject is None or permissions.subject_project(subject).plan_id != plan.pk:
            problems.add(index, _("%(column)s: unknown item") % {"column": _column(KEY)})
            continue
        if key in seen:
            problems.add(index, _("%(column)s: listed twice") % {"column": _column(KEY)})
            continue
        seen.add(key)
        if not permissions.can_report(actor, subject):
            problems.add(
                index, _("%(column)s: you do not report for this item") % {"column": _column(KEY)}
            )
            continue
        is_milestone = isinstance(subject, Milestone)
        if (raw_done if is_milestone else raw_value) in (None, ""):
            continue  # not reported this time
        fields: dict[str, Any] = {
            "narrative": _text(values[NARRATIVE - 1]),
            "decrease_reason": _text(values[REASON - 1]),
        }
        try:
            fields["as_of"] = (
                _parse_day(values[AS_OF - 1])
                if values[AS_OF - 1] not in (None, "")
                else timezone.localdate()
            )
        except (ValueError, TypeError):
            problems.add(index, _("%(column)s: not a date") % {"column": _column(AS_OF)})
            continue
        if is_milestone:
            if raw_done not in (YES, NO):
                problems.add(index, _("%(column)s: write 是 or 否") % {"column": _column(DONE)})
                continue
            fields["done"] = raw_done == YES
        else:
            try:
                fields["value"] = _parse_number(raw_value)
            except (InvalidOperation, ValueError):
                problems.add(index, _("%(column)s: not a number") % {"column": _column(VALUE)})
                continue
        report = _save_row(actor, subject, fields, problems, index)
        if report is not None:
            saved.append(report)
    if problems.messages:
        # Raising inside the atomic block undoes every row already saved.
        raise LedgerError(problems.messages)
    return saved


def _save_row(
    actor: Any, subject: Any, fields: dict[str, Any], problems: _Problems, row: int
) -> ProgressReport | None:
    current = selectors.open_report(subject)
    try:
        with transaction.atomic():
            if current is None:
                return services.progress_report_create(actor=actor, subject=subject, **fields)
            if current.state == ReportState.SUBMITTED:
                problems.add(row, _("the report is already submitted and awaits review"))
                return None
            return services.progress_report_update(
                actor=actor, report=current, expected_version=current.version, **fields
            )
    except UserFacingError as error:
        for message in error.messages:
            problems.add(row, message)
    return None
