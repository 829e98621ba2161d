"""A report generated in the background: the request, its progress and the file it produced.

All state is in this table so that any app server or worker can serve, run or download a
job; no process keeps a job in memory.
"""

from uuid import uuid4

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.plans.models import Plan
from minsheng.reports.choices import FORMAT_CHOICES, KIND_CHOICES, STYLE_CHOICES


def job_file_path(job: "ReportJob", filename: str) -> str:
    # An unguessable folder: the file is only ever served through the permission-checked
    # download view, never by its storage URL.
    return f"reports/jobs/{uuid4().hex}/{filename}"


class ReportJob(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    class Step(models.TextChoices):
        WAITING = "waiting", _("waiting for a worker")
        COLLECT = "collect", _("collecting the approved figures")
        COMPOSE = "compose", _("composing the text and drawing the charts")
        RENDER = "render", _("writing the file")
        STORE = "store", _("saving the file")
        FINISHED = "finished", _("finished")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="report_jobs"
    )
    kind = models.CharField(_("document"), max_length=16, choices=KIND_CHOICES)
    format = models.CharField(_("format"), max_length=8, choices=FORMAT_CHOICES)
    style = models.CharField(_("style"), max_length=16, choices=STYLE_CHOICES)
    as_of = models.DateField(_("data as of"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=8, choices=State.choices, default=State.QUEUED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=16, choices=Step.choices, default=Step.WAITING)
    error = models.TextField(_("error message"), blank=True)
    file = models.FileField(_("file"), upload_to=job_file_path, blank=True, max_length=200)
    filename = models.CharField(_("file name"), max_length=120, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Written at every step of a running job: a job whose heartbeat stops is one whose
    # process died, however long the generation of a healthy job may take.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)

    class Meta:
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="reports_job_progress_at_most_100"
            ),
            # The same document asked twice at once is produced once: at most one queued or
            # running job per plan, document, format, style and date, enforced by the database
            # so that two app servers racing cannot both insert one.
            models.UniqueConstraint(
                fields=["plan", "kind", "format", "style", "as_of"],
                condition=models.Q(state__in=["queued", "running"]),
                name="reports_job_once_while_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id}/{self.kind}/{self.format}/{self.style}/{self.as_of} #{self.pk}"

    @property
    def is_active(self) -> bool:
        """Still queued or running: the job page keeps refreshing."""
        return self.state in (self.State.QUEUED, self.State.RUNNING)
