"""Issue 13 point 8: a reply's evidence goes through the reporting evidence check and is
served only through the case's permission-checked view."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from minsheng.progress.tests.images import GPS_IFD, jpeg_with_gps, png
from minsheng.supervision.services import case_reply, notice_issue

pytestmark = pytest.mark.usefixtures("mid_year")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


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


def _reply_with(notice, reporter, name, content):
    upload = SimpleUploadedFile(name, content)
    notice = case_reply(actor=reporter, case=notice, measures="已完成整改", evidence=upload)
    return notice.steps.last()


def test_a_reply_photo_loses_its_gps_position(notice, reporter):
    step = _reply_with(notice, reporter, "现场.jpg", jpeg_with_gps())
    with step.evidence.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif().get_ifd(GPS_IFD)


def test_a_reply_file_is_stored_under_a_random_name(notice, reporter):
    step = _reply_with(notice, reporter, "整改报告（内部）.jpg", jpeg_with_gps())
    assert "整改报告" not in step.evidence.name


def test_a_reply_file_type_is_read_from_its_content_not_its_name(notice, reporter):
    step = _reply_with(notice, reporter, "scan.pdf", png())
    assert step.evidence.name.endswith(".png")


def test_the_case_page_links_reply_evidence_to_the_checked_view(notice, reporter, office):
    step = _reply_with(notice, reporter, "现场.jpg", jpeg_with_gps())
    client = Client()
    client.force_login(office)
    page = client.get(reverse("supervision:case", args=["notice", notice.pk])).content.decode()
    url = reverse("supervision:step_evidence", args=["notice", notice.pk, step.pk])
    assert url in page and "/media/" not in page


def test_the_office_downloads_reply_evidence_through_the_checked_view(notice, reporter, office):
    step = _reply_with(notice, reporter, "现场.jpg", jpeg_with_gps())
    client = Client()
    client.force_login(office)
    url = reverse("supervision:step_evidence", args=["notice", notice.pk, step.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).format == "JPEG"


def test_someone_outside_the_case_gets_404_for_its_evidence(notice, reporter, outsider):
    step = _reply_with(notice, reporter, "现场.jpg", jpeg_with_gps())
    client = Client()
    client.force_login(outsider)
    url = reverse("supervision:step_evidence", args=["notice", notice.pk, step.pk])
    assert client.get(url).status_code == 404
