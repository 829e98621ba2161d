"""The rules' verdict on every whole item of some plans on a day, kept beside the current state.

A province's summary counts, sums and ranks ten thousand items: judging each one in Python at
every page view costs more than the page may. `judge` makes sure that every indicator (its
roll-up) and milestone of the plans carries its verdict for the day — level, status, percent,
expected percent and points behind, worked out by the ledger's own rules (ledger_state's
item_state and milestone_state, hence supervision.early_warning and plans.completion) — so that
the summary is read with a GROUP BY. Only the subjects whose verdict is missing or of another
day are judged: on a normal day that is what changed since the last read; on the first read of
a new day, everything (the level depends on the date through the schedule).

A change to a subject's reports or terms clears its verdict (ledger_store.refresh, forget), so
a verdict is never older than what it judged. Writes are guarded: an approval committed while a
verdict was being stored wins, and the reader falls back to judging in Python.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Case, Value, When
from django.db.models.functions import Coalesce

from minsheng.plans.choices import PlanState
from minsheng.plans.models import Indicator, Milestone, Plan, Project
from minsheng.progress import ledger_store
from minsheng.progress.ledger_history import EMPTY, FOUR_PLACES, NO_FACTS
from minsheng.progress.ledger_state import (
    Terms,
    item_state,
    milestone_state,
    schedule_points_of,
)
from minsheng.progress.models import LedgerState
from minsheng.supervision.early_warning import RISK, EarlyWarning

# Points behind are kept to six places: enough to rank, the same in every database.
BEHIND_PLACES = Decimal("0.000001")
VERDICT_FIELDS = (
    "judged_on", "level", "risk", "status", "percent", "expected_percent", "behind_points",
)  # fmt: skip


def behind(warning: EarlyWarning) -> Decimal | None:
    """The points behind as stored and ranked: six places."""
    points = warning.behind_points
    return None if points is None else points.quantize(BEHIND_PLACES)


def _placeholders(values: Sequence[Any]) -> str:
    return ", ".join(["%s"] * len(values))


def _stale(
    plan_ids: Sequence[int], day: date
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Indicators and milestones of the plans without a verdict for `day`, with their row id."""
    state = LedgerState._meta.db_table
    indicator = Indicator._meta.db_table
    milestone = Milestone._meta.db_table
    project = Project._meta.db_table
    plans = _placeholders(plan_ids)
    stale = "(s.id IS NULL OR s.judged_on IS NULL OR s.judged_on <> %s)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT i.id, p.plan_id, i.comparator, i.target, i.baseline, i.due_date, s.id
            FROM {indicator} i JOIN {project} p ON p.id = i.project_id
            LEFT JOIN {state} s ON s.indicator_id = i.id AND s.allocation_id IS NULL
            WHERE p.plan_id IN ({plans}) AND {stale}
            """,  # noqa: S608  (table names only; values are parameters)
            [*plan_ids, day],
        )
        indicators = list(cursor.fetchall())
        cursor.execute(
            f"""
            SELECT m.id, p.plan_id, m.due_date, s.id
            FROM {milestone} m JOIN {project} p ON p.id = m.project_id
            LEFT JOIN {state} s ON s.milestone_id = m.id
            WHERE p.plan_id IN ({plans}) AND {stale}
            """,  # noqa: S608
            [*plan_ids, day],
        )
        milestones = list(cursor.fetchall())
    return indicators, milestones


def _number(value: Any) -> Decimal | None:
    # A raw cursor on SQLite gives the decimal columns as int or float: back to four places.
    if value is None:
        return None
    return (value if isinstance(value, Decimal) else Decimal(repr(value))).quantize(FOUR_PLACES)


def _date(value: Any) -> date | None:
    return value if value is None or isinstance(value, date) else date.fromisoformat(value)


def _verdict(row: LedgerState, day: date, state: Any) -> LedgerState:
    warning = state.warning
    row.judged_on = day
    row.level = warning.level
    row.risk = RISK[warning.level]
    row.status = state.status
    row.percent = warning.percent
    row.expected_percent = warning.expected_percent
    row.behind_points = behind(warning)
    return row


def _update_verdicts(rows: list[LedgerState]) -> None:
    """UPDATE the verdict columns of existing rows: one statement on PostgreSQL.

    Django's bulk_update writes a CASE per column with a branch per row, which at ten thousand
    rows costs minutes; PostgreSQL takes the values as arrays instead.
    """
    if connection.vendor != "postgresql":
        LedgerState.objects.bulk_update(rows, VERDICT_FIELDS, batch_size=100)
        return
    table = LedgerState._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            cursor.execute(
                f"""
                UPDATE {table} AS s SET judged_on = v.judged_on, level = v.level,
                    risk = v.risk, status = v.status, percent = v.percent,
                    expected_percent = v.expected_percent, behind_points = v.behind_points
                FROM (SELECT UNNEST(%s::bigint[]) AS id, UNNEST(%s::date[]) AS judged_on,
                    UNNEST(%s::text[]) AS level, UNNEST(%s::int[]) AS risk,
                    UNNEST(%s::text[]) AS status, UNNEST(%s::numeric[]) AS percent,
                    UNNEST(%s::numeric[]) AS expected_percent,
                    UNNEST(%s::numeric[]) AS behind_points) AS v
                WHERE s.id = v.id
                """,  # noqa: S608  (the table name only; values are parameters)
                [
                    [row.pk for row in chunk],
                    [row.judged_on for row in chunk],
                    [str(row.level) for row in chunk],
                    [row.risk for row in chunk],
                    [str(row.status) for row in chunk],
                    [row.percent for row in chunk],
                    [row.expected_percent for row in chunk],
                    [row.behind_points for row in chunk],
                ],
            )


@dataclass(frozen=True)
class MorningJudgement:
    judged: int  # plans whose every whole item now has the day's verdict
    skipped: int  # plans with a report dated after the day (the stored state is not that day's)
    refused: int  # plans an approval changed while they were judged: judged at the next read


# Plans judged together: one stored-series read each round, a bounded amount in memory.
PLANS_PER_ROUND = 20


def judge_running_plans(day: date) -> MorningJudgement:
    """Judge the whole items of every running plan for `day` before anyone reads them.

    The morning job (`minsheng judge_ledger`): a province's first cockpit of the day would
    otherwise judge every item of its cities while its reader waits. Idempotent: items that
    already have the day's verdict are not judged again.
    """
    running = [PlanState.PUBLISHED, PlanState.IN_PROGRESS]
    plan_ids = list(
        Plan.objects.filter(state__in=running).order_by("pk").values_list("pk", flat=True)
    )
    judged = skipped = refused = 0
    for start in range(0, len(plan_ids), PLANS_PER_ROUND):
        chunk = plan_ids[start : start + PLANS_PER_ROUND]
        ahead = ledger_store.plans_not_held(chunk, day)
        holding = [plan_id for plan_id in chunk if plan_id not in ahead]
        skipped += len(ahead)
        if judge(holding, day):
            judged += len(holding)
        else:
            refused += len(holding)
    return MorningJudgement(judged=judged, skipped=skipped, refused=refused)


def judge(plan_ids: Sequence[int], day: date) -> bool:
    """Store the verdict of every whole item of the plans for `day`; False if it could not be.

    The stored state must hold for the day (ledger_store.holds); the caller checks.
    """
    if not plan_ids:
        return True
    indicators, milestones = _stale(plan_ids, day)
    if not indicators and not milestones:
        return True
    plans = {plan.pk: plan for plan in Plan.objects.filter(pk__in=plan_ids)}
    stored = ledger_store.stored_series(plan_ids, day, own=False)
    facts = ledger_store.stored_milestone_facts(plan_ids, day)
    if stored is None or facts is None:
        return False
    series = stored[0]
    points = schedule_points_of(indicator__project__plan_id__in=plan_ids)
    updated: list[LedgerState] = []
    created: list[LedgerState] = []
    for pk, plan_id, comparator, raw_target, raw_baseline, raw_due, row_id in indicators:
        plan = plans[plan_id]
        target, baseline, due = _number(raw_target), _number(raw_baseline), _date(raw_due)
        assert target is not None
        terms = Terms(
            comparator=comparator, target=target, baseline=baseline,
            points=points.get(pk, ()), start=plan.start, due=due or plan.end,
            yellow_margin=plan.yellow_margin, red_margin=plan.red_margin,
        )  # fmt: skip
        row = LedgerState(pk=row_id, plan_id=plan_id, indicator_id=pk)
        verdict = _verdict(row, day, item_state(terms, series.get(pk, EMPTY), day))
        (updated if row_id else created).append(verdict)
    for pk, plan_id, raw_due, row_id in milestones:
        plan = plans[plan_id]
        due = _date(raw_due)
        state = milestone_state(
            facts.get(pk, NO_FACTS), start=plan.start, due=due or plan.end, as_of=day
        )
        row = LedgerState(pk=row_id, plan_id=plan_id, milestone_id=pk)
        (updated if row_id else created).append(_verdict(row, day, state))
    try:
        with transaction.atomic():
            # An UPDATE of a row an approval replaced meanwhile changes nothing (its new row
            # has no verdict and is judged next time); an INSERT beside a new row is refused.
            _update_verdicts(updated)
            LedgerState.objects.bulk_create(created, batch_size=2000)
    except IntegrityError:
        return False
    return True


@dataclass(frozen=True)
class PlanTally:
    """One plan's whole items counted from their verdicts."""

    items: int
    unjudged: int
    last_report_on: date | None  # the stored state holds for a day on or after it
    percent_total: Decimal
    lagging: int
    overdue: int
    on_time: int


def tallies(
    plan_ids: Sequence[int], day: date, *, lagging: str, overdue: str, late: Sequence[str]
) -> dict[int, PlanTally]:
    """Per plan: items, those without a verdict for `day`, the sum of percents capped at 100,
    and how many are `lagging` (a status), `overdue` (a level) and not `late` (levels)."""
    state = LedgerState._meta.db_table
    indicator = Indicator._meta.db_table
    milestone = Milestone._meta.db_table
    project = Project._meta.db_table
    plans = _placeholders(plan_ids)
    late_in = _placeholders(late)
    sql = f"""
        WITH items AS (
            SELECT p.plan_id, s.judged_on, s.level, s.status, s.percent, s.last_on
            FROM {indicator} i JOIN {project} p ON p.id = i.project_id
            LEFT JOIN {state} s ON s.indicator_id = i.id AND s.allocation_id IS NULL
            WHERE p.plan_id IN ({plans})
            UNION ALL
            SELECT p.plan_id, s.judged_on, s.level, s.status, s.percent, s.last_on
            FROM {milestone} m JOIN {project} p ON p.id = m.project_id
            LEFT JOIN {state} s ON s.milestone_id = m.id
            WHERE p.plan_id IN ({plans})
        )
        SELECT plan_id, COUNT(*),
            SUM(CASE WHEN judged_on = %s THEN 0 ELSE 1 END),
            SUM(CASE WHEN percent > 100 THEN 100 ELSE COALESCE(percent, 0) END),
            SUM(CASE WHEN status = %s THEN 1 ELSE 0 END),
            SUM(CASE WHEN level = %s THEN 1 ELSE 0 END),
            SUM(CASE WHEN level IN ({late_in}) THEN 0 ELSE 1 END),
            MAX(last_on)
        FROM items GROUP BY plan_id
    """  # noqa: S608  (table names only; values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*plan_ids, *plan_ids, day, lagging, overdue, *late])
        found = cursor.fetchall()
    return {
        plan_id: PlanTally(
            items=items,
            unjudged=int(unjudged),
            percent_total=_tenths(total),
            lagging=int(lag),
            overdue=int(over),
            on_time=int(timely),
            last_report_on=None if last is None else _date(last),
        )
        for plan_id, items, unjudged, total, lag, over, timely, last in found
    }


def _tenths(value: Any) -> Decimal:
    # SQLite sums decimals as floats: back to the percents' one place.
    number = value if isinstance(value, Decimal) else Decimal(repr(value or 0))
    return number.quantize(Decimal("0.1"))


def flagged(plan_ids: Sequence[int], day: date, limit: int, **where: Any) -> list[dict[str, Any]]:
    """The riskiest `limit` whole items of the plans matching `where` (status=…, level=…).

    Riskiest first: by level's risk, then points behind, then indicators before milestones,
    then by id. The names are joined to those `limit` rows only.
    """
    ranked = (
        LedgerState.objects.filter(
            plan_id__in=plan_ids, judged_on=day, allocation__isnull=True, **where
        )
        .annotate(
            behind=Coalesce("behind_points", Value(Decimal(0))),
            is_milestone=Case(When(milestone__isnull=False, then=Value(1)), default=Value(0)),
            subject=Coalesce("indicator_id", "milestone_id"),
        )
        .order_by("-risk", "-behind", "is_milestone", "subject")
    )
    rows = LedgerState.objects.filter(pk__in=ranked.values("pk")[:limit]).values(
        "plan_id", "indicator_id", "milestone_id", "status", "level", "percent", "risk",
        "expected_percent", "behind_points", "indicator__name", "milestone__name",
        "indicator__project__number", "indicator__project__title",
        "milestone__project__number", "milestone__project__title",
    )  # fmt: skip
    return sorted(
        (dict(row) for row in rows),
        key=lambda row: (
            -row["risk"],
            -(row["behind_points"] or 0),
            row["milestone_id"] is not None,
            row["indicator_id"] or row["milestone_id"],
        ),
    )
