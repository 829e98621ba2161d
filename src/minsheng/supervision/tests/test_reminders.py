"""Reminders: what falls due is told once, in the app and by e-mail, to whoever must act."""

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from minsheng.supervision.models import Notification, ReminderSent
from minsheng.supervision.reminders import send_reminders
from minsheng.supervision.services import notice_issue
from minsheng.testing import make_report

# Monthly rounds by default: June's reports are due on 5 July.
JUNE_DUE_WEEK = date(2025, 7, 2)
MID_JULY = date(2025, 7, 20)


@pytest.fixture
def _inline(settings):
    settings.NOTIFICATIONS_DELIVERY = "inline"


@pytest.fixture
def notice(mid_year, office, project, department, indicator, reporter):
    return notice_issue(
        actor=office,
        project=project,
        department=department,
        indicator=indicator,
        reason="进度落后",
        required_action="报送措施",
        reply_deadline=date(2025, 7, 8),
    )


def _report_all_rounds_before(indicator, day):
    for month in range(1, day.month):
        make_report(indicator=indicator, value=10 * month, as_of=date(2025, month, 28))


def test_the_notice_reaches_the_department_in_the_app_when_issued(notice, reporter):
    assert str(notice) in Notification.objects.get(recipient=reporter).subject


def test_the_notice_is_mailed_after_the_commit(
    mid_year, office, project, department, reporter, _inline, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notice_issue(
            actor=office,
            project=project,
            department=department,
            reason="进度落后",
            required_action="报送措施",
            reply_deadline=date(2025, 7, 8),
        )
    assert mail.outbox[0].to == ["housing@example.org"]


def test_the_notice_is_not_mailed_before_the_commit(notice, reporter):
    assert mail.outbox == []


def test_the_notice_is_not_announced_again_by_the_job(notice, reporter, indicator):
    _report_all_rounds_before(indicator, date(2025, 8, 1))
    assert send_reminders(today=date(2025, 7, 1)) == 0


def test_an_approaching_deadline_is_a_new_reminder(notice, reporter, indicator):
    _report_all_rounds_before(indicator, date(2025, 8, 1))
    assert send_reminders(today=date(2025, 7, 6)) == 1


def test_an_escalated_notice_is_announced_again(notice, reporter, mid_year):
    from minsheng.supervision.services import escalate_overdue

    mid_year.move_to("2025-07-09 10:00 +0800")
    escalate_overdue()
    assert Notification.objects.filter(recipient=reporter, subject__contains="2025").count() == 2


def test_a_help_request_reaches_the_office(mid_year, reporter, office, project):
    from minsheng.supervision.services import assistance_raise

    assistance_raise(actor=reporter, project=project, problem="用地不足", help_needed="协调")
    assert Notification.objects.filter(recipient=office).count() == 1


def test_a_department_is_reminded_of_a_report_due_in_the_coming_days(reporter, indicator):
    _report_all_rounds_before(indicator, date(2025, 6, 1))
    assert send_reminders(today=JUNE_DUE_WEEK) == 1
    assert ReminderSent.objects.get().key.endswith(":2025-06-01")


def test_the_due_reminder_names_the_indicator(reporter, indicator):
    _report_all_rounds_before(indicator, date(2025, 6, 1))
    send_reminders(today=JUNE_DUE_WEEK)
    assert indicator.name in Notification.objects.get(recipient=reporter).body


def test_a_missed_round_is_a_late_reminder(reporter, indicator):
    _report_all_rounds_before(indicator, date(2025, 6, 1))
    send_reminders(today=MID_JULY)
    assert ReminderSent.objects.get().key.startswith("report-late:")


def test_the_same_reminder_never_goes_twice(reporter, indicator):
    _report_all_rounds_before(indicator, date(2025, 6, 1))
    send_reminders(today=JUNE_DUE_WEEK)
    assert send_reminders(today=JUNE_DUE_WEEK) == 0


def test_no_report_reminder_once_the_rounds_report_is_in(reporter, indicator):
    _report_all_rounds_before(indicator, date(2025, 6, 1))
    make_report(indicator=indicator, value=100, as_of=date(2025, 6, 25), state="submitted")
    assert send_reminders(today=JUNE_DUE_WEEK) == 0


def test_a_reporter_outside_the_plans_jurisdiction_is_not_reminded(indicator, department):
    from minsheng.accounts.models import Role
    from minsheng.testing import make_jurisdiction, make_user

    make_user(
        Role.DEPARTMENT_REPORTER,
        department=department,
        jurisdiction=make_jurisdiction(name="烟台市", slug="yantai"),
    )
    assert send_reminders(today=JUNE_DUE_WEEK) == 0


def test_the_command_says_how_many_went(reporter, indicator):
    _report_all_rounds_before(indicator, date(2025, 6, 1))
    out = StringIO()
    call_command("send_reminders", "--today", "2025-07-02", stdout=out)
    assert out.getvalue().strip() == "1 reminders sent"
