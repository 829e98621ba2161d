"""The demo year as the pages show it: a monthly line, a district split, work for reporters."""

import json
import re

import pytest
from django.test import Client

from minsheng.accounts.models import User
from minsheng.demo.builders import WEIGHTS
from minsheng.plans.models import Indicator, Plan

pytestmark = pytest.mark.django_db


def script_json(html: str, element_id: str) -> dict:
    match = re.search(
        rf'<script id="{re.escape(element_id)}" type="application/json">(.*?)</script>', html, re.S
    )
    assert match is not None
    return json.loads(match.group(1))


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_the_2026_chart_shows_a_monthly_line_against_the_schedule(loaded, settings):
    indicator = Indicator.objects.get(project__plan__year=2026, name="残疾人就业")
    html = Client().get(f"/2026/qingdao/{indicator.project.number}/").content.decode()
    data = script_json(html, f"indicator-{indicator.pk}-data")
    assert ([day[:7] for day, _percent in data["actual"]], len(data["planned"]) > 2) == (
        [f"2026-{month:02d}" for month in range(1, 12)],
        True,
    )


def test_the_cockpit_shows_completion_by_district(loaded):
    plan = Plan.objects.get(year=2026)
    html = (
        signed_in("demo-office")
        .get(f"/office/cockpit/?plan={plan.pk}&as_of=2026-11-30")
        .content.decode()
    )
    charts = script_json(html, "cockpit-charts")
    assert set(charts["districts"]["names"]) == set(WEIGHTS)


def test_a_district_reporter_sees_its_shares(loaded):
    html = signed_in("demo-pingdu").get("/report/").content.decode()
    assert "打造镇街级综合服务中心" in html


def test_the_review_queue_has_work(loaded):
    html = signed_in("demo-office").get("/report/review/").content.decode()
    assert "新增公共停车泊位" in html


def level_counts(html: str) -> dict[str, int]:
    found = re.findall(r'data-level="(\w+)"><strong>(\d+)</strong>', html)
    return {level: int(count) for level, count in found}


def test_the_office_lands_on_a_cockpit_with_green_yellow_and_red(loaded):
    from minsheng.demo.selectors import landing_url

    client = signed_in("demo-office")
    html = client.get(landing_url(User.objects.get(username="demo-office"))).content.decode()
    counts = level_counts(html)
    assert all(counts.get(level, 0) > 0 for level in ("green", "yellow", "red"))


def test_the_cockpit_counts_the_overdue_notice(loaded):
    plan = Plan.objects.get(year=2026)
    html = signed_in("demo-office").get(f"/office/cockpit/?plan={plan.pk}").content.decode()
    assert re.search(r'level-overdue"><strong>1</strong>', html)
