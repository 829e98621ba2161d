"""One archive holds everything Minsheng stores: the database and every stored file.

The database goes in as Django's portable JSON (dumpdata with natural keys), not a
database-specific dump, so a backup made on SQLite restores onto PostgreSQL and back.
Files are read and written through the default storage, so the same code backs up a
local folder, a shared volume or an S3-compatible bucket.

Archive layout (a zip file):
    manifest.json   format, time, database vendor, the applied migrations, file count
    database.json   every row, except what Django rebuilds itself (content types,
                    permissions, sessions)
    files/<name>    every stored file under its storage name
"""

import json
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.files.base import File
from django.core.files.storage import Storage, default_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import bilingual

FORMAT = "minsheng-backup/1"
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be restored here; the reason is rendered in both languages."""

    def __init__(self, message: str | Promise, detail: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.detail = detail

    def bilingual(self) -> str:
        text = bilingual(self.message)
        return f"{text}: {self.detail}" if self.detail else text


@dataclass(frozen=True)
class Summary:
    rows: int
    files: int


def stored_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in the storage, depth first (none when its folder does not exist yet)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from stored_files(storage, f"{folder}/{name}" if folder else name)


def _applied_migrations(using: str) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def write_backup(
    path: Path, *, storage: Storage | None = None, using: str = DEFAULT_DB_ALIAS
) -> Summary:
    """Write the database and every stored file into one zip archive at `path`."""
    storage = storage or default_storage
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / "database.json"
        # One read transaction: the rows are one consistent moment of the database.
        with transaction.atomic(using=using):
            call_command(
                "dumpdata",
                exclude=EXCLUDED,
                natural_foreign=True,
                natural_primary=True,
                output=str(dump),
                database=using,
                verbosity=0,
            )
            migrations = _applied_migrations(using)
        rows = len(json.loads(dump.read_text(encoding="utf-8")))
        names = list(stored_files(storage))
        with zipfile.ZipFile(
            path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True
        ) as archive:
            archive.write(dump, "database.json")
            for name in names:
                with (
                    storage.open(name, "rb") as source,
                    archive.open(f"files/{name}", "w") as target,
                ):
                    while chunk := source.read(CHUNK):
                        target.write(chunk)
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "database": connections[using].vendor,
                "migrations": migrations,
                "rows": rows,
                "files": len(names),
            }
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return Summary(rows=rows, files=len(names))


def _is_empty(using: str) -> bool:
    """No people, no plans: nothing a restore would overwrite (migrations' own rows aside)."""
    from minsheng.accounts.models import User
    from minsheng.plans.models import Plan

    return not User.objects.using(using).exists() and not Plan.objects.using(using).exists()


def _read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError) as error:
        raise BackupError(_("This file is not a Minsheng backup.")) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(_("This file is not a Minsheng backup."))
    return manifest


def restore_backup(
    path: Path, *, storage: Storage | None = None, using: str = DEFAULT_DB_ALIAS
) -> Summary:
    """Restore an archive from `write_backup` into an empty database and empty storage.

    The schema is brought up to date first; the backup must come from the same migrations
    (restore with the same version of Minsheng, then upgrade). Nothing is overwritten:
    a database with people or plans, or a storage holding files, is refused.
    """
    storage = storage or default_storage
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupError(_("This file is not a Minsheng backup.")) from error
    with archive:
        manifest = _read_manifest(archive)
        call_command("migrate", database=using, interactive=False, verbosity=0)
        if sorted(manifest["migrations"]) != _applied_migrations(using):
            raise BackupError(
                _(
                    "The backup was made with other database migrations than this version of Minsheng has: restore it with the version that made it, then upgrade."
                )
            )
        if not _is_empty(using):
            raise BackupError(
                _("The database is not empty: restore only into a new, empty database.")
            )
        if next(stored_files(storage), None) is not None:
            raise BackupError(
                _("The file storage is not empty: restore only into an empty data directory.")
            )
        names = [name for name in archive.namelist() if name.startswith("files/")]
        with tempfile.TemporaryDirectory() as scratch:
            dump = Path(scratch) / "database.json"
            dump.write_bytes(archive.read("database.json"))
            with transaction.atomic(using=using):
                # The rows migrations put in (the domain vocabulary) come back from the backup.
                call_command("flush", database=using, interactive=False, verbosity=0)
                call_command("loaddata", str(dump), database=using, verbosity=0)
        for member in names:
            name = member.removeprefix("files/")
            with archive.open(member) as source:
                saved = storage.save(name, File(source, name=name))
            if saved != name:
                raise BackupError(_("A file could not be restored under its own name"), detail=name)
    return Summary(rows=int(manifest.get("rows", 0)), files=len(names))
