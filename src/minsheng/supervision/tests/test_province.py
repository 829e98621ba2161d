"""The province cockpit: cities ranked by completion, lagging and overdue items, who may see it."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minsheng.accounts.models import Role
from minsheng.plans.choices import JurisdictionLevel
from minsheng.plans.models import SchedulePoint
from minsheng.plans.services import schedule_set
from minsheng.progress.models import LedgerState
from minsheng.supervision.permissions import can_view_province_cockpit
from minsheng.supervision.province import province_cockpit
from minsheng.testing import (
    make_indicator,
    make_jurisdiction,
    make_milestone,
    make_plan,
    make_project,
    make_report,
    make_user,
)

pytestmark = pytest.mark.django_db
D = Decimal
DAY = date(2025, 9, 30)


@pytest.fixture
def province():
    return make_jurisdiction(level=JurisdictionLevel.PROVINCE, name="山东省", slug="shandong")


def city_with(province, name, value, *, due=None):
    city = make_jurisdiction(parent=province, name=name)
    plan = make_plan(jurisdiction=city)
    indicator = make_indicator(make_project(plan), name=f"{name}指标", target=D(100), due_date=due)
    make_report(indicator=indicator, value=value, as_of=date(2025, 8, 31))
    return city


def test_cities_are_ranked_by_completion(province):
    city_with(province, "烟台市", 40)
    city_with(province, "青岛市", 90)
    data = province_cockpit(province, year=2025, as_of=DAY)
    assert [(s.city.name, s.completion) for s in data.cities] == [
        ("青岛市", D("90.0")),
        ("烟台市", D("40.0")),
    ]


def test_an_item_past_its_due_date_is_listed_as_overdue(province):
    city_with(province, "潍坊市", 50, due=date(2025, 9, 1))
    (item,) = province_cockpit(province, year=2025, as_of=DAY).overdue
    assert (item.city.name, item.name) == ("潍坊市", "潍坊市指标")


def test_an_item_far_behind_its_schedule_is_listed_as_lagging(province):
    city_with(province, "烟台市", 10)
    (item,) = province_cockpit(province, year=2025, as_of=DAY).lagging
    assert item.name == "烟台市指标"


def test_a_milestone_with_no_report_counts_against_on_time_reporting(province):
    city = city_with(province, "日照市", 75)
    make_milestone(make_project(city.plans.get()), name="建成体育馆")
    (standing,) = province_cockpit(province, year=2025, as_of=DAY).cities
    assert standing.on_time_percent == D("50.0")


def test_the_province_cockpit_reads_a_fixed_number_of_queries(province, django_assert_num_queries):
    city_with(province, "青岛市", 90)
    with django_assert_num_queries(9):
        province_cockpit(province, year=2025, as_of=DAY)
    for n in range(3):
        city_with(province, f"城市{n}", 30 * n)
    with django_assert_num_queries(9):
        province_cockpit(province, year=2025, as_of=DAY)


def test_the_province_office_may_view_its_cockpit(province):
    office = make_user(Role.OFFICE, jurisdiction=province)
    assert can_view_province_cockpit(office, province)


def test_a_city_office_may_not_view_its_provinces_cockpit(province):
    city = make_jurisdiction(parent=province)
    assert not can_view_province_cockpit(make_user(Role.OFFICE, jurisdiction=city), province)


def test_a_department_reporter_may_not_view_the_province_cockpit(province):
    reporter = make_user(Role.DEPARTMENT_REPORTER, jurisdiction=province)
    assert not can_view_province_cockpit(reporter, province)


def test_the_page_ranks_the_cities(client, province):
    city_with(province, "青岛市", 90)
    client.force_login(make_user(Role.OFFICE, jurisdiction=province))
    response = client.get("/office/province/?as_of=2025-09-30&year=2025")
    assert response.status_code == 200
    assert "青岛市" in response.content.decode()


def test_the_page_is_not_found_for_another_provinces_office(client, province):
    other = make_jurisdiction(level=JurisdictionLevel.PROVINCE, name="河北省", slug="hebei")
    client.force_login(make_user(Role.OFFICE, jurisdiction=other))
    assert client.get(f"/office/province/?province={province.pk}").status_code == 404


# ---------------------------------------------------------------------------------------
# Today's figures come from the stored verdicts; they must be the rules' figures.

TODAY = "2025-09-30 12:00 +0800"
item = st.tuples(
    st.sampled_from(["gte", "lte", "eq"]),
    st.integers(1, 200),  # target
    st.none() | st.integers(0, 250),  # latest approved value (None: no report)
    st.none() | st.integers(0, 364),  # due date, as a day of 2025
    st.none() | st.integers(0, 100),  # a schedule point's percent on 30 June
)
city = st.tuples(
    st.lists(item, max_size=4),
    st.lists(st.tuples(st.none() | st.booleans(), st.none() | st.integers(0, 364)), max_size=2),
)


def build_city(province, n, items, milestones):
    city = make_jurisdiction(parent=province, name=f"市{n}")
    plan = make_plan(jurisdiction=city, yellow_margin=D(5), red_margin=D(15))
    project = make_project(plan)
    for comparator, target, value, due, percent in items:
        indicator = make_indicator(
            project,
            comparator=comparator,
            target=D(target),
            due_date=None if due is None else START + timedelta(days=due),
        )
        if percent is not None:
            SchedulePoint.objects.create(
                indicator=indicator, date=date(2025, 6, 30), cumulative_percent=D(percent)
            )
        if value is not None:
            make_report(indicator=indicator, value=value, as_of=date(2025, 8, 31))
    for done, due in milestones:
        milestone = make_milestone(
            project, due_date=None if due is None else START + timedelta(days=due)
        )
        if done is not None:
            make_report(milestone=milestone, done=done, as_of=date(2025, 8, 31))


START = date(2025, 1, 1)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cities=st.lists(city, min_size=1, max_size=3))
def test_the_stored_verdicts_give_the_same_cockpit_as_the_rules(province, cities):
    with transaction.atomic():
        for n, (items, milestones) in enumerate(cities):
            build_city(province, n, items, milestones)
        judged_now = province_cockpit(province, year=2025, as_of=DAY)  # not today: the rules
        with time_machine.travel(TODAY, tick=False):
            stored = province_cockpit(province, year=2025, as_of=DAY)
            again = province_cockpit(province, year=2025, as_of=DAY)
        assert LedgerState.objects.filter(judged_on=DAY).exists() or not any(
            items or milestones for items, milestones in cities
        )
        assert stored == judged_now == again
        transaction.set_rollback(True)


def test_an_approval_after_a_read_is_counted_at_the_next_read(province):
    city = city_with(province, "青岛市", 10)
    with time_machine.travel(TODAY, tick=False):
        assert province_cockpit(province, year=2025, as_of=DAY).lagging_count == 1
        indicator = city.plans.get().projects.get().indicators.get()
        make_report(indicator=indicator, value=100, as_of=date(2025, 9, 1))
        assert province_cockpit(province, year=2025, as_of=DAY).lagging_count == 0


def test_a_schedule_changed_after_a_read_is_judged_again(province):
    city = city_with(province, "青岛市", 80)
    office = make_user(Role.OFFICE, jurisdiction=city)
    indicator = city.plans.get().projects.get().indicators.get()
    with time_machine.travel(TODAY, tick=False):
        assert province_cockpit(province, year=2025, as_of=DAY).lagging_count == 0
        schedule_set(actor=office, indicator=indicator, points=[(date(2025, 6, 30), D(100))])
        assert province_cockpit(province, year=2025, as_of=DAY).lagging_count == 1


def test_todays_province_cockpit_reads_a_fixed_number_of_queries(
    province, django_assert_num_queries
):
    city_with(province, "青岛市", 90)
    with time_machine.travel(TODAY, tick=False):
        province_cockpit(province, year=2025, as_of=DAY)  # the day's first read judges
        with django_assert_num_queries(7):
            province_cockpit(province, year=2025, as_of=DAY)
        for n in range(3):
            city_with(province, f"城市{n}", 30 * n)
        province_cockpit(province, year=2025, as_of=DAY)
        with django_assert_num_queries(7):
            province_cockpit(province, year=2025, as_of=DAY)
