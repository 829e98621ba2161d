from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import bilingual
from minsheng.plans.selectors import add_plan_arguments, plan_for_command
from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format, generate


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            bilingual(_("--as-of must be a date like 2025-12-31 (got %(value)s)"), value=value)
        ) from error


class Command(BaseCommand):
    help = "Write the year-end report (or the quarterly bulletin) of a plan from approved data."
    # The system checks import every URLconf and view (openpyxl, cn2an, ninja): most of a
    # report's start-up, for nothing it uses. `minsheng check` and the server still run them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        add_plan_arguments(parser)
        parser.add_argument("--format", choices=[f.value for f in Format], default="html")
        parser.add_argument("--style", choices=[s.value for s in Style], default="press")
        parser.add_argument(
            "--kind",
            choices=[k.value for k in Kind],
            default=Kind.YEAR_END.value,
            help="year_end (年终报告) or bulletin (季度通报 of the quarter of --as-of)",
        )
        parser.add_argument(
            "--as-of",
            default=None,
            help="count approved reports up to this date (default: today, or the last day of a finished plan year)",
        )
        parser.add_argument("-o", "--output", required=True, help="file to write; - for stdout")

    def handle(self, *args: object, **options: str) -> None:
        if options["output"] == "-" and options["format"] in {Format.PDF, Format.DOCX}:
            raise CommandError(bilingual(_("PDF and Word files need a file name: -o FILE")))
        plan = plan_for_command(options["jurisdiction"], int(options["year"]), options["user"])
        # A finished year is reported as of its last day, not as of whenever it is printed.
        as_of = _day(options["as_of"]) if options["as_of"] else min(timezone.localdate(), plan.end)
        output = generate(
            plan,
            kind=Kind(options["kind"]),
            fmt=Format(options["format"]),
            style=Style(options["style"]),
            as_of=as_of,
        )
        if options["output"] == "-":
            self.stdout.write(output.content.decode("utf-8"), ending="")
            return
        target = Path(options["output"])
        try:
            target.write_bytes(output.content)
        except OSError as error:
            raise CommandError(
                bilingual(
                    _("cannot write %(path)s: %(error)s"), path=str(target), error=error.strerror
                )
            ) from error
        self.stderr.write(
            bilingual(
                _("wrote %(path)s (%(size)s bytes)"), path=str(target), size=len(output.content)
            )
        )
