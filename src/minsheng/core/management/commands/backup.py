"""`minsheng backup FILE`: the database and every stored file in one archive."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from minsheng.core.backup import write_backup


class Command(BaseCommand):
    help = "Write the database and every stored file into one zip archive (see README: Backup)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", type=Path, help="the archive to write, e.g. minsheng-2025-06-30.zip"
        )

    def handle(self, *args: object, **options: Any) -> None:
        summary = write_backup(options["file"])
        self.stdout.write(f"{options['file']}: {summary.rows} rows, {summary.files} files")
