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

from django.db import connection
from django.db.models import Case, F, Min, Prefetch, Q, QuerySet, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from minsheng.plans.choices import DONE_STATUSES, Comparator, Status
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
)
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.supervision.early_warning import (
    EarlyWarning,
    Level,
    indicator_warning,
    milestone_warning,
)
from minsheng.supervision.forecast import Forecast, forecast

FOUR_PLACES = Decimal("0.0001")


# ---------------------------------------------------------------------------------------
# The history of a subject, reduced in the database.


@dataclass(frozen=True)
class Series:
    """A subject's cumulative approved actual, as far as the rules need it.

    `points` are (day, cumulative actual after that day's reports) for the first day the
    promise was kept and the last two report days, in date order: the status rule needs the
    first, the forecast the pace between the last two.
    """

    points: tuple[tuple[date, Decimal], ...] = ()
    met_on: date | None = None
    stated_percent: Decimal | None = None

    @property
    def actual(self) -> Decimal | None:
        return self.points[-1][1] if self.points else None

    @property
    def actual_as_of(self) -> date | None:
        return self.points[-1][0] if self.points else None


EMPTY = Series()


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _number(value: Any) -> Decimal | None:
    if value is None:
        return None
    # SQLite sums decimals as floats: back to the column's four places.
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    return number.quantize(FOUR_PLACES)


def _met_sql(total: str, target: str, comparator: str) -> str:
    """plans.completion.is_met in SQL (the agreement test holds the two together)."""
    return (
        f"CASE WHEN ({comparator} = '{Comparator.AT_LEAST.value}' AND {total} >= {target})"
        f" OR ({comparator} = '{Comparator.AT_MOST.value}' AND {total} <= {target})"
        f" OR ({comparator} = '{Comparator.EXACTLY.value}' AND {total} = {target})"
        " THEN 1 ELSE 0 END"
    )


def _series_sql(
    *, only_indicators: bool, full: bool, plans: int = 1, own: bool = True, stated: bool = True
) -> str:
    """The reduced history: per subject and report day, the cumulative actual after that day.

    Each report's change from its subject's previous one (LAG) summed per day and run up per
    indicator is the roll-up of allocations' latest values; per allocation it is its own value.
    """
    report = ProgressReport._meta.db_table
    indicator = Indicator._meta.db_table
    project = Project._meta.db_table
    allocation = Allocation._meta.db_table
    chosen = "AND pr.indicator_id IN (SELECT value FROM chosen)" if only_indicators else ""
    keep = "" if full else "WHERE rn <= 2 OR as_of = first_met"
    in_plans = ", ".join(["%s"] * plans)
    # The stated percent of the newest report: the ledger shows it, summaries do not.
    newest = (
        ", ROW_NUMBER() OVER (PARTITION BY r.indicator_id ORDER BY r.as_of DESC, r.id DESC)"
        " AS newest"
        if stated
        else ", 0 AS newest"
    )
    # Each allocation's own series (the cockpit lists them); a summary of many plans skips it.
    allocation_series = (
        """
    UNION ALL
    SELECT indicator_id, allocation_id, as_of, SUM(delta) AS delta, CAST(NULL AS NUMERIC) AS stated
    FROM d WHERE allocation_id IS NOT NULL GROUP BY indicator_id, allocation_id, as_of"""
        if own
        else ""
    )
    return f"""
WITH r AS (
    SELECT pr.id, pr.as_of, pr.indicator_id, pr.allocation_id, pr.value, pr.stated_percent
    FROM {report} pr
    JOIN {indicator} i ON i.id = pr.indicator_id
    JOIN {project} p ON p.id = i.project_id
    WHERE p.plan_id IN ({in_plans}) AND pr.state = %s AND pr.as_of <= %s AND pr.value IS NOT NULL
    {chosen}
    AND (CASE WHEN pr.allocation_id IS NULL THEN 0 ELSE 1 END) = (CASE WHEN EXISTS (
        SELECT 1 FROM {allocation} a WHERE a.indicator_id = pr.indicator_id) THEN 1 ELSE 0 END)
), d AS (
    SELECT r.*,
        r.value - COALESCE(LAG(r.value) OVER (
            PARTITION BY r.indicator_id, r.allocation_id ORDER BY r.as_of, r.id), 0) AS delta
        {newest}
    FROM r
), s AS (
    SELECT indicator_id, CAST(NULL AS INTEGER) AS allocation_id, as_of, SUM(delta) AS delta,
        MAX(CASE WHEN newest = 1 THEN stated_percent END) AS stated
    FROM d GROUP BY indicator_id, as_of{allocation_series}
), days AS (
    SELECT indicator_id, allocation_id, as_of, stated,
        ROUND(SUM(delta) OVER (
            PARTITION BY indicator_id, allocation_id ORDER BY as_of), 4) AS total,
        ROW_NUMBER() OVER (PARTITION BY indicator_id, allocation_id ORDER BY as_of) AS ordinal,
        COUNT(*) OVER (PARTITION BY indicator_id, allocation_id) AS reported_days
    FROM s
), judged AS (
    SELECT days.*, days.reported_days - days.ordinal + 1 AS rn,
        {_met_sql("days.total", "COALESCE(a.target, i.target)", "i.comparator")} AS met
    FROM days
    JOIN {indicator} i ON i.id = days.indicator_id
    LEFT JOIN {allocation} a ON a.id = days.allocation_id
), marked AS (
    SELECT judged.*, MIN(CASE WHEN met = 1 THEN as_of END) OVER (
        PARTITION BY indicator_id, allocation_id) AS first_met
    FROM judged
)
SELECT indicator_id, allocation_id, as_of, total, stated, rn, first_met FROM marked
{keep}
ORDER BY indicator_id, allocation_id, as_of
"""  # noqa: S608  (table names and constants only; values are parameters)


def _series_rows(
    plans: Sequence[int],
    as_of: date,
    indicator_ids: Sequence[int] | None,
    *,
    full: bool,
    own: bool = True,
    stated: bool = True,
) -> list[tuple[Any, ...]]:
    sql = _series_sql(
        only_indicators=indicator_ids is not None,
        full=full,
        plans=len(plans),
        own=own,
        stated=stated,
    )
    params: list[Any] = [*plans, ReportState.APPROVED.value, as_of]
    if indicator_ids is not None:
        # A VALUES list of the chosen ids, portable between PostgreSQL and SQLite.
        ids = list(indicator_ids) or [0]
        values = ", ".join(["(%s)"] * len(ids))
        sql = sql.replace("WITH r AS (", f"WITH chosen(value) AS (VALUES {values}), r AS (", 1)
        params = [*ids, *params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _collect(rows: Iterable[tuple[Any, ...]]) -> tuple[dict[int, Series], dict[int, Series]]:
    points: dict[tuple[int, int | None], list[tuple[date, Decimal]]] = defaultdict(list)
    met: dict[tuple[int, int | None], date | None] = {}
    stated: dict[tuple[int, int | None], Decimal | None] = {}
    for indicator_id, allocation_id, day, total, said, rn, first_met in rows:
        key = (indicator_id, allocation_id)
        value = _number(total)
        assert value is not None
        points[key].append((_day(day), value))
        met[key] = _day(first_met) if first_met is not None else None
        if rn == 1:
            stated[key] = _number(said) if said is not None else None
    indicators: dict[int, Series] = {}
    allocations: dict[int, Series] = {}
    for key, found in points.items():
        series = Series(tuple(found), met[key], stated.get(key))
        if key[1] is None:
            indicators[key[0]] = series
        else:
            allocations[key[1]] = series
    return indicators, allocations


def plans_indicator_series(plan_ids: Sequence[int], as_of: date) -> dict[int, Series]:
    """Each indicator's rolled-up series over several plans (one query): the province's summary."""
    if not plan_ids:
        return {}
    return _collect(_series_rows(plan_ids, as_of, None, full=False, own=False, stated=False))[0]


def subject_series(
    plan: Plan,
    as_of: date,
    indicator_ids: Sequence[int] | None = None,
    *,
    stated: bool = True,
) -> tuple[dict[int, Series], dict[int, Series]]:
    """Each indicator's rolled-up series and each allocation's own, from approved reports on or before `as_of`.

    One query; at most three rows per subject reach Python. Without `stated` the reports'
    stated percents are not read (the cockpit does not show them).
    """
    return _collect(_series_rows([plan.pk], as_of, indicator_ids, full=False, stated=stated))


def indicator_histories_of(
    plan: Plan, indicator_ids: Sequence[int], as_of: date
) -> dict[int, list[tuple[date, Decimal]]]:
    """Every report day's cumulative actual of the given indicators (rolled up): the portal's charts."""
    histories: dict[int, list[tuple[date, Decimal]]] = defaultdict(list)
    for indicator_id, allocation_id, day, total, *_rest in _series_rows(
        [plan.pk], as_of, indicator_ids, full=True
    ):
        if allocation_id is None:
            value = _number(total)
            assert value is not None
            histories[indicator_id].append((_day(day), value))
    return histories


@dataclass(frozen=True)
class MilestoneFacts:
    done: bool
    reported: bool
    last_report_on: date | None
    done_on: date | None


def milestone_facts(plan: Plan, as_of: date) -> dict[int, MilestoneFacts]:
    """Each reported milestone's latest approved state and first done day (one query)."""
    return plans_milestone_facts([plan.pk], as_of)


def plans_milestone_facts(plan_ids: Sequence[int], as_of: date) -> dict[int, MilestoneFacts]:
    """milestone_facts over several plans (one query)."""
    approved = ProgressReport.objects.filter(
        state=ReportState.APPROVED, as_of__lte=as_of, milestone__project__plan_id__in=plan_ids
    )
    latest = (
        approved.annotate(
            newest=Window(
                RowNumber(),
                partition_by=[F("milestone_id")],
                order_by=[F("as_of").desc(), F("id").desc()],
            ),
            first_done=Window(
                Min(Case(When(done=True, then=F("as_of")))), partition_by=[F("milestone_id")]
            ),
        )
        .filter(newest=1)
        .values_list("milestone_id", "done", "as_of", "first_done")
    )
    return {
        milestone_id: MilestoneFacts(
            done=bool(done),
            reported=True,
            last_report_on=_day(day),
            done_on=_day(first_done) if done and first_done is not None else None,
        )
        for milestone_id, done, day, first_done in latest
    }


NO_FACTS = MilestoneFacts(done=False, reported=False, last_report_on=None, done_on=None)


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

    @property
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
