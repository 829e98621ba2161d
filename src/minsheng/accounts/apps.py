from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def admin_site_permission(request: Any) -> bool:
    """The Django admin is the system administrator's (a superuser's) alone: an office,
    supervisor or auditor with staff status gets the sign-in page, never another
    jurisdiction's lists. Offices manage their users on the accounts pages instead."""
    user = request.user
    return bool(user.is_active and user.is_superuser)


class AccountsConfig(AppConfig):
    name = "minsheng.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from django.contrib import admin

        admin.site.has_permission = admin_site_permission  # type: ignore[method-assign]
        from minsheng.accounts import throttle  # noqa: F401  (counts failed logins)
