"""Report jobs through the service and the worker command, on the real database and files."""

import os
import subprocess
import sys
import threading
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.audit.models import AuditRecord
from minsheng.reports import generate as generate_module
from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format, generate
from minsheng.reports.models import ReportJob
from minsheng.reports.services import (
    report_job_claim,
    report_job_request,
    report_job_run,
    report_jobs_fail_stale,
)
from minsheng.testing import make_user

pytestmark = pytest.mark.django_db
AS_OF = date(2025, 12, 31)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def request_job(plan, fmt=Format.MARKDOWN, **overrides):
    return report_job_request(
        actor=overrides.pop("actor", None) or make_user(Role.OFFICE, plan=plan),
        plan=plan,
        kind=overrides.pop("kind", Kind.YEAR_END),
        fmt=fmt,
        style=overrides.pop("style", Style.PRESS),
        as_of=AS_OF,
    )


def test_a_requested_job_is_queued_and_audited(demo_plan):
    job = request_job(demo_plan)
    assert (job.state, job.progress, job.step) == ("queued", 0, "waiting")
    record = AuditRecord.objects.get(action="report_job.request")
    assert record.object_id == str(job.pk)


@pytest.mark.parametrize("role", [Role.DEPARTMENT_REPORTER, Role.SUPERVISOR, Role.OBSERVER])
def test_only_the_office_may_request_a_job(demo_plan, role):
    with pytest.raises(PermissionDenied):
        request_job(demo_plan, actor=make_user(role, plan=demo_plan))
    assert not ReportJob.objects.exists()


def test_running_a_job_stores_the_markdown_file_and_marks_it_done(demo_plan):
    job = request_job(demo_plan)
    assert report_job_run(job) is True
    job.refresh_from_db()
    assert (job.state, job.progress, job.step) == ("done", 100, "finished")
    assert job.started_at <= job.finished_at
    assert job.filename == "qingdao-2025-report-press-2025-12-31.md"
    with job.file.open("rb") as stored:
        assert "扶持创业3.84万人，占年计划的128%" in stored.read().decode("utf-8")


def test_a_pdf_job_stores_a_pdf(demo_plan):
    job = request_job(demo_plan, Format.PDF, style=Style.OFFICIAL)
    report_job_run(job)
    job.refresh_from_db()
    assert job.state == "done"
    assert job.content_type == "application/pdf"
    with job.file.open("rb") as stored:
        assert stored.read(4) == b"%PDF"


def test_the_progress_callback_sees_every_step_in_order(demo_plan):
    steps = []
    generate(
        demo_plan,
        kind=Kind.YEAR_END,
        fmt=Format.HTML,
        style=Style.PRESS,
        as_of=AS_OF,
        progress=lambda percent, step: steps.append((percent, step)),
    )
    assert steps == [(5, "collect"), (30, "compose"), (60, "render")]


@pytest.mark.django_db(transaction=True)
def test_two_workers_claiming_at_once_get_the_job_once(demo_plan):
    job = request_job(demo_plan)
    barrier = threading.Barrier(2)
    results = []

    def claim():
        barrier.wait()
        try:
            results.append(report_job_claim(job.pk))
        finally:
            connection.close()

    workers = [threading.Thread(target=claim) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(results) == [False, True]


@pytest.mark.django_db(transaction=True)
def test_the_web_process_runs_a_job_after_commit_without_a_worker(demo_plan, settings):
    settings.REPORT_JOBS_START_IN_WEB = True  # the embedded default, whatever the database
    job = report_job_request(
        actor=make_user(Role.OFFICE, plan=demo_plan),
        plan=demo_plan,
        kind=Kind.YEAR_END,
        fmt=Format.HTML,
        style=Style.PRESS,
        as_of=AS_OF,
        start_after_commit=True,
    )
    for thread in threading.enumerate():
        if thread.name == f"report-job-{job.pk}":
            thread.join(timeout=60)
    job.refresh_from_db()
    assert job.state == "done"


def test_a_job_is_claimed_only_once(demo_plan):
    job = request_job(demo_plan)
    assert report_job_claim(job.pk) is True
    assert report_job_claim(job.pk) is False


def test_a_job_claimed_by_another_worker_is_not_run_again(demo_plan):
    job = request_job(demo_plan)
    stale_copy = ReportJob.objects.get(pk=job.pk)
    assert report_job_run(job) is True
    assert report_job_run(stale_copy) is False
    job.refresh_from_db()
    assert job.state == "done"


def test_a_failure_is_recorded_with_its_message(demo_plan, settings, tmp_path):
    # The storage cannot write: its root is a plain file, not a folder.
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    settings.MEDIA_ROOT = blocked
    job = request_job(demo_plan)
    report_job_run(job)
    job.refresh_from_db()
    assert job.state == "failed"
    assert "The report could not be generated" in job.error
    assert "报告生成失败" in job.error
    assert job.finished_at is not None
    assert not job.file


def test_a_job_left_running_by_a_dead_process_is_marked_failed(demo_plan):
    job = request_job(demo_plan)
    report_job_claim(job.pk)
    an_hour_ago = timezone.now() - timedelta(hours=1)
    ReportJob.objects.filter(pk=job.pk).update(started_at=an_hour_ago, heartbeat_at=an_hour_ago)
    assert report_jobs_fail_stale(older_than=timedelta(minutes=30)) == 1
    job.refresh_from_db()
    assert job.state == "failed"
    assert "interrupted" in job.error


def test_the_worker_command_runs_every_queued_job_once(demo_plan):
    first = request_job(demo_plan)
    second = request_job(demo_plan, Format.DOCX)
    call_command("run_report_jobs", "--once")
    states = set(
        ReportJob.objects.filter(pk__in=[first.pk, second.pk]).values_list("state", flat=True)
    )
    assert states == {"done"}
    finished = ReportJob.objects.get(pk=second.pk).finished_at
    call_command("run_report_jobs", "--once")
    assert ReportJob.objects.get(pk=second.pk).finished_at == finished


def test_the_worker_command_leaves_a_finished_job_alone(demo_plan):
    job = request_job(demo_plan)
    report_job_run(job)
    call_command("run_report_jobs", "--once")
    job.refresh_from_db()
    assert job.state == "done"


# --- issue 13 point 10: one job per document, a final state nobody overwrites, a heartbeat ---


def test_the_same_report_asked_twice_is_queued_once(demo_plan):
    first = request_job(demo_plan)
    second = request_job(demo_plan)
    assert second.pk == first.pk
    assert ReportJob.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_report_asked_twice_at_once_is_queued_once(demo_plan):
    office = make_user(Role.OFFICE, plan=demo_plan)
    barrier = threading.Barrier(2)
    jobs = []

    def ask():
        barrier.wait()
        try:
            jobs.append(request_job(demo_plan, actor=office).pk)
        finally:
            connection.close()

    askers = [threading.Thread(target=ask) for _ in range(2)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join()
    # both callers get the one job: neither dies on the other's write lock
    assert len(jobs) == 2
    assert len(set(jobs)) == 1
    assert ReportJob.objects.count() == 1


def test_a_finished_report_may_be_asked_for_again(demo_plan):
    first = request_job(demo_plan)
    report_job_run(first)
    assert request_job(demo_plan).pk != first.pk


@pytest.mark.django_db(transaction=True)
def test_the_final_done_cannot_overwrite_a_job_already_failed(demo_plan, monkeypatch):
    # The render waits for the sweep, so that the sweep meets the job running however fast or
    # slow the machine is; the test waits on events, not on reads of the job, since on the
    # embedded SQLite a read of the test's own connection locks the table the worker writes.
    rendering, swept = threading.Event(), threading.Event()
    real_render = generate_module.render

    def render_after_the_sweep(document, fmt):
        rendering.set()
        swept.wait(timeout=60)
        return real_render(document, fmt)

    monkeypatch.setattr(generate_module, "render", render_after_the_sweep)
    job = request_job(demo_plan, Format.PDF)
    worker = threading.Thread(target=lambda: (report_job_run(job), connection.close()))
    worker.start()
    # While WeasyPrint writes the PDF, another worker's sweep takes the job for dead.
    assert rendering.wait(timeout=60)
    try:
        assert report_jobs_fail_stale(older_than=timedelta(seconds=-5)) == 1
    finally:
        swept.set()
    worker.join(timeout=120)
    job.refresh_from_db()
    assert job.state == "failed"
    assert not job.file


def test_a_running_job_with_a_recent_heartbeat_is_not_marked_stale(demo_plan):
    job = request_job(demo_plan)
    report_job_claim(job.pk)
    ReportJob.objects.filter(pk=job.pk).update(
        started_at=timezone.now() - timedelta(hours=1), heartbeat_at=timezone.now()
    )
    assert report_jobs_fail_stale(older_than=timedelta(minutes=30)) == 0


def test_a_running_job_writes_its_heartbeat(demo_plan):
    job = request_job(demo_plan)
    report_job_run(job)
    job.refresh_from_db()
    assert job.heartbeat_at is not None
    assert job.heartbeat_at >= job.started_at


def _settings_value(name, **environment):
    code = f"from django.conf import settings; print(settings.{name})"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", name)}
    env.update(DJANGO_SETTINGS_MODULE="minsheng.settings", **environment)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_production_runs_report_jobs_outside_the_web_processes():
    production = _settings_value(
        "REPORT_JOBS_START_IN_WEB", DATABASE_URL="postgres://db.example/minsheng"
    )
    assert production == "False"


def test_the_embedded_default_runs_report_jobs_after_commit_in_the_web_process():
    assert _settings_value("REPORT_JOBS_START_IN_WEB") == "True"
