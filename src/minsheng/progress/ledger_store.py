"""The ledger's current state (现状表): each subject's reduced history, kept with every approval.

progress.ledger_history reduces the reports of a plan for any date with window functions; at
120,000 reports that costs more than the page that shows it. This table holds the same
reduction over every approved report, one row per indicator, allocation and milestone, so that
"today" is read as rows, not computed. `refresh` recomputes the rows of some subjects with the
same SQL (one rule, one place) and is called in the transaction of every change to what is
approved or to what a promise is held against: approval, an import, the demo, a target,
comparator or split changed. `rebuild` recomputes everything and reports what differed (the
`rebuild_ledger_state` command, an operator's check).

A row is the state on any day on or after its subject's last report day: a read for a day
before some row's last report falls back to the history (`None` from the readers below).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection, transaction

from minsheng.plans.models import Allocation, Indicator, Jurisdiction, Milestone, Project
from minsheng.progress.ledger_history import (
    FOUR_PLACES,
    Key,
    MilestoneFacts,
    Series,
    history_milestone_facts,
    latest_share_values_sql,
    reduced_subjects,
    split,
)
from minsheng.progress.models import LedgerState

# Every report dated up to the end of time: the state "from now on".
ALWAYS = date(9999, 12, 31)

SERIES_FIELDS = (
    "indicator_id", "allocation_id", "last_on", "actual", "previous_on", "previous",
    "met_on", "met_value", "stated_percent",
)  # fmt: skip
FACT_FIELDS = ("milestone_id", "last_on", "done", "done_on")


def _row_of_series(plan_id: int, key: Key, series: Series) -> LedgerState:
    points = dict(series.points)
    last_on, actual = series.points[-1]
    earlier = [day for day in points if day < last_on and day != series.met_on]
    previous_on = max(earlier) if earlier else None
    return LedgerState(
        plan_id=plan_id,
        indicator_id=key[0],
        allocation_id=key[1],
        last_on=last_on,
        actual=actual,
        previous_on=previous_on,
        previous=points[previous_on] if previous_on else None,
        met_on=series.met_on,
        met_value=points.get(series.met_on) if series.met_on else None,
        stated_percent=series.stated_percent,
    )


def _series_of_row(row: Sequence[Any]) -> Series:
    _ind, _alloc, last_on, actual, previous_on, previous, met_on, met_value, stated = row
    points = {last_on: actual}
    if previous_on is not None:
        points[previous_on] = previous
    if met_on is not None:
        points[met_on] = met_value
    return Series(
        tuple(sorted(points.items())),
        met_on,
        None if stated is None else Decimal(stated).quantize(FOUR_PLACES),
    )


def _row_of_facts(plan_id: int, milestone_id: int, facts: MilestoneFacts) -> LedgerState:
    assert facts.last_report_on is not None
    return LedgerState(
        plan_id=plan_id,
        milestone_id=milestone_id,
        last_on=facts.last_report_on,
        done=facts.done,
        done_on=facts.done_on,
    )


def _computed(
    plans: dict[int, int],
    indicator_ids: Sequence[int] | None,
    milestone_plans: dict[int, int],
    milestone_ids: Sequence[int] | None,
) -> list[LedgerState]:
    """The rows the history gives for these subjects (`plans`: indicator → plan id)."""
    rows: list[LedgerState] = []
    plan_ids = sorted(set(plans.values()))
    for key, series in reduced_subjects(plan_ids, ALWAYS, indicator_ids).items():
        rows.append(_row_of_series(plans[key[0]], key, series))
    milestone_plan_ids = sorted(set(milestone_plans.values()))
    if milestone_plan_ids:
        facts = history_milestone_facts(milestone_plan_ids, ALWAYS, milestone_ids)
        rows += [_row_of_facts(milestone_plans[pk], pk, found) for pk, found in facts.items()]
    return rows


@transaction.atomic
def refresh(*, indicators: Iterable[int] = (), milestones: Iterable[int] = ()) -> None:
    """Recompute the stored state of these indicators (with their allocations) and milestones.

    Called inside the transaction that changed their approved reports or their terms, so a
    reader never sees the reports and the state disagree.
    """
    indicator_ids = sorted(set(indicators))
    milestone_ids = sorted(set(milestones))
    plans = dict(
        Indicator.objects.filter(pk__in=indicator_ids).values_list("pk", "project__plan_id")
    )
    milestone_plans = dict(
        Milestone.objects.filter(pk__in=milestone_ids).values_list("pk", "project__plan_id")
    )
    if indicator_ids:
        LedgerState.objects.filter(indicator_id__in=indicator_ids).delete()
    if milestone_ids:
        LedgerState.objects.filter(milestone_id__in=milestone_ids).delete()
    LedgerState.objects.bulk_create(
        _computed(plans, indicator_ids, milestone_plans, milestone_ids), batch_size=2000
    )


def refresh_subject_of(report: Any) -> None:
    """Recompute the stored state of the subject a report is about (after it changed)."""
    refresh(
        indicators=[report.indicator_id] if report.indicator_id else [],
        milestones=[report.milestone_id] if report.milestone_id else [],
    )


def forget(
    *, plans: Iterable[int] = (), indicators: Iterable[int] = (), milestones: Iterable[int] = ()
) -> None:
    """Clear the stored verdicts (ledger_judged) of subjects whose terms changed: a schedule,
    a due date, a plan's margins or year. The next read judges them again."""
    cleared = {"judged_on": None}
    if plans:
        LedgerState.objects.filter(plan_id__in=list(plans)).update(**cleared)
    if indicators:
        LedgerState.objects.filter(indicator_id__in=list(indicators)).update(**cleared)
    if milestones:
        LedgerState.objects.filter(milestone_id__in=list(milestones)).update(**cleared)


def refresh_plans(plan_ids: Iterable[int]) -> None:
    """Recompute the stored state of every subject of these plans (an import, the demo)."""
    chosen = sorted(set(plan_ids))
    refresh(
        indicators=Indicator.objects.filter(project__plan_id__in=chosen).values_list(
            "pk", flat=True
        ),
        milestones=Milestone.objects.filter(project__plan_id__in=chosen).values_list(
            "pk", flat=True
        ),
    )


def _comparable(row: LedgerState) -> tuple[Any, ...]:
    return (
        row.plan_id, row.indicator_id, row.allocation_id, row.milestone_id, row.last_on,
        row.actual, row.previous_on, row.previous, row.met_on, row.met_value,
        row.stated_percent, row.done, row.done_on,
    )  # fmt: skip


def _subject(row: LedgerState) -> tuple[str, int]:
    if row.milestone_id is not None:
        return ("milestone", row.milestone_id)
    if row.allocation_id is not None:
        return ("allocation", row.allocation_id)
    assert row.indicator_id is not None
    return ("indicator", row.indicator_id)


@dataclass(frozen=True)
class Difference:
    """A subject whose stored state was not what its reports give (`None`: no row)."""

    kind: str
    pk: int
    stored: tuple[Any, ...] | None
    computed: tuple[Any, ...] | None


@transaction.atomic
def rebuild() -> list[Difference]:
    """Recompute the whole table from the reports; the differences found are returned.

    The judgements are dropped with the rest: the next read judges again.
    """
    plans = dict(Indicator.objects.values_list("pk", "project__plan_id"))
    milestone_plans = dict(Milestone.objects.values_list("pk", "project__plan_id"))
    computed = {_subject(row): row for row in _computed(plans, None, milestone_plans, None)}
    # Rows holding only a judgement (no report) are a cache of the rules, not a state.
    stored = {_subject(row): row for row in LedgerState.objects.filter(last_on__isnull=False)}
    differences: list[Difference] = []
    for key in sorted(set(computed) | set(stored)):
        new, old = computed.get(key), stored.get(key)
        new_values = _comparable(new) if new else None
        old_values = _comparable(old) if old else None
        if new_values != old_values:
            differences.append(Difference(key[0], key[1], old_values, new_values))
    LedgerState.objects.all().delete()
    LedgerState.objects.bulk_create(computed.values(), batch_size=2000)
    return differences


# ---------------------------------------------------------------------------------------
# Reads: None when the table is not the answer for that day.


def stored_series(
    plan_ids: Sequence[int],
    as_of: date,
    indicator_ids: Sequence[int] | None = None,
    *,
    own: bool = True,
) -> tuple[dict[int, Series], dict[int, Series]] | None:
    """Indicators' roll-ups and (with `own`) allocations' series on `as_of`, from the table."""
    rows = LedgerState.objects.filter(
        plan_id__in=plan_ids, indicator__isnull=False, last_on__isnull=False
    )
    if indicator_ids is not None:
        rows = rows.filter(indicator_id__in=indicator_ids)
    if not own:
        rows = rows.filter(allocation__isnull=True)
    found: dict[Key, Series] = {}
    for row in rows.values_list(*SERIES_FIELDS):
        if row[2] > as_of:
            return None
        found[(row[0], row[1])] = _series_of_row(row)
    return split(found)


def stored_milestone_facts(
    plan_ids: Sequence[int], as_of: date
) -> dict[int, MilestoneFacts] | None:
    """Each reported milestone's latest state and first done day on `as_of`, from the table."""
    facts: dict[int, MilestoneFacts] = {}
    for milestone_id, last_on, done, done_on in LedgerState.objects.filter(
        plan_id__in=plan_ids, milestone__isnull=False, last_on__isnull=False
    ).values_list(*FACT_FIELDS):
        if last_on > as_of:
            return None
        facts[milestone_id] = MilestoneFacts(
            done=bool(done), reported=True, last_report_on=last_on, done_on=done_on
        )
    return facts


def _reported_after(plan_ids: Sequence[int], as_of: date) -> Any:
    # The stored state is a plan's state on `as_of` unless some subject has a later report.
    return LedgerState.objects.filter(plan_id__in=plan_ids, last_on__gt=as_of)


def holds(plan_ids: Sequence[int], as_of: date) -> bool:
    """Whether the stored state is the state of these plans on `as_of` (no later report)."""
    return not _reported_after(plan_ids, as_of).exists()


def plans_not_held(plan_ids: Sequence[int], as_of: date) -> set[int]:
    """Those of the plans for which the stored state does not hold on `as_of` (see `holds`)."""
    return set(_reported_after(plan_ids, as_of).values_list("plan_id", flat=True))


def district_completion_sums(
    plan_id: int, district_id: int | None = None, *, as_of: date | None = None
) -> list[tuple[str, Decimal, Decimal]]:
    """district_completion in one GROUP BY over the plan's shares, in the order of their first share.

    Each share's actual comes from the current state (`as_of` None: it holds) or, for a past
    day, from its latest approved report on that day (ledger_history); the sum is the same.
    """
    allocation = Allocation._meta.db_table
    indicator = Indicator._meta.db_table
    project = Project._meta.db_table
    place = Jurisdiction._meta.db_table
    if as_of is None:
        state = LedgerState._meta.db_table
        actuals = f"SELECT allocation_id, actual FROM {state} WHERE plan_id = %s"  # noqa: S608
        actual_params: list[Any] = [plan_id]
    else:
        actuals, actual_params = latest_share_values_sql(plan_id, as_of)
    only = "AND a.jurisdiction_id = %s" if district_id is not None else ""
    sql = f"""
        SELECT j.name,
            SUM(CASE WHEN COALESCE(s.actual, 0) < a.target THEN COALESCE(s.actual, 0)
                ELSE a.target END),
            SUM(a.target)
        FROM {allocation} a
        JOIN {place} j ON j.id = a.jurisdiction_id
        JOIN {indicator} i ON i.id = a.indicator_id
        JOIN {project} p ON p.id = i.project_id
        LEFT JOIN ({actuals}) s ON s.allocation_id = a.id
        WHERE p.plan_id = %s AND a.target > 0 {only}
        GROUP BY j.name ORDER BY MIN(a.id)
    """  # noqa: S608  (table names only; values are parameters)
    params = [*actual_params, plan_id] + ([district_id] if district_id is not None else [])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(name, _decimal(done), _decimal(total)) for name, done, total in cursor.fetchall()]


def _decimal(value: Any) -> Decimal:
    # SQLite sums decimals as floats: back to the columns' four places.
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    return number.quantize(FOUR_PLACES)
