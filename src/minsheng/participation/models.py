"""The public's part: suggestions, candidates and expert scores, the deputies' ballot,
site visits with ratings, and departments' replies to suggestions on running projects.
"""

import secrets
import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from minsheng.plans.models import Department, Domain, Jurisdiction, Plan, Project


def new_token() -> str:
    return secrets.token_urlsafe(12)


# --- Solicitation (征集) ---------------------------------------------------------------


class SolicitationWindow(models.Model):
    """征集: a period in which residents suggest projects for a plan, on a topic and domains."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="solicitations"
    )
    topic = models.CharField(_("topic"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    domains = models.ManyToManyField(Domain, verbose_name=_("domains"), related_name="+")

    class Meta:
        verbose_name = _("solicitation window")
        verbose_name_plural = _("solicitation windows")
        ordering = ["-opens_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="window_closes_after_open"
            ),
        ]

    def __str__(self) -> str:
        return self.topic

    def is_open(self, day: date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.opens_on <= day <= self.closes_on


class SuggestionState(models.TextChoices):
    PENDING = "pending", _("awaiting moderation")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")


class RejectionReason(models.TextChoices):
    SPAM = "spam", _("spam or advertising")
    ABUSE = "abuse", _("abusive or offensive")
    PERSONAL_DATA = "personal_data", _("contains personal data")
    OFF_TOPIC = "off_topic", _("off topic")


class SuggestionSource(models.TextChoices):
    WEB = "web", _("website")
    HOTLINE = "hotline", _("12345 hotline")
    OFFLINE = "offline", _("collected offline")


class Suggestion(models.Model):
    """征集建议 / 意见建议: a resident's proposal in a solicitation window, or a comment on a
    running project. Contact details live apart (SuggestionContact) so they can be masked and
    deleted without touching the suggestion."""

    window = models.ForeignKey(
        SolicitationWindow,
        verbose_name=_("solicitation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suggestions",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="public_suggestions",
    )
    domain = models.ForeignKey(
        Domain, verbose_name=_("domain"), null=True, blank=True, on_delete=models.PROTECT
    )
    district = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("suggestion"), max_length=2000)
    source = models.CharField(
        _("source"), max_length=10, choices=SuggestionSource.choices, default=SuggestionSource.WEB
    )
    state = models.CharField(
        _("state"), max_length=10, choices=SuggestionState.choices, default=SuggestionState.PENDING
    )
    rejection_reason = models.CharField(
        _("reason for rejection"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    flagged = models.BooleanField(_("may contain personal data"), default=False)
    # Who made it, for "my suggestions": a signed-in account, or the browser session.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_key = models.CharField(max_length=64, blank=True, db_index=True)
    token = models.CharField(_("tracking code"), max_length=20, unique=True, default=new_token)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    # A comment the office turned into a supervision notice (督办单), so its author can follow it.
    supervision_notice = models.OneToOneField(
        "supervision.SupervisionNotice",
        verbose_name=_("supervision notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestion",
    )

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(window__isnull=True) ^ Q(project__isnull=True),
                name="suggestion_window_or_project",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:40]


class SuggestionContact(models.Model):
    """Optional contact details; shown unmasked only to the office, deleted on request."""

    suggestion = models.OneToOneField(Suggestion, on_delete=models.CASCADE, related_name="contact")
    name = models.CharField(_("name"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")

    def __str__(self) -> str:
        return mask_name(self.name) or mask_phone(self.phone)


def mask_phone(phone: str) -> str:
    """13812345678 → 138****5678; short numbers keep only their last two digits."""
    if len(phone) >= 7:
        return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
    return "*" * max(0, len(phone) - 2) + phone[-2:]


def mask_name(name: str) -> str:
    """张三丰 → 张**; keeps the family name only."""
    return name[:1] + "*" * (len(name) - 1) if name else ""


class Support(models.Model):
    """One person's +1 for a suggestion; once per person (account or browser session)."""

    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="supports")
    supporter_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["suggestion", "supporter_key"], name="support_once_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"+1 {self.suggestion_id}"


# --- Candidates and expert vetting (科学论证) ---------------------------------------------


class Candidate(models.Model):
    """候选项目: a project proposed for the plan, answering some suggestions."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="candidates"
    )
    title = models.CharField(_("title"), max_length=300)
    domain = models.ForeignKey(Domain, verbose_name=_("domain"), on_delete=models.PROTECT)
    description = models.TextField(_("description"), blank=True)
    estimated_cost = models.DecimalField(
        _("estimated cost (yuan)"),
        max_digits=16,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    lead_department = models.ForeignKey(
        Department, verbose_name=_("lead department"), on_delete=models.PROTECT, related_name="+"
    )
    departments = models.ManyToManyField(
        Department, verbose_name=_("co-responsible departments"), blank=True, related_name="+"
    )
    suggestions = models.ManyToManyField(
        Suggestion, verbose_name=_("suggestions answered"), blank=True, related_name="candidates"
    )
    project = models.OneToOneField(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="candidate",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("candidate project")
        verbose_name_plural = _("candidate projects")
        ordering = ["plan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(estimated_cost__gte=0), name="candidate_cost_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    """One line of a plan's scoring rubric (必要性、可行性、效益、成本…)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=60)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("scoring criterion")
        verbose_name_plural = _("scoring criteria")
        ordering = ["plan", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="criterion_unique_name"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class Expert(models.Model):
    """A person the office has asked to score a plan's candidates."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="experts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        constraints = [
            models.UniqueConstraint(fields=["plan", "user"], name="expert_once_per_plan"),
        ]

    def __str__(self) -> str:
        return str(self.user)


SCORE_MIN, SCORE_MAX = 0, 10


class Score(models.Model):
    """One expert's score (0–10) of one candidate on one criterion."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="scores")
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.DecimalField(
        _("score"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal(SCORE_MIN)), MaxValueValidator(Decimal(SCORE_MAX))],
    )

    class Meta:
        verbose_name = _("expert score")
        verbose_name_plural = _("expert scores")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "expert", "criterion"], name="score_once"),
            models.CheckConstraint(
                condition=Q(value__gte=SCORE_MIN, value__lte=SCORE_MAX), name="score_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value}"


# --- The ballot (票决) -------------------------------------------------------------------


class BallotState(models.TextChoices):
    DRAFT = "draft", _("draft")
    # A context of its own: a plain "open" is a supervision notice's 待办理 in the merged catalog.
    OPEN = "open", pgettext_lazy("ballot state", "open")
    CLOSED = "closed", _("closed and counted")
    PUBLISHED = "published", _("published")


class Ballot(models.Model):
    """票决: the deputies choose up to K of the candidates. Who voted (BallotParticipation) is
    kept apart from how (BallotPaper), and a paper carries no voter, no time and no
    sequential id, so the two cannot be joined."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="ballots"
    )
    title = models.CharField(_("title"), max_length=200)
    seats = models.PositiveSmallIntegerField(
        _("seats (K: candidates to choose)"), validators=[MinValueValidator(1)]
    )
    # Shares as percents: ballots cast must exceed quorum % of eligible deputies, a candidate
    # must exceed majority % of ballots cast (both "more than", so 50 means "more than half").
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (% of eligible deputies)"), default=50, validators=[MaxValueValidator(99)]
    )
    majority_percent = models.PositiveSmallIntegerField(
        _("majority (% of ballots cast)"), default=50, validators=[MaxValueValidator(99)]
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    state = models.CharField(
        _("state"), max_length=10, choices=BallotState.choices, default=BallotState.DRAFT
    )
    runoff_of = models.ForeignKey(
        "self",
        verbose_name=_("run-off of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="runoffs",
    )
    candidates = models.ManyToManyField(
        Candidate, verbose_name=_("candidates"), related_name="ballots"
    )
    voters: "models.ManyToManyField[Any, BallotVoter]" = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eligible deputies"),
        through="BallotVoter",
        related_name="+",
    )
    eligible_count = models.PositiveIntegerField(_("eligible deputies"), default=0)
    cast_count = models.PositiveIntegerField(_("ballots cast"), default=0)
    quorum_met = models.BooleanField(_("quorum met"), null=True)
    seats_open = models.PositiveSmallIntegerField(_("seats left for a run-off"), default=0)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="ballot_seats_positive"),
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="ballot_closes_after_open"
            ),
            models.CheckConstraint(
                condition=Q(quorum_percent__lt=100, majority_percent__lt=100),
                name="ballot_shares_below_100",
            ),
            models.CheckConstraint(
                condition=Q(cast_count__lte=models.F("eligible_count")),
                name="ballot_cast_within_eligible",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class BallotVoter(models.Model):
    """A deputy on the ballot's roll (eligible to vote)."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="roll")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("eligible deputy")
        verbose_name_plural = _("eligible deputies")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "user"], name="ballot_voter_once"),
        ]

    def __str__(self) -> str:
        return str(self.user)


class BallotParticipation(models.Model):
    """That a deputy has voted — never what. One per deputy and ballot, enforced by the DB."""

    ballot = models.ForeignKey(Ballot, on_delete=models.PROTECT, related_name="participations")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cast_at = models.DateTimeField(_("voted at"), default=timezone.now)

    class Meta:
        verbose_name = _("ballot participation")
        verbose_name_plural = _("ballot participations")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "voter"], name="one_ballot_per_deputy"),
        ]

    def __str__(self) -> str:
        return f"{self.voter} ✓"


class BallotPaper(models.Model):
    """How one (unknown) deputy voted. A random id, no voter and no time: the paper cannot be
    ordered or matched against the participation records."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.PROTECT, related_name="papers")
    choices: "models.ManyToManyField[Candidate, BallotMark]" = models.ManyToManyField(
        Candidate, through="BallotMark", related_name="+"
    )

    class Meta:
        verbose_name = _("ballot paper")
        verbose_name_plural = _("ballot papers")

    def __str__(self) -> str:
        return str(self.id)


class BallotMark(models.Model):
    """One choice on a paper. A random id too: sequential ids would give away the order of
    the papers and so, against the participation times, who cast which."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    paper = models.ForeignKey(BallotPaper, on_delete=models.PROTECT, related_name="marks")
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["paper", "candidate"], name="mark_once_per_paper"),
        ]

    def __str__(self) -> str:
        return f"{self.paper_id}: {self.candidate_id}"


class TallyLine(models.Model):
    """One candidate's line of the counted result, stored when the ballot closes."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="tally")
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="+")
    votes = models.PositiveIntegerField(_("votes"))
    outcome = models.CharField(_("outcome"), max_length=12)
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["ballot", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "candidate"], name="tally_once"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id}: {self.votes}"


# --- Site visits (走进市办实事) ------------------------------------------------------------


class ParticipantType(models.TextChoices):
    NPC_DEPUTY = "npc", _("NPC deputy")
    CPPCC_MEMBER = "cppcc", _("CPPCC member")
    EXPERT = "expert", _("expert")
    RESIDENT = "resident", _("resident")


class SiteVisit(models.Model):
    """观摩活动: an event at the sites of one or more projects."""

    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    capacity = models.PositiveIntegerField(_("capacity"), validators=[MinValueValidator(1)])
    projects = models.ManyToManyField(
        Project, verbose_name=_("projects"), related_name="site_visits"
    )
    results_published = models.BooleanField(_("results published"), default=False)

    class Meta:
        verbose_name = _("site visit")
        verbose_name_plural = _("site visits")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="visit_capacity_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    visit = models.ForeignKey(SiteVisit, on_delete=models.CASCADE, related_name="registrations")
    participant_type = models.CharField(
        _("participant type"), max_length=10, choices=ParticipantType.choices
    )
    name = models.CharField(_("name"), max_length=50)
    registrant_key = models.CharField(max_length=64)
    token = models.CharField(max_length=20, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "registrant_key"], name="registration_once_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{mask_name(self.name)} ({self.get_participant_type_display()})"


def one_to_five() -> list[MinValueValidator | MaxValueValidator]:
    return [MinValueValidator(1), MaxValueValidator(5)]


class Rating(models.Model):
    """评议: one participant's scores (1–5) and comment on one project of the visit."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="ratings")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="ratings")
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction"), validators=one_to_five())
    quality = models.PositiveSmallIntegerField(_("quality"), validators=one_to_five())
    timeliness = models.PositiveSmallIntegerField(_("timeliness"), validators=one_to_five())
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(fields=["registration", "project"], name="rating_once"),
            models.CheckConstraint(
                condition=Q(
                    satisfaction__gte=1,
                    satisfaction__lte=5,
                    quality__gte=1,
                    quality__lte=5,
                    timeliness__gte=1,
                    timeliness__lte=5,
                ),
                name="rating_one_to_five",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satisfaction}/{self.quality}/{self.timeliness}"


# --- Replies to suggestions on running projects --------------------------------------------


class Reply(models.Model):
    """A department's answer to a suggestion on a running project, due by a deadline."""

    suggestion = models.OneToOneField(Suggestion, on_delete=models.CASCADE, related_name="reply")
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT
    )
    due_on = models.DateField(_("reply due on"))
    text = models.TextField(_("reply"), blank=True, max_length=3000)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["due_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(text=""), name="reply_answer_has_text"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.department}: {self.due_on}"

    def is_overdue(self, day: date | None = None) -> bool:
        return self.answered_at is None and (day or timezone.localdate()) > self.due_on
