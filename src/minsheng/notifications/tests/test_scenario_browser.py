"""In a real browser: a reporter is told of a due report in the app and by e-mail, reports, is
returned and told again; the office issues a 督办单, the department is told, and the office
downloads the 督办单 as a PDF whose first page carries the 红头 and the 发文字号."""

import subprocess
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from playwright.sync_api import expect

from minsheng.accounts.models import Role
from minsheng.plans.models import Domain
from minsheng.supervision.gongwen import notice_number
from minsheng.supervision.models import SupervisionNotice
from minsheng.supervision.reminders import send_reminders
from minsheng.testing import make_department, make_indicator, make_plan, make_project, make_user

PASSWORD = "correct horse battery staple"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def test_reporter_and_department_are_told_and_the_office_prints_the_notice(
    page, live_server, settings, tmp_path
):
    settings.NOTIFICATIONS_DELIVERY = "inline"
    plan = make_plan()
    department = make_department(plan.jurisdiction, name="市住房城乡建设局")
    domain, _created = Domain.objects.get_or_create(name="就业", defaults={"slug": "jiuye"})
    indicator = make_indicator(
        make_project(plan, lead=department, domain=domain),
        name="新增公共停车位",
        target=Decimal(10000),
        unit="个",
    )
    make_user(Role.OFFICE, username="office", jurisdiction=plan.jurisdiction)
    make_user(
        Role.DEPARTMENT_REPORTER,
        username="housing",
        department=department,
        email="housing@example.org",
    )

    # June's round is due on 5 July: the job reminds the department.
    send_reminders(today=date(2025, 7, 2))
    assert [m.to for m in mail.outbox if "2025-07-05" in m.subject] == [["housing@example.org"]]
    log_in(page, live_server, "housing")
    page.goto(f"{live_server.url}/office/notifications/")
    expect(page.locator("ul.notifications")).to_contain_text(indicator.name)

    # The reporter reports for June and submits.
    page.goto(f"{live_server.url}/report/new/indicator/{indicator.pk}/")
    page.fill("#id_as_of", "2025-06-30")
    page.fill("#id_value", "3000")
    page.click("form.report-form button[type=submit]")
    page.click("form[action$='/submit/'] button[type=submit]")
    page.wait_for_load_state()
    report_url = page.url

    # The office returns it with a comment; the reporter is told in the app and by e-mail.
    log_in(page, live_server, "office")
    page.goto(report_url)
    page.fill("#id_comment", "请补充现场照片")
    page.click("form[action$='/return/'] button[type=submit]")
    page.wait_for_load_state()
    assert mail.outbox[-1].to == ["housing@example.org"]
    log_in(page, live_server, "housing")
    page.goto(f"{live_server.url}/office/notifications/")
    expect(page.locator("ul.notifications li").first).to_contain_text("请补充现场照片")

    # The office issues a 督办单; the department is told.
    log_in(page, live_server, "office")
    page.goto(
        f"{live_server.url}/office/notices/new/?plan={plan.pk}&project={indicator.project_id}"
        f"&indicator={indicator.pk}&department={department.pk}"
    )
    page.fill("#id_reason", "停车位建设进度落后")
    page.fill("#id_required_action", "一周内报送整改措施")
    page.click("form.case-form button[type=submit]")
    page.wait_for_load_state()
    notice = SupervisionNotice.objects.get()
    assert mail.outbox[-1].subject.startswith(str(notice))

    # … and downloads it as a PDF: 红头 and 发文字号 on the first page.
    with page.expect_download() as download:
        page.click("p.downloads a:has-text('PDF')")
    path = tmp_path / "notice.pdf"
    download.value.save_as(path)
    first_page = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    text = "".join(first_page.split())
    assert (
        text.startswith(f"{plan.jurisdiction.name}人民政府办公厅") and notice_number(notice) in text
    )
