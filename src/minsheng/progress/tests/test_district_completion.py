"""Completion by district: each share's actual capped at its target, summed per district."""

from datetime import date
from decimal import Decimal as D

import pytest

from minsheng.progress.ledger_state import district_completion
from minsheng.progress.models import ReportState
from minsheng.testing import (
    make_allocation,
    make_district,
    make_indicator,
    make_plan,
    make_project,
    make_report,
)

pytestmark = pytest.mark.django_db

MARCH, JUNE = date(2025, 3, 31), date(2025, 6, 30)


@pytest.fixture
def shares():
    plan = make_plan()
    indicator = make_indicator(make_project(plan), target=D(100))
    east = make_district(plan.jurisdiction, name="东区")
    west = make_district(plan.jurisdiction, name="西区")
    east_share = make_allocation(indicator, east, D(40))
    west_share = make_allocation(indicator, west, D(60))
    make_report(indicator=indicator, allocation=east_share, value=D(30), as_of=MARCH)
    make_report(indicator=indicator, allocation=east_share, value=D(55), as_of=JUNE)
    make_report(indicator=indicator, allocation=west_share, value=D(20), as_of=MARCH)
    make_report(
        indicator=indicator,
        allocation=west_share,
        value=D(59),
        as_of=JUNE,
        state=ReportState.SUBMITTED,
    )
    return plan


def test_today_each_share_counts_up_to_its_target(shares):
    assert district_completion(shares, date(2025, 12, 31)) == [
        ("东区", D(40), D(40)),
        ("西区", D(20), D(60)),
    ]


def test_on_a_past_day_each_share_counts_its_latest_approved_value_that_day(shares):
    assert district_completion(shares, date(2025, 4, 1)) == [
        ("东区", D(30), D(40)),
        ("西区", D(20), D(60)),
    ]


def test_before_any_report_a_district_has_done_nothing(shares):
    assert district_completion(shares, date(2025, 1, 1)) == [
        ("东区", D(0), D(40)),
        ("西区", D(0), D(60)),
    ]


def test_one_district_alone(shares):
    west = shares.jurisdiction.children.get(name="西区")
    assert district_completion(shares, date(2025, 4, 1), west.pk) == [("西区", D(20), D(60))]
