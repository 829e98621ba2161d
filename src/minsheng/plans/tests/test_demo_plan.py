"""The Qingdao 2025 demo must say what the city's own report says."""

from decimal import Decimal

import pytest

from minsheng.plans.choices import Status
from minsheng.plans.models import Indicator, Milestone
from minsheng.progress.selectors import plan_ledger

pytestmark = pytest.mark.django_db


def _row(ledger, number, name):
    project = next(row for row in ledger if row.project.number == number)
    return next(item for item in project.indicators if item.indicator.name == name)


def test_demo_holds_fifteen_projects_49_indicators_and_8_milestones(demo_plan):
    assert demo_plan.projects.count() == 15
    assert Indicator.objects.filter(project__plan=demo_plan).count() == 49
    assert Milestone.objects.filter(project__plan=demo_plan).count() == 8


def test_every_stated_percent_in_the_report_is_recomputed_exactly(demo_plan):
    ledger = plan_ledger(demo_plan)
    stated = [item for row in ledger for item in row.indicators if item.stated_percent is not None]
    assert len(stated) == 17
    for item in stated:
        assert item.percent == item.stated_percent.quantize(Decimal("0.1")), item.indicator.name


def test_wan_values_are_stored_whole(demo_plan):
    ledger = plan_ledger(demo_plan)
    assert _row(ledger, 1, "扶持创业").actual == Decimal(38400)
    assert _row(ledger, 3, "新增公共停车位").actual == Decimal(13400)


def test_at_most_targets_of_project_ten_are_completed_not_exceeded(demo_plan):
    project = next(row for row in plan_ledger(demo_plan) if row.project.number == 10)
    lowered = [item for item in project.indicators if item.indicator.comparator == "lte"]
    assert [item.indicator.target for item in lowered] == [Decimal(12000), Decimal(800)]
    assert {item.status for item in lowered} == {Status.COMPLETED}


def test_every_project_of_the_demo_year_is_done(demo_plan):
    statuses = {row.project.number: row.status for row in plan_ledger(demo_plan)}
    assert all(s in {Status.COMPLETED, Status.EXCEEDED} for s in statuses.values()), statuses


def test_the_ledger_is_read_in_a_fixed_number_of_queries(demo_plan, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        ledger = plan_ledger(demo_plan)
        sum(len(row.departments) for row in ledger)
