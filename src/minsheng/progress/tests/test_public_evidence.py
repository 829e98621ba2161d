"""Issue 13 point 8: published evidence is served by a view that checks it is public.

DEBUG is off in the tests, as in production: nothing is served from /media/.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from minsheng.plans.choices import PlanState
from minsheng.progress.evidence import check_upload
from minsheng.progress.models import Evidence, ReportState
from minsheng.progress.tests.images import jpeg_with_gps
from minsheng.testing import make_indicator, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _photo(state=ReportState.APPROVED, plan_state=PlanState.IN_PROGRESS):
    project = make_project(make_plan(state=plan_state))
    report = make_report(indicator=make_indicator(project), value=10, state=state)
    checked = check_upload(io.BytesIO(jpeg_with_gps()))
    evidence = Evidence(project=project, report=report, kind=checked.kind, caption="新建停车场")
    evidence.file.save(checked.name, ContentFile(checked.content), save=False)
    evidence.thumbnail.save("t.jpg", ContentFile(checked.thumbnail), save=False)
    evidence.save()
    return evidence


def _public(evidence, size="file"):
    return Client().get(reverse("progress:public_evidence", args=[evidence.pk, size]))


def test_an_approved_photo_of_a_public_plan_is_served_to_anyone():
    response = _public(_photo())
    assert response.status_code == 200
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).format == "JPEG"


def test_the_public_thumbnail_may_be_cached():
    response = _public(_photo(), size="thumb")
    assert response["Cache-Control"] == "public, max-age=3600"


@pytest.mark.parametrize("state", [ReportState.DRAFT, ReportState.SUBMITTED, ReportState.RETURNED])
def test_evidence_of_a_report_not_approved_is_not_public(state):
    assert _public(_photo(state=state)).status_code == 404


def test_evidence_of_a_plan_not_yet_published_is_not_public():
    assert _public(_photo(plan_state=PlanState.DRAFTING)).status_code == 404


def test_the_project_page_links_photos_to_the_checked_view_not_media():
    evidence = _photo()
    plan = evidence.project.plan
    url = reverse("portal:project", args=[plan.year, plan.jurisdiction.slug, 1])
    page = Client().get(url).content.decode()
    assert reverse("progress:public_evidence", args=[evidence.pk, "thumb"]) in page
    assert "/media/" not in page


def test_the_api_links_evidence_files_to_the_checked_view_and_they_download():
    evidence = _photo()
    plan = evidence.project.plan
    data = Client().get(f"/api/plans/2025/{plan.jurisdiction.slug}/evidence").json()
    [item] = data["items"]
    assert item["file_url"] == reverse("progress:public_evidence", args=[evidence.pk, "file"])
    assert Client().get(item["file_url"]).status_code == 200
