"""Issue 13 point 9: a report made by one app server downloads from another.

Two real processes, each with its own data directory (its own local disk), share the
database and the file storage (MINSHENG_MEDIA_DIR, a shared volume). Process A runs a
report job as a worker does; process B answers the office's download through the whole
Django request stack. Nothing is shared but what the settings say.
"""

import hashlib
import os

import pytest

from minsheng.reports.tests.app_server import run_server

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="uses its own SQLite file for both processes"
)

WORKER = """
from datetime import date
from minsheng.accounts.models import Role
from minsheng.plans.models import Plan
from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format
from minsheng.reports.services import report_job_request, report_job_run
from minsheng.testing import make_user

plan = Plan.objects.get(year=2025)
office = make_user(Role.OFFICE, username="office", plan=plan)
job = report_job_request(actor=office, plan=plan, kind=Kind.YEAR_END, fmt=Format.DOCX,
                         style=Style.PRESS, as_of=date(2025, 12, 31))
report_job_run(job)
job.refresh_from_db()
print(job.state, job.pk)
"""

SERVER = """
import hashlib, sys
from django.test import Client
from django.urls import reverse
from minsheng.accounts.models import User

client = Client()
client.force_login(User.objects.get(username="office"))
response = client.get(reverse("reports:download", args=[int(sys.argv[1])]))
body = b"".join(response.streaming_content) if response.status_code == 200 else b""
print(response.status_code, hashlib.sha256(body).hexdigest())
"""


@pytest.fixture
def two_servers(tmp_path):
    """The environment of app server A and of app server B, sharing database and storage."""
    shared = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "MINSHENG_MEDIA_DIR", "MINSHENG_DATA_DIR")
    }
    shared.update(
        DJANGO_SETTINGS_MODULE="minsheng.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        MINSHENG_MEDIA_DIR=str(tmp_path / "shared-volume"),
        REPORT_JOBS_START_IN_WEB="0",
    )
    servers = {
        name: {**shared, "MINSHENG_DATA_DIR": str(tmp_path / f"server-{name}")}
        for name in ("a", "b")
    }
    run_server(servers["a"], "migrate", "-v0")
    run_server(servers["a"], "load_demo")
    return servers


def test_a_report_made_on_one_server_downloads_from_the_other(two_servers, tmp_path):
    state, pk = run_server(two_servers["a"], code=WORKER).splitlines()[-1].split()
    assert state == "done"
    status, digest = run_server(two_servers["b"], pk, code=SERVER).splitlines()[-1].split()
    made = next((tmp_path / "shared-volume" / "reports" / "jobs").rglob("*.docx"))
    assert not list((tmp_path / "server-a").rglob("*.docx"))  # nothing on A's own disk
    assert (status, digest) == ("200", hashlib.sha256(made.read_bytes()).hexdigest())
