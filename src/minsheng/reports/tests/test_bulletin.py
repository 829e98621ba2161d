"""The quarterly bulletin: done / on track / lagging per project, red and yellow items, and who
sent nothing approved this quarter."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minsheng.progress.ledger_state import bulletin_colour
from minsheng.reports.bulletin import (
    DONE,
    LAGGING,
    NO_DATA,
    ON_TRACK,
    RED,
    YELLOW,
    quarter_start,
    quarterly_bulletin,
)
from minsheng.reports.compose import compose_bulletin
from minsheng.reports.document import Style
from minsheng.reports.writers.markdown import write_markdown
from minsheng.supervision.early_warning import indicator_warning
from minsheng.testing import make_department, make_indicator, make_plan, make_project, make_report

D = Decimal
Q3_END = date(2025, 9, 30)


def colour(percent, expected="75"):
    """The bulletin's colour of an item at `percent` when the schedule asks for `expected`."""
    warning = indicator_warning(
        comparator="gte",
        target=D(100),
        actual=D(percent),
        points=[(date(2025, 9, 30), D(expected))],
        start=date(2025, 1, 1),
        due=date(2025, 12, 31),
        as_of=Q3_END,
        yellow_margin=D(5),
        red_margin=D(15),
    )
    return bulletin_colour(warning.level)


def test_an_item_within_the_yellow_margin_has_no_warning():
    assert colour("71") == ""


def test_an_item_more_than_five_points_behind_is_yellow():
    assert colour("69") == YELLOW


def test_an_item_more_than_fifteen_points_behind_is_red():
    assert colour("59") == RED


def test_a_done_item_never_warns():
    assert colour("100", expected="100") == ""


def test_the_quarter_starts_on_its_first_day():
    assert quarter_start(date(2025, 8, 15)) == date(2025, 7, 1)


@pytest.fixture
def plan():
    return make_plan()


@pytest.mark.django_db
def test_projects_are_sorted_into_done_on_track_lagging_and_without_data(plan):
    done = make_indicator(make_project(plan), target=D(100))
    make_report(indicator=done, value=100, as_of=date(2025, 9, 1))
    on_track = make_indicator(make_project(plan), target=D(100))
    make_report(indicator=on_track, value=75, as_of=date(2025, 9, 1))
    lagging = make_indicator(make_project(plan), target=D(100))
    make_report(indicator=lagging, value=30, as_of=date(2025, 9, 1))
    make_indicator(make_project(plan), target=D(100))
    bulletin = quarterly_bulletin(plan, as_of=Q3_END)
    assert [row.category for row in bulletin.rows] == [DONE, ON_TRACK, LAGGING, NO_DATA]
    assert (
        "4件市办实事中，1件已完成年度目标，1件按进度推进，1件进度滞后，1件尚无经审核的进度数据。"
        in (bulletin.lead)
    )


@pytest.mark.django_db
def test_an_item_without_approved_data_is_a_warning_not_a_blank(plan):
    project = make_project(plan, title="改善城乡居住条件")
    make_indicator(project, name="城中村改造回迁项目", target=D(10))
    warning = quarterly_bulletin(plan, as_of=Q3_END).warnings[0]
    assert warning.level == RED
    assert warning.clause.startswith("城中村改造回迁项目尚无经审核的数据，按计划应完成")


@pytest.mark.django_db
def test_a_lagging_item_is_listed_with_its_department(plan):
    department = make_department(plan.jurisdiction, name="市交通运输局")
    project = make_project(plan, lead=department, title="改善城乡出行条件")
    indicator = make_indicator(project, name="新增公共停车位", target=D(10000))
    make_report(indicator=indicator, value=3000, as_of=date(2025, 9, 1))
    text = write_markdown(compose_bulletin(quarterly_bulletin(plan, as_of=Q3_END), Style.PRESS))
    assert (
        "【红色预警】第1件“改善城乡出行条件”（责任单位：市交通运输局）：新增公共停车位完成30%，按计划应完成"
        in text
    )


@pytest.mark.django_db
def test_a_department_without_an_approved_report_this_quarter_is_named(plan):
    department = make_department(plan.jurisdiction, name="市体育局")
    indicator = make_indicator(make_project(plan, lead=department), target=D(100))
    make_report(indicator=indicator, value=40, as_of=date(2025, 6, 30))
    bulletin = quarterly_bulletin(plan, as_of=Q3_END)
    assert bulletin.silent_departments == ["市体育局"]


@pytest.mark.django_db
def test_a_department_that_reported_this_quarter_is_not_named(plan):
    indicator = make_indicator(make_project(plan), target=D(100))
    make_report(indicator=indicator, value=80, as_of=date(2025, 8, 31))
    assert quarterly_bulletin(plan, as_of=Q3_END).silent_departments == []


@pytest.mark.django_db
def test_the_bulletin_is_titled_by_its_quarter(plan):
    assert quarterly_bulletin(plan, as_of=Q3_END).title == "2025年第三季度市办实事进展情况通报"


RANK = {"": 0, YELLOW: 1, RED: 2}


@given(
    expected=st.decimals(min_value=0, max_value=100, places=1),
    more=st.decimals(min_value=0, max_value=100, places=1),
    less=st.decimals(min_value=0, max_value=100, places=1),
)
def test_falling_further_behind_never_lowers_the_warning(expected, more, less):
    more, less = max(more, less), min(more, less)
    assert RANK[colour(less, expected=expected)] >= RANK[colour(more, expected=expected)]
