from datetime import date
from decimal import Decimal

import pytest
import time_machine

from minsheng.supervision.early_warning import Level
from minsheng.supervision.selectors import ALLOCATION, INDICATOR, plan_warnings
from minsheng.testing import (
    make_allocation,
    make_district,
    make_indicator,
    make_report,
    make_user,
)

MID_YEAR = date(2025, 7, 1)


@pytest.fixture
def districts(plan):
    return make_district(plan.jurisdiction, name="市南区"), make_district(
        plan.jurisdiction, name="市北区"
    )


@pytest.fixture
def shared(project, districts):
    """100 parking places, 60 for 市南区 and 40 for 市北区; half-year reports 30 and 5."""
    indicator = make_indicator(project, target=Decimal(100))
    south, north = districts
    a = make_allocation(indicator, south, Decimal(60))
    b = make_allocation(indicator, north, Decimal(40))
    make_report(indicator=indicator, allocation=a, value=30)
    make_report(indicator=indicator, allocation=b, value=5)
    return indicator


def test_an_indicator_rolls_up_its_allocations(plan, shared):
    items = plan_warnings(plan, as_of=MID_YEAR)
    (whole,) = [item for item in items if item.kind == INDICATOR]
    assert whole.warning.actual == Decimal(35)
    assert whole.warning.level == Level.YELLOW  # 35 % against 49.7 %


def test_each_allocation_has_its_own_level(plan, shared):
    items = [item for item in plan_warnings(plan, as_of=MID_YEAR) if item.kind == ALLOCATION]
    levels = {str(item.district): item.warning.level for item in items}
    assert levels == {"市南区": Level.GREEN, "市北区": Level.RED}


def test_a_district_filter_lists_only_its_allocations(plan, shared, districts):
    items = plan_warnings(plan, as_of=MID_YEAR, district=districts[1])
    assert [(item.kind, item.warning.percent) for item in items] == [(ALLOCATION, Decimal("12.5"))]


def test_reports_after_the_as_of_date_do_not_count(plan, indicator):
    make_report(indicator=indicator, value=9000, as_of=date(2025, 8, 1))
    (item,) = plan_warnings(plan, as_of=MID_YEAR)
    assert item.warning.level == Level.NO_REPORT


def test_reports_not_yet_approved_do_not_count(plan, indicator):
    make_report(indicator=indicator, value=9000, state="submitted")
    (item,) = plan_warnings(plan, as_of=MID_YEAR)
    assert item.warning.actual is None


def test_a_department_filter_keeps_its_own_projects(plan, project, indicator, department):
    from minsheng.testing import make_department, make_project

    other = make_project(plan, lead=make_department(plan.jurisdiction))
    make_indicator(other)
    items = plan_warnings(plan, as_of=MID_YEAR, department=department)
    assert {item.project.pk for item in items} == {project.pk}


def test_the_number_of_queries_does_not_grow_with_the_plan(
    plan, project, shared, django_assert_max_num_queries
):
    from minsheng.testing import make_project

    for _ in range(5):
        extra = make_project(plan)
        make_report(indicator=make_indicator(extra), value=100)
    with django_assert_max_num_queries(8):
        plan_warnings(plan, as_of=MID_YEAR)


def test_the_command_defaults_to_today(plan, indicator):
    from io import StringIO

    from django.core.management import call_command

    make_user()
    out = StringIO()
    with time_machine.travel("2025-01-01 09:00 +0800", tick=False):
        call_command(
            "warnings", "--jurisdiction", plan.jurisdiction.name, "--year", "2025", stdout=out
        )
    assert "2025-01-01" in out.getvalue()
    assert "\tgreen\t" in out.getvalue()
