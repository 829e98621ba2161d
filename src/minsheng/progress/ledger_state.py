"""The ledger's read model: every item's state on a date, computed where the data is.

One answer to "how is this indicator, allocation or milestone doing on 30 September": the
actual (latest approved value per subject dated on or before the day; an indicator split into
allocations takes the sum of its allocations' latest values), percent, status, expected value,
gap, warning level and forecast. The portal, the API, the cockpit, the `warnings` command, the
bulletin, the year-end report and the Excel exports all read it, so a figure shown in two
places is the same figure.

The history is reduced in the database (window functions, on PostgreSQL and SQLite alike): for
every subject only the last two report days and the first day the promise was kept come back to
Python — what the status rule (`met_on`) and the forecast (the latest pace) need. The number
rules themselves stay pure: plans.completion, plans.schedule, supervision.early_warning and
supervision.forecast.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from minsheng.plans.choices import DONE_STATUSES, Status
from minsheng.plans.completion import (
    HUNDRED,
    Assessment,
    assess_indicator,
    assess_milestone,
    round_percent,
)
from minsheng.plans.models import (
    Allocation,
    Indicator,
    Milestone,
    Plan,
    Project,
    ProjectDepartment,
    SchedulePoint,
)
from minsheng.progress import ledger_store
from minsheng.progress.ledger_history import (  # noqa: F401  (the ledger's names, re-exported)
    EMPTY,
    NO_FACTS,
    MilestoneFacts,
    Series,
    history_milestone_facts,
    history_plans_indicator_series,
    history_subject_series,
    indicator_histories_of,
)
from minsheng.supervision.early_warning import (
    EarlyWarning,
    Level,
    indicator_warning,
    milestone_warning,
)
from minsheng.supervision.forecast import Forecast, forecast

# ---------------------------------------------------------------------------------------
# Each subject's reduced history on a date: the stored state when it holds for that date
# (today, and any day after the last report), else the history reduced for that date.


def plans_indicator_series(plan_ids: Sequence[int], as_of: date) -> dict[int, Series]:
    """Each indicator's rolled-up series over several plans: the province's summary."""
    stored = ledger_store.stored_series(plan_ids, as_of, own=False)
    if stored is not None:
        return stored[0]
    return history_plans_indicator_series(plan_ids, as_of)


def subject_series(
    plan: Plan,
    as_of: date,
    indicator_ids: Sequence[int] | None = None,
    *,
    stated: bool = True,
    own: bool = True,
) -> tuple[dict[int, Series], dict[int, Series]]:
    """Each indicator's rolled-up series and (with `own`) each allocation's own on `as_of`.

    Without `stated` the history's reduction skips the reports' stated percents (the cockpit
    does not show them).
    """
    stored = ledger_store.stored_series([plan.pk], as_of, indicator_ids, own=own)
    if stored is not None:
        return stored
    return history_subject_series(plan, as_of, indicator_ids, stated=stated, own=own)


def schedule_points_of(**where: Any) -> dict[int, tuple[tuple[date, Decimal], ...]]:
    """Each indicator's schedule as (date, cumulative percent) in date order (one query).

    `where` chooses the points by their indicator's project or plan
    (`indicator__project__plan_id__in=…`): a list of a thousand indicator ids costs more to
    send than the points.
    """
    found: dict[int, list[tuple[date, Decimal]]] = defaultdict(list)
    for indicator_id, day, percent in (
        SchedulePoint.objects.filter(**where)
        .order_by("indicator_id", "date")
        .values_list("indicator_id", "date", "cumulative_percent")
    ):
        found[indicator_id].append((day, percent))
    return {key: tuple(value) for key, value in found.items()}


def district_completion(
    plan: Plan, as_of: date, district_id: int | None = None
) -> list[tuple[str, Decimal, Decimal]]:
    """(district, sum of each share's actual capped at its target, sum of targets) per district.

    A summary of the plan's shares without one object per share: a GROUP BY over the current
    state when it holds for `as_of`, else over each share's latest approved value that day.
    """
    stored = ledger_store.holds([plan.pk], as_of)
    return ledger_store.district_completion_sums(
        plan.pk, district_id, as_of=None if stored else as_of
    )


def milestone_facts(plan: Plan, as_of: date) -> dict[int, MilestoneFacts]:
    """Each reported milestone's latest approved state and first done day."""
    return plans_milestone_facts([plan.pk], as_of)


def plans_milestone_facts(plan_ids: Sequence[int], as_of: date) -> dict[int, MilestoneFacts]:
    """milestone_facts over several plans."""
    stored = ledger_store.stored_milestone_facts(plan_ids, as_of)
    if stored is not None:
        return stored
    return history_milestone_facts(plan_ids, as_of)


# ---------------------------------------------------------------------------------------
# The state of an item on a date: the pure rules applied to the reduced history.


@dataclass(frozen=True)
class Terms:
    """What a promise holds an actual against: the indicator's terms, with an allocation's own target."""

    comparator: str
    target: Decimal
    baseline: Decimal | None
    points: tuple[tuple[date, Decimal], ...]
    start: date
    due: date
    yellow_margin: Decimal
    red_margin: Decimal


def terms_of(plan: Plan, indicator: Indicator, target: Decimal | None = None) -> Terms:
    return Terms(
        comparator=indicator.comparator,
        target=indicator.target if target is None else target,
        baseline=indicator.baseline,
        points=tuple(
            sorted((p.date, p.cumulative_percent) for p in indicator.schedule_points.all())
        ),
        start=plan.start,
        due=indicator.due_date or plan.end,
        yellow_margin=plan.yellow_margin,
        red_margin=plan.red_margin,
    )


@dataclass(frozen=True)
class ItemState:
    """One indicator's (or allocation's) state on a date: the figures every page shows.

    The status is worked out when first asked for: the cockpit asks it of indicators, not of
    each of their thousands of allocations.
    """

    terms: Terms
    series: Series
    as_of: date
    warning: EarlyWarning

    @cached_property
    def assessment(self) -> Assessment:
        terms, series = self.terms, self.series
        return assess_indicator(
            comparator=terms.comparator,
            target=terms.target,
            actual=series.actual,
            expected_share=self.warning.expected_share,
            as_of=self.as_of,
            due=terms.due,
            met_on=series.met_on,
            baseline=terms.baseline,
            lag_tolerance=terms.yellow_margin / HUNDRED,
        )

    @property
    def actual(self) -> Decimal | None:
        return self.series.actual

    @property
    def actual_as_of(self) -> date | None:
        return self.series.actual_as_of

    @property
    def met_on(self) -> date | None:
        return self.series.met_on

    @property
    def stated_percent(self) -> Decimal | None:
        return self.series.stated_percent

    @property
    def expected_share(self) -> Decimal:
        return self.warning.expected_share

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def percent(self) -> Decimal | None:
        return self.assessment.percent

    @property
    def level(self) -> Level:
        return self.warning.level

    @cached_property
    def forecast(self) -> Forecast:
        terms = self.terms
        return forecast(
            comparator=terms.comparator,
            target=terms.target,
            series=self.series.points,
            points=terms.points,
            start=terms.start,
            end=terms.due,
            baseline=terms.baseline,
        )


def item_state(terms: Terms, series: Series, as_of: date) -> ItemState:
    """Warning (supervision.early_warning) and status (plans.completion) of one item, from one series."""
    warning = indicator_warning(
        comparator=terms.comparator,
        target=terms.target,
        actual=series.actual,
        points=terms.points,
        start=terms.start,
        due=terms.due,
        as_of=as_of,
        yellow_margin=terms.yellow_margin,
        red_margin=terms.red_margin,
        baseline=terms.baseline,
    )
    return ItemState(terms, series, as_of, warning)


@dataclass(frozen=True)
class MilestoneState:
    """A milestone on a date: kept or not, its status and its warning."""

    facts: MilestoneFacts
    assessment: Assessment
    warning: EarlyWarning

    @property
    def done(self) -> bool:
        return self.facts.done

    @property
    def done_on(self) -> date | None:
        return self.facts.done_on

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def level(self) -> Level:
        return self.warning.level


def milestone_state(
    facts: MilestoneFacts, *, start: date, due: date, as_of: date
) -> MilestoneState:
    assessment = assess_milestone(
        done=facts.done, done_on=facts.done_on, due=due, as_of=as_of, reported=facts.reported
    )
    warning = milestone_warning(
        done=facts.done, reported=facts.reported, start=start, due=due, as_of=as_of
    )
    return MilestoneState(facts, assessment, warning)


# The bulletin prints two colours. Decided once, here: the colour follows the warning level
# (points behind the schedule against the plan's margins; overdue only after the due date), so
# an item 12 points behind its schedule before its due date is yellow everywhere. An item with
# no approved figure while the schedule expects progress counts as nothing done: red.
BULLETIN_RED, BULLETIN_YELLOW = "red", "yellow"
BULLETIN_COLOURS: dict[str, str] = {
    Level.OVERDUE: BULLETIN_RED,
    Level.RED: BULLETIN_RED,
    Level.NO_REPORT: BULLETIN_RED,
    Level.YELLOW: BULLETIN_YELLOW,
    Level.GREEN: "",
}


def bulletin_colour(level: str) -> str:
    """ "red", "yellow" or "" for the quarterly bulletin, from the one warning level."""
    return BULLETIN_COLOURS[level]


# ---------------------------------------------------------------------------------------
# The ledger: every project of a plan with its items' states.


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    state: ItemState

    def __getattr__(self, name: str) -> Any:
        # actual, actual_as_of, met_on, stated_percent, percent, status, warning, forecast…
        if name == "state":
            raise AttributeError(name)
        return getattr(self.state, name)

    @property
    def status(self) -> Status:
        return self.state.status

    @property
    def percent(self) -> Decimal | None:
        return self.state.percent


@dataclass(frozen=True)
class MilestoneRow:
    milestone: Milestone
    state: MilestoneState

    @property
    def done(self) -> bool:
        return self.state.done

    @property
    def done_on(self) -> date | None:
        return self.state.done_on

    @property
    def assessment(self) -> Assessment:
        return self.state.assessment

    @property
    def warning(self) -> EarlyWarning:
        return self.state.warning

    @property
    def status(self) -> Status:
        return self.state.status


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
        """The project's percent of plan: the mean of its items' percents, as reported — a
        project at 200 % shows 200 %, never a bar stopped at 100 (a lagging item still shows in
        the project's status)."""
        percents = [row.percent for row in self.indicators if row.percent is not None]
        percents += [
            row.assessment.percent
            for row in self.milestones
            if row.done and row.assessment.percent is not None
        ]
        items = len(self.indicators) + len(self.milestones)
        if not items:
            return None
        total = sum((p for p in percents if p is not None), Decimal(0))
        return round_percent(total / items)


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


def ledger_projects(plan: Plan) -> QuerySet[Project]:
    """A plan's projects with everything the ledger reads prefetched (six queries in all).

    The portal, the cockpit and the reports narrow this queryset instead of writing their own.
    """
    return (
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


def summary_projects(plan: Plan) -> QuerySet[Project]:
    """The plan's projects for a summary: like ledger_projects without the allocations' instances."""
    return (
        plan.projects.select_related("domain")
        .prefetch_related(
            Prefetch(
                "project_departments",
                queryset=ProjectDepartment.objects.select_related("department"),
            ),
            Prefetch("indicators", queryset=Indicator.objects.prefetch_related("schedule_points")),
            "milestones",
        )
        .order_by("number")
    )


def indicator_states(
    plan: Plan, indicators: Iterable[Indicator], as_of: date
) -> dict[int, ItemState]:
    """The states of some indicators of a plan on `as_of` (one query for their reports)."""
    chosen = list(indicators)
    series, _ = subject_series(plan, as_of, [indicator.pk for indicator in chosen])
    return {
        indicator.pk: item_state(terms_of(plan, indicator), series.get(indicator.pk, EMPTY), as_of)
        for indicator in chosen
    }


def plan_ledger(
    plan: Plan, *, as_of: date | None = None, projects: Iterable[Project] | None = None
) -> list[ProjectRow]:
    """Every project of a plan with each indicator's actual, percent and status on `as_of`."""
    day = as_of or timezone.localdate()
    narrowed = projects is not None
    chosen = list(ledger_projects(plan) if projects is None else projects)
    ids = [i.pk for project in chosen for i in project.indicators.all()] if narrowed else None
    series, _ = subject_series(plan, day, ids)
    facts = milestone_facts(plan, day)
    rows = []
    for project in chosen:
        row = ProjectRow(project=project, departments=list(project.project_departments.all()))
        row.indicators = [
            IndicatorRow(
                indicator,
                item_state(terms_of(plan, indicator), series.get(indicator.pk, EMPTY), day),
            )
            for indicator in project.indicators.all()
        ]
        row.milestones = [
            MilestoneRow(
                milestone,
                milestone_state(
                    facts.get(milestone.pk, NO_FACTS),
                    start=plan.start,
                    due=milestone.due_date or plan.end,
                    as_of=day,
                ),
            )
            for milestone in project.milestones.all()
        ]
        rows.append(row)
    return rows


def approved_report_filter(plan: Plan) -> Q:
    """The reports that belong to a plan, through their indicator or milestone."""
    return Q(indicator__project__plan=plan) | Q(milestone__project__plan=plan)
