from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from minsheng.plans.choices import Comparator, Status
from minsheng.plans.completion import assess_indicator
from minsheng.supervision.early_warning import (
    RISK,
    Level,
    indicator_warning,
    level_for,
    milestone_warning,
)

START, END = date(2025, 1, 1), date(2025, 12, 31)
MID_YEAR = date(2025, 7, 1)
QUARTERS = [
    (date(2025, 3, 31), Decimal(20)),
    (date(2025, 6, 30), Decimal(50)),
    (date(2025, 9, 30), Decimal(80)),
]
MARGINS = {"yellow_margin": Decimal(5), "red_margin": Decimal(15)}


def warn(actual, *, target=30000, points=(), as_of=MID_YEAR, due=END, **extra):
    return indicator_warning(
        comparator=extra.pop("comparator", Comparator.AT_LEAST),
        target=Decimal(target),
        actual=None if actual is None else Decimal(actual),
        points=list(points),
        start=START,
        due=due,
        as_of=as_of,
        **{**MARGINS, **extra},
    )


def test_linear_schedule_expects_181_of_364_days_on_the_first_of_july():
    warning = warn(15000)
    assert warning.expected_share == Decimal(181) / Decimal(364)
    assert warning.expected_value == Decimal("14917.58")
    assert warning.expected_percent == Decimal("49.7")


def test_a_little_ahead_of_schedule_is_green():
    assert warn(15000).level == Level.GREEN


def test_ten_points_behind_is_yellow():
    warning = warn(12000)
    assert warning.percent == Decimal("40.0")
    assert warning.gap == Decimal("2917.58")
    assert warning.level == Level.YELLOW


def test_twenty_points_behind_is_red():
    assert warn(9000).level == Level.RED


def test_exactly_the_margin_behind_does_not_cross_it():
    on_the_line = warn(13500, points=QUARTERS, as_of=date(2025, 6, 30))
    assert on_the_line.behind_points == Decimal(5)
    assert on_the_line.level == Level.GREEN
    assert warn(13499, points=QUARTERS, as_of=date(2025, 6, 30)).level == Level.YELLOW


def test_the_schedule_shapes_the_expected_value():
    assert warn(6000, points=QUARTERS, as_of=date(2025, 3, 31)).expected_value == Decimal("6000.00")


def test_a_kept_promise_is_green_even_after_its_due_date():
    assert warn(30000, as_of=date(2026, 1, 15)).level == Level.GREEN


def test_an_unkept_promise_past_its_due_date_is_overdue():
    assert warn(29999, due=date(2025, 6, 30)).level == Level.OVERDUE


def test_no_approved_report_while_progress_is_expected_is_no_report():
    warning = warn(None)
    assert warning.level == Level.NO_REPORT
    assert warning.gap is None


def test_nothing_is_missing_on_the_first_day_of_the_year():
    assert warn(None, as_of=START).level == Level.GREEN


def test_no_report_past_the_due_date_is_overdue():
    assert warn(None, due=date(2025, 6, 1)).level == Level.OVERDUE


def test_a_falling_promise_is_measured_down_from_its_baseline():
    warning = warn(
        950,
        target=800,
        baseline=Decimal(1000),
        comparator=Comparator.AT_MOST,
        points=QUARTERS,
        as_of=date(2025, 6, 30),
    )
    assert warning.expected_value == Decimal("900.00")
    assert warning.gap == Decimal("50.00")
    assert warning.level == Level.RED


def test_levels_cross_strictly_beyond_the_margins():
    assert level_for(Decimal(5), yellow_margin=Decimal(5), red_margin=Decimal(15)) == Level.GREEN
    assert level_for(Decimal("15.01"), yellow_margin=Decimal(5), red_margin=Decimal(15)) == (
        Level.RED
    )


def test_a_done_milestone_is_green():
    warning = milestone_warning(done=True, reported=True, start=START, due=END, as_of=MID_YEAR)
    assert warning.level == Level.GREEN


def test_an_unreported_milestone_mid_year_is_no_report():
    warning = milestone_warning(done=False, reported=False, start=START, due=END, as_of=MID_YEAR)
    assert warning.level == Level.NO_REPORT


def test_a_milestone_not_done_by_its_due_date_is_overdue():
    warning = milestone_warning(
        done=False, reported=True, start=START, due=date(2025, 6, 30), as_of=MID_YEAR
    )
    assert warning.level == Level.OVERDUE


days = st.dates(min_value=date(2025, 1, 2), max_value=date(2025, 12, 30))
values = st.integers(min_value=0, max_value=40000)
margins = st.tuples(
    st.decimals(min_value=0, max_value=30, places=2),
    st.decimals(min_value=0, max_value=30, places=2),
).map(sorted)


@given(days, values, values)
def test_more_progress_never_raises_the_risk(day, first, second):
    low, high = sorted([first, second])
    assert RISK[warn(high, as_of=day).level] <= RISK[warn(low, as_of=day).level]


@given(days, st.integers(min_value=0, max_value=29999), margins)
def test_yellow_or_worse_is_exactly_what_the_ledger_calls_lagging(day, actual, margin_pair):
    yellow, red = margin_pair
    warning = warn(actual, as_of=day, yellow_margin=yellow, red_margin=red)
    ledger = assess_indicator(
        comparator=Comparator.AT_LEAST,
        target=Decimal(30000),
        actual=Decimal(actual),
        expected_share=warning.expected_share,
        as_of=day,
        due=END,
        lag_tolerance=yellow / 100,
    )
    assert (warning.level != Level.GREEN) == (ledger.status == Status.LAGGING)


@given(days, values)
def test_gap_is_expected_minus_actual(day, actual):
    warning = warn(actual, as_of=day)
    assert warning.gap == warning.expected_value - Decimal(actual)


def test_the_cockpit_sorts_overdue_above_red_above_no_report_above_yellow_above_green():
    from minsheng.supervision.early_warning import RISK, Level

    ordered = sorted(Level, key=lambda level: RISK[level], reverse=True)
    assert ordered == [Level.OVERDUE, Level.RED, Level.NO_REPORT, Level.YELLOW, Level.GREEN]


MILESTONE_DAYS = {"start": date(2025, 1, 1), "due": date(2025, 6, 30)}


def test_a_milestone_not_done_after_its_due_date_is_overdue():
    warning = milestone_warning(done=False, reported=True, as_of=date(2025, 7, 1), **MILESTONE_DAYS)
    assert warning.level == "overdue"


def test_a_milestone_not_done_on_its_due_date_is_not_yet_overdue():
    warning = milestone_warning(
        done=False, reported=True, as_of=date(2025, 6, 30), **MILESTONE_DAYS
    )
    assert (warning.level, warning.expected_share) == ("green", Decimal(1))


def test_a_milestone_nobody_reports_on_is_no_report():
    warning = milestone_warning(
        done=False, reported=False, as_of=date(2025, 3, 1), **MILESTONE_DAYS
    )
    assert (warning.level, warning.actual, warning.percent) == ("no_report", None, None)


def test_a_milestone_on_the_first_day_is_green_without_a_report():
    warning = milestone_warning(
        done=False, reported=False, as_of=date(2025, 1, 1), **MILESTONE_DAYS
    )
    assert warning.level == "green"


def test_a_done_milestone_is_green_past_its_due_date():
    warning = milestone_warning(done=True, reported=True, as_of=date(2025, 9, 1), **MILESTONE_DAYS)
    assert (warning.level, warning.percent, warning.gap) == ("green", Decimal("100.0"), Decimal(0))


def test_a_reported_milestone_not_done_before_its_due_date_is_behind_by_nothing_yet():
    warning = milestone_warning(done=False, reported=True, as_of=date(2025, 3, 1), **MILESTONE_DAYS)
    assert (warning.actual, warning.behind_points) == (Decimal(0), Decimal(0))


# Edges of the rule, one fact each (the mutants of scripts/mutation-test name them).


def test_the_levels_are_named_in_chinese():
    from django.utils import translation

    with translation.override("zh-hans"):
        names = [str(level.label) for level in Level]
    assert names == ["绿色", "黄色", "未填报", "红色", "逾期"]


def test_within_a_level_more_points_behind_sorts_first():
    ten_behind, six_behind = warn(12000), warn(13200)
    assert (ten_behind.level, six_behind.level) == (Level.YELLOW, Level.YELLOW)
    assert ten_behind.risk > six_behind.risk


def test_an_item_without_a_figure_sorts_by_its_level_alone():
    assert warn(None).risk == (RISK[Level.NO_REPORT], Decimal(0))


def test_an_item_on_schedule_sorts_with_nothing_behind():
    on_the_line = warn(15000, points=QUARTERS, as_of=date(2025, 6, 30))
    assert on_the_line.risk == (RISK[Level.GREEN], Decimal(0))


def test_exactly_the_red_margin_behind_is_yellow():
    assert level_for(Decimal(15), yellow_margin=Decimal(5), red_margin=Decimal(15)) == Level.YELLOW


def test_a_ceiling_without_a_baseline_expects_the_ceiling_all_year():
    warning = warn(900, target=800, comparator=Comparator.AT_MOST)
    assert warning.expected_value == Decimal("800.00")


def test_no_report_on_the_due_date_itself_is_not_yet_overdue():
    assert warn(None, as_of=END).level == Level.NO_REPORT


def test_an_unkept_promise_on_its_due_date_is_judged_by_the_margins_not_overdue():
    assert warn(29000, as_of=END).level == Level.GREEN


def test_a_milestone_not_done_past_its_due_date_is_a_hundred_points_behind():
    warning = milestone_warning(done=False, reported=True, as_of=date(2025, 7, 1), **MILESTONE_DAYS)
    assert warning.behind_points == Decimal(100)


def test_a_milestone_done_by_its_due_date_is_nothing_behind():
    warning = milestone_warning(done=True, reported=True, as_of=date(2025, 7, 1), **MILESTONE_DAYS)
    assert warning.behind_points == Decimal(0)
