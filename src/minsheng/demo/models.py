"""Which users are demo accounts (演示账号): listed on the login page while the demo is on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoAccount(models.Model):
    """Marks a user made by `load_demo`; a server without the demo setting refuses to start
    while any exists, so that no demo password reaches production."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="demo_account",
    )
    key = models.CharField(_("key"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("demo account")
        verbose_name_plural = _("demo accounts")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.key
