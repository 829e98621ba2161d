from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from minsheng.plans.schedule import expected_share

START, END = date(2025, 1, 1), date(2025, 12, 31)
QUARTERS = [
    (date(2025, 3, 31), Decimal(20)),
    (date(2025, 6, 30), Decimal(50)),
    (date(2025, 9, 30), Decimal(80)),
]


def test_default_schedule_is_linear_over_the_year():
    share = expected_share([], start=START, end=END, as_of=date(2025, 7, 2))
    assert abs(share - Decimal(182) / Decimal(364)) < Decimal("0.0001")


def test_schedule_points_are_met_exactly_on_their_dates():
    assert expected_share(QUARTERS, start=START, end=END, as_of=date(2025, 6, 30)) == Decimal("0.5")


def test_nothing_is_expected_before_the_start_and_all_after_the_end():
    assert expected_share(QUARTERS, start=START, end=END, as_of=START) == 0
    assert expected_share(QUARTERS, start=START, end=END, as_of=date(2026, 2, 1)) == 1


@given(
    st.dates(min_value=date(2024, 6, 1), max_value=date(2026, 6, 1)),
    st.dates(min_value=date(2024, 6, 1), max_value=date(2026, 6, 1)),
)
def test_expected_share_never_falls_and_stays_within_zero_and_one(first, second):
    early, late = sorted([first, second])
    a = expected_share(QUARTERS, start=START, end=END, as_of=early)
    b = expected_share(QUARTERS, start=START, end=END, as_of=late)
    assert 0 <= a <= b <= 1


def test_a_schedule_that_plans_ninety_percent_by_the_end_expects_ninety_after_it():
    points = [(END, Decimal(90))]
    assert expected_share(points, start=START, end=END, as_of=date(2026, 1, 15)) == Decimal("0.9")


def test_nothing_is_expected_on_the_first_day_even_with_a_point_on_it():
    points = [(START, Decimal(10)), (END, Decimal(100))]
    assert expected_share(points, start=START, end=END, as_of=START) == 0


def test_between_two_points_the_share_is_read_on_the_straight_line():
    # 20 % on 31 March to 50 % on 30 June: 45 of 91 days along on 15 May.
    share = expected_share(QUARTERS, start=START, end=END, as_of=date(2025, 5, 15))
    assert share == (Decimal(20) + Decimal(30) * Decimal(45) / Decimal(91)) / 100
