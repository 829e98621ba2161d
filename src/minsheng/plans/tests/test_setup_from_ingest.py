"""A plan read from a document is a draft the office goes on setting up in its own pages."""

from pathlib import Path

from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.plans.choices import JurisdictionLevel, PlanState
from minsheng.plans.models import Plan
from minsheng.testing import make_jurisdiction, make_user

SEED_TEXT = (
    Path(__file__).resolve().parents[2] / "ingest" / "tests" / "data" / "qingdao_2025_report.txt"
).read_text(encoding="utf-8")


def test_a_saved_draft_opens_on_its_set_up_page(client, db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    qingdao = make_jurisdiction(name="青岛市", slug="qingdao", level=JurisdictionLevel.CITY)
    client.force_login(make_user(Role.OFFICE, jurisdiction=qingdao))
    response = client.post(
        reverse("ingest:index"),
        {"action": "save", "source": SEED_TEXT, "jurisdiction": "青岛市", "year": "2025"},
    )
    plan = Plan.objects.get(jurisdiction=qingdao, year=2025)
    assert plan.state == PlanState.DRAFTING
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])
    page = client.get(response["Location"]).content.decode()
    assert 'id="project-15"' in page
