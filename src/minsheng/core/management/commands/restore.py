"""`minsheng restore FILE`: a backup back into an empty database and data directory."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from minsheng.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore an archive made by `minsheng backup` into an empty database and storage."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="an archive made by `minsheng backup`")

    def handle(self, *args: object, **options: Any) -> None:
        try:
            summary = restore_backup(options["file"])
        except BackupError as error:
            raise CommandError(error.bilingual()) from error
        self.stdout.write(f"{options['file']}: {summary.rows} rows, {summary.files} files restored")
