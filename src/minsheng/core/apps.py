from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "minsheng.core"
    verbose_name = _("Shared foundations")

    def ready(self) -> None:
        from minsheng.core import sessions  # noqa: F401  (starts the clock at sign-in)
