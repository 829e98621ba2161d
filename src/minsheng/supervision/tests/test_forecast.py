from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from minsheng.plans.choices import Comparator
from minsheng.supervision.forecast import Method, forecast

START, END = date(2025, 1, 1), date(2025, 12, 31)
QUARTERS = [
    (date(2025, 3, 31), Decimal(20)),
    (date(2025, 6, 30), Decimal(50)),
    (date(2025, 9, 30), Decimal(80)),
]


def project(series, *, target=30000, points=(), comparator=Comparator.AT_LEAST, baseline=None):
    return forecast(
        comparator=comparator,
        target=Decimal(target),
        series=[(day, Decimal(value)) for day, value in series],
        points=list(points),
        start=START,
        end=END,
        baseline=baseline,
    )


def test_no_reports_give_no_forecast():
    assert project([]) == project([]).__class__(None, None, Method.NONE)


def test_one_report_is_paced_from_the_start_of_the_year():
    result = project([(date(2025, 6, 30), 15000)])
    # 15000 in 180 days, 184 days to go: 15000 + 15000 × 184 / 180.
    assert result.year_end_value == Decimal("30333.33")
    assert result.reached_on == date(2025, 12, 27)
    assert result.method == Method.LINEAR


def test_the_pace_is_read_from_the_last_two_reports():
    result = project([(date(2025, 3, 31), 10000), (date(2025, 6, 30), 12000)])
    # 2000 in 91 days, 184 days to go.
    assert result.year_end_value == Decimal("16043.96")
    # 18000 still to go at 2000 / 91 a day: 819 days after 30 June.
    assert result.reached_on == date(2027, 9, 27)


def test_a_stalled_item_never_reaches_its_target():
    result = project([(date(2025, 3, 31), 12000), (date(2025, 6, 30), 12000)])
    assert result.year_end_value == Decimal("12000.00")
    assert result.reached_on is None


def test_a_kept_promise_was_reached_on_the_first_report_that_kept_it():
    result = project([(date(2025, 5, 31), 30500), (date(2025, 6, 30), 31000)])
    assert result.reached_on == date(2025, 5, 31)


def test_a_schedule_shapes_the_year_end():
    result = project([(date(2025, 6, 30), 12000)], points=QUARTERS)
    # 12000 is 80 % of the 15000 planned by June: the year ends at 80 % of 30000.
    assert result.year_end_value == Decimal("24000.00")
    assert result.method == Method.SCHEDULE


def test_ahead_of_a_schedule_the_target_is_reached_early():
    result = project([(date(2025, 6, 30), 18000)], points=QUARTERS)
    assert result.year_end_value == Decimal("36000.00")
    # Needs 83.33 % of the curve: 80 % on 30 September, +3.33 of 20 points over 92 days.
    assert result.reached_on == date(2025, 10, 16)


def test_a_falling_promise_paces_down_from_its_baseline():
    result = project(
        [(date(2025, 6, 30), 900)], target=800, comparator=Comparator.AT_MOST, baseline=1000
    )
    assert result.year_end_value < Decimal(900)
    assert result.reached_on is not None
    assert result.reached_on > date(2025, 6, 30)


reports = st.lists(
    st.tuples(
        st.dates(min_value=date(2025, 1, 2), max_value=date(2025, 12, 30)),
        st.integers(min_value=0, max_value=50000),
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda pair: pair[0],
)


@given(reports)
def test_a_rising_series_never_forecasts_less_than_it_has(series):
    days = sorted(day for day, _ in series)
    rising = list(zip(days, sorted(value for _, value in series), strict=True))
    result = project(rising)
    assert result.year_end_value is not None
    assert result.year_end_value >= Decimal(rising[-1][1])


@given(reports)
def test_the_target_is_never_reached_before_the_first_report(series):
    result = project(series)
    if result.reached_on is not None:
        assert result.reached_on >= min(day for day, _ in series)
