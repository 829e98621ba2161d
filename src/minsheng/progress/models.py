"""Progress reports (进度填报) and their evidence (佐证材料)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.plans.models import Allocation, Indicator, Milestone, Project


class ReportState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    APPROVED = "approved", _("approved")
    RETURNED = "returned", _("returned for revision")


class ProgressReport(models.Model):
    """A cumulative actual for an indicator (or an allocation of it), or a milestone's state, at a date.

    Only approved reports count toward actuals, statuses and anything public.
    """

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    allocation = models.ForeignKey(
        Allocation,
        verbose_name=_("allocation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    as_of = models.DateField(_("as of"))
    value = models.DecimalField(
        _("cumulative actual"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    done = models.BooleanField(_("done"), null=True, blank=True)
    stated_percent = models.DecimalField(
        _("stated percent of plan"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    narrative = models.TextField(_("narrative"), blank=True)
    decrease_reason = models.TextField(_("reason for a lower value"), blank=True)
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=ReportState.choices,
        default=ReportState.DRAFT,
        db_index=True,
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reporter"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="progress_reports",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Two-step review (审核 → 审定): who checked the report first; it stays submitted, and
    # counts nowhere, until a second office user approves it.
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_reports",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-as_of", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(indicator__isnull=True) ^ Q(milestone__isnull=True),
                name="report_indicator_or_milestone",
            ),
            models.CheckConstraint(
                condition=Q(allocation__isnull=True) | Q(indicator__isnull=False),
                name="report_allocation_needs_indicator",
            ),
            models.CheckConstraint(
                condition=Q(milestone__isnull=True) | Q(done__isnull=False),
                name="report_milestone_has_done",
            ),
            models.CheckConstraint(
                condition=Q(indicator__isnull=True) | Q(value__isnull=False),
                name="report_indicator_has_value",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0), name="report_value_non_negative"
            ),
        ]
        indexes = [models.Index(fields=["indicator", "state", "as_of"])]

    def __str__(self) -> str:
        subject = self.milestone or self.allocation or self.indicator
        return f"{subject} @ {self.as_of}"


class EvidenceKind(models.TextChoices):
    PHOTO = "photo", _("photo")
    DOCUMENT = "document", _("document")
    LINK = "link", _("link")


class Evidence(models.Model):
    """佐证材料: a captioned photo, document or link for a project, usually attached to a report."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="evidence"
    )
    report = models.ForeignKey(
        ProgressReport,
        verbose_name=_("progress report"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    caption = models.CharField(_("caption"), max_length=500)
    file = models.FileField(_("file"), upload_to="evidence/%Y/%m/", blank=True)
    thumbnail = models.ImageField(_("thumbnail"), upload_to="evidence/thumbs/%Y/%m/", blank=True)
    url = models.URLField(_("link"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["project", "id"]

    def __str__(self) -> str:
        return self.caption


class ReportingPeriod(models.Model):
    """填报周期: the span a round of reports covers and the day they are due.

    A plan without stored periods reports monthly, due on the fifth of the next month
    (see selectors.reporting_periods); the office may store its own cadence instead.
    """

    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="reporting_periods",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    deadline = models.DateField(_("deadline"))

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["plan", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "starts_on"], name="reporting_period_once"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="reporting_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("ends_on")),
                name="reporting_period_deadline_after_end",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on:%Y-%m-%d} – {self.ends_on:%Y-%m-%d}"

    @property
    def key(self) -> str:
        """The period's name in URLs and ledger files: its first day."""
        return self.starts_on.isoformat()


class LedgerState(models.Model):
    """现状: one subject's approved history reduced to what the ledger's rules read.

    A row per indicator (its roll-up over allocations), allocation and milestone that has an
    approved report: the latest cumulative actual and its day, the report day before it, the
    first day the promise was kept, the stated percent of the newest report, a milestone's
    latest state and first done day — exactly what progress.ledger_history computes from the
    reports for a date, kept for "today" in the same transaction as every change to what is
    approved (progress.ledger_store). A row is valid for any date on or after its `last_on`.

    The judgement columns cache the rules' verdict (supervision.early_warning, plans.completion)
    on `judged_on` for a province's summary; a row without a report holds only a judgement.
    Any change to the subject's reports or terms clears them, and a read for another day
    judges again (progress.ledger_judged).
    """

    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    allocation = models.ForeignKey(
        Allocation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    milestone = models.ForeignKey(
        Milestone, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    last_on = models.DateField(_("last report day"), null=True, blank=True)
    actual = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    previous_on = models.DateField(null=True, blank=True)
    previous = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    met_on = models.DateField(null=True, blank=True)
    met_value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    stated_percent = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    done = models.BooleanField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    judged_on = models.DateField(null=True, blank=True)
    level = models.CharField(max_length=10, blank=True)
    risk = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, blank=True)
    percent = models.DecimalField(max_digits=20, decimal_places=1, null=True, blank=True)
    expected_percent = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    behind_points = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)

    class Meta:
        verbose_name = _("ledger state")
        verbose_name_plural = _("ledger states")
        constraints = [
            models.CheckConstraint(
                condition=Q(indicator__isnull=True) ^ Q(milestone__isnull=True),
                name="ledger_state_indicator_or_milestone",
            ),
            models.UniqueConstraint(
                fields=["indicator"],
                condition=Q(allocation__isnull=True, indicator__isnull=False),
                name="ledger_state_once_per_indicator",
            ),
            models.UniqueConstraint(
                fields=["allocation"],
                condition=Q(allocation__isnull=False),
                name="ledger_state_once_per_allocation",
            ),
            models.UniqueConstraint(
                fields=["milestone"],
                condition=Q(milestone__isnull=False),
                name="ledger_state_once_per_milestone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.milestone_id or self.allocation_id or self.indicator_id} @ {self.last_on}"
