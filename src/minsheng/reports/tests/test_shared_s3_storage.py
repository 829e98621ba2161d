"""Issue 13 point 9: files stored in an S3-compatible store are read by another app server.

The settings' S3 path (MEDIA_STORAGE_BACKEND = django-storages' S3Storage, its options as
JSON in MEDIA_STORAGE_OPTIONS) against a real S3 HTTP server (moto's, in this process).
Two real processes with their own data directories (their own disks) share only the
database and the bucket: A loads the demo (storing its evidence photos) and makes a report
PDF as a worker does, B serves both through the whole request stack.
"""

import hashlib
import json
import os

import pytest

from minsheng.reports.tests.app_server import run_server

boto3 = pytest.importorskip("boto3")
moto_server = pytest.importorskip("moto.server")

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="uses its own SQLite file for both processes"
)

BUCKET = "minsheng-media"

SERVER_A = """
from datetime import date
from minsheng.accounts.models import Role
from minsheng.plans.models import Plan
from minsheng.progress.models import Evidence
from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format
from minsheng.reports.services import report_job_request, report_job_run
from minsheng.testing import make_user

plan = Plan.objects.get(year=2025)
office = make_user(Role.OFFICE, username="office", plan=plan)
job = report_job_request(actor=office, plan=plan, kind=Kind.YEAR_END, fmt=Format.PDF,
                         style=Style.PRESS, as_of=date(2025, 12, 31))
report_job_run(job)
job.refresh_from_db()
evidence = Evidence.objects.exclude(file="").select_related("project__plan").order_by("pk")[0]
make_user(Role.OFFICE, username="evidence-office", plan=evidence.project.plan)
print(job.state, job.pk, job.file.name, evidence.pk, evidence.file.name)
"""

SERVER_B = """
import hashlib, sys
from django.test import Client
from django.urls import reverse
from minsheng.accounts.models import User

def fetch(username, url):
    client = Client()
    client.force_login(User.objects.get(username=username))
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return f"{response.status_code} {hashlib.sha256(body).hexdigest()}"

job, evidence = int(sys.argv[1]), int(sys.argv[2])
print(fetch("office", reverse("reports:download", args=[job])),
      fetch("evidence-office", reverse("progress:evidence", args=[evidence, "file"])))
"""


def _run(environment, *arguments, code=None):
    """The last line the server printed, as words."""
    lines = run_server(environment, *arguments, code=code).splitlines()
    return lines[-1].split() if lines else []


@pytest.fixture
def s3():
    """A real S3 HTTP server on a free port, with the site's bucket; stopped after the test."""
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    options = {
        "bucket_name": BUCKET,
        "endpoint_url": f"http://{host}:{port}",
        "access_key": "minsheng",
        "secret_key": "minsheng-secret",
        "region_name": "us-east-1",
        "addressing_style": "path",
    }
    client = boto3.client(
        "s3",
        endpoint_url=options["endpoint_url"],
        aws_access_key_id=options["access_key"],
        aws_secret_access_key=options["secret_key"],
        region_name=options["region_name"],
    )
    client.create_bucket(Bucket=BUCKET)
    yield client, options
    server.stop()


@pytest.fixture
def two_servers(tmp_path, s3):
    _client, options = s3
    shared = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "MINSHENG_MEDIA_DIR", "MINSHENG_DATA_DIR")
    }
    shared.update(
        DJANGO_SETTINGS_MODULE="minsheng.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        MEDIA_STORAGE_BACKEND="storages.backends.s3.S3Storage",
        MEDIA_STORAGE_OPTIONS=json.dumps(options),
        REPORT_JOBS_START_IN_WEB="0",
    )
    servers = {
        name: {**shared, "MINSHENG_DATA_DIR": str(tmp_path / f"server-{name}")}
        for name in ("a", "b")
    }
    _run(servers["a"], "migrate", "-v0")
    _run(servers["a"], "load_demo")
    return servers


def _stored_digest(client, key: str) -> str:
    return hashlib.sha256(client.get_object(Bucket=BUCKET, Key=key)["Body"].read()).hexdigest()


def test_a_report_pdf_and_an_evidence_photo_stored_in_s3_by_one_server_are_served_by_the_other(
    two_servers, s3, tmp_path
):
    client, _options = s3
    state, job, job_key, evidence, evidence_key = _run(two_servers["a"], code=SERVER_A)
    assert state == "done" and job_key.endswith(".pdf")
    report_answer, report_digest, photo_answer, photo_digest = _run(
        two_servers["b"], job, evidence, code=SERVER_B
    )
    assert (report_answer, report_digest) == ("200", _stored_digest(client, job_key))
    assert (photo_answer, photo_digest) == ("200", _stored_digest(client, evidence_key))
    on_disk = [p for p in tmp_path.rglob("*") if p.suffix in (".pdf", ".jpg")]
    assert on_disk == []  # in the bucket only, on neither server's own disk
