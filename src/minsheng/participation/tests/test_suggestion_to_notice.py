"""A resident's comment on a running project can become a supervision notice (督办单)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.audit.models import AuditRecord
from minsheng.core.i18n import UserFacingError
from minsheng.participation import services
from minsheng.participation.tests.builders import office
from minsheng.participation.tests.test_vetting_visits_replies import published_comment
from minsheng.supervision.models import SupervisionNotice
from minsheng.testing import make_department, make_project, make_user

pytestmark = pytest.mark.django_db


def test_the_notice_goes_to_the_lead_department_with_the_residents_words():
    project = make_project()
    notice = services.suggestion_to_notice(
        actor=office(project), suggestion=published_comment(project)
    )
    assert notice.department == project.project_departments.get(role="lead").department
    assert "建议在停车场增加充电桩和照明设施" in notice.reason


def test_the_notice_goes_to_the_department_already_asked_to_reply():
    project = make_project()
    suggestion = published_comment(project)
    other = make_department(project.plan.jurisdiction)
    services.reply_assign(actor=office(suggestion), suggestion=suggestion, department=other)
    notice = services.suggestion_to_notice(actor=office(suggestion), suggestion=suggestion)
    assert notice.department == other


def test_a_suggestion_becomes_a_notice_only_once():
    suggestion = published_comment(make_project())
    services.suggestion_to_notice(actor=office(suggestion), suggestion=suggestion)
    with pytest.raises(UserFacingError):
        services.suggestion_to_notice(actor=office(suggestion), suggestion=suggestion)
    assert SupervisionNotice.objects.count() == 1


def test_only_the_office_turns_a_suggestion_into_a_notice():
    suggestion = published_comment(make_project())
    with pytest.raises(PermissionDenied):
        services.suggestion_to_notice(actor=make_user(Role.SUPERVISOR), suggestion=suggestion)


def test_the_step_is_in_the_audit_trail():
    suggestion = published_comment(make_project())
    services.suggestion_to_notice(actor=office(suggestion), suggestion=suggestion)
    assert AuditRecord.objects.filter(action="suggestion.to_notice").count() == 1


def test_the_author_sees_the_notice_on_their_page(client):
    session = client.session
    session["participation_person"] = "me"
    session.save()
    project = make_project()
    notice = services.suggestion_to_notice(
        actor=office(project), suggestion=published_comment(project)
    )
    page = client.get(reverse("participation:mine")).content.decode()
    assert f"督办单第{notice.number}号" in page


def test_the_office_button_opens_the_new_notice(client):
    suggestion = published_comment(make_project())
    client.force_login(office(suggestion))
    response = client.post(reverse("participation:to_notice", args=[suggestion.pk]))
    notice = SupervisionNotice.objects.get()
    assert response.url == reverse("supervision:case", kwargs={"kind": "notice", "pk": notice.pk})
