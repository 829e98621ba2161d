"""The plan ledger: who promised what, for which year, measured how."""

from datetime import date
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.plans.choices import (
    UNITS,
    Comparator,
    DepartmentRole,
    JurisdictionLevel,
    PlanState,
)


class Jurisdiction(models.Model):
    """行政区划: a city, its districts and further down; owns plans and receives allocations."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("URL name"), max_length=60, unique=True)
    code = models.CharField(_("division code"), max_length=12, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=JurisdictionLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")
        ordering = ["code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="jurisdiction_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """责任单位: a bureau of a jurisdiction that answers for projects."""

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("jurisdiction"),
        on_delete=models.PROTECT,
        related_name="departments",
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["jurisdiction", "name"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "name"], name="department_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Domain(models.Model):
    """领域: 就业、居住、教育… a fixed but editable vocabulary."""

    name = models.CharField(_("name"), max_length=30, unique=True)
    slug = models.SlugField(_("URL name"), max_length=30, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("domain")
        verbose_name_plural = _("domains")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Plan(models.Model):
    """年度民生实事清单: one jurisdiction's list for one year."""

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("jurisdiction"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=20000, blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=PlanState.choices, default=PlanState.DRAFTING
    )
    # Warning margins in percentage points behind schedule (预警: yellow, red).
    yellow_margin = models.DecimalField(
        _("yellow warning margin (points)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(5),
        validators=[MinValueValidator(Decimal(0))],
    )
    red_margin = models.DecimalField(
        _("red warning margin (points)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(15),
        validators=[MinValueValidator(Decimal(0))],
    )
    # 审核 → 审定: a report needs a check by one office user and approval by another.
    two_step_review = models.BooleanField(
        _("two-step review"),
        default=False,
        help_text=_("A report is checked by one office user and approved by a second."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-year", "jurisdiction"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "year"], name="plan_unique_year"),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="plan_year_sensible"
            ),
            models.CheckConstraint(
                condition=Q(red_margin__gte=models.F("yellow_margin")),
                name="plan_red_beyond_yellow",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 12, 31)


class Project(models.Model):
    """实事项目 (第N件): one numbered item of a plan."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="projects"
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    title = models.CharField(_("title"), max_length=300)
    domain = models.ForeignKey(
        Domain, verbose_name=_("domain"), on_delete=models.PROTECT, related_name="projects"
    )
    description = models.TextField(_("full text of the promise"), max_length=20000, blank=True)
    completion_summary = models.TextField(
        _("completion summary (完成情况)"), max_length=20000, blank=True
    )
    departments: "models.ManyToManyField[Department, ProjectDepartment]" = models.ManyToManyField(
        Department,
        through="ProjectDepartment",
        verbose_name=_("responsible departments"),
        related_name="projects",
    )

    # Bumped by every save in the set-up pages, so a stale edit is refused (services.StaleEdit).
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="project_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="project_number_positive"),
        ]

    def __str__(self) -> str:
        return _("No. %(number)s: %(title)s") % {"number": self.number, "title": self.title}


class ProjectDepartment(models.Model):
    """A department's part in a project: the lead (牵头单位) or a co-responsible one (配合单位)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="project_departments"
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="project_departments",
    )
    role = models.CharField(_("role"), max_length=4, choices=DepartmentRole.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("responsible department")
        verbose_name_plural = _("responsible departments")
        ordering = ["project", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "department"], name="project_department_once"
            ),
            models.UniqueConstraint(
                fields=["project"], condition=Q(role="lead"), name="project_one_lead"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.department} ({self.get_role_display()})"


class Indicator(models.Model):
    """指标: one measurable promise inside a project, with its target (目标值)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="indicators"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    target = models.DecimalField(
        _("target"), max_digits=20, decimal_places=4, validators=[MinValueValidator(Decimal(0))]
    )
    unit = models.CharField(_("unit"), max_length=8, choices=[(u, u) for u in UNITS])
    comparator = models.CharField(
        _("comparator"), max_length=3, choices=Comparator.choices, default=Comparator.AT_LEAST
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    source_text = models.TextField(_("source text"), max_length=5000, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["project", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__gte=0), name="indicator_target_non_negative"
            ),
            models.CheckConstraint(
                condition=Q(comparator__in=Comparator.values), name="indicator_comparator_known"
            ),
            models.CheckConstraint(condition=Q(unit__in=UNITS), name="indicator_unit_known"),
        ]

    def __str__(self) -> str:
        return self.name

    def due(self) -> date:
        return self.due_date or self.project.plan.end


class Milestone(models.Model):
    """节点: a promise that is done or not done ("建成浮山全民健身中心")."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="milestones"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=300)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "order", "id"]

    def __str__(self) -> str:
        return self.name

    def due(self) -> date:
        return self.due_date or self.project.plan.end


class Allocation(models.Model):
    """任务分解: a share of an indicator's target given to a district or a department."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="allocations",
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
    )
    target = models.DecimalField(
        _("target"), max_digits=20, decimal_places=4, validators=[MinValueValidator(Decimal(0))]
    )

    class Meta:
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        ordering = ["indicator", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__gte=0), name="allocation_target_non_negative"
            ),
            models.CheckConstraint(
                condition=(Q(jurisdiction__isnull=True) ^ Q(department__isnull=True)),
                name="allocation_one_holder",
            ),
            models.UniqueConstraint(
                fields=["indicator", "jurisdiction"], name="allocation_once_per_district"
            ),
            models.UniqueConstraint(
                fields=["indicator", "department"], name="allocation_once_per_department"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} → {self.holder}"

    @property
    def holder(self) -> Jurisdiction | Department:
        holder = self.jurisdiction or self.department
        assert holder is not None
        return holder


class SchedulePoint(models.Model):
    """进度计划: the planned cumulative percent of an indicator's target by a date."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="schedule_points",
    )
    date = models.DateField(_("date"))
    cumulative_percent = models.DecimalField(
        _("planned cumulative percent"), max_digits=6, decimal_places=2
    )

    class Meta:
        verbose_name = _("schedule point")
        verbose_name_plural = _("schedule points")
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="schedule_point_once"),
            models.CheckConstraint(
                condition=Q(cumulative_percent__gte=0, cumulative_percent__lte=100),
                name="schedule_point_percent_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.cumulative_percent}%"
