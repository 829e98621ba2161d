"""Background report jobs: the office requests one, any worker (or the web process) runs it.

Every state change is a single UPDATE in the database, so several app servers and workers
can share the queue: a job is claimed with `UPDATE … WHERE state = 'queued'`, and only
the process whose UPDATE changed the row runs it.
"""

import logging
import threading
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.audit.services import record_change, snapshot
from minsheng.core.i18n import UserFacingError, bilingual
from minsheng.plans.models import Plan
from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format, generate
from minsheng.reports.models import ReportJob
from minsheng.reports.permissions import can_generate_reports

logger = logging.getLogger(__name__)
State = ReportJob.State
Step = ReportJob.Step


def report_job_request(
    *,
    actor: Any,
    plan: Plan,
    kind: Kind,
    fmt: Format,
    style: Style,
    as_of: date,
    start_after_commit: bool = False,
) -> ReportJob:
    """Queue a report for generation; with `start_after_commit`, also run it in a thread.

    The thread is for a web process that has no worker beside it (`make run`): it starts
    only after the job is committed, and it claims the job like any worker does.
    """
    if not can_generate_reports(actor):
        raise PermissionDenied
    with transaction.atomic():
        job = ReportJob.objects.create(
            plan=plan,
            kind=Kind(kind).value,
            format=Format(fmt).value,
            style=Style(style).value,
            as_of=as_of,
            requested_by=actor,
        )
        record_change(actor=actor, action="report_job.request", instance=job, after=snapshot(job))
        if start_after_commit and settings.REPORT_JOBS_START_IN_WEB:
            transaction.on_commit(lambda: start_in_thread(job.pk))
    return job


def report_job_claim(job_id: int) -> bool:
    """Mark a queued job running; False if it is not queued any more (someone else has it)."""
    claimed = ReportJob.objects.filter(pk=job_id, state=State.QUEUED).update(
        state=State.RUNNING, started_at=timezone.now(), progress=1, step=Step.COLLECT
    )
    return claimed == 1


def report_job_run(job: ReportJob) -> bool:
    """Claim and run one job, storing progress, the file and the outcome; False if not claimed.

    Runs in autocommit (no surrounding transaction) so that every progress update is
    visible at once to the page polling the job.
    """
    if not report_job_claim(job.pk):
        return False
    job.refresh_from_db()
    rows = ReportJob.objects.filter(pk=job.pk)

    def progress(percent: int, step: str) -> None:
        rows.update(progress=max(1, min(percent, 99)), step=step)

    try:
        output = generate(
            job.plan,
            kind=Kind(job.kind),
            fmt=Format(job.format),
            style=Style(job.style),
            as_of=job.as_of,
            progress=progress,
        )
        progress(90, Step.STORE)
        job.file.save(output.filename, ContentFile(output.content), save=False)
    # Any failure must end as a failed job with its message, never as a job stuck running.
    except Exception as error:
        logger.exception("report job %s failed", job.pk)
        rows.update(
            state=State.FAILED,
            error=failure_message(error),
            finished_at=timezone.now(),
        )
        return True
    rows.update(
        state=State.DONE,
        progress=100,
        step=Step.FINISHED,
        file=job.file.name,
        filename=output.filename,
        content_type=output.content_type,
        finished_at=timezone.now(),
    )
    return True


def failure_message(error: Exception) -> str:
    """The bilingual message shown on the job page for a failed generation."""
    if isinstance(error, UserFacingError):
        return "\n".join(error.messages)
    return bilingual(
        _("The report could not be generated: %(error)s"),
        error=f"{type(error).__name__}: {error}"[:500],
    )


def report_jobs_run_queued() -> int:
    """Run every queued job, oldest first; the number this process ran."""
    ran = 0
    for job_id in (
        ReportJob.objects.filter(state=State.QUEUED)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    ):
        job = ReportJob.objects.select_related("plan__jurisdiction").get(pk=job_id)
        if report_job_run(job):
            ran += 1
    return ran


def report_jobs_fail_stale(*, older_than: timedelta) -> int:
    """Mark failed the jobs left running by a process that died; the number marked."""
    return ReportJob.objects.filter(
        state=State.RUNNING, started_at__lt=timezone.now() - older_than
    ).update(
        state=State.FAILED,
        error=bilingual(_("The generation was interrupted; please request the report again.")),
        finished_at=timezone.now(),
    )


def start_in_thread(job_id: int) -> threading.Thread:
    """Run a job in a daemon thread of this process (the web process without a worker)."""
    thread = threading.Thread(
        target=_run_in_thread, args=(job_id,), name=f"report-job-{job_id}", daemon=True
    )
    thread.start()
    return thread


def _run_in_thread(job_id: int) -> None:
    close_old_connections()
    try:
        job = ReportJob.objects.filter(pk=job_id).select_related("plan__jurisdiction").first()
        if job is not None:
            report_job_run(job)
    finally:
        connection.close()
