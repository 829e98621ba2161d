import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import bilingual
from minsheng.plans.interchange import export_plan
from minsheng.plans.selectors import find_plan


class Command(BaseCommand):
    help = "Print a plan in the interchange JSON format (numbers as full JSON numbers)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jurisdiction", required=True, help="e.g. 青岛市 or qingdao")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--as-of",
            type=date.fromisoformat,
            default=None,
            help="count approved reports up to this date (default: today)",
        )

    def handle(self, *args: object, **options: object) -> None:
        plan = find_plan(str(options["jurisdiction"]), int(options["year"]))  # type: ignore[call-overload]
        if plan is None:
            raise CommandError(
                bilingual(
                    _("no plan of %(jurisdiction)s for %(year)s"),
                    jurisdiction=options["jurisdiction"],
                    year=options["year"],
                )
            )
        data = export_plan(plan, as_of=options["as_of"])  # type: ignore[arg-type]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
