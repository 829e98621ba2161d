"""The ledger's history reduced in the database: each subject's series as of any date.

Window functions (PostgreSQL and SQLite alike) reduce every subject's approved reports to what
the rules read: the last two report days and the first day the promise was kept (a `Series`),
or a milestone's latest state and first done day (`MilestoneFacts`). This is the answer for a
past date; for today progress.ledger_store keeps the same reductions in a table.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Case, F, Min, When, Window
from django.db.models.functions import RowNumber

from minsheng.plans.choices import Comparator
from minsheng.plans.models import Allocation, Indicator, Plan, Project
from minsheng.progress.models import ProgressReport, ReportState

FOUR_PLACES = Decimal("0.0001")


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
    An indicator with shares counts its shares' reports, one without its own: that is asked
    once per indicator (`split`, materialized so that the planner does not ask it per report).
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
WITH split AS MATERIALIZED (
    SELECT i.id, CASE WHEN EXISTS (
        SELECT 1 FROM {allocation} a WHERE a.indicator_id = i.id) THEN 1 ELSE 0 END AS shared
    FROM {indicator} i JOIN {project} p ON p.id = i.project_id
    WHERE p.plan_id IN ({in_plans})
), r AS (
    SELECT pr.id, pr.as_of, pr.indicator_id, pr.allocation_id, pr.value, pr.stated_percent
    FROM {report} pr
    JOIN split ON split.id = pr.indicator_id
    WHERE pr.state = %s AND pr.as_of <= %s AND pr.value IS NOT NULL
    {chosen}
    AND (CASE WHEN pr.allocation_id IS NULL THEN 0 ELSE 1 END) = split.shared
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
        sql = sql.replace("WITH ", f"WITH chosen(value) AS (VALUES {values}), ", 1)
        params = [*ids, *params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


Key = tuple[int, int | None]  # (indicator, allocation or None for the indicator's roll-up)


def series_by_subject(rows: Iterable[tuple[Any, ...]]) -> dict[Key, Series]:
    """The reduced rows of _series_rows as one Series per (indicator, allocation)."""
    points: dict[Key, list[tuple[date, Decimal]]] = defaultdict(list)
    met: dict[Key, date | None] = {}
    stated: dict[Key, Decimal | None] = {}
    for indicator_id, allocation_id, day, total, said, rn, first_met in rows:
        key = (indicator_id, allocation_id)
        value = _number(total)
        assert value is not None
        points[key].append((_day(day), value))
        met[key] = _day(first_met) if first_met is not None else None
        if rn == 1:
            stated[key] = _number(said) if said is not None else None
    return {key: Series(tuple(found), met[key], stated.get(key)) for key, found in points.items()}


def split(found: dict[Key, Series]) -> tuple[dict[int, Series], dict[int, Series]]:
    """Indicators' roll-ups by indicator id, allocations' own series by allocation id."""
    indicators: dict[int, Series] = {}
    allocations: dict[int, Series] = {}
    for (indicator_id, allocation_id), series in found.items():
        if allocation_id is None:
            indicators[indicator_id] = series
        else:
            allocations[allocation_id] = series
    return indicators, allocations


def _collect(rows: Iterable[tuple[Any, ...]]) -> tuple[dict[int, Series], dict[int, Series]]:
    return split(series_by_subject(rows))


def reduced_subjects(
    plan_ids: Sequence[int], as_of: date, indicator_ids: Sequence[int] | None = None
) -> dict[Key, Series]:
    """Every indicator's roll-up and every allocation's own series, stated percents included."""
    if not plan_ids:
        return {}
    return series_by_subject(_series_rows(plan_ids, as_of, indicator_ids, full=False))


def history_plans_indicator_series(plan_ids: Sequence[int], as_of: date) -> dict[int, Series]:
    """Each indicator's rolled-up series over several plans (one query): the province's summary."""
    if not plan_ids:
        return {}
    return _collect(_series_rows(plan_ids, as_of, None, full=False, own=False, stated=False))[0]


def history_subject_series(
    plan: Plan,
    as_of: date,
    indicator_ids: Sequence[int] | None = None,
    *,
    stated: bool = True,
    own: bool = True,
) -> tuple[dict[int, Series], dict[int, Series]]:
    """Each indicator's rolled-up series and each allocation's own, from approved reports on or before `as_of`.

    One query; at most three rows per subject reach Python. Without `stated` the reports'
    stated percents are not read (the cockpit does not show them); without `own`, nor the
    allocations' own series.
    """
    return _collect(
        _series_rows([plan.pk], as_of, indicator_ids, full=False, stated=stated, own=own)
    )


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


def latest_share_values_sql(plan_id: int, as_of: date) -> tuple[str, list[Any]]:
    """(SQL, parameters) of each share's latest approved value on `as_of`: rows (allocation_id, actual).

    The latest value is what a share's series ends on (its deltas add up to it), read with
    one window pass instead of the whole reduction: a summary of shares needs nothing else.
    """
    report = ProgressReport._meta.db_table
    indicator = Indicator._meta.db_table
    project = Project._meta.db_table
    sql = f"""
        SELECT allocation_id, value AS actual FROM (
            SELECT pr.allocation_id, pr.value, ROW_NUMBER() OVER (
                PARTITION BY pr.allocation_id ORDER BY pr.as_of DESC, pr.id DESC) AS newest
            FROM {report} pr
            JOIN {indicator} i ON i.id = pr.indicator_id
            JOIN {project} p ON p.id = i.project_id
            WHERE p.plan_id = %s AND pr.state = %s AND pr.as_of <= %s
                AND pr.value IS NOT NULL AND pr.allocation_id IS NOT NULL
        ) latest WHERE newest = 1
    """  # noqa: S608  (table names only; values are parameters)
    return sql, [plan_id, ReportState.APPROVED.value, as_of]


@dataclass(frozen=True)
class MilestoneFacts:
    done: bool
    reported: bool
    last_report_on: date | None
    done_on: date | None


def history_milestone_facts(
    plan_ids: Sequence[int], as_of: date, milestone_ids: Sequence[int] | None = None
) -> dict[int, MilestoneFacts]:
    """Each reported milestone's latest approved state and first done day (one query)."""
    approved = ProgressReport.objects.filter(
        state=ReportState.APPROVED, as_of__lte=as_of, milestone__project__plan_id__in=plan_ids
    )
    if milestone_ids is not None:
        approved = approved.filter(milestone_id__in=milestone_ids)
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
