"""What the portal's templates show, built from the selectors: chart data and timeline entries."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from minsheng.plans.choices import DONE_STATUSES
from minsheng.plans.interchange import json_number
from minsheng.plans.models import Plan
from minsheng.portal.selectors import indicator_histories, planned_curve
from minsheng.progress.models import ProgressReport
from minsheng.progress.selectors import IndicatorRow, ProjectRow


@dataclass(frozen=True)
class IndicatorChart:
    row: IndicatorRow
    planned: list[tuple[str, Decimal]]
    actual: list[tuple[str, Decimal, Decimal]]

    @property
    def element_id(self) -> str:
        return f"indicator-{self.row.indicator.pk}"

    @property
    def data_id(self) -> str:
        return f"{self.element_id}-data"

    @property
    def data(self) -> dict[str, Any]:
        """What charts.js draws: percents of the target by date, planned and approved."""
        return {
            "planned": [[day, json_number(percent)] for day, percent in self.planned],
            "actual": [[day, json_number(percent)] for day, _value, percent in self.actual],
            "labels": {"planned": _("Planned"), "actual": _("Approved actual")},
            "title": self.row.indicator.name,
        }


def indicator_charts(plan: Plan, row: ProjectRow) -> list[IndicatorChart]:
    indicators = [item.indicator for item in row.indicators]
    histories = indicator_histories(plan, indicators)
    return [
        IndicatorChart(
            row=item,
            planned=[
                (day.isoformat(), percent) for day, percent in planned_curve(plan, item.indicator)
            ],
            actual=[
                (point.as_of.isoformat(), point.actual, point.percent)
                for point in histories[item.indicator.pk]
            ],
        )
        for item in row.indicators
    ]


@dataclass(frozen=True)
class TimelineEntry:
    report: ProgressReport

    @property
    def subject(self) -> str:
        report = self.report
        if report.milestone is not None:
            return report.milestone.name
        assert report.indicator is not None
        if report.allocation is not None and report.allocation.jurisdiction is not None:
            return f"{report.indicator.name}（{report.allocation.jurisdiction.name}）"
        return report.indicator.name

    @property
    def unit(self) -> str:
        return self.report.indicator.unit if self.report.indicator else ""


def timeline(reports: list[ProgressReport]) -> list[TimelineEntry]:
    return [TimelineEntry(report) for report in reports]


def finished_on(row: ProjectRow) -> date | None:
    """When a project was done: the day its last item was met, once every item is done."""
    if row.status not in DONE_STATUSES:
        return None
    days = [item.met_on for item in row.indicators] + [item.done_on for item in row.milestones]
    known = [day for day in days if day is not None]
    return max(known) if known and len(known) == len(days) else None
