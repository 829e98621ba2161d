from typing import Any

from django.core.management.base import BaseCommand

from minsheng.supervision.services import escalate_overdue


class Command(BaseCommand):
    help = (
        "Escalate by one level every notice and help request still awaiting a reply after its "
        "deadline (each gets a new deadline a week later). Run by a timer, e.g. daily."
    )

    def handle(self, *args: object, **options: Any) -> None:
        escalated = escalate_overdue()
        for case in escalated:
            self.stdout.write(f"{case}: {case.get_level_display()}")
        self.stdout.write(f"{len(escalated)} escalated")
