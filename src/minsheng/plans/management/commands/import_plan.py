from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.selectors import find_user
from minsheng.core.i18n import UserFacingError, bilingual
from minsheng.plans.interchange import import_plan, parse_document
from minsheng.plans.permissions import can_import_plan


class Command(BaseCommand):
    help = "Load a plan from an interchange JSON file, all or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", default=None, help="user name recorded in the audit trail")

    def handle(self, *args: object, **options: object) -> None:
        path: Path = options["file"]  # type: ignore[assignment]
        try:
            raw = path.read_bytes()
        except FileNotFoundError as error:
            raise CommandError(bilingual(_("file not found: %(path)s"), path=path)) from error
        actor = find_user(options["user"]) if options["user"] else None  # type: ignore[arg-type]
        try:
            data = parse_document(raw)
        except UserFacingError as error:
            raise CommandError(
                bilingual(_("nothing was imported:")) + "\n" + "\n".join(error.messages)
            ) from error
        name = (
            str((data.get("jurisdiction") or {}).get("name", "")) if isinstance(data, dict) else ""
        )
        if actor is not None and not can_import_plan(actor, name):
            raise CommandError(
                bilingual(
                    _("%(user)s may not load a plan of %(jurisdiction)s; nothing was imported"),
                    user=actor.username,
                    jurisdiction=name,
                )
            )
        try:
            plan = import_plan(data, actor=actor)
        except UserFacingError as error:
            raise CommandError(
                bilingual(_("nothing was imported:")) + "\n" + "\n".join(error.messages)
            ) from error
        self.stdout.write(
            bilingual(
                _("imported %(plan)s with %(projects)s projects"),
                plan=plan.title,
                projects=plan.projects.count(),
            )
        )
