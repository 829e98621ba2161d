import time

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import bilingual
from minsheng.demo import builders
from minsheng.demo.models import DemoAccount
from minsheng.plans.models import Plan


class Command(BaseCommand):
    help = (
        "Load the demo: Qingdao 2025 with its monthly history, 2026 in progress, the 2027 "
        "solicitation and one demo account per role (with --if-empty: only into an empty database)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--if-empty", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        if options["if_empty"] and (
            DemoAccount.objects.exists() or Plan.objects.filter(year=2026).exists()
        ):
            self.stdout.write(bilingual(_("plans exist already; demo data not loaded")))
            return
        started = time.perf_counter()
        counts = builders.load()
        seconds = time.perf_counter() - started
        self.stdout.write(
            bilingual(
                _(
                    "demo loaded in %(seconds).1f s: %(users)s demo accounts, %(reports)s "
                    "progress reports (%(states)s), %(notices)s supervision notices, "
                    "%(suggestions)s suggestions, %(photos)s photos"
                ),
                seconds=seconds,
                users=counts.users,
                reports=counts.reports,
                states=", ".join(f"{k} {v}" for k, v in counts.reports_by_state.items()),
                notices=counts.notices,
                suggestions=counts.suggestions,
                photos=counts.photos,
            )
        )
