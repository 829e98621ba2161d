from datetime import date

import pytest
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.supervision.models import CaseState, SupervisionNotice
from minsheng.supervision.services import notice_issue
from minsheng.testing import make_indicator, make_project, make_report, make_user

pytestmark = pytest.mark.usefixtures("mid_year")


@pytest.fixture
def notice(office, project, department, indicator):
    return notice_issue(
        actor=office,
        project=project,
        department=department,
        indicator=indicator,
        reason="进度落后",
        required_action="报送措施",
        reply_deadline=date(2025, 7, 8),
    )


def test_the_office_sees_the_cockpit(client, office, plan, indicator):
    client.force_login(office)
    response = client.get(reverse("supervision:cockpit"), {"as_of": "2025-07-01"})
    assert response.status_code == 200
    assert "echarts.min.js" in response.text


def test_a_supervisor_sees_the_cockpit(client, plan):
    client.force_login(make_user(Role.SUPERVISOR, plan=plan))
    assert client.get(reverse("supervision:cockpit")).status_code == 200


@pytest.mark.parametrize("role", [Role.DEPARTMENT_REPORTER, Role.AUDITOR, Role.OBSERVER, ""])
def test_nobody_else_sees_the_cockpit(client, plan, role):
    client.force_login(make_user(role, plan=plan))
    assert client.get(reverse("supervision:cockpit")).status_code == 403


def test_the_public_is_sent_to_log_in(client, plan):
    response = client.get(reverse("supervision:cockpit"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_bad_as_of_date_is_explained_not_crashed_on(client, office, plan):
    client.force_login(office)
    response = client.get(reverse("supervision:cockpit"), {"as_of": "2025-13-45"})
    assert response.status_code == 200
    assert "errorlist" in response.text


def test_the_cockpit_lists_a_red_item_with_a_link_to_issue_a_notice(
    client, office, plan, indicator
):
    make_report(indicator=indicator, value=1000)
    client.force_login(office)
    response = client.get(reverse("supervision:cockpit"), {"as_of": "2025-07-01"})
    assert f'data-key="indicator:{indicator.pk}"' in response.text
    assert f"indicator={indicator.pk}" in response.text


def test_item_names_are_escaped(client, office, plan, project):
    make_indicator(project, name="<script>alert(1)</script>")
    client.force_login(office)
    response = client.get(reverse("supervision:cockpit"), {"as_of": "2025-07-01"})
    assert "<script>alert(1)</script>" not in response.text


def test_the_cockpit_runs_a_bounded_number_of_queries(
    client, office, plan, project, django_assert_max_num_queries
):
    for _ in range(6):
        extra = make_project(plan)
        make_report(indicator=make_indicator(extra), value=100)
    client.force_login(office)
    with django_assert_max_num_queries(20):
        client.get(reverse("supervision:cockpit"), {"as_of": "2025-07-01"})


def test_the_demo_cockpit_runs_a_bounded_number_of_queries(
    client, demo_plan, office, django_assert_max_num_queries
):
    client.force_login(office)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("supervision:cockpit"), {"as_of": "2025-07-01"})
    assert response.status_code == 200


def test_the_office_issues_a_notice_through_the_form(client, office, plan, project, department):
    client.force_login(office)
    response = client.post(
        reverse("supervision:notice_new") + f"?plan={plan.pk}",
        {
            "project": project.pk,
            "department": department.pk,
            "reason": "进度落后",
            "required_action": "报送措施",
            "reply_deadline": "2025-07-08",
        },
    )
    notice = SupervisionNotice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("supervision:case", args=["notice", notice.pk])


def test_a_notice_form_with_a_past_deadline_keeps_what_was_typed(
    client, office, plan, project, department
):
    client.force_login(office)
    response = client.post(
        reverse("supervision:notice_new"),
        {
            "project": project.pk,
            "department": department.pk,
            "reason": "进度落后的理由",
            "required_action": "报送措施",
            "reply_deadline": "2025-06-01",
        },
    )
    assert response.status_code == 200
    assert "进度落后的理由" in response.text
    assert not SupervisionNotice.objects.exists()


def test_a_department_cannot_open_the_notice_form(client, reporter, plan):
    client.force_login(reporter)
    assert client.get(reverse("supervision:notice_new")).status_code == 403


def test_the_department_sees_its_notice(client, notice, reporter):
    client.force_login(reporter)
    response = client.get(reverse("supervision:case", args=["notice", notice.pk]))
    assert response.status_code == 200
    assert 'id="acknowledge"' in response.text


def test_another_department_gets_404_for_a_notice(client, notice, outsider):
    client.force_login(outsider)
    assert client.get(reverse("supervision:case", args=["notice", notice.pk])).status_code == 404


def test_another_department_cannot_act_on_a_notice(client, notice, outsider):
    client.force_login(outsider)
    url = reverse("supervision:case_act", args=["notice", notice.pk, "acknowledge"])
    assert client.post(url).status_code == 404
    notice.refresh_from_db()
    assert notice.state == CaseState.OPEN


def test_the_office_cannot_reply_for_the_department(client, notice, office):
    client.force_login(office)
    url = reverse("supervision:case_act", args=["notice", notice.pk, "reply"])
    assert client.post(url, {"measures": "代答"}).status_code == 403


def test_an_empty_reply_is_refused_and_changes_nothing(client, notice, reporter):
    client.force_login(reporter)
    url = reverse("supervision:case_act", args=["notice", notice.pk, "reply"])
    assert client.post(url, {"measures": ""}).status_code == 400
    notice.refresh_from_db()
    assert notice.state == CaseState.OPEN


def test_a_department_lists_only_its_own_notices(client, notice, outsider, reporter):
    client.force_login(outsider)
    assert str(notice) not in client.get(reverse("supervision:cases", args=["notice"])).text
    client.force_login(reporter)
    assert str(notice) in client.get(reverse("supervision:cases", args=["notice"])).text


def test_a_department_asks_for_help_through_the_form(client, reporter, project):
    client.force_login(reporter)
    response = client.post(
        reverse("supervision:assistance_new"),
        {"project": project.pk, "problem": "用地不足", "help_needed": "协调"},
    )
    assert response.status_code == 302


def test_an_unknown_kind_is_404(client, office):
    client.force_login(office)
    assert client.get("/office/elephant/").status_code == 404


def test_the_department_filter_narrows_the_cockpit(client, office, plan, indicator, department):
    from minsheng.testing import make_department

    other = make_project(plan, lead=make_department(plan.jurisdiction))
    make_indicator(other, name="别家的指标")
    client.force_login(office)
    response = client.get(
        reverse("supervision:cockpit"),
        {"plan": plan.pk, "department": department.pk, "as_of": "2025-07-01"},
    )
    import json
    import re

    charts = json.loads(
        re.search(
            r'<script id="cockpit-charts" type="application/json">(.*?)</script>', response.text
        )[1]
    )
    assert charts["schedule"]["names"] == [f"1·{indicator.name}"]


def test_a_reporter_reads_own_notifications_only(client, reporter, outsider):
    from minsheng.supervision.models import Notification

    Notification.objects.create(recipient=outsider, subject="别人的提醒")
    Notification.objects.create(recipient=reporter, subject="我的提醒")
    client.force_login(reporter)
    text = client.get(reverse("supervision:notifications")).text
    assert "我的提醒" in text
    assert "别人的提醒" not in text
