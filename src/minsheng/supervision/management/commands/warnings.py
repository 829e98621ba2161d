import json
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.plans.selectors import add_plan_arguments, plan_for_command
from minsheng.supervision.selectors import ItemWarning, plan_warnings


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def item_dict(item: ItemWarning) -> dict[str, Any]:
    """One item's warning as JSON-safe data: numbers as exact decimal strings."""
    warning, outlook = item.warning, item.forecast
    return {
        "project": item.project.number,
        "kind": item.kind,
        "key": item.key,
        "name": item.name,
        "department": str(item.department) if item.department else None,
        "district": str(item.district) if item.district else None,
        "unit": item.unit,
        "target": _number(item.target),
        "expected": _number(warning.expected_value),
        "expected_percent": _number(warning.expected_percent),
        "actual": _number(warning.actual),
        "percent": _number(warning.percent),
        "gap": _number(warning.gap),
        "level": str(warning.level),
        "status": str(item.status) if item.status else None,
        "last_report_on": item.last_report_on.isoformat() if item.last_report_on else None,
        "forecast_year_end": _number(outlook.year_end_value) if outlook else None,
        "forecast_reached_on": (
            outlook.reached_on.isoformat() if outlook and outlook.reached_on else None
        ),
        "forecast_method": str(outlook.method) if outlook else None,
    }


class Command(BaseCommand):
    help = (
        "Print every indicator, allocation and milestone of a plan with its warning and forecast."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_plan_arguments(parser)
        parser.add_argument(
            "--as-of",
            type=date.fromisoformat,
            default=None,
            help="count approved reports dated up to this day (default: today)",
        )
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")

    def handle(self, *args: object, **options: Any) -> None:
        plan = plan_for_command(options["jurisdiction"], options["year"], options["user"])
        as_of = options["as_of"] or timezone.localdate()
        rows = [item_dict(item) for item in plan_warnings(plan, as_of=as_of)]
        if options["json"]:
            payload = {"plan": plan.title, "as_of": as_of.isoformat(), "items": rows}
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        columns = [
            ("project", _("No.")),
            ("name", _("item")),
            ("target", _("target")),
            ("expected", _("expected")),
            ("actual", _("actual")),
            ("gap", _("gap")),
            ("level", _("warning level")),
            ("forecast_year_end", _("year-end forecast")),
            ("forecast_reached_on", _("target reached on")),
        ]
        self.stdout.write(f"{plan.title} · {as_of.isoformat()}")
        self.stdout.write("\t".join(str(title) for _key, title in columns))
        for row in rows:
            self.stdout.write(
                "\t".join("-" if row[k] is None else str(row[k]) for k, _t in columns)
            )
