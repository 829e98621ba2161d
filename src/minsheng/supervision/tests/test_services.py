from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from minsheng.audit.models import AuditRecord
from minsheng.supervision.models import CaseState, EscalationLevel, StepAction
from minsheng.supervision.services import (
    assistance_raise,
    case_acknowledge,
    case_close,
    case_escalate,
    case_reply,
    escalate_overdue,
    notice_issue,
)

pytestmark = pytest.mark.usefixtures("mid_year")


@pytest.fixture
def notice(office, project, department, indicator):
    return notice_issue(
        actor=office,
        project=project,
        department=department,
        indicator=indicator,
        reason="停车位进度落后计划20个百分点",
        required_action="7日内报送整改措施",
        reply_deadline=date(2025, 7, 8),
    )


def test_the_office_issues_a_numbered_notice(notice):
    assert notice.number == 1
    assert notice.state == CaseState.OPEN
    assert notice.level == EscalationLevel.OFFICE


def test_issuing_is_in_the_audit_trail(notice):
    assert AuditRecord.objects.filter(
        action="supervision.notice.issue", object_id=str(notice.pk)
    ).exists()


def test_a_department_cannot_issue_a_notice(reporter, project, department):
    with pytest.raises(PermissionDenied):
        notice_issue(
            actor=reporter,
            project=project,
            department=department,
            reason="x",
            required_action="y",
            reply_deadline=date(2025, 7, 8),
        )


def test_a_notice_needs_a_reason(office, project, department):
    with pytest.raises(ValidationError) as raised:
        notice_issue(
            actor=office,
            project=project,
            department=department,
            reason="  ",
            required_action="y",
            reply_deadline=date(2025, 7, 8),
        )
    assert "reason" in raised.value.message_dict


def test_a_deadline_in_the_past_is_refused(office, project, department):
    with pytest.raises(ValidationError):
        notice_issue(
            actor=office,
            project=project,
            department=department,
            reason="x",
            required_action="y",
            reply_deadline=date(2025, 6, 30),
        )


def test_the_department_acknowledges_replies_and_the_office_closes(notice, reporter, office):
    notice = case_acknowledge(actor=reporter, case=notice)
    notice = case_reply(actor=reporter, case=notice, measures="增派施工队伍，8月底前补齐")
    notice = case_close(actor=office, case=notice, comment="措施可行，予以销号")
    assert notice.state == CaseState.CLOSED
    assert notice.closed_at is not None
    assert [step.action for step in notice.steps.all()] == [
        StepAction.OPEN,
        StepAction.ACKNOWLEDGE,
        StepAction.REPLY,
        StepAction.CLOSE,
    ]
    assert AuditRecord.objects.filter(object_id=str(notice.pk)).count() == 4


def test_another_department_cannot_acknowledge(notice, outsider):
    with pytest.raises(PermissionDenied):
        case_acknowledge(actor=outsider, case=notice)


def test_acknowledging_twice_is_refused(notice, reporter):
    case_acknowledge(actor=reporter, case=notice)
    with pytest.raises(PermissionDenied):
        case_acknowledge(actor=reporter, case=notice)


def test_a_notice_without_a_reply_cannot_be_closed(notice, office):
    with pytest.raises(PermissionDenied):
        case_close(actor=office, case=notice)


def test_a_reply_carries_checked_evidence(notice, reporter):
    pdf = SimpleUploadedFile("措施.pdf", b"%PDF-1.7 content", content_type="application/pdf")
    notice = case_reply(actor=reporter, case=notice, measures="措施", evidence=pdf)
    assert notice.steps.last().evidence.name.endswith(".pdf")


def test_a_renamed_file_is_refused_as_evidence(notice, reporter):
    fake = SimpleUploadedFile("措施.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(ValidationError):
        case_reply(actor=reporter, case=notice, measures="措施", evidence=fake)
    notice.refresh_from_db()
    assert notice.state == CaseState.OPEN


def test_the_office_escalates_an_unsatisfying_reply(notice, reporter, office):
    case_reply(actor=reporter, case=notice, measures="正在推进")
    notice = case_escalate(actor=office, case=notice, reason="措施不具体")
    assert notice.level == EscalationLevel.SECRETARY_GENERAL
    assert notice.state == CaseState.OPEN
    assert notice.reply_deadline == date(2025, 7, 8)


def test_nothing_escalates_beyond_the_city_leadership(notice, office):
    notice = case_escalate(actor=office, case=notice, reason="一")
    notice = case_escalate(actor=office, case=notice, reason="二")
    with pytest.raises(PermissionDenied):
        case_escalate(actor=office, case=notice, reason="三")


def test_an_overdue_notice_escalates_one_level_once(notice, mid_year):
    mid_year.move_to("2025-07-09 10:00 +0800")
    assert [case.pk for case in escalate_overdue()] == [notice.pk]
    assert escalate_overdue() == []
    notice.refresh_from_db()
    assert notice.level == EscalationLevel.SECRETARY_GENERAL
    assert notice.reply_deadline == date(2025, 7, 16)
    assert AuditRecord.objects.get(action="supervision.notice.escalate").actor_name == "system"


def test_a_notice_replied_in_time_does_not_escalate(notice, reporter, mid_year):
    case_reply(actor=reporter, case=notice, measures="已整改")
    mid_year.move_to("2025-07-20 10:00 +0800")
    assert escalate_overdue() == []


def test_a_department_asks_for_help_and_the_office_answers(reporter, office, project):
    request = assistance_raise(
        actor=reporter, project=project, problem="用地指标不足", help_needed="协调自然资源部门"
    )
    assert request.department_id == reporter.department_id
    request = case_acknowledge(actor=office, case=request)
    request = case_reply(actor=office, case=request, measures="已召开协调会")
    request = case_close(actor=reporter, case=request, comment="问题已解决")
    assert request.state == CaseState.CLOSED


def test_a_department_asks_for_help_only_for_its_own_projects(outsider, project):
    with pytest.raises(PermissionDenied):
        assistance_raise(actor=outsider, project=project, problem="x", help_needed="y")


def test_the_escalation_command_reports_what_it_did(notice, mid_year):
    from io import StringIO

    from django.core.management import call_command

    mid_year.move_to("2025-07-09 10:00 +0800")
    out = StringIO()
    call_command("escalate_overdue", stdout=out)
    assert out.getvalue().strip().endswith("1 escalated")
