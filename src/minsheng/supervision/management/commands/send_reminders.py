from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from minsheng.supervision.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Send in-app and e-mail reminders for due reports, new or escalated notices and "
        "approaching deadlines; a reminder already sent is never sent again. Run by a timer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args: object, **options: Any) -> None:
        sent = send_reminders(today=options["today"])
        self.stdout.write(f"{sent} reminders sent")
