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
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
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
    only after the job is committed, and it claims the job like any worker does. The same
    document already queued or running is returned instead of being queued a second time.
    """
    if not can_generate_reports(actor, plan):
        raise PermissionDenied
    wanted = {
        "plan": plan,
        "kind": Kind(kind).value,
        "format": Format(fmt).value,
        "style": Style(style).value,
        "as_of": as_of,
    }
    active = ReportJob.objects.filter(**wanted, state__in=[State.QUEUED, State.RUNNING])
    existing = active.first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            job = ReportJob.objects.create(**wanted, requested_by=actor)
            record_change(
                actor=actor, action="report_job.request", instance=job, after=snapshot(job)
            )
            if start_after_commit and settings.REPORT_JOBS_START_IN_WEB:
                transaction.on_commit(lambda: start_in_thread(job.pk))
    except IntegrityError:
        # Another request inserted the same job between our look and our insert: the
        # database's constraint let only one through; this person follows that one.
        existing = active.first()
        if existing is None:
            raise
        return existing
    return job


def report_job_claim(job_id: int) -> bool:
    """Mark a queued job running; False if it is not queued any more (someone else has it)."""
    now = timezone.now()
    claimed = ReportJob.objects.filter(pk=job_id, state=State.QUEUED).update(
        state=State.RUNNING, started_at=now, heartbeat_at=now, progress=1, step=Step.COLLECT
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
    # Every later write is guarded by the state: a job marked failed meanwhile (by the stale
    # sweep of another worker) stays failed, whatever this process still has to say.
    running = ReportJob.objects.filter(pk=job.pk, state=State.RUNNING)

    def progress(percent: int, step: str) -> None:
        running.update(progress=max(1, min(percent, 99)), step=step, heartbeat_at=timezone.now())

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
        running.update(
            state=State.FAILED,
            error=failure_message(error),
            finished_at=timezone.now(),
        )
        return True
    finished = running.update(
        state=State.DONE,
        progress=100,
        step=Step.FINISHED,
        file=job.file.name,
        filename=output.filename,
        content_type=output.content_type,
        finished_at=timezone.now(),
        heartbeat_at=timezone.now(),
    )
    if finished != 1:
        # The job was failed while we rendered: its file is nobody's, remove it.
        logger.warning("report job %s was no longer running when it finished", job.pk)
        job.file.delete(save=False)
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
    """Mark failed the running jobs whose heartbeat stopped (their process died); the number marked.

    A job without a heartbeat yet (claimed by an older worker) is judged by its start.
    """
    return (
        ReportJob.objects.annotate(last_seen=Coalesce(F("heartbeat_at"), F("started_at")))
        .filter(Q(last_seen__lt=timezone.now() - older_than), state=State.RUNNING)
        .update(
            state=State.FAILED,
            error=bilingual(_("The generation was interrupted; please request the report again.")),
            finished_at=timezone.now(),
        )
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
