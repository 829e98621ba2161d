from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from minsheng.supervision.models import Notification, ReminderSent
from minsheng.supervision.reminders import send_reminders
from minsheng.supervision.services import notice_issue
from minsheng.testing import make_report

MONTH_END_WEEK = date(2025, 7, 28)


@pytest.fixture
def notice(mid_year, office, project, department, indicator):
    return notice_issue(
        actor=office,
        project=project,
        department=department,
        indicator=indicator,
        reason="进度落后",
        required_action="报送措施",
        reply_deadline=date(2025, 7, 8),
    )


def test_a_new_notice_reaches_the_department_in_app_and_by_mail(notice, reporter):
    assert send_reminders(today=date(2025, 7, 1)) == 1
    note = Notification.objects.get(recipient=reporter)
    assert str(notice) in note.subject
    assert mail.outbox[0].to == ["housing@example.org"]


def test_the_same_reminder_never_goes_twice(notice, reporter):
    send_reminders(today=date(2025, 7, 1))
    assert send_reminders(today=date(2025, 7, 1)) == 0
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_approaching_deadline_is_a_new_reminder(notice, reporter):
    send_reminders(today=date(2025, 7, 1))
    assert send_reminders(today=date(2025, 7, 6)) == 1
    assert "2025-07-08" in Notification.objects.first().subject


def test_an_escalated_notice_is_announced_again(notice, reporter, mid_year):
    from minsheng.supervision.services import escalate_overdue

    send_reminders(today=date(2025, 7, 1))
    mid_year.move_to("2025-07-09 10:00 +0800")
    escalate_overdue()
    assert send_reminders(today=date(2025, 7, 9)) == 1


def test_a_help_request_reaches_the_office(mid_year, reporter, office, project):
    from minsheng.supervision.services import assistance_raise

    assistance_raise(actor=reporter, project=project, problem="用地不足", help_needed="协调")
    send_reminders(today=date(2025, 7, 1))
    assert Notification.objects.filter(recipient=office).count() == 1


def test_a_department_is_reminded_of_its_monthly_report_near_the_month_end(reporter, indicator):
    assert send_reminders(today=date(2025, 7, 20)) == 0
    assert send_reminders(today=MONTH_END_WEEK) == 1
    assert indicator.name in Notification.objects.get(recipient=reporter).body
    assert ReminderSent.objects.get().key.endswith(":2025-07")


def test_no_report_reminder_once_this_months_report_is_in(reporter, indicator):
    make_report(indicator=indicator, value=100, as_of=date(2025, 7, 25), state="submitted")
    assert send_reminders(today=MONTH_END_WEEK) == 0


def test_the_command_says_how_many_went(reporter, indicator):
    out = StringIO()
    call_command("send_reminders", "--today", "2025-07-28", stdout=out)
    assert out.getvalue().strip() == "1 reminders sent"
