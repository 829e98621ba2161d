from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "minsheng.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from minsheng.accounts import throttle  # noqa: F401  (counts failed logins)
