"""The office, without any admin access, sets next year's plan up in its own pages."""

from datetime import date

import pytest
from django.utils import translation
from playwright.sync_api import expect

from minsheng.plans.choices import PlanState
from minsheng.plans.models import Allocation, Plan
from minsheng.testing import make_report

PASSWORD = "correct horse battery staple"


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_office_creates_next_years_plan_splits_an_indicator_and_publishes_it(
    page, live_server, setup_world
):
    current = setup_world.plan
    current.state = PlanState.IN_PROGRESS
    current.save()
    make_report(indicator=setup_world.indicator, value=4000, as_of=date(2025, 12, 31))
    assert not setup_world.office.is_staff

    log_in(page, live_server, "office")
    page.goto(f"{live_server.url}/admin/")
    expect(page.locator("#id_username")).to_be_visible()  # the admin asks for a staff login

    # Next year's plan from the current one: the unfinished parking project comes along.
    page.goto(f"{live_server.url}/setup/")
    page.click("#carry-over")
    expect(page.locator("#id_year")).to_have_value("2026")
    page.click("main form button[type=submit]")
    expect(page.locator("#plan-state")).to_have_text(str(_label(PlanState.DRAFTING)))
    expect(page.locator("#project-1")).to_contain_text("新增公共停车位")

    # A new indicator in project 1, split over the three districts.
    page.click("#project-1 h3 a")
    page.click("#add-indicator")
    page.fill("#id_name", "新增新能源汽车充电桩")
    page.fill("#id_target", "0.3万")
    page.select_option("#id_unit", "个")
    page.click("main form button[type=submit]")
    expect(page.locator("#indicator-target")).to_contain_text("3000个")
    shares = page.locator("#allocations fieldset input[type=text]")
    expect(shares).to_have_count(3)
    for index in range(3):
        shares.nth(index).fill("1000")
    page.click("#allocations button[type=submit]")
    expect(page.locator(".messages .success")).to_be_visible()

    # Back on the plan: publish.
    page.click(".crumbs a")
    page.click(".crumbs a")
    page.click("#to-published")
    expect(page.locator("#plan-state")).to_have_text(str(_label(PlanState.PUBLISHED)))

    plan = Plan.objects.get(jurisdiction=setup_world.city, year=2026)
    assert plan.state == PlanState.PUBLISHED
    split = Allocation.objects.filter(indicator__project__plan=plan)
    assert sorted(split.values_list("jurisdiction__name", flat=True)) == sorted(
        d.name for d in setup_world.districts
    )


def _label(state):
    with translation.override("zh-hans"):
        return str(PlanState(state).label)
