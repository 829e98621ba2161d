from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "minsheng.demo"
    label = "demo"
    verbose_name = _("Demo")

    def ready(self) -> None:
        from minsheng.demo.startup import refuse_to_serve_demo_accounts

        refuse_to_serve_demo_accounts()
