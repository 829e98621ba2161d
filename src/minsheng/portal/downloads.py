"""A public plan as a file: the interchange JSON, or one row per indicator and milestone as CSV/XLSX.

Figures come from the ledger (approved reports only); numbers are written exactly as stored.
Every download of a plan is cached under the plan's stamp.
"""

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal

from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from minsheng.plans.interchange import export_plan
from minsheng.plans.models import Plan
from minsheng.portal import public_cache
from minsheng.portal.selectors import public_ledger

FORMATS = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A spreadsheet runs a cell that starts with these as a formula; text is defused with a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | Decimal | int | None


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _plain(value: Decimal | None) -> Decimal | None:
    """A stored Decimal without trailing zeros or exponent (13400.0000 → 13400)."""
    if value is None:
        return None
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def header() -> list[str]:
    return [
        _("Project number"),
        _("Project"),
        _("Domain"),
        _("Lead department"),
        _("Kind"),
        _("Item"),
        _("Comparator"),
        _("Target"),
        _("Unit"),
        _("Actual"),
        _("As of"),
        _("Percent of plan"),
        _("Status"),
    ]


def rows(plan: Plan) -> Iterator[list[Cell]]:
    """One row per indicator and per milestone, in project order."""
    for row in public_ledger(plan):
        project = row.project
        lead = next((link.department.name for link in row.departments if link.role == "lead"), "")
        start: list[Cell] = [project.number, _text(project.title), project.domain.name, lead]
        for item in row.indicators:
            indicator = item.indicator
            yield [
                *start,
                _("indicator"),
                _text(indicator.name),
                indicator.comparator,
                _plain(indicator.target),
                indicator.unit,
                _plain(item.actual),
                item.actual_as_of.isoformat() if item.actual_as_of else None,
                item.percent,
                str(item.status.label),
            ]
        for milestone in row.milestones:
            yield [
                *start,
                _("milestone"),
                _text(milestone.milestone.name),
                None,
                None,
                None,
                None,
                milestone.done_on.isoformat() if milestone.done_on else None,
                milestone.assessment.percent,
                str(milestone.status.label),
            ]


def as_csv(plan: Plan) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header())
    for line in rows(plan):
        writer.writerow(["" if cell is None else cell for cell in line])
    # The byte-order mark lets spreadsheet programs read the Chinese as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(plan: Plan) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = str(plan.year)
    sheet.append(header())
    for line in rows(plan):
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_json(plan: Plan) -> bytes:
    return json.dumps(export_plan(plan), ensure_ascii=False, indent=1).encode("utf-8")


BUILDERS = {"json": as_json, "csv": as_csv, "xlsx": as_xlsx}


def response(plan: Plan, fmt: str) -> HttpResponse:
    """The download as an attachment named after the plan (qingdao-2025.csv)."""
    if fmt not in BUILDERS:
        raise Http404
    parts = ("download", fmt, translation.get_language())
    body = public_cache.cached(plan.pk, parts, lambda: BUILDERS[fmt](plan))
    result = HttpResponse(body, content_type=FORMATS[fmt])
    filename = f"{plan.jurisdiction.slug}-{plan.year}.{fmt}"
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
