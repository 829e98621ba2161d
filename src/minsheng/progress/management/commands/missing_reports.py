"""Who has not reported for a period: the office's monthly chase list, on the command line."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import bilingual
from minsheng.plans.selectors import find_plan
from minsheng.progress.selectors import find_period, missing_reports


class Command(BaseCommand):
    help = "List the departments and districts that have not reported for a period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jurisdiction", required=True, help="青岛市 or qingdao")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--period", help="first day of the period, YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = find_plan(options["jurisdiction"], options["year"])
        if plan is None:
            raise CommandError(
                bilingual(
                    _("no plan of %(jurisdiction)s for %(year)s"),
                    jurisdiction=options["jurisdiction"],
                    year=options["year"],
                )
            )
        period = find_period(plan, options.get("period"))
        self.stdout.write(f"{plan.title} · {period} · {period.deadline:%Y-%m-%d}")
        for entry in missing_reports(plan, period):
            self.stdout.write(f"{entry.holder}\t{len(entry.subjects)}\t{'；'.join(entry.subjects)}")
