"""The Excel ledger (台账): download pre-filled, fill in, upload back as draft reports.

One sheet, a title row, a header row, then one row per indicator, allocation or milestone.
Each row carries, in a hidden locked column, the stamp of what was saved for its item when
the file was made: a row whose item someone changed since is refused on upload and shown
beside what is saved now, never written over.
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

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from minsheng.core.i18n import UserFacingError
from minsheng.core.ids import parse_id
from minsheng.plans.models import Allocation, Indicator, Milestone, Plan
from minsheng.progress import drafts, permissions, selectors
from minsheng.progress.models import ProgressReport, ReportingPeriod

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 5000
FIRST_ROW = 3
# Column positions (1-based); the header text is translated, positions never change.
KEY, PROJECT, ITEM, HOLDER, UNIT, TARGET, LAST, AS_OF, VALUE, DONE, NARRATIVE, REASON, STAMP = (
    range(1, 14)
)
INPUT_COLUMNS = (AS_OF, VALUE, DONE, NARRATIVE, REASON)
# The columns read back on upload; found by their header text, wherever they are.
READ_COLUMNS = (KEY, AS_OF, VALUE, DONE, NARRATIVE, REASON, STAMP)
# How far down each sheet the header row is looked for (a title or notes may sit above it).
HEADER_SEARCH_ROWS = 30
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
        _("Saved version (do not change)"),
    ]


@dataclass(frozen=True)
class RowConflict:
    """A row whose item was saved by someone after the ledger was downloaded."""

    row: int
    item: str
    current: ProgressReport | None
    yours: dict[str, Any]


class LedgerError(UserFacingError):
    """The uploaded ledger was refused; nothing from it was saved."""

    def __init__(self, messages: list[str], conflicts: list[RowConflict] | None = None) -> None:
        super().__init__(messages)
        self.conflicts = conflicts or []


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
    stamps = selectors.report_stamps(subjects)
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
            STAMP: stamps[row.key],
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
        range(1, 14), (16, 6, 36, 18, 6, 12, 12, 12, 12, 10, 30, 24, 10), strict=True
    ):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.column_dimensions[get_column_letter(STAMP)].hidden = True
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


def _open_workbook(upload: IO[bytes]) -> tuple[Any, Any]:
    """The workbook twice: with the values Excel stored, and with the formulas as written."""
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
        values = load_workbook(io.BytesIO(data), data_only=True)
        formulas = load_workbook(io.BytesIO(data), data_only=False)
    except LedgerError:
        raise
    except Exception as error:
        raise LedgerError([_("The file is not an Excel workbook (.xlsx).")]) from error
    return values, formulas


def _normal(text: Any) -> str:
    return "".join(_text(text).split()).casefold()


def _header_names() -> dict[str, int]:
    """Header text (in every language of the site, spaces ignored) → column meaning."""
    names: dict[str, int] = {}
    for language in ("zh-hans", "en"):
        with translation.override(language):
            for column, header in enumerate(_headers(), start=1):
                if column in READ_COLUMNS:
                    names.setdefault(_normal(header), column)
    return names


@dataclass(frozen=True)
class _Ledger:
    index: int  # the sheet's position in the workbook
    sheet: Any
    header_row: int
    columns: dict[int, int]  # column meaning → position in the sheet


def _find_ledger(workbook: Any) -> _Ledger:
    """The first sheet with a ledger header row (key and value columns), wherever it sits.

    A note sheet before the ledger, a deleted title row or moved columns change nothing.
    """
    names = _header_names()
    for index, sheet in enumerate(workbook.worksheets):
        for number, cells in enumerate(
            sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True), start=1
        ):
            columns: dict[int, int] = {}
            for position, value in enumerate(cells, start=1):
                meaning = names.get(_normal(value))
                if meaning is not None:
                    columns.setdefault(meaning, position)
            if KEY in columns and (VALUE in columns or DONE in columns):
                return _Ledger(index, sheet, number, columns)
    raise LedgerError(
        [
            _(
                "No ledger found: no sheet has a header row with the columns “%(key)s” and “%(value)s”. Upload the file as downloaded."
            )
            % {"key": _column(KEY), "value": _column(VALUE)}
        ]
    )


def _unreadable_cells(ledger: _Ledger, formulas: Any, problems: _Problems) -> set[int]:
    """Rows whose cells cannot be read as typed: merged cells, formulas without a value.

    A merged range keeps its value in its first cell only, and a formula saved by a program
    that does not calculate has no value at all; both would silently empty a row.
    """
    bad: set[int] = set()
    sheet = ledger.sheet
    read = {position: meaning for meaning, position in ledger.columns.items()}
    for merged in sheet.merged_cells.ranges:
        if merged.max_row <= ledger.header_row:
            continue
        touched = [read[c] for c in range(merged.min_col, merged.max_col + 1) if c in read]
        if not touched:
            continue
        for row in range(max(merged.min_row, ledger.header_row + 1), merged.max_row + 1):
            problems.add(
                row,
                _("%(column)s: merged cells; unmerge them and fill each row")
                % {"column": _column(touched[0])},
            )
            bad.add(row)
    formula_sheet = formulas.worksheets[ledger.index]
    for meaning, position in sorted(ledger.columns.items()):
        for row in range(ledger.header_row + 1, sheet.max_row + 1):
            if row in bad:
                continue
            written = formula_sheet.cell(row=row, column=position)
            if written.data_type == "f" and sheet.cell(row=row, column=position).value is None:
                problems.add(
                    row,
                    _(
                        "%(column)s: a formula without a stored result; type the value, or open and save the file in Excel"
                    )
                    % {"column": _column(meaning)},
                )
                bad.add(row)
    return bad


def _changed_since() -> str:
    return _(
        "someone saved this item after the ledger was downloaded; compare below, then download the ledger again"
    )


def _item_name(subject: Any) -> str:
    if isinstance(subject, Allocation):
        return f"{subject.indicator.name} · {subject.holder}"
    return str(subject.name)


def import_ledger(*, actor: Any, plan: Plan, upload: IO[bytes]) -> list[ProgressReport]:
    """Every filled row becomes (or updates) a draft report; any problem and none does.

    Rows with neither a value, a done mark, a narrative nor a reason are left alone. A row
    naming an item the person does not answer for, or an item someone saved after the file
    was downloaded, is a problem, not skipped. The file is read and every row checked with
    no transaction open; the rows are then written together in one short transaction
    (`drafts.drafts_save`), so the database is locked only for a few bulk queries.
    """
    workbook, formulas = _open_workbook(upload)
    found = _find_ledger(workbook)
    sheet = found.sheet
    problems = _Problems(sheet.title, [])
    if sheet.max_row > MAX_ROWS:
        raise LedgerError([_("The ledger has more than %(rows)s rows.") % {"rows": MAX_ROWS}])
    unreadable = _unreadable_cells(found, formulas, problems)
    planned: list[tuple[int, drafts.Draft]] = []
    conflicts: list[RowConflict] = []
    seen: set[str] = set()
    for index, cells in enumerate(
        sheet.iter_rows(min_row=found.header_row + 1, values_only=True),
        start=found.header_row + 1,
    ):
        if index in unreadable:
            continue

        def cell(meaning: int, cells: tuple[Any, ...] = cells) -> Any:
            position = found.columns.get(meaning)
            if position is None or position > len(cells):
                return None
            return cells[position - 1]

        key = _text(cell(KEY))
        raw_value, raw_done = cell(VALUE), _text(cell(DONE))
        narrative, reason = _text(cell(NARRATIVE)), _text(cell(REASON))
        filled = raw_value not in (None, "") or raw_done or narrative or reason
        if not key and not filled:
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
            if narrative or reason:
                column = DONE if is_milestone else VALUE
                problems.add(
                    index,
                    _("%(column)s: empty, but the row has a narrative or reason")
                    % {"column": _column(column)},
                )
            continue  # not reported this time
        fields: dict[str, Any] = {"narrative": narrative, "decrease_reason": reason}
        try:
            fields["as_of"] = (
                _parse_day(cell(AS_OF)) if cell(AS_OF) not in (None, "") else timezone.localdate()
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
        newest = selectors.latest_report(subject)
        # A sheet without the stamp (made before it existed) counts as made before any save.
        stamp = _text(cell(STAMP)) or "0"
        if stamp != selectors.report_stamp(newest):
            problems.add(index, _changed_since())
            conflicts.append(RowConflict(index, _item_name(subject), newest, dict(fields)))
            continue
        planned.append((index, drafts.Draft(subject, fields, stamp)))
    rows = [draft for _row, draft in planned]
    for position, messages in drafts.drafts_check(actor=actor, drafts=rows).items():
        for message in messages:
            problems.add(planned[position][0], message)
    if problems.messages:
        raise LedgerError(problems.messages, conflicts)
    try:
        return drafts.drafts_save(actor=actor, plan=plan, drafts=rows)
    except drafts.DraftsChanged as changed:
        # Saved by someone between the check above and the write: refused like any conflict.
        for position in changed.changed:
            row, draft = planned[position]
            problems.add(row, _changed_since())
            newest = selectors.latest_report(draft.subject)
            conflicts.append(RowConflict(row, _item_name(draft.subject), newest, draft.fields))
        raise LedgerError(problems.messages, conflicts) from changed
