"""The report worker: polls the job table and runs queued jobs (the production way)."""

import time
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from minsheng.reports.services import report_jobs_fail_stale, report_jobs_run_queued


class Command(BaseCommand):
    help = (
        "Run queued report jobs. Without --once, keep polling (run one or more of these beside "
        "the app servers); with --once, run what is queued and exit."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run what is queued, then exit")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="seconds between polls (default 2)"
        )
        parser.add_argument(
            "--stale-minutes",
            type=int,
            default=30,
            help="mark failed the jobs running longer than this (their process died)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stale_after = timedelta(minutes=options["stale_minutes"])
        while True:
            stale = report_jobs_fail_stale(older_than=stale_after)
            if stale:
                self.stderr.write(f"marked {stale} interrupted job(s) failed")
            ran = report_jobs_run_queued()
            if ran:
                self.stdout.write(f"ran {ran} report job(s)")
            if options["once"]:
                return
            time.sleep(options["interval"])
            # A long-lived process: drop a connection the database closed while we slept.
            close_old_connections()
