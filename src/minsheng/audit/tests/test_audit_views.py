import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.audit.models import AuditRecord
from minsheng.audit.services import record_change
from minsheng.plans.models import Plan
from minsheng.testing import make_plan, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def trail():
    plan = make_plan()
    office = make_user(Role.OFFICE, username="office", plan=plan)
    record_change(
        actor=office,
        action="plan.update",
        instance=plan,
        before={"title": "旧"},
        after={"title": "=SUM(A1)"},
    )
    record_change(actor=None, action="progress_report.import", instance=plan, after={"value": "1"})
    return plan


def _as(role, plan=None):
    """A client signed in as `role`, in the plan's jurisdiction (the trail's) by default."""
    client = Client()
    client.force_login(make_user(role, plan=plan or Plan.objects.get()))
    return client


def test_the_auditor_reads_the_trail_newest_first(trail):
    text = _as(Role.AUDITOR).get(reverse("audit:index")).content.decode()
    assert text.index("progress_report.import") < text.index("plan.update")
    assert "2条记录" in text


def test_the_trail_filters_by_action(trail):
    text = _as(Role.AUDITOR).get(reverse("audit:index"), {"action": "plan."}).content.decode()
    assert "plan.update" in text and "progress_report.import" not in text


def test_a_malformed_date_filter_is_ignored_not_an_error(trail):
    assert _as(Role.AUDITOR).get(reverse("audit:index"), {"since": "yesterday"}).status_code == 200


@pytest.mark.parametrize(
    "role", [Role.OFFICE, Role.SUPERVISOR, Role.OBSERVER, Role.DEPARTMENT_REPORTER]
)
def test_nobody_but_the_auditor_reads_the_trail(trail, role):
    assert _as(role).get(reverse("audit:index")).status_code == 403


def test_a_superuser_is_not_the_auditor(trail):
    client = Client()
    client.force_login(make_user(is_superuser=True, is_staff=True))
    assert client.get(reverse("audit:index")).status_code == 403


def test_the_csv_export_has_every_record_and_defuses_formulas(trail):
    response = _as(Role.AUDITOR).get(reverse("audit:export"))
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert len(rows) == 1 + AuditRecord.objects.count()
    update = next(row for row in rows if row[2] == "plan.update")
    assert update[1] == "office" and "=SUM" in update[7] and not update[7].startswith("=")


def test_the_trail_offers_no_way_to_change_it(trail):
    client = _as(Role.AUDITOR)
    record = AuditRecord.objects.first()
    assert client.post(reverse("audit:index"), {"id": record.pk}).status_code == 405
    assert client.post(reverse("audit:export")).status_code == 405
    assert AuditRecord.objects.count() == 2


def test_the_trail_shows_only_the_fields_that_changed(trail):
    text = _as(Role.AUDITOR).get(reverse("audit:index")).content.decode()
    assert "<del>旧</del> → <ins>=SUM(A1)</ins>" in text
