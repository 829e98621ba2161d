"""Reads for supervision: every item's warning and forecast on a date, in a fixed number of queries.

"As of" a past date is reconstructed from report history: only approved reports dated on or
before that day count (progress.selectors.approved_reports), so the cockpit of 1 July shows
what the office could have known on 1 July.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from minsheng.plans.choices import DepartmentRole, Status
from minsheng.plans.models import (
    Allocation,
    Department,
    Domain,
    Indicator,
    Jurisdiction,
    Milestone,
    Plan,
    Project,
    ProjectDepartment,
)
from minsheng.progress.models import ProgressReport
from minsheng.progress.selectors import approved_reports, indicator_row, milestone_row
from minsheng.supervision.forecast import Forecast, forecast
from minsheng.supervision.warnings import EarlyWarning, indicator_warning, milestone_warning

INDICATOR, ALLOCATION, MILESTONE = "indicator", "allocation", "milestone"


@dataclass(frozen=True)
class ItemWarning:
    """One indicator, allocation or milestone with its warning, forecast and who answers for it."""

    kind: str
    project: Project
    department: Department | None
    warning: EarlyWarning
    forecast: Forecast | None = None
    status: Status | None = None
    indicator: Indicator | None = None
    allocation: Allocation | None = None
    milestone: Milestone | None = None
    last_report_on: date | None = None

    @property
    def name(self) -> str:
        if self.allocation is not None:
            return f"{self.allocation.indicator.name} → {self.allocation.holder}"
        subject = self.indicator or self.milestone
        return str(subject)

    @property
    def key(self) -> str:
        subject = self.allocation or self.indicator or self.milestone
        assert subject is not None
        return f"{self.kind}:{subject.pk}"

    @property
    def target(self) -> Decimal | None:
        subject = self.allocation or self.indicator
        return subject.target if subject is not None else None

    @property
    def unit(self) -> str:
        return self.indicator.unit if self.indicator is not None else ""

    @property
    def district(self) -> Jurisdiction | None:
        return self.allocation.jurisdiction if self.allocation is not None else None


def plan_projects(
    plan: Plan, *, department: Department | None = None, domain: Domain | None = None
) -> QuerySet[Project]:
    """The plan's projects with everything a warning needs, prefetched (six queries)."""
    projects = (
        plan.projects.select_related("domain")
        .prefetch_related(
            Prefetch(
                "project_departments",
                queryset=ProjectDepartment.objects.select_related("department"),
            ),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related(
                    Prefetch(
                        "allocations",
                        queryset=Allocation.objects.select_related("jurisdiction", "department"),
                    ),
                    "schedule_points",
                ),
            ),
            "milestones",
        )
        .order_by("number")
    )
    if department is not None:
        projects = projects.filter(project_departments__department=department).distinct()
    if domain is not None:
        projects = projects.filter(domain=domain)
    return projects


def lead_department(project: Project) -> Department | None:
    """The lead department (牵头单位), from the prefetched project departments."""
    for link in project.project_departments.all():
        if link.role == DepartmentRole.LEAD:
            return link.department
    return None


def cumulative_series(
    reports: Iterable[ProgressReport], allocation_ids: set[int] | None = None
) -> list[tuple[date, Decimal]]:
    """(date, cumulative actual) after each report day; with allocations, the sum of their latest values."""
    latest: dict[int | None, Decimal] = {}
    series: dict[date, Decimal] = {}
    for report in sorted(reports, key=lambda r: (r.as_of, r.pk)):
        if report.value is None:
            continue
        if allocation_ids and report.allocation_id not in allocation_ids:
            continue
        if not allocation_ids and report.allocation_id is not None:
            continue
        latest[report.allocation_id] = report.value
        series[report.as_of] = sum(latest.values(), Decimal(0))
    return sorted(series.items())


def plan_warnings(
    plan: Plan,
    *,
    as_of: date,
    department: Department | None = None,
    domain: Domain | None = None,
    district: Jurisdiction | None = None,
) -> list[ItemWarning]:
    """Every indicator, allocation and milestone of a plan with its warning on `as_of`.

    With a district, only that district's allocations are listed. Seven queries whatever the
    plan's size.
    """
    by_indicator: dict[int, list[ProgressReport]] = defaultdict(list)
    by_milestone: dict[int, list[ProgressReport]] = defaultdict(list)
    for report in approved_reports(plan, as_of):
        if report.indicator_id is not None:
            by_indicator[report.indicator_id].append(report)
        elif report.milestone_id is not None:
            by_milestone[report.milestone_id].append(report)
    margins = {"yellow_margin": plan.yellow_margin, "red_margin": plan.red_margin}
    items: list[ItemWarning] = []
    for project in plan_projects(plan, department=department, domain=domain):
        lead = lead_department(project)
        for indicator in project.indicators.all():
            reports = by_indicator[indicator.pk]
            due = indicator.due_date or plan.end
            points = [(p.date, p.cumulative_percent) for p in indicator.schedule_points.all()]
            shape = {
                "comparator": indicator.comparator,
                "points": points,
                "start": plan.start,
                "baseline": indicator.baseline,
            }
            allocations = list(indicator.allocations.all())
            if district is None:
                ledger = indicator_row(indicator, reports, plan, as_of)
                series = cumulative_series(reports, {a.pk for a in allocations})
                items.append(
                    ItemWarning(
                        kind=INDICATOR,
                        project=project,
                        department=lead,
                        indicator=indicator,
                        status=ledger.status,
                        last_report_on=series[-1][0] if series else None,
                        warning=indicator_warning(
                            target=indicator.target,
                            actual=ledger.actual,
                            due=due,
                            as_of=as_of,
                            **shape,  # type: ignore[arg-type]
                            **margins,
                        ),
                        forecast=forecast(
                            target=indicator.target,
                            series=series,
                            end=due,
                            **shape,  # type: ignore[arg-type]
                        ),
                    )
                )
            for allocation in allocations:
                if district is not None and allocation.jurisdiction_id != district.pk:
                    continue
                own = cumulative_series([r for r in reports if r.allocation_id == allocation.pk])
                items.append(
                    ItemWarning(
                        kind=ALLOCATION,
                        project=project,
                        department=allocation.department or lead,
                        indicator=indicator,
                        allocation=allocation,
                        last_report_on=own[-1][0] if own else None,
                        warning=indicator_warning(
                            target=allocation.target,
                            actual=own[-1][1] if own else None,
                            due=due,
                            as_of=as_of,
                            **shape,  # type: ignore[arg-type]
                            **margins,
                        ),
                        forecast=forecast(
                            target=allocation.target,
                            series=own,
                            end=due,
                            **shape,  # type: ignore[arg-type]
                        ),
                    )
                )
        if district is not None:
            continue
        for milestone in project.milestones.all():
            reports = by_milestone[milestone.pk]
            ledger_row = milestone_row(milestone, reports, plan, as_of)
            items.append(
                ItemWarning(
                    kind=MILESTONE,
                    project=project,
                    department=lead,
                    milestone=milestone,
                    status=ledger_row.status,
                    last_report_on=max((r.as_of for r in reports), default=None),
                    warning=milestone_warning(
                        done=ledger_row.done,
                        reported=bool(reports),
                        start=plan.start,
                        due=milestone.due_date or plan.end,
                        as_of=as_of,
                    ),
                )
            )
    return items
