import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from PIL import Image

from minsheng.audit.models import AuditRecord
from minsheng.progress import evidence, services
from minsheng.progress.models import EvidenceKind
from minsheng.progress.tests.images import GPS_IFD, MINIMAL_PDF, jpeg_with_gps, png


def test_the_sample_photo_really_carries_gps_before_the_check():
    assert Image.open(io.BytesIO(jpeg_with_gps())).getexif().get_ifd(GPS_IFD)


def test_a_photo_loses_its_exif_and_gps_position():
    checked = evidence.check_upload(io.BytesIO(jpeg_with_gps()))
    cleaned = Image.open(io.BytesIO(checked.content))
    assert checked.kind == EvidenceKind.PHOTO
    assert not cleaned.getexif()
    assert not cleaned.getexif().get_ifd(GPS_IFD)
    assert b"TestCam" not in checked.content


def test_a_photo_is_turned_upright_before_its_orientation_tag_goes():
    checked = evidence.check_upload(io.BytesIO(jpeg_with_gps((300, 100), orientation=6)))
    assert Image.open(io.BytesIO(checked.content)).size == (100, 300)


def test_a_photo_gets_a_small_jpeg_thumbnail():
    checked = evidence.check_upload(io.BytesIO(jpeg_with_gps()))
    assert checked.thumbnail is not None
    thumb = Image.open(io.BytesIO(checked.thumbnail))
    assert thumb.format == "JPEG" and max(thumb.size) <= 320


def test_the_type_comes_from_the_bytes_not_the_name():
    upload = io.BytesIO(png())
    upload.name = "report.pdf"
    checked = evidence.check_upload(upload)
    assert checked.kind == EvidenceKind.PHOTO and checked.name.endswith(".png")


def test_a_pdf_is_kept_as_a_document_without_a_thumbnail():
    checked = evidence.check_upload(io.BytesIO(MINIMAL_PDF))
    assert checked.kind == EvidenceKind.DOCUMENT and checked.thumbnail is None
    assert checked.name.endswith(".pdf") and checked.content == MINIMAL_PDF


def test_a_script_named_like_a_photo_is_refused():
    upload = io.BytesIO(b"<script>alert(1)</script>")
    upload.name = "photo.jpg"
    with pytest.raises(evidence.EvidenceError):
        evidence.check_upload(upload)


def test_a_truncated_jpeg_is_refused_as_unreadable():
    with pytest.raises(evidence.EvidenceError):
        evidence.check_upload(io.BytesIO(jpeg_with_gps()[:200]))


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(evidence, "MAX_BYTES", 1000)
    with pytest.raises(evidence.EvidenceError) as raised:
        evidence.check_upload(io.BytesIO(jpeg_with_gps()))
    assert raised.value.messages


def test_an_empty_file_is_refused():
    with pytest.raises(evidence.EvidenceError):
        evidence.check_upload(io.BytesIO(b""))


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _draft(world):
    return services.progress_report_create(
        actor=world.reporter_a,
        subject=world.indicator_a,
        as_of=date(2025, 6, 30),
        value=Decimal(5000),
    )


def test_attached_evidence_is_stored_through_the_storage_api_without_gps(world, media):
    report = _draft(world)
    item = services.evidence_attach(
        actor=world.reporter_a, report=report, upload=io.BytesIO(jpeg_with_gps()), caption="现场"
    )
    stored = media / item.file.name
    assert stored.exists() and (media / item.thumbnail.name).exists()
    assert not Image.open(stored).getexif()
    assert AuditRecord.objects.filter(action="evidence.create", object_id=str(item.pk)).exists()


def test_evidence_needs_a_caption(world, media):
    with pytest.raises(services.ReportError):
        services.evidence_attach(
            actor=world.reporter_a, report=_draft(world), upload=io.BytesIO(png()), caption=""
        )


def test_another_department_cannot_attach_evidence(world, media):
    with pytest.raises(PermissionDenied):
        services.evidence_attach(
            actor=world.reporter_b, report=_draft(world), upload=io.BytesIO(png()), caption="x"
        )
