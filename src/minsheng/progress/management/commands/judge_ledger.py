"""The morning job: every running plan's items judged for the day before anyone reads them."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.progress.ledger_judged import judge_running_plans


class Command(BaseCommand):
    help = (
        "Store today's verdict (warning level, status, percent) of every indicator and milestone "
        "of the running plans, so that the day's first province cockpit reads them instead of "
        "judging every item; run it from the morning timer. Idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", type=date.fromisoformat, default=None, help="the day (default: today)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = options["date"] or timezone.localdate()
        done = judge_running_plans(day)
        self.stdout.write(
            _(
                "%(day)s: %(judged)s plans judged, %(skipped)s with a report after that day "
                "skipped, %(refused)s changed meanwhile (judged at their next read)."
            )
            % {
                "day": day.isoformat(),
                "judged": done.judged,
                "skipped": done.skipped,
                "refused": done.refused,
            }
        )
