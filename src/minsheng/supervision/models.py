"""Supervision notices (督办单), help requests (督帮一体), their steps, and reminders sent.

A notice goes from the office to a department about an item that is slipping; a help request
goes from a department to the office about a problem it cannot solve alone. Both follow one
path: opened → acknowledged → replied → closed (销号), or escalated one level and opened again.
Every step is a row in CaseStep and a record in the audit trail.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from minsheng.plans.models import Allocation, Department, Indicator, Milestone, Plan, Project


class CaseState(models.TextChoices):
    OPEN = "open", _("open")
    ACKNOWLEDGED = "acknowledged", _("acknowledged")
    REPLIED = "replied", _("replied")
    CLOSED = "closed", pgettext_lazy("case state", "closed")


# A case waiting on whoever must answer it; past its deadline in these states it is overdue.
AWAITING_REPLY = frozenset({CaseState.OPEN, CaseState.ACKNOWLEDGED})


class EscalationLevel(models.IntegerChoices):
    OFFICE = 1, _("office supervision")
    SECRETARY_GENERAL = 2, _("secretary-general supervision")
    CITY_LEADER = 3, _("city leadership supervision")


class Case(models.Model):
    """What a notice and a help request share: subject, department, deadline, state, level."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+"
    )
    number = models.PositiveIntegerField(_("number"), editable=False)
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    allocation = models.ForeignKey(
        Allocation,
        verbose_name=_("allocation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    reply_deadline = models.DateField(_("reply deadline"))
    state = models.CharField(
        _("state"), max_length=12, choices=CaseState.choices, default=CaseState.OPEN, db_index=True
    )
    level = models.PositiveSmallIntegerField(
        _("escalation level"), choices=EscalationLevel.choices, default=EscalationLevel.OFFICE
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    @property
    def subject(self) -> str:
        item = self.allocation or self.indicator or self.milestone
        return str(item) if item is not None else str(self.project)

    def is_overdue(self, today: date) -> bool:
        return self.state in AWAITING_REPLY and self.reply_deadline < today


class SupervisionNotice(Case):
    """督办单: the office tells a department what must be done about a slipping item, by when."""

    reason = models.TextField(_("reason"))
    required_action = models.TextField(_("required action"))
    # 督办 down the hierarchy: a province office addresses a city's office (not a department)
    # about the city's plan. Both empty for the office's own notice to a department.
    issuer = models.ForeignKey(
        "plans.Jurisdiction",
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    addressee = models.ForeignKey(
        "plans.Jurisdiction",
        verbose_name=_("addressed to the office of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("supervision notice")
        verbose_name_plural = _("supervision notices")
        ordering = ["-opened_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="notice_number_once"),
        ]

    def __str__(self) -> str:
        return _("Supervision notice %(year)s-%(number)s") % {
            "year": self.plan.year,
            "number": self.number,
        }


class Assistance(Case):
    """督帮一体 (需协调解决的问题): a department asks the office to help solve a problem."""

    problem = models.TextField(_("problem"))
    help_needed = models.TextField(_("help needed"))

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-opened_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="assistance_number_once"),
        ]

    def __str__(self) -> str:
        return _("Help request %(year)s-%(number)s") % {
            "year": self.plan.year,
            "number": self.number,
        }


class StepAction(models.TextChoices):
    OPEN = "open", _("opened")
    ACKNOWLEDGE = "acknowledge", _("acknowledged")
    REPLY = "reply", _("replied")
    CLOSE = "close", _("closed")
    ESCALATE = "escalate", _("escalated")


class CaseStep(models.Model):
    """One step of a notice or a help request, with its text (reason, measures, comment) and evidence."""

    notice = models.ForeignKey(
        SupervisionNotice,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="steps",
    )
    assistance = models.ForeignKey(
        Assistance, null=True, blank=True, on_delete=models.CASCADE, related_name="steps"
    )
    action = models.CharField(_("action"), max_length=12, choices=StepAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("text"), blank=True)
    evidence = models.FileField(_("evidence"), upload_to="supervision/%Y/%m/", blank=True)
    level = models.PositiveSmallIntegerField(_("escalation level"), choices=EscalationLevel.choices)
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(notice__isnull=True) ^ Q(assistance__isnull=True),
                name="case_step_one_case",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d}"


class Notification(models.Model):
    """An in-app message (站内通知) for one person; the e-mail copy goes out at the same time."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class ReminderSent(models.Model):
    """That one reminder went to one person: the key makes sure it never goes twice."""

    key = models.CharField(_("reminder"), max_length=120)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["key", "recipient"], name="reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.recipient_id}"
