from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minsheng.plans.choices import DONE_STATUSES, Comparator, Status
from minsheng.plans.completion import (
    assess_indicator,
    assess_milestone,
    percent_of_plan,
    stated_percent_matches,
)

D = Decimal
MID_YEAR = date(2025, 7, 1)
YEAR_END = date(2025, 12, 31)


@pytest.mark.parametrize(
    ("target", "actual", "percent"),
    [
        (600, "778.55", "129.8"),
        (30000, 38400, "128.0"),
        (20000, 20600, "103.0"),
        (25000, 26200, "104.8"),
        (95, 101, "106.3"),
        (60, 74, "123.3"),
        (70000, 106300, "151.9"),
        (10, 20, "200.0"),
    ],
)
def test_percent_of_plan_matches_the_qingdao_report(target, actual, percent):
    assert percent_of_plan(Comparator.AT_LEAST, D(target), D(actual)) == D(percent)


def test_percent_is_none_without_an_actual():
    assert percent_of_plan(Comparator.AT_LEAST, D(100), None) is None


def test_at_most_indicator_met_shows_one_hundred_percent_however_low():
    assert percent_of_plan(Comparator.AT_MOST, D(800), D(600)) == D("100.0")


def test_at_most_indicator_above_target_is_short_of_plan():
    assert percent_of_plan(Comparator.AT_MOST, D(800), D(1000)) == D("80.0")


def test_at_most_indicator_measured_from_its_baseline():
    assert percent_of_plan(Comparator.AT_MOST, D(800), D(900), baseline=D(1000)) == D("50.0")


def _assess(comparator, target, actual, **kwargs):
    defaults = {"expected_share": D("0.5"), "as_of": MID_YEAR, "due": YEAR_END}
    return assess_indicator(
        comparator=comparator,
        target=D(target),
        actual=None if actual is None else D(actual),
        **{**defaults, **kwargs},
    )


def test_no_approved_actual_is_not_started():
    assert _assess(Comparator.AT_LEAST, 100, None).status == Status.NOT_STARTED


def test_no_actual_after_the_due_date_is_lagging():
    assert _assess(Comparator.AT_LEAST, 100, None, as_of=date(2026, 1, 5)).status == Status.LAGGING


def test_behind_schedule_beyond_tolerance_is_lagging():
    assert _assess(Comparator.AT_LEAST, 100, 40).status == Status.LAGGING


def test_within_tolerance_of_schedule_is_on_track():
    assert _assess(Comparator.AT_LEAST, 100, 46).status == Status.ON_TRACK


def test_above_target_is_exceeded():
    assert _assess(Comparator.AT_LEAST, 100, 101).status == Status.EXCEEDED


def test_met_before_the_due_date_is_completed_early():
    result = _assess(Comparator.AT_LEAST, 100, 100, met_on=date(2025, 6, 1))
    assert result.status == Status.COMPLETED_EARLY


def test_met_on_the_due_date_is_completed():
    result = _assess(Comparator.AT_LEAST, 100, 100, as_of=YEAR_END, met_on=YEAR_END)
    assert result.status == Status.COMPLETED


def test_lower_than_an_at_most_target_is_completed_not_exceeded():
    result = _assess(Comparator.AT_MOST, 800, 500, as_of=YEAR_END, met_on=YEAR_END)
    assert result.status == Status.COMPLETED


def test_milestone_done_before_due_is_completed_early():
    result = assess_milestone(
        done=True, done_on=date(2025, 8, 1), due=YEAR_END, as_of=YEAR_END, reported=True
    )
    assert (result.status, result.percent) == (Status.COMPLETED_EARLY, D("100.0"))


def test_milestone_not_done_after_due_is_lagging():
    result = assess_milestone(
        done=False, done_on=None, due=date(2025, 6, 30), as_of=MID_YEAR, reported=True
    )
    assert (result.status, result.percent) == (Status.LAGGING, D("0.0"))


@pytest.mark.parametrize(
    ("stated", "target", "actual", "matches"),
    [
        ("128", 30000, 38400, True),
        ("104.8", 25000, 26200, True),
        ("129.8", 600, "778.55", True),
        ("130", 600, "778.55", True),
        ("120", 30000, 38400, False),
        # 7558 of 6300 is 119.97%: printed rounded (120%) or cut (119%), never 118%
        ("119", 6300, 7558, True),
        ("120", 6300, 7558, True),
        ("118", 6300, 7558, False),
        ("119.9", 6300, 7558, True),
        ("119.8", 6300, 7558, False),
    ],
)
def test_stated_percent_is_checked_at_its_own_precision(stated, target, actual, matches):
    assert stated_percent_matches(D(stated), Comparator.AT_LEAST, D(target), D(actual)) is matches


values = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
positive = st.decimals(
    min_value=D("0.01"), max_value=10**9, places=2, allow_nan=False, allow_infinity=False
)
shares = st.decimals(min_value=0, max_value=1, places=3)
days = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 3, 31))
comparators = st.sampled_from(list(Comparator))


@given(comparator=comparators, target=positive, actual=values, share=shares, as_of=days)
def test_done_statuses_only_when_the_promise_is_kept(comparator, target, actual, share, as_of):
    result = assess_indicator(
        comparator=comparator,
        target=target,
        actual=actual,
        expected_share=share,
        as_of=as_of,
        due=YEAR_END,
    )
    kept = {
        Comparator.AT_LEAST: actual >= target,
        Comparator.AT_MOST: actual <= target,
        Comparator.EXACTLY: actual == target,
    }[comparator]
    assert (result.status in DONE_STATUSES) is kept


@given(target=positive, actual=values, share=shares, as_of=days)
def test_at_most_is_never_exceeded_nor_above_one_hundred(target, actual, share, as_of):
    result = assess_indicator(
        comparator=Comparator.AT_MOST,
        target=target,
        actual=actual,
        expected_share=share,
        as_of=as_of,
        due=YEAR_END,
    )
    assert result.status != Status.EXCEEDED
    assert result.percent is not None and result.percent <= 100


@given(target=positive, low=values, high=values)
def test_more_is_never_less_for_at_least(target, low, high):
    low, high = min(low, high), max(low, high)
    assert percent_of_plan(Comparator.AT_LEAST, target, low) <= percent_of_plan(
        Comparator.AT_LEAST, target, high
    )


@given(target=positive, low=positive, high=positive)
def test_less_is_never_worse_for_at_most(target, low, high):
    low, high = min(low, high), max(low, high)
    assert percent_of_plan(Comparator.AT_MOST, target, low) >= percent_of_plan(
        Comparator.AT_MOST, target, high
    )


@given(comparator=comparators, target=positive, actual=values)
def test_percent_has_one_decimal_and_is_never_negative(comparator, target, actual):
    percent = percent_of_plan(comparator, target, actual)
    assert percent is not None and percent >= 0 and percent.as_tuple().exponent == -1


# The "=" comparator: exactly the target keeps the promise, overshooting does not count.


def test_exactly_the_target_keeps_an_equal_promise():
    assert percent_of_plan(Comparator.EXACTLY, Decimal(10), Decimal(10)) == Decimal("100.0")


def test_overshooting_an_equal_promise_counts_less_than_kept():
    assert percent_of_plan(Comparator.EXACTLY, Decimal(10), Decimal(12)) == Decimal("83.3")


def test_halfway_to_an_equal_promise_is_fifty_percent():
    assert percent_of_plan(Comparator.EXACTLY, Decimal(10), Decimal(5)) == Decimal("50.0")


def test_an_equal_promise_of_zero_is_kept_only_by_zero():
    assert percent_of_plan(Comparator.EXACTLY, Decimal(0), Decimal(0)) == Decimal("100.0")
    assert percent_of_plan(Comparator.EXACTLY, Decimal(0), Decimal(1)) == Decimal("0.0")


def test_an_equal_promise_overshot_is_not_completed():
    status = assess_indicator(
        comparator=Comparator.EXACTLY,
        target=Decimal(10),
        actual=Decimal(12),
        expected_share=Decimal("0.5"),
        as_of=date(2025, 6, 30),
        due=date(2025, 12, 31),
    ).status
    assert status == Status.ON_TRACK


def test_an_equal_promise_kept_before_its_due_date_is_completed_early():
    status = assess_indicator(
        comparator=Comparator.EXACTLY,
        target=Decimal(10),
        actual=Decimal(10),
        expected_share=Decimal("0.5"),
        as_of=date(2025, 6, 30),
        due=date(2025, 12, 31),
        met_on=date(2025, 6, 1),
    ).status
    assert status == Status.COMPLETED_EARLY


# Edges of the rule, one fact each (the mutants of scripts/mutation-test name them).


def test_a_promise_of_at_least_zero_is_kept_by_nothing_at_all():
    assert percent_of_plan(Comparator.AT_LEAST, D(0), D(0)) == D("100.0")


def test_nothing_done_of_at_least_ten_is_zero_percent():
    assert percent_of_plan(Comparator.AT_LEAST, D(10), D(0)) == D("0.0")


def test_half_of_a_target_of_one_is_fifty_percent():
    assert percent_of_plan(Comparator.AT_LEAST, D(1), D("0.5")) == D("50.0")


def test_zero_accidents_promised_and_zero_happened_is_kept():
    assert percent_of_plan(Comparator.AT_MOST, D(0), D(0)) == D("100.0")


def test_a_rate_above_its_ceiling_below_one_is_measured_as_target_over_actual():
    # 事故率 ≤ 0.5‰, 0.8‰ reached: 0.5 ÷ 0.8.
    assert percent_of_plan(Comparator.AT_MOST, D("0.5"), D("0.8")) == D("62.5")


def test_a_baseline_equal_to_the_ceiling_falls_back_to_target_over_actual():
    assert percent_of_plan(Comparator.AT_MOST, D(800), D(900), baseline=D(800)) == D("88.9")


def test_the_expected_percent_is_the_schedules_share_in_percent():
    assert _assess(Comparator.AT_LEAST, 100, 50, expected_share=D("0.25")).expected_percent == D(
        "25.0"
    )


def test_no_report_on_the_due_date_itself_is_not_yet_lagging():
    assert _assess(Comparator.AT_LEAST, 100, None, as_of=YEAR_END).status == Status.NOT_STARTED


def test_within_tolerance_on_the_due_date_is_on_track_and_the_day_after_lagging():
    on_the_day = _assess(Comparator.AT_LEAST, 100, 97, expected_share=D(1), as_of=YEAR_END)
    day_after = _assess(Comparator.AT_LEAST, 100, 97, expected_share=D(1), as_of=date(2026, 1, 1))
    assert (on_the_day.status, day_after.status) == (Status.ON_TRACK, Status.LAGGING)


def test_exactly_the_tolerance_behind_is_still_on_track():
    assert _assess(Comparator.AT_LEAST, 100, 45).status == Status.ON_TRACK


def test_a_milestone_done_without_a_known_day_is_completed():
    result = assess_milestone(done=True, done_on=None, due=YEAR_END, as_of=YEAR_END, reported=True)
    assert result.status == Status.COMPLETED


def test_a_milestone_done_on_its_due_date_is_completed_not_early():
    result = assess_milestone(
        done=True, done_on=YEAR_END, due=YEAR_END, as_of=YEAR_END, reported=True
    )
    assert result.status == Status.COMPLETED


def test_a_reported_milestone_not_done_on_its_due_date_is_on_track():
    result = assess_milestone(done=False, done_on=None, due=YEAR_END, as_of=YEAR_END, reported=True)
    assert result.status == Status.ON_TRACK


def test_a_milestone_nobody_reported_on_before_its_due_date_is_not_started():
    result = assess_milestone(
        done=False, done_on=None, due=YEAR_END, as_of=MID_YEAR, reported=False
    )
    assert result.status == Status.NOT_STARTED


def test_a_milestone_not_done_shows_zero_percent_with_one_decimal():
    result = assess_milestone(done=False, done_on=None, due=YEAR_END, as_of=MID_YEAR, reported=True)
    assert str(result.percent) == "0.0"


def test_a_milestones_expected_percent_is_nothing_before_its_due_date_and_all_from_it():
    def expected(as_of):
        return assess_milestone(
            done=False, done_on=None, due=YEAR_END, as_of=as_of, reported=True
        ).expected_percent

    assert [str(expected(MID_YEAR)), str(expected(YEAR_END))] == ["0.0", "100.0"]
