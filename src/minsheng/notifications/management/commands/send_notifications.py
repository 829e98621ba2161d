"""Send the queued e-mails and SMS: for a worker or cron, and for what a thread left behind."""

from typing import Any

from django.core.management.base import BaseCommand

from minsheng.notifications.services import deliveries_send


class Command(BaseCommand):
    help = "Send queued notification e-mails and SMS (each at most once)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{deliveries_send()} sent")
