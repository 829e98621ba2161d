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
    # One 姓名 field: a Chinese name is not split into given and family names for display.
    # first_name and last_name stay blank.
    full_name = models.CharField(_("name"), max_length=150, blank=True)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    # A temporary password (set by an office, or after a reset) must be changed at first
    # sign-in; the middleware sends the user to the change form until it is.
    must_change_password = models.BooleanField(_("must change password"), default=False)
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

    def get_full_name(self) -> str:
        return self.full_name or f"{self.last_name}{self.first_name}".strip()

    def get_short_name(self) -> str:
        return self.get_full_name()

    def has_role(self, *roles: str) -> bool:
        return self.is_active and self.role in roles
