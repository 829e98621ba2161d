"""People who use Minsheng and the role each one holds."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a signed-in person does. The public is anonymous and holds no role."""

    OFFICE = "office", _("office administrator")
    DEPARTMENT_REPORTER = "department_reporter", _("department reporter")
    DISTRICT_REPORTER = "district_reporter", _("district reporter")
    SUPERVISOR = "supervisor", _("supervisor")
    AUDITOR = "auditor", _("auditor")
    OBSERVER = "observer", _("observer (deputy or CPPCC member)")


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    department = models.ForeignKey(
        "plans.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    jurisdiction = models.ForeignKey(
        "plans.Jurisdiction",
        verbose_name=_("jurisdiction"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="department_reporter") | Q(department__isnull=False),
                name="department_reporter_has_department",
            ),
            models.CheckConstraint(
                condition=~Q(role="district_reporter") | Q(jurisdiction__isnull=False),
                name="district_reporter_has_jurisdiction",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def has_role(self, *roles: str) -> bool:
        return self.is_active and self.role in roles
