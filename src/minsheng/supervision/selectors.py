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
from typing import Any, NamedTuple

from django.db.models import QuerySet
from django.utils import timezone

from minsheng.plans.choices import DepartmentRole, Status
from minsheng.plans.completion import (
    HUNDRED,
    assess_indicator,
    assess_milestone,
    is_met,
    round_percent,
)
from minsheng.plans.models import (
    Allocation,
    Department,
    Domain,
    Indicator,
    Jurisdiction,
    Milestone,
    Plan,
    Project,
)
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.progress.selectors import ledger_projects
from minsheng.supervision.early_warning import (
    EarlyWarning,
    Level,
    indicator_warning,
    milestone_warning,
)
from minsheng.supervision.forecast import Forecast, forecast
from minsheng.supervision.models import Assistance, Case, CaseState, SupervisionNotice

INDICATOR, ALLOCATION, MILESTONE = "indicator", "allocation", "milestone"
# The levels listed on the cockpit as items needing action, riskiest first.
RISKY_LEVELS = frozenset({Level.OVERDUE, Level.RED, Level.YELLOW})


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
    projects = ledger_projects(plan)
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


class ReportFact(NamedTuple):
    """The few columns of an approved report a warning needs (read as tuples: plans are large)."""

    as_of: date
    pk: int
    indicator_id: int | None
    allocation_id: int | None
    milestone_id: int | None
    value: Decimal | None
    done: bool | None


def approved_facts(plan: Plan, as_of: date) -> list[ReportFact]:
    """Every approved report of a plan dated on or before `as_of`, oldest first (two queries).

    The same rule as progress.selectors.approved_reports, read as plain tuples.
    """
    columns = ("as_of", "pk", "indicator_id", "allocation_id", "milestone_id", "value", "done")
    approved = ProgressReport.objects.filter(state=ReportState.APPROVED, as_of__lte=as_of)
    facts = [
        ReportFact(*row)
        for query in (
            approved.filter(indicator__project__plan=plan),
            approved.filter(milestone__project__plan=plan),
        )
        for row in query.values_list(*columns)
    ]
    facts.sort()
    return facts


def cumulative_series(
    reports: Iterable[ReportFact], allocation_ids: set[int] | None = None
) -> list[tuple[date, Decimal]]:
    """(date, cumulative actual) after each report day; with allocations, the sum of their latest values.

    `reports` must be in date order. An indicator split into allocations takes the sum of the
    allocations' latest values (progress.selectors does the same): never typed twice.
    """
    latest: dict[int | None, Decimal] = {}
    series: dict[date, Decimal] = {}
    for report in reports:
        if report.value is None:
            continue
        if allocation_ids and report.allocation_id not in allocation_ids:
            continue
        if not allocation_ids and report.allocation_id is not None:
            continue
        latest[report.allocation_id] = report.value
        series[report.as_of] = sum(latest.values(), Decimal(0))
    return list(series.items())


def indicator_status(
    plan: Plan,
    indicator: Indicator,
    series: list[tuple[date, Decimal]],
    expected: Decimal,
    as_of: date,
) -> Status:
    """The ledger's status (plans.completion.assess_indicator), from the same series."""
    met_on = next(
        (day for day, value in series if is_met(indicator.comparator, indicator.target, value)),
        None,
    )
    return assess_indicator(
        comparator=indicator.comparator,
        target=indicator.target,
        actual=series[-1][1] if series else None,
        expected_share=expected,
        as_of=as_of,
        due=indicator.due_date or plan.end,
        met_on=met_on,
        baseline=indicator.baseline,
        lag_tolerance=plan.yellow_margin / HUNDRED,
    ).status


def _assess(
    plan: Plan,
    indicator: Indicator,
    target: Decimal,
    series: list[tuple[date, Decimal]],
    as_of: date,
) -> tuple[EarlyWarning, Forecast]:
    """Warning and forecast of an indicator, or of an allocation of it (its own target and series)."""
    due = indicator.due_date or plan.end
    points = [(p.date, p.cumulative_percent) for p in indicator.schedule_points.all()]
    warning = indicator_warning(
        comparator=indicator.comparator,
        target=target,
        actual=series[-1][1] if series else None,
        points=points,
        start=plan.start,
        due=due,
        as_of=as_of,
        yellow_margin=plan.yellow_margin,
        red_margin=plan.red_margin,
        baseline=indicator.baseline,
    )
    outlook = forecast(
        comparator=indicator.comparator,
        target=target,
        series=series,
        points=points,
        start=plan.start,
        end=due,
        baseline=indicator.baseline,
    )
    return warning, outlook


def plan_warnings(
    plan: Plan,
    *,
    as_of: date,
    department: Department | None = None,
    domain: Domain | None = None,
    district: Jurisdiction | None = None,
) -> list[ItemWarning]:
    """Every indicator, allocation and milestone of a plan with its warning on `as_of`.

    With a district, only that district's allocations are listed. Eight queries whatever the
    plan's size. Statuses follow the same rules as progress.selectors.plan_ledger (pinned by
    a test on the demo plan).
    """
    by_indicator: dict[int, list[ReportFact]] = defaultdict(list)
    by_allocation: dict[int, list[ReportFact]] = defaultdict(list)
    by_milestone: dict[int, list[ReportFact]] = defaultdict(list)
    for report in approved_facts(plan, as_of):
        if report.allocation_id is not None:
            by_allocation[report.allocation_id].append(report)
        if report.indicator_id is not None:
            by_indicator[report.indicator_id].append(report)
        elif report.milestone_id is not None:
            by_milestone[report.milestone_id].append(report)
    items: list[ItemWarning] = []
    for project in plan_projects(plan, department=department, domain=domain):
        lead = lead_department(project)
        for indicator in project.indicators.all():
            reports = by_indicator[indicator.pk]
            allocations = list(indicator.allocations.all())
            if district is None:
                series = cumulative_series(reports, {a.pk for a in allocations})
                warning, outlook = _assess(plan, indicator, indicator.target, series, as_of)
                status = indicator_status(plan, indicator, series, warning.expected_share, as_of)
                items.append(
                    ItemWarning(
                        kind=INDICATOR,
                        project=project,
                        department=lead,
                        indicator=indicator,
                        status=status,
                        last_report_on=series[-1][0] if series else None,
                        warning=warning,
                        forecast=outlook,
                    )
                )
            for allocation in allocations:
                if district is not None and allocation.jurisdiction_id != district.pk:
                    continue
                own = cumulative_series(by_allocation[allocation.pk], {allocation.pk})
                warning, outlook = _assess(plan, indicator, allocation.target, own, as_of)
                items.append(
                    ItemWarning(
                        kind=ALLOCATION,
                        project=project,
                        department=allocation.department or lead,
                        indicator=indicator,
                        allocation=allocation,
                        last_report_on=own[-1][0] if own else None,
                        warning=warning,
                        forecast=outlook,
                    )
                )
        if district is not None:
            continue
        for milestone in project.milestones.all():
            reports = by_milestone[milestone.pk]
            done = bool(reports and reports[-1].done)
            due = milestone.due_date or plan.end
            ledger = assess_milestone(
                done=done,
                done_on=next((r.as_of for r in reports if r.done), None) if done else None,
                due=due,
                as_of=as_of,
                reported=bool(reports),
            )
            items.append(
                ItemWarning(
                    kind=MILESTONE,
                    project=project,
                    department=lead,
                    milestone=milestone,
                    status=ledger.status,
                    last_report_on=reports[-1].as_of if reports else None,
                    warning=milestone_warning(
                        done=done,
                        reported=bool(reports),
                        start=plan.start,
                        due=due,
                        as_of=as_of,
                    ),
                )
            )
    return items


@dataclass
class DepartmentStanding:
    """A department's place in the ranking: completion of its items and how many it reports on."""

    department: Department
    items: int = 0
    reported: int = 0
    on_time: int = 0
    percent_total: Decimal = Decimal(0)

    @property
    def completion(self) -> Decimal:
        return round_percent(self.percent_total / self.items) if self.items else Decimal("0.0")

    @property
    def on_time_percent(self) -> Decimal:
        return round_percent(HUNDRED * self.on_time / self.items) if self.items else Decimal("0.0")


@dataclass
class Cockpit:
    """Everything the cockpit page shows, for one plan, one day and one set of filters."""

    plan: Plan
    as_of: date
    items: list[ItemWarning]
    level_counts: dict[str, int]
    status_counts: dict[str, int]

    @property
    def levels(self) -> list[tuple[str, str, int]]:
        """(level, label, count) riskiest last, for the counters."""
        return [(level.value, str(level.label), self.level_counts[level]) for level in Level]

    @property
    def statuses(self) -> list[tuple[str, str, int]]:
        return [
            (status.value, str(status.label), self.status_counts[status])
            for status in Status
            if self.status_counts.get(status)
        ]

    risky: list[ItemWarning]
    departments: list[DepartmentStanding]
    open_notices: list[SupervisionNotice]
    open_assistance: list[Assistance]
    overdue_notices: int
    charts: dict[str, Any]


def _capped(percent: Decimal | None) -> Decimal:
    return min(percent or Decimal(0), HUNDRED)


def rank_departments(items: Iterable[ItemWarning]) -> list[DepartmentStanding]:
    """Departments by completion (mean percent of their items, each capped at 100), then reporting."""
    standings: dict[int, DepartmentStanding] = {}
    for item in items:
        if item.kind == ALLOCATION or item.department is None:
            continue
        standing = standings.setdefault(item.department.pk, DepartmentStanding(item.department))
        standing.items += 1
        standing.reported += item.last_report_on is not None
        standing.on_time += item.warning.level not in (Level.NO_REPORT, Level.OVERDUE)
        standing.percent_total += _capped(item.warning.percent)
    return sorted(
        standings.values(),
        key=lambda s: (-s.completion, -s.on_time_percent, s.department.name),
    )


def _charts(items: list[ItemWarning]) -> dict[str, Any]:
    """Plain data for the three ECharts charts (strings and floats only: it goes to JSON)."""
    indicators = [item for item in items if item.kind == INDICATOR]
    by_domain: dict[str, list[Decimal]] = defaultdict(list)
    for item in items:
        if item.kind != ALLOCATION:
            by_domain[item.project.domain.name].append(_capped(item.warning.percent))
    by_district: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for item in items:
        if item.kind == ALLOCATION and item.district is not None and item.target:
            totals = by_district[item.district.name]
            totals[0] += min(item.warning.actual or Decimal(0), item.target)
            totals[1] += item.target
    return {
        "schedule": {
            "names": [f"{item.project.number}·{item.name}" for item in indicators],
            "expected": [float(item.warning.expected_percent) for item in indicators],
            "actual": [float(_capped(item.warning.percent)) for item in indicators],
        },
        "domains": {
            "names": list(by_domain),
            "percent": [
                float(round_percent(sum(values, Decimal(0)) / len(values)))
                for values in by_domain.values()
            ],
        },
        "districts": {
            "names": list(by_district),
            "percent": [
                float(round_percent(HUNDRED * done / total)) for done, total in by_district.values()
            ],
        },
    }


def open_cases(plan: Plan, model: type[Case], department: Department | None = None) -> list[Any]:
    """Cases of a plan not yet closed, oldest deadline first (one query)."""
    cases = (
        model.objects.filter(plan=plan)  # type: ignore[attr-defined]
        .exclude(state=CaseState.CLOSED)
        .select_related("plan", "project", "department", "indicator", "milestone")
        .order_by("reply_deadline", "number")
    )
    if department is not None:
        cases = cases.filter(department=department)
    return list(cases)


def cockpit(
    plan: Plan,
    *,
    as_of: date,
    department: Department | None = None,
    domain: Domain | None = None,
    district: Jurisdiction | None = None,
) -> Cockpit:
    """The office cockpit (驾驶舱) for a plan on `as_of`: about ten queries whatever the plan's size."""
    items = plan_warnings(
        plan, as_of=as_of, department=department, domain=domain, district=district
    )
    counted = [item for item in items if item.kind != ALLOCATION] if district is None else items
    level_counts = {level.value: 0 for level in Level}
    status_counts: dict[str, int] = defaultdict(int)
    for item in counted:
        level_counts[item.warning.level] += 1
        if item.status is not None:
            status_counts[item.status] += 1
    risky = sorted(
        (item for item in items if item.warning.level in RISKY_LEVELS),
        key=lambda item: item.warning.risk,
        reverse=True,
    )
    notices = open_cases(plan, SupervisionNotice, department)
    today = timezone.localdate()
    return Cockpit(
        plan=plan,
        as_of=as_of,
        items=items,
        level_counts=level_counts,
        status_counts=dict(status_counts),
        risky=risky,
        departments=rank_departments(items),
        open_notices=notices,
        open_assistance=open_cases(plan, Assistance, department),
        overdue_notices=sum(1 for notice in notices if notice.is_overdue(today)),
        charts=_charts(items),
    )
