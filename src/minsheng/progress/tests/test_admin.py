from datetime import date
from decimal import Decimal

from django.test import Client

from minsheng.audit.models import AuditRecord
from minsheng.progress import services
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.testing import make_user


def _submitted(world):
    report = services.progress_report_create(
        actor=world.reporter_a,
        subject=world.indicator_a,
        as_of=date(2025, 6, 30),
        value=Decimal(5000),
    )
    return services.progress_report_submit(
        actor=world.reporter_a, report=report, expected_version=report.version
    )


def _admin():
    client = Client()
    client.force_login(make_user(is_superuser=True, is_staff=True))
    return client


def test_the_admin_approves_through_the_service_with_an_audit_record(world):
    report = _submitted(world)
    _admin().post(
        "/admin/progress/progressreport/",
        {"action": "approve_selected", "_selected_action": [report.pk]},
    )
    assert ProgressReport.objects.get(pk=report.pk).state == ReportState.APPROVED
    assert AuditRecord.objects.filter(action="progress_report.approve").count() == 1


def test_the_admin_cannot_edit_a_report_around_the_workflow(world):
    report = _submitted(world)
    client = _admin()
    client.post(f"/admin/progress/progressreport/{report.pk}/change/", {"value": "99999"})
    assert client.get("/admin/progress/progressreport/add/").status_code == 403
    assert ProgressReport.objects.get(pk=report.pk).value == Decimal(5000)
