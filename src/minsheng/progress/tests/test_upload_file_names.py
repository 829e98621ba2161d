"""Issue 13 point 4: an evidence file whose name arrives in GBK bytes is kept, not dropped."""

import pytest
from django.test import Client
from django.urls import reverse

from minsheng.progress.models import Evidence, ProgressReport
from minsheng.progress.tests.images import jpeg_with_gps

BOUNDARY = "----minshengBoundary7MA4YWxk"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _multipart(fields, file_name: bytes, content: bytes) -> bytes:
    """A body as a browser on Chinese Windows sends it: the file name in raw bytes."""
    lines = []
    for name, value in fields.items():
        lines += [
            f"--{BOUNDARY}".encode(),
            f'Content-Disposition: form-data; name="{name}"'.encode(),
            b"",
            value.encode("utf-8"),
        ]
    lines += [
        f"--{BOUNDARY}".encode(),
        b'Content-Disposition: form-data; name="evidence"; filename="' + file_name + b'"',
        b"Content-Type: image/jpeg",
        b"",
        content,
        f"--{BOUNDARY}--".encode(),
        b"",
    ]
    return b"\r\n".join(lines)


def _post(world, file_name: bytes):
    client = Client()
    client.force_login(world.reporter_a)
    body = _multipart(
        {"as_of": "2025-06-30", "value": "5000", "caption": "创业孵化基地"},
        file_name,
        jpeg_with_gps(),
    )
    return client.post(
        reverse("progress:new", args=["indicator", world.indicator_a.pk]),
        data=body,
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )


def test_a_file_named_in_gbk_bytes_is_stored_with_its_report(world, media):
    response = _post(world, "现场照片.jpg".encode("gbk"))
    assert response.status_code == 302
    report = ProgressReport.objects.get(state="draft")
    assert Evidence.objects.get(report=report).kind == "photo"


def test_a_file_name_in_no_known_encoding_is_replaced_and_the_file_kept(world, media):
    _post(world, b"\xff\xfe\x80photo.jpg")
    assert Evidence.objects.filter(report__state="draft").count() == 1


def test_a_utf8_file_name_still_arrives_as_before(world, media):
    _post(world, "现场照片.jpg".encode())
    assert Evidence.objects.filter(report__state="draft").count() == 1
