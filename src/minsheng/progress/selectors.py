"""Reads of the ledger: actuals from approved reports, percent and status for every item.

Everything public, every report and every warning starts here, so only approved reports
count and allocations roll up in one place. A plan of any size is read in a fixed number of
queries (pinned by a test).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils import timezone

from minsheng.plans import schedule
from minsheng.plans.choices import DONE_STATUSES, Status
from minsheng.plans.completion import (
    HUNDRED,
    Assessment,
    assess_indicator,
    assess_milestone,
    is_met,
    round_percent,
)
from minsheng.plans.models import Indicator, Milestone, Plan, Project, ProjectDepartment
from minsheng.progress.models import ProgressReport, ReportState


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    actual: Decimal | None
    actual_as_of: date | None
    met_on: date | None
    stated_percent: Decimal | None
    expected_share: Decimal
    assessment: Assessment

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def percent(self) -> Decimal | None:
        return self.assessment.percent


@dataclass(frozen=True)
class MilestoneRow:
    milestone: Milestone
    done: bool
    done_on: date | None
    assessment: Assessment

    @property
    def status(self) -> Status:
        return self.assessment.status


@dataclass
class ProjectRow:
    project: Project
    departments: list[ProjectDepartment]
    indicators: list[IndicatorRow] = field(default_factory=list)
    milestones: list[MilestoneRow] = field(default_factory=list)

    @property
    def statuses(self) -> list[Status]:
        return [row.status for row in self.indicators] + [row.status for row in self.milestones]

    @property
    def status(self) -> Status:
        return project_status(self.statuses)

    @property
    def percent(self) -> Decimal | None:
        """The project's progress bar: the mean of its items' percents, each capped at 100."""
        percents = [row.percent for row in self.indicators if row.percent is not None]
        percents += [
            row.assessment.percent
            for row in self.milestones
            if row.done and row.assessment.percent is not None
        ]
        items = len(self.indicators) + len(self.milestones)
        if not items:
            return None
        capped = sum((min(p, HUNDRED) for p in percents if p is not None), Decimal(0))
        return round_percent(capped / items)


def project_status(statuses: Iterable[Status]) -> Status:
    """One status for a project from its items': any lag shows; done only when all are done."""
    found = list(statuses)
    if not found:
        return Status.NOT_STARTED
    if Status.LAGGING in found:
        return Status.LAGGING
    if all(status in DONE_STATUSES for status in found):
        if Status.EXCEEDED in found:
            return Status.EXCEEDED
        if all(status == Status.COMPLETED_EARLY for status in found):
            return Status.COMPLETED_EARLY
        return Status.COMPLETED
    if all(status == Status.NOT_STARTED for status in found):
        return Status.NOT_STARTED
    return Status.ON_TRACK


def _rolled_up_series(
    reports: list[ProgressReport], allocation_ids: list[int]
) -> list[tuple[date, Decimal, ProgressReport]]:
    """(date, cumulative actual, latest report) after each approved report, in date order.

    With allocations the actual is the sum of each allocation's latest value: reported once
    by the district, never typed again at the top.
    """
    relevant = [
        report
        for report in reports
        if (
            report.allocation_id in allocation_ids
            if allocation_ids
            else report.allocation_id is None
        )
    ]
    latest: dict[int | None, Decimal] = {}
    series: list[tuple[date, Decimal, ProgressReport]] = []
    for report in sorted(relevant, key=lambda r: (r.as_of, r.pk)):
        assert report.value is not None
        latest[report.allocation_id] = report.value
        total = sum(latest.values(), Decimal(0))
        if series and series[-1][0] == report.as_of:
            series[-1] = (report.as_of, total, report)
        else:
            series.append((report.as_of, total, report))
    return series


def indicator_row(
    indicator: Indicator, reports: list[ProgressReport], plan: Plan, as_of: date
) -> IndicatorRow:
    allocation_ids = [allocation.pk for allocation in indicator.allocations.all()]
    series = _rolled_up_series(reports, allocation_ids)
    actual = series[-1][1] if series else None
    met_on = next(
        (day for day, value, _ in series if is_met(indicator.comparator, indicator.target, value)),
        None,
    )
    points = [(point.date, point.cumulative_percent) for point in indicator.schedule_points.all()]
    due = indicator.due_date or plan.end
    share = schedule.expected_share(points, start=plan.start, end=due, as_of=as_of)
    margin = plan.yellow_margin / HUNDRED
    assessment = assess_indicator(
        comparator=indicator.comparator,
        target=indicator.target,
        actual=actual,
        expected_share=share,
        as_of=as_of,
        due=due,
        met_on=met_on,
        baseline=indicator.baseline,
        lag_tolerance=margin,
    )
    return IndicatorRow(
        indicator=indicator,
        actual=actual,
        actual_as_of=series[-1][0] if series else None,
        met_on=met_on,
        stated_percent=series[-1][2].stated_percent if series else None,
        expected_share=share,
        assessment=assessment,
    )


def milestone_row(
    milestone: Milestone, reports: list[ProgressReport], plan: Plan, as_of: date
) -> MilestoneRow:
    ordered = sorted(reports, key=lambda r: (r.as_of, r.pk))
    latest = ordered[-1] if ordered else None
    done = bool(latest and latest.done)
    done_on = next((r.as_of for r in ordered if r.done), None) if done else None
    assessment = assess_milestone(
        done=done,
        done_on=done_on,
        due=milestone.due_date or plan.end,
        as_of=as_of,
        reported=latest is not None,
    )
    return MilestoneRow(milestone=milestone, done=done, done_on=done_on, assessment=assessment)


def approved_reports(plan: Plan, as_of: date) -> list[ProgressReport]:
    """Every approved report of a plan dated on or before `as_of`."""
    return list(
        ProgressReport.objects.filter(state=ReportState.APPROVED, as_of__lte=as_of).filter(
            Q(indicator__project__plan=plan) | Q(milestone__project__plan=plan)
        )
    )


def plan_ledger(
    plan: Plan, *, as_of: date | None = None, projects: Iterable[Project] | None = None
) -> list[ProjectRow]:
    """Every project of a plan with each indicator's actual, percent and status on `as_of`."""
    day = as_of or timezone.localdate()
    if projects is None:
        projects = (
            plan.projects.select_related("domain")
            .prefetch_related(
                Prefetch(
                    "project_departments",
                    queryset=ProjectDepartment.objects.select_related("department"),
                ),
                Prefetch(
                    "indicators",
                    queryset=Indicator.objects.prefetch_related("allocations", "schedule_points"),
                ),
                "milestones",
            )
            .order_by("number")
        )
    by_indicator: dict[int, list[ProgressReport]] = defaultdict(list)
    by_milestone: dict[int, list[ProgressReport]] = defaultdict(list)
    for report in approved_reports(plan, day):
        if report.indicator_id is not None:
            by_indicator[report.indicator_id].append(report)
        elif report.milestone_id is not None:
            by_milestone[report.milestone_id].append(report)
    rows = []
    for project in projects:
        row = ProjectRow(project=project, departments=list(project.project_departments.all()))
        row.indicators = [
            indicator_row(indicator, by_indicator[indicator.pk], plan, day)
            for indicator in project.indicators.all()
        ]
        row.milestones = [
            milestone_row(milestone, by_milestone[milestone.pk], plan, day)
            for milestone in project.milestones.all()
        ]
        rows.append(row)
    return rows
