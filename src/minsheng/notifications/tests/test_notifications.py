"""People are told what asks them to act: in the app, by e-mail or SMS as they chose, once."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.notifications import services
from minsheng.notifications.models import Channel, Delivery, SuggestionFollow
from minsheng.notifications.sms import LocmemBackend
from minsheng.participation import services as participation
from minsheng.progress import services as progress
from minsheng.supervision.models import Notification, ReminderSent
from minsheng.testing import make_department, make_indicator, make_plan, make_project, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _inline_and_local(settings):
    settings.NOTIFICATIONS_DELIVERY = "inline"
    settings.SMS_BACKEND = "minsheng.notifications.sms.LocmemBackend"
    LocmemBackend.outbox.clear()


@pytest.fixture
def plan():
    return make_plan()


@pytest.fixture
def department(plan):
    return make_department(plan.jurisdiction, name="市人力资源社会保障局")


@pytest.fixture
def indicator(plan, department):
    return make_indicator(make_project(plan, lead=department), target=Decimal(30000), unit="人")


@pytest.fixture
def office(plan):
    return make_user(Role.OFFICE, username="office", jurisdiction=plan.jurisdiction)


@pytest.fixture
def reporter(department):
    return make_user(
        Role.DEPARTMENT_REPORTER, username="rep", department=department, email="rep@example.org"
    )


def submitted(reporter, indicator):
    report = progress.progress_report_create(
        actor=reporter, subject=indicator, as_of=date(2025, 6, 30), value=Decimal(5000)
    )
    return progress.progress_report_submit(
        actor=reporter, report=report, expected_version=report.version
    )


def returned(office, reporter, indicator, capture):
    report = submitted(reporter, indicator)
    with capture(execute=True):
        return progress.progress_report_return(
            actor=office, report=report, expected_version=report.version, comment="请补充照片"
        )


def test_a_returned_report_reaches_its_reporter_in_the_app(
    office, reporter, indicator, django_capture_on_commit_callbacks
):
    returned(office, reporter, indicator, django_capture_on_commit_callbacks)
    assert Notification.objects.get(recipient=reporter).body == "请补充照片"


def test_a_returned_report_is_mailed_to_its_reporter(
    office, reporter, indicator, django_capture_on_commit_callbacks
):
    returned(office, reporter, indicator, django_capture_on_commit_callbacks)
    assert mail.outbox[0].to == ["rep@example.org"]


def test_an_approved_report_is_announced(office, reporter, indicator):
    report = submitted(reporter, indicator)
    progress.progress_report_approve(actor=office, report=report, expected_version=report.version)
    assert ReminderSent.objects.get(recipient=reporter).key.startswith("report-approved:")


def test_who_turned_e_mail_off_gets_none(
    office, reporter, indicator, django_capture_on_commit_callbacks
):
    services.preference_set(actor=reporter, by_email=False, by_sms=False, phone="")
    returned(office, reporter, indicator, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_who_chose_sms_gets_one_through_the_configured_backend(
    office, reporter, indicator, django_capture_on_commit_callbacks
):
    services.preference_set(actor=reporter, by_email=False, by_sms=True, phone="13800000000")
    returned(office, reporter, indicator, django_capture_on_commit_callbacks)
    assert [sms.to for sms in LocmemBackend.outbox] == ["13800000000"]


def test_sms_needs_a_mobile_number(reporter):
    with pytest.raises(ValidationError):
        services.preference_set(actor=reporter, by_email=True, by_sms=True, phone="123")


def test_the_file_backend_writes_one_json_line_per_sms(settings, tmp_path):
    from minsheng.notifications.sms import send_sms

    settings.SMS_BACKEND = "minsheng.notifications.sms.FileBackend"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.jsonl")
    send_sms("13800000000", "请于7月5日前报送")
    line = (tmp_path / "sms.jsonl").read_text(encoding="utf-8").strip()
    assert json.loads(line) == {"to": "13800000000", "text": "请于7月5日前报送"}


def test_the_same_key_notifies_once(plan, reporter):
    for _ in range(2):
        services.notify(
            key="k", recipients=[reporter], subject="s", jurisdiction_id=plan.jurisdiction_id
        )
    assert Notification.objects.filter(recipient=reporter).count() == 1


def test_a_delivery_is_sent_once_however_often_the_sender_runs(plan, reporter, settings):
    settings.NOTIFICATIONS_DELIVERY = "worker"
    services.notify(
        key="k", recipients=[reporter], subject="s", jurisdiction_id=plan.jurisdiction_id
    )
    sent = [services.deliveries_send(), services.deliveries_send()]
    assert (sent, len(mail.outbox)) == ([1, 0], 1)


def test_the_worker_mode_leaves_deliveries_for_the_command(
    plan, reporter, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFICATIONS_DELIVERY = "worker"
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            key="k", recipients=[reporter], subject="s", jurisdiction_id=plan.jurisdiction_id
        )
    assert Delivery.objects.get().sent_at is None


def test_the_command_sends_what_is_queued(plan, reporter, settings):
    from django.core.management import call_command

    settings.NOTIFICATIONS_DELIVERY = "worker"
    services.notify(
        key="k", recipients=[reporter], subject="s", jurisdiction_id=plan.jurisdiction_id
    )
    call_command("send_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1


def test_nobody_outside_the_objects_jurisdiction_is_told(plan, department):
    from minsheng.testing import make_jurisdiction

    elsewhere = make_user(Role.OFFICE, jurisdiction=make_jurisdiction(name="烟台市", slug="yt"))
    services.notify(
        key="k", recipients=[elsewhere], subject="s", jurisdiction_id=plan.jurisdiction_id
    )
    assert Notification.objects.filter(recipient=elsewhere).exists() is False


def published_suggestion(project, office):
    suggestion = participation.comment_submit(
        project=project, text="建议在停车场增加充电桩和照明设施", client="ip:1", author_key="p:me"
    )
    return participation.suggestion_moderate(actor=office, suggestion=suggestion, publish=True)


def test_an_assigned_reply_reaches_the_department(indicator, office, reporter):
    participation.reply_assign(
        actor=office, suggestion=published_suggestion(indicator.project, office)
    )
    assert Notification.objects.filter(recipient=reporter).count() == 1


def test_a_follower_is_mailed_when_the_suggestion_is_answered(
    indicator, office, reporter, django_capture_on_commit_callbacks
):
    suggestion = published_suggestion(indicator.project, office)
    services.suggestion_follow(
        suggestion=suggestion, channel=Channel.EMAIL, address="me@example.org"
    )
    reply = participation.reply_assign(actor=office, suggestion=suggestion)
    with django_capture_on_commit_callbacks(execute=True):
        participation.reply_answer(actor=reporter, reply=reply, text="已安排增加充电桩")
    assert [m.to for m in mail.outbox if "me@example.org" in m.to] == [["me@example.org"]]


def test_a_follow_needs_a_real_address(indicator, office):
    suggestion = published_suggestion(indicator.project, office)
    with pytest.raises(ValidationError):
        services.suggestion_follow(suggestion=suggestion, channel=Channel.SMS, address="12")


def test_anyone_with_the_code_follows_from_another_browser(client, indicator, office):
    suggestion = published_suggestion(indicator.project, office)
    client.post(
        reverse("notifications:follow"),
        {"code": suggestion.token, "channel": "sms", "address": "13900000000"},
    )
    assert SuggestionFollow.objects.get().address == "13900000000"


def test_the_code_page_shows_the_suggestion(client, indicator, office):
    suggestion = published_suggestion(indicator.project, office)
    page = client.get(reverse("notifications:follow"), {"code": suggestion.token})
    assert "建议在停车场增加充电桩" in page.content.decode()


def test_the_preferences_page_saves_ones_choice(client, reporter):
    client.force_login(reporter)
    client.post(reverse("notifications:preferences"), {"by_sms": "on", "phone": "13800000000"})
    assert services.preference_of(reporter).by_sms is True


def test_a_deputy_on_the_roll_is_told_the_ballot_opened():
    from datetime import timedelta

    from django.utils import timezone

    from minsheng.participation.tests.builders import drafting_plan, make_candidate

    plan = drafting_plan()
    deputy = make_user(Role.OBSERVER, jurisdiction=plan.jurisdiction)
    actor = make_user(Role.OFFICE, jurisdiction=plan.jurisdiction)
    ballot = participation.ballot_create(
        actor=actor,
        plan=plan,
        candidates=[make_candidate(plan), make_candidate(plan)],
        voters=[deputy],
        title="2026年市办实事票决",
        seats=1,
        opens_at=timezone.now() - timedelta(hours=1),
        closes_at=timezone.now() + timedelta(hours=2),
    )
    participation.ballot_open(actor=actor, ballot=ballot)
    assert Notification.objects.filter(recipient=deputy).count() == 1
