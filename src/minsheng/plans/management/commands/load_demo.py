import json

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import bilingual
from minsheng.plans.demo import DEMO_PLAN_PATH, load_demo_plan
from minsheng.plans.models import Plan


class Command(BaseCommand):
    help = "Load the Qingdao 2025 demo plan (with --if-empty: only into an empty database)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--if-empty", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        if options["if_empty"] and Plan.objects.exists():
            self.stdout.write(bilingual(_("plans exist already; demo data not loaded")))
            return
        plan = load_demo_plan(json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8")))
        self.stdout.write(bilingual(_("loaded the demo plan %(plan)s"), plan=plan.title))
