"""Reads for supervision: every item's warning and forecast on a date, in a fixed number of queries.

"As of" a past date is reconstructed from report history: only approved reports dated on or
before that day count, so the cockpit of 1 July shows what the office could have known on
1 July. The figures are the ledger's read model (progress.ledger_state).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from minsheng.plans.choices import DepartmentRole, Status
from minsheng.plans.completion import HUNDRED, round_percent
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
from minsheng.progress.ledger_state import (
    EMPTY,
    NO_FACTS,
    ItemState,
    MilestoneState,
    Terms,
    district_completion,
    item_state,
    milestone_facts,
    milestone_state,
    schedule_points_of,
    subject_series,
)
from minsheng.supervision.early_warning import EarlyWarning, Level
from minsheng.supervision.forecast import Forecast
from minsheng.supervision.models import Assistance, Case, CaseState, SupervisionNotice

INDICATOR, ALLOCATION, MILESTONE = "indicator", "allocation", "milestone"
# The levels listed on the cockpit as items needing action, riskiest first.
RISKY_LEVELS = frozenset({Level.OVERDUE, Level.RED, Level.YELLOW})


@dataclass(frozen=True)
class Holder:
    """A district or department an allocation is given to: its id and name, no model instance."""

    pk: int
    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class AllocationRef:
    """An allocation as a summary needs it (read as a tuple: a province has tens of thousands)."""

    pk: int
    indicator: Indicator
    jurisdiction_id: int | None
    jurisdiction: Holder | None
    department: Holder | None
    target: Decimal

    @property
    def holder(self) -> Holder:
        holder = self.jurisdiction or self.department
        assert holder is not None
        return holder


@dataclass(frozen=True)
class ItemWarning:
    """One indicator, allocation or milestone with its state on a date and who answers for it.

    The figures (warning, status, forecast) come from the ledger's read model
    (progress.ledger_state), the same objects the ledger and the bulletin show.
    """

    kind: str
    project: Project
    department: Department | Holder | None
    state: ItemState | MilestoneState
    indicator: Indicator | None = None
    allocation: AllocationRef | None = None
    milestone: Milestone | None = None
    split: bool = False

    @property
    def warning(self) -> EarlyWarning:
        return self.state.warning

    @property
    def forecast(self) -> Forecast | None:
        return self.state.forecast if isinstance(self.state, ItemState) else None

    @property
    def status(self) -> Status | None:
        # The cockpit counts statuses of whole items; an allocation's share has none of its own.
        return None if self.kind == ALLOCATION else self.state.status

    @property
    def last_report_on(self) -> date | None:
        if isinstance(self.state, ItemState):
            return self.state.actual_as_of
        return self.state.facts.last_report_on

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
    def district(self) -> Holder | None:
        return self.allocation.jurisdiction if self.allocation is not None else None


def plan_projects(
    plan: Plan, *, department: Department | None = None, domain: Domain | None = None
) -> QuerySet[Project]:
    """The plan's projects with their milestones and departments (three queries).

    The prefetched rows are plain lists (`department_links`, `milestone_list`): a prefetch into
    the related managers clones a queryset per project, which costs more than the rows. The
    indicators are read apart (plan_indicators) for the same reason.
    """
    projects = (
        plan.projects.select_related("domain")
        .prefetch_related(
            Prefetch(
                "project_departments",
                queryset=ProjectDepartment.objects.select_related("department"),
                to_attr="department_links",
            ),
            Prefetch("milestones", queryset=Milestone.objects.all(), to_attr="milestone_list"),
        )
        .order_by("number")
    )
    if department is not None:
        projects = projects.filter(project_departments__department=department).distinct()
    if domain is not None:
        projects = projects.filter(domain=domain)
    return projects


def plan_indicators(
    plan: Plan, projects: list[Project]
) -> dict[int, list[tuple[Indicator, Terms]]]:
    """Each project's indicators with the terms their state is judged by (two queries)."""
    chosen = Indicator.objects.filter(project_id__in=[project.pk for project in projects])
    indicators = list(chosen.order_by("project_id", "order", "id"))
    points = schedule_points_of(indicator__project_id__in=[project.pk for project in projects])
    by_project: dict[int, list[tuple[Indicator, Terms]]] = defaultdict(list)
    for indicator in indicators:
        terms = Terms(
            comparator=indicator.comparator,
            target=indicator.target,
            baseline=indicator.baseline,
            points=points.get(indicator.pk, ()),
            start=plan.start,
            due=indicator.due_date or plan.end,
            yellow_margin=plan.yellow_margin,
            red_margin=plan.red_margin,
        )
        by_project[indicator.project_id].append((indicator, terms))
    return by_project


def lead_department(project: Project) -> Department | None:
    """The lead department (牵头单位), from the prefetched project departments."""
    for link in project.department_links:  # type: ignore[attr-defined]  # plan_projects
        if link.role == DepartmentRole.LEAD:
            return link.department
    return None


def plan_allocations(plan: Plan) -> dict[int, list[tuple[Any, ...]]]:
    """Each indicator's allocations as plain rows (one query), in id order."""
    rows = Allocation.objects.filter(indicator__project__plan=plan).order_by("indicator_id", "id")
    by_indicator: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows.values_list(
        "indicator_id", "id", "jurisdiction_id", "jurisdiction__name",
        "department_id", "department__name", "target",
    ):  # fmt: skip
        by_indicator[row[0]].append(row)
    return by_indicator


def plan_warnings(
    plan: Plan,
    *,
    as_of: date,
    department: Department | None = None,
    domain: Domain | None = None,
    district: Jurisdiction | None = None,
    shares: bool = True,
) -> list[ItemWarning]:
    """Every indicator, allocation and milestone of a plan with its warning on `as_of`.

    With a district, only that district's allocations are listed; without `shares`, no
    allocation is (a summary of whole items). A fixed number of queries whatever the plan's
    size; the figures are the ledger's (progress.ledger_state).
    """
    own = shares or district is not None
    indicator_series, allocation_series = subject_series(plan, as_of, stated=False, own=own)
    facts = milestone_facts(plan, as_of) if district is None else {}
    allocations = plan_allocations(plan) if own else {}
    projects = list(plan_projects(plan, department=department, domain=domain))
    indicators = plan_indicators(plan, projects)
    items: list[ItemWarning] = []
    for project in projects:
        lead = lead_department(project)
        for indicator, terms in indicators.get(project.pk, []):
            own_shares = allocations.get(indicator.pk, [])
            # Allocations mostly share a target: one Terms per target, not one per allocation.
            share_terms: dict[Decimal, Terms] = {}
            if district is None:
                items.append(
                    ItemWarning(
                        kind=INDICATOR,
                        project=project,
                        department=lead,
                        indicator=indicator,
                        split=bool(own_shares),
                        state=item_state(terms, indicator_series.get(indicator.pk, EMPTY), as_of),
                    )
                )
            for _, pk, place_id, place, department_id, department_name, target in own_shares:
                if district is not None and place_id != district.pk:
                    continue
                ref = AllocationRef(
                    pk=pk,
                    indicator=indicator,
                    jurisdiction_id=place_id,
                    jurisdiction=Holder(place_id, place) if place_id else None,
                    department=Holder(department_id, department_name) if department_id else None,
                    target=target,
                )
                if target not in share_terms:
                    share_terms[target] = replace(terms, target=target)
                items.append(
                    ItemWarning(
                        kind=ALLOCATION,
                        project=project,
                        department=ref.department or lead,
                        indicator=indicator,
                        allocation=ref,
                        state=item_state(
                            share_terms[target], allocation_series.get(pk, EMPTY), as_of
                        ),
                    )
                )
        if district is not None:
            continue
        for milestone in project.milestone_list:  # type: ignore[attr-defined]  # plan_projects
            items.append(
                ItemWarning(
                    kind=MILESTONE,
                    project=project,
                    department=lead,
                    milestone=milestone,
                    state=milestone_state(
                        facts.get(milestone.pk, NO_FACTS),
                        start=plan.start,
                        due=milestone.due_date or plan.end,
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
        if item.kind == ALLOCATION or not isinstance(item.department, Department):
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


def _charts(
    items: list[ItemWarning], districts: list[tuple[str, Decimal, Decimal]]
) -> dict[str, Any]:
    """Plain data for the three ECharts charts (strings and floats only: it goes to JSON)."""
    indicators = [item for item in items if item.kind == INDICATOR]
    by_domain: dict[str, list[Decimal]] = defaultdict(list)
    for item in items:
        if item.kind != ALLOCATION:
            by_domain[item.project.domain.name].append(_capped(item.warning.percent))
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
            "names": [name for name, _done, _total in districts],
            "percent": [
                float(round_percent(HUNDRED * done / total)) for _name, done, total in districts
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
    """The office cockpit (驾驶舱) for a plan on `as_of`: about ten queries whatever the plan's size.

    The plan-wide cockpit counts, ranks and lists whole items (indicators and milestones); a
    district's shares are listed when the cockpit is filtered by that district. Completion by
    district is a sum over the shares in the database, not an object per share.
    """
    items = plan_warnings(
        plan,
        as_of=as_of,
        department=department,
        domain=domain,
        district=district,
        shares=False,
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
        charts=_charts(items, district_completion(plan, as_of, district.pk if district else None)),
    )
