"""The ledger's read model: one state per item on a date, the same in every consumer.

The reference below reads the whole report history in Python, the way the rule is written in
docs/architecture.md; the read model reduces the history in the database. Random histories
must give the same figures and levels in the ledger (portal, API, year-end report, exports),
the cockpit, the `warnings` command and the bulletin.
"""

import json
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minsheng.plans.completion import HUNDRED, assess_indicator, is_met
from minsheng.plans.models import SchedulePoint
from minsheng.progress import ledger_store
from minsheng.progress.ledger_history import history_milestone_facts, history_subject_series
from minsheng.progress.ledger_state import bulletin_colour, plan_ledger
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.reports.bulletin import YELLOW, quarterly_bulletin
from minsheng.supervision.early_warning import Level, indicator_warning
from minsheng.supervision.forecast import forecast
from minsheng.supervision.selectors import ALLOCATION, INDICATOR, cockpit, plan_warnings
from minsheng.testing import (
    make_allocation,
    make_district,
    make_indicator,
    make_milestone,
    make_plan,
    make_project,
    make_report,
)

D = Decimal
START = date(2025, 1, 1)


@pytest.mark.django_db
def test_twelve_points_behind_before_the_due_date_is_yellow_in_the_cockpit_and_the_bulletin():
    # Scheduled 100 % by 30 June, due 31 December, 88 of 100 done on 30 September, margins 5/15.
    plan = make_plan(yellow_margin=D(5), red_margin=D(15))
    indicator = make_indicator(make_project(plan), name="改造老旧小区", target=D(100))
    SchedulePoint.objects.create(
        indicator=indicator, date=date(2025, 6, 30), cumulative_percent=D(100)
    )
    make_report(indicator=indicator, value=88, as_of=date(2025, 9, 30))
    day = date(2025, 9, 30)
    (item,) = plan_warnings(plan, as_of=day)
    (warning,) = quarterly_bulletin(plan, as_of=day).warnings
    assert (item.warning.level, warning.level) == (Level.YELLOW, YELLOW)


@pytest.mark.django_db
def test_a_past_day_counts_only_reports_dated_up_to_it():
    plan = make_plan()
    indicator = make_indicator(make_project(plan), target=D(100))
    make_report(indicator=indicator, value=40, as_of=date(2025, 5, 31))
    make_report(indicator=indicator, value=70, as_of=date(2025, 8, 31))
    (row,) = plan_ledger(plan, as_of=date(2025, 6, 30))[0].indicators
    assert (row.actual, row.actual_as_of) == (D(40), date(2025, 5, 31))


@pytest.mark.django_db
def test_an_allocated_indicator_is_the_sum_of_each_districts_latest_value():
    plan = make_plan()
    indicator = make_indicator(make_project(plan), target=D(100))
    east, west = (make_district(plan.jurisdiction) for _ in range(2))
    first = make_allocation(indicator, east, D(50))
    second = make_allocation(indicator, west, D(50))
    make_report(indicator=indicator, allocation=first, value=10, as_of=date(2025, 3, 31))
    make_report(indicator=indicator, allocation=first, value=30, as_of=date(2025, 6, 30))
    make_report(indicator=indicator, allocation=second, value=25, as_of=date(2025, 4, 30))
    (row,) = plan_ledger(plan, as_of=date(2025, 7, 1))[0].indicators
    assert row.actual == D(55)


@pytest.mark.django_db
def test_the_ledger_is_read_in_the_same_number_of_queries_for_one_and_many_reports(
    django_assert_num_queries,
):
    plan = make_plan()
    indicator = make_indicator(make_project(plan), target=D(100))
    make_report(indicator=indicator, value=1, as_of=date(2025, 1, 31))
    with django_assert_num_queries(8):
        plan_ledger(plan, as_of=date(2025, 12, 31))
    for month in range(2, 13):
        make_report(indicator=indicator, value=month, as_of=date(2025, month, 28))
    with django_assert_num_queries(8):
        plan_ledger(plan, as_of=date(2025, 12, 31))


# ---------------------------------------------------------------------------------------
# Agreement on random histories.

# Round figures hit targets exactly (the "=" comparator, met on the day); cents test the sums.
values = st.integers(0, 10).map(lambda k: D(25 * k)) | st.decimals(
    min_value=0, max_value=250, places=2
)
report = st.tuples(
    st.integers(min_value=0, max_value=2),  # which allocation (ignored without allocations)
    st.integers(min_value=0, max_value=364),  # day of the year
    values,
    st.booleans(),  # approved?
)
history = st.fixed_dictionaries(
    {
        "comparator": st.sampled_from(["gte", "lte", "eq"]),
        "target": st.sampled_from([D(50), D(100), D(200)]) | st.integers(1, 200).map(D),
        "baseline": st.none() | st.integers(min_value=0, max_value=400).map(D),
        "districts": st.integers(min_value=0, max_value=3),
        "point": st.none() | st.tuples(st.integers(1, 300), st.integers(0, 100)),
        "reports": st.lists(report, max_size=10),
        "milestone": st.lists(st.tuples(st.integers(0, 364), st.booleans()), max_size=4),
        "as_of": st.integers(min_value=0, max_value=400),
    }
)


def reference_series(reports, split):
    """(day, cumulative actual) after each report day, reading every report (the written rule)."""
    latest, series = {}, {}
    for _, day, allocation, value in sorted(reports, key=lambda r: (r[1], r[0])):
        if split != (allocation is not None):
            continue
        latest[allocation] = value
        series[day] = sum(latest.values(), D(0))
    return list(series.items())


def build(data):
    plan = make_plan(yellow_margin=D(5), red_margin=D(15))
    project = make_project(plan)
    indicator = make_indicator(
        project,
        comparator=data["comparator"],
        target=data["target"],
        baseline=data["baseline"] if data["comparator"] == "lte" else None,
    )
    if data["point"]:
        offset, percent = data["point"]
        SchedulePoint.objects.create(
            indicator=indicator,
            date=START + timedelta(days=offset),
            cumulative_percent=D(percent),
        )
    allocations = [
        make_allocation(indicator, make_district(plan.jurisdiction), data["target"])
        for _ in range(data["districts"])
    ]
    facts = []
    for which, offset, value, approved in data["reports"]:
        allocation = allocations[which % len(allocations)] if allocations else None
        made = make_report(
            indicator=indicator,
            allocation=allocation,
            value=value,
            as_of=START + timedelta(days=offset),
            state=ReportState.APPROVED if approved else ReportState.SUBMITTED,
        )
        if approved:
            facts.append((made.pk, made.as_of, allocation.pk if allocation else None, value))
    milestone = make_milestone(project)
    for offset, done in data["milestone"]:
        make_report(milestone=milestone, done=done, as_of=START + timedelta(days=offset))
    return plan, indicator, facts


@pytest.mark.django_db
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=history)
def test_every_consumer_gives_the_same_figures_and_levels(data):
    with transaction.atomic():
        plan, indicator, facts = build(data)
        day = START + timedelta(days=data["as_of"])
        seen = [fact for fact in facts if fact[1] <= day]
        series = reference_series(seen, split=bool(data["districts"]))
        actual = series[-1][1] if series else None
        met_on = next(
            (d for d, v in series if is_met(indicator.comparator, indicator.target, v)), None
        )
        points = [(p.date, p.cumulative_percent) for p in indicator.schedule_points.all()]
        warning = indicator_warning(
            comparator=indicator.comparator, target=indicator.target, actual=actual,
            points=points, start=plan.start, due=plan.end, as_of=day,
            yellow_margin=plan.yellow_margin, red_margin=plan.red_margin,
            baseline=indicator.baseline,
        )  # fmt: skip
        status = assess_indicator(
            comparator=indicator.comparator, target=indicator.target, actual=actual,
            expected_share=warning.expected_share, as_of=day, due=plan.end, met_on=met_on,
            baseline=indicator.baseline, lag_tolerance=plan.yellow_margin / HUNDRED,
        ).status  # fmt: skip
        outlook = forecast(
            comparator=indicator.comparator, target=indicator.target, series=series,
            points=points, start=plan.start, end=plan.end, baseline=indicator.baseline,
        )  # fmt: skip

        (ledger_row,) = plan_ledger(plan, as_of=day)[0].indicators
        items = plan_warnings(plan, as_of=day)
        (cockpit_item,) = [item for item in items if item.kind == INDICATOR]
        out = StringIO()
        call_command(
            "warnings", jurisdiction=plan.jurisdiction.slug, year=plan.year,
            as_of=day, json=True, stdout=out,
        )  # fmt: skip
        (command_item,) = [
            row for row in json.loads(out.getvalue())["items"] if row["kind"] == INDICATOR
        ]
        colours = {w.item: w.level for w in quarterly_bulletin(plan, as_of=day).warnings}

        assert (ledger_row.actual, ledger_row.met_on, ledger_row.status) == (actual, met_on, status)
        assert ledger_row.percent == warning.percent or actual is None
        assert cockpit_item.warning == ledger_row.warning == warning
        assert cockpit_item.status == status
        assert cockpit_item.forecast == ledger_row.forecast == outlook
        assert command_item["level"] == str(warning.level)
        assert command_item["percent"] == (
            None if warning.percent is None else format(warning.percent.normalize(), "f")
        )
        assert colours.get(indicator.name, "") == bulletin_colour(warning.level)
        assert cockpit(plan, as_of=day).level_counts[warning.level] >= 1
        for item in items:
            if item.kind == ALLOCATION:
                assert item.allocation is not None
                own = reference_series([f for f in seen if f[2] == item.allocation.pk], split=True)
                assert item.warning.actual == (own[-1][1] if own else None)
        transaction.set_rollback(True)


@pytest.mark.django_db
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=history, withdrawn=st.lists(st.tuples(st.integers(0, 9), st.booleans()), max_size=3))
def test_the_stored_state_and_the_history_agree_with_the_reference_after_withdrawals(
    data, withdrawn
):
    with transaction.atomic():
        plan, indicator, facts = build(data)
        gone = set()
        for which, delete in withdrawn:
            if which >= len(facts) or which in gone:
                continue
            gone.add(which)
            report = ProgressReport.objects.get(pk=facts[which][0])
            # An approved report withdrawn (or deleted): its subject's state is recomputed.
            if delete:
                report.delete()
            else:
                ProgressReport.objects.filter(pk=report.pk).update(state=ReportState.RETURNED)
            ledger_store.refresh_subject_of(report)
        kept = [fact for n, fact in enumerate(facts) if n not in gone]
        day = START + timedelta(days=400)  # after every report: the stored state holds
        full = reference_series(kept, split=bool(data["districts"]))
        met_on = next(
            (d for d, v in full if is_met(indicator.comparator, indicator.target, v)), None
        )
        days = {d for d, _ in full[-2:]} | ({met_on} if met_on else set())
        expected = [(d, v) for d, v in full if d in days]

        stored = ledger_store.stored_series([plan.pk], day)
        computed = history_subject_series(plan, day)
        assert stored is not None
        assert stored == computed
        series = stored[0].get(indicator.pk)
        assert (list(series.points) if series else []) == expected
        assert (series.met_on if series else None) == met_on
        assert ledger_store.stored_milestone_facts([plan.pk], day) == history_milestone_facts(
            [plan.pk], day
        )
        assert ledger_store.rebuild() == []
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_day_before_the_last_report_is_read_from_the_history():
    plan = make_plan()
    indicator = make_indicator(make_project(plan), target=D(100))
    make_report(indicator=indicator, value=40, as_of=date(2025, 5, 31))
    make_report(indicator=indicator, value=70, as_of=date(2025, 8, 31))
    assert ledger_store.stored_series([plan.pk], date(2025, 6, 30)) is None


@pytest.mark.django_db
def test_the_rebuild_command_lists_a_state_that_differed_from_the_reports():
    plan = make_plan()
    indicator = make_indicator(make_project(plan), target=D(100))
    make_report(indicator=indicator, value=40, as_of=date(2025, 5, 31))
    ledger_store.LedgerState.objects.filter(indicator=indicator).update(actual=D(1))
    out = StringIO()
    call_command("rebuild_ledger_state", stdout=out)
    assert out.getvalue().startswith(f"indicator:{indicator.pk}\t")
