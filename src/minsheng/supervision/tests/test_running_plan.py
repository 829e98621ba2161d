"""The cockpit and the notice form open on the running plan, not on a newer draft."""

import pytest
from django.urls import reverse

from minsheng.plans.choices import PlanState
from minsheng.testing import make_department, make_plan, make_project


@pytest.fixture
def next_years_draft(plan):
    draft = make_plan(
        jurisdiction=plan.jurisdiction, year=2026, title="2026年市办实事", state=PlanState.DRAFTING
    )
    make_project(draft, lead=make_department(plan.jurisdiction), title="草稿项目")
    return draft


def test_the_cockpit_opens_on_the_running_plan(client, office, plan, project, next_years_draft):
    client.force_login(office)
    response = client.get(reverse("supervision:cockpit"))
    assert response.context["data"].plan == plan


def test_the_cockpit_plan_box_shows_the_running_plan(client, office, plan, next_years_draft):
    client.force_login(office)
    page = client.get(reverse("supervision:cockpit"), {"as_of": "2025-07-01"}).content.decode()
    assert f'<option value="{plan.pk}" selected>' in page


def test_the_notice_form_offers_the_running_plans_projects(
    client, office, plan, project, next_years_draft
):
    client.force_login(office)
    form = client.get(reverse("supervision:notice_new")).context["form"]
    assert list(form.fields["project"].queryset) == [project]


def test_the_cockpit_filters_read_all_not_dashes(client, office, plan, project):
    client.force_login(office)
    page = client.get(reverse("supervision:cockpit")).content.decode()
    assert "---------" not in page
    assert '<option value="" selected>全部</option>' in page
