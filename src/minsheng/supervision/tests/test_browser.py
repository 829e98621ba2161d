"""A notice issued, replied, escalated and closed in a real browser, by two people."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from minsheng.accounts.models import Role
from minsheng.plans.models import Domain
from minsheng.testing import make_project, make_report, make_user

PASSWORD = "correct horse battery staple"


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


@pytest.fixture
def project(plan, department):
    """A transactional test may start after another one emptied the migrated domains."""
    domain, _created = Domain.objects.get_or_create(name="就业", defaults={"slug": "jiuye"})
    return make_project(plan, lead=department, domain=domain)


@pytest.fixture
def department_page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_notice_is_issued_replied_escalated_and_closed(
    page, department_page, live_server, plan, department, indicator
):
    make_report(indicator=indicator, value=1000)  # 10 % on 30 June: red on 1 July
    make_user(Role.OFFICE, username="office", plan=plan)
    make_user(Role.DEPARTMENT_REPORTER, username="housing", department=department)

    # The office finds the red item on the cockpit, with its charts drawn.
    log_in(page, live_server, "office")
    page.goto(f"{live_server.url}/office/cockpit/?as_of=2025-07-01")
    row = page.locator(f'#risky tr[data-key="indicator:{indicator.pk}"]')
    expect(row.locator(".level-red")).to_be_visible()
    expect(page.locator("#chart-schedule svg")).to_have_count(1)
    assert Axe().run(page).violations_count == 0

    # … and issues a notice from it: the item and department are filled in.
    row.locator("a").click()
    expect(page.locator("#id_indicator")).to_have_value(str(indicator.pk))
    page.fill("#id_reason", "停车位建设进度落后计划近40个百分点")
    page.fill("#id_required_action", "一周内报送整改措施")
    page.click("form.case-form button[type=submit]")
    expect(page.locator("#case-state")).to_contain_text("待办")
    assert Axe().run(page).violations_count == 0
    notice_url = page.url

    # The department acknowledges and replies with measures and a PDF.
    log_in(department_page, live_server, "housing")
    department_page.goto(notice_url)
    department_page.click("#acknowledge")
    expect(department_page.locator("#case-state")).to_contain_text("已签收")
    department_page.fill("#id_measures", "增派施工力量，8月底前完成")
    department_page.set_input_files(
        "#id_evidence",
        files=[{"name": "措施.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7 x"}],
    )
    department_page.click("#reply")
    expect(department_page.locator("#case-state")).to_contain_text("已回复")

    # The office finds the reply too vague and escalates one level.
    page.goto(notice_url)
    page.fill("#id_reason", "措施不具体")
    page.click("#escalate")
    expect(page.locator("#case-level")).to_contain_text("秘书长")
    expect(page.locator("#case-state")).to_contain_text("待办")

    # The department answers again; the office closes the notice (销号).
    department_page.goto(notice_url)
    department_page.fill("#id_measures", "已倒排工期，每周报送进度")
    department_page.click("#reply")
    expect(department_page.locator("#case-state")).to_contain_text("已回复")
    page.goto(notice_url)
    page.click("#close")
    expect(page.locator("#case-state")).to_contain_text("已销号")
    expect(page.locator("ol.steps li")).to_have_count(6)
    assert re.search(r"/office/notice/\d+/$", notice_url)
