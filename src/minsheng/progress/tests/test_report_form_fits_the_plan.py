"""The report form speaks the target's unit and the plan's year; a supervisor reads the queue."""

from datetime import date
from decimal import Decimal

import time_machine
from django.test import Client
from django.urls import reverse

from minsheng.progress.forms import default_report_date
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.testing import make_report


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_value_typed_in_wan_is_stored_whole(world):
    url = reverse("progress:new", args=["indicator", world.indicator_a.pk])
    response = _client(world.reporter_a).post(url, {"as_of": "2025-06-30", "value": "3.5万"})
    assert response.status_code == 302
    assert ProgressReport.objects.get(state=ReportState.DRAFT).value == Decimal(35000)


def test_a_value_typed_with_the_unit_shown_is_accepted(world):
    url = reverse("progress:new", args=["indicator", world.indicator_a.pk])
    _client(world.reporter_a).post(url, {"as_of": "2025-06-30", "value": "0.5万人"})
    assert ProgressReport.objects.get(state=ReportState.DRAFT).value == Decimal(5000)


def test_a_draft_shows_its_value_as_the_target_is_shown(world):
    draft = make_report(indicator=world.indicator_a, value=35000, state=ReportState.DRAFT)
    page = _client(world.reporter_a).get(reverse("progress:edit", args=[draft.pk])).content
    assert 'value="3.5万"' in page.decode()


def test_after_the_year_the_default_date_is_its_last_day(world):
    assert default_report_date(world.plan, today=date(2026, 3, 2)) == date(2025, 12, 31)


def test_before_the_year_the_default_date_is_its_first_day(world):
    assert default_report_date(world.plan, today=date(2024, 11, 2)) == date(2025, 1, 1)


def test_the_new_report_form_offers_a_date_inside_the_plans_year(world):
    url = reverse("progress:new", args=["indicator", world.indicator_a.pk])
    with time_machine.travel("2026-03-02 10:00 +0800", tick=False):
        page = _client(world.reporter_a).get(url).content.decode()
    assert 'value="2025-12-31"' in page


def test_a_supervisor_reads_the_review_queue_without_buttons(world):
    make_report(indicator=world.indicator_b, value=200, state=ReportState.SUBMITTED)
    response = _client(world.supervisor).get(reverse("progress:review"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "改造老旧小区" in page
    assert reverse("progress:bulk_approve") not in page and 'name="comment"' not in page
