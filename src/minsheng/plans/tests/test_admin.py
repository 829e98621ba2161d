"""The office clerk's admin: every ledger page opens in Chinese, and edits are audited."""

import pytest
from django.urls import reverse

from minsheng.audit.models import AuditRecord
from minsheng.plans.models import Indicator, Plan, Project
from minsheng.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "model", ["plan", "project", "indicator", "milestone", "jurisdiction", "department"]
)
def test_every_ledger_list_opens_in_chinese(clerk, demo_plan, model):
    response = clerk.get(reverse(f"admin:plans_{model}_changelist"))
    assert response.status_code == 200
    assert "选择" in response.content.decode()


def test_a_project_page_shows_its_indicators_inline(clerk, demo_plan):
    project = Project.objects.get(plan=demo_plan, number=3)
    response = clerk.get(reverse("admin:plans_project_change", args=[project.pk]))
    assert "新增公共停车位" in response.content.decode()


def test_an_admin_edit_is_written_to_the_audit_trail(clerk, demo_plan):
    indicator = Indicator.objects.get(project__plan=demo_plan, name="新增公共停车位")
    response = clerk.post(
        reverse("admin:plans_indicator_change", args=[indicator.pk]),
        {
            "project": indicator.project_id,
            "order": 2,
            "name": indicator.name,
            "target": "12000",
            "unit": "个",
            "comparator": "gte",
            "source_text": indicator.source_text,
            "allocations-TOTAL_FORMS": 0,
            "allocations-INITIAL_FORMS": 0,
            "schedule_points-TOTAL_FORMS": 0,
            "schedule_points-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = AuditRecord.objects.get(action="indicator.update", object_id=str(indicator.pk))
    assert (record.before["target"], record.after["target"]) == ("10000.0000", "12000")


def test_the_audit_trail_cannot_be_edited_in_the_admin(clerk, demo_plan):
    record = AuditRecord.objects.first()
    response = clerk.post(
        reverse("admin:audit_auditrecord_delete", args=[record.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Plan.objects.count() == 1 and AuditRecord.objects.filter(pk=record.pk).exists()
