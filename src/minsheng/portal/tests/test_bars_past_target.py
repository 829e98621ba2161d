"""A project at 200 % of plan shows 200 % on the home page, not a bar stopped at 100."""

from datetime import date
from decimal import Decimal

import pytest

from minsheng.testing import make_indicator, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def doubled(db):
    plan = make_plan()
    project = make_project(plan, title="新增公共停车位")
    indicator = make_indicator(project, target=Decimal(1000))
    make_report(indicator=indicator, value=2000, as_of=date(2025, 6, 30))
    return project


def _card(client, project):
    page = client.get("/").content.decode()
    return page.split(project.title, 1)[1].split("</li>", 1)[0]


def test_a_project_at_twice_its_target_reads_200_percent(client, doubled):
    assert '<span class="num">200%</span>' in _card(client, doubled)


def test_its_bar_is_marked_past_the_target_with_the_real_value(client, doubled):
    card = _card(client, doubled)
    assert 'class="bar bar-over"' in card and 'aria-valuenow="200.0"' in card
