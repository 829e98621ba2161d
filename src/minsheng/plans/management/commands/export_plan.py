import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from minsheng.plans.interchange import export_plan
from minsheng.plans.selectors import add_plan_arguments, plan_for_command


class Command(BaseCommand):
    help = "Print a plan in the interchange JSON format (numbers as full JSON numbers)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_plan_arguments(parser)
        parser.add_argument(
            "--as-of",
            type=date.fromisoformat,
            default=None,
            help="count approved reports up to this date (default: today)",
        )

    def handle(self, *args: object, **options: Any) -> None:
        plan = plan_for_command(options["jurisdiction"], options["year"], options["user"])
        data = export_plan(plan, as_of=options["as_of"])
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
