"""Who has not reported for a period: the office's monthly chase list, on the command line."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from minsheng.plans.selectors import add_plan_arguments, plan_for_command
from minsheng.progress.selectors import find_period, missing_reports


class Command(BaseCommand):
    help = "List the departments and districts that have not reported for a period."

    def add_arguments(self, parser: CommandParser) -> None:
        add_plan_arguments(parser)
        parser.add_argument("--period", help="first day of the period, YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = plan_for_command(options["jurisdiction"], options["year"], options["user"])
        period = find_period(plan, options.get("period"))
        self.stdout.write(f"{plan.title} · {period} · {period.deadline:%Y-%m-%d}")
        for entry in missing_reports(plan, period):
            self.stdout.write(f"{entry.holder}\t{len(entry.subjects)}\t{'；'.join(entry.subjects)}")
