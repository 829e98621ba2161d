import json
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.selectors import find_user
from minsheng.core.i18n import UserFacingError, bilingual
from minsheng.ingest.messages import SEVERITIES, error_message, finding_message
from minsheng.ingest.parser import IngestError, parse_bytes
from minsheng.ingest.parser.decoding import MAX_BYTES
from minsheng.ingest.services import existing_plan, plan_draft_create, progress_drafts_create
from minsheng.plans.interchange import validate


class Command(BaseCommand):
    help = "Read a Chinese plan or report (text, HTML or .docx) into interchange JSON, checked."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--jurisdiction", default=None, help="e.g. 青岛市")
        parser.add_argument("--year", type=int, default=None, help="e.g. 2025")
        parser.add_argument("--save", action="store_true", help="save as a draft plan")
        parser.add_argument(
            "--json", action="store_true", help="print one JSON object: plan, findings, checks"
        )
        parser.add_argument("--user", default=None, help="user name recorded in the audit trail")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            if path.stat().st_size > MAX_BYTES:
                raise IngestError("too_large", size=path.stat().st_size, limit=MAX_BYTES)
            data = path.read_bytes()
        except FileNotFoundError as error:
            raise CommandError(bilingual(_("file not found: %(path)s"), path=path)) from error
        except IsADirectoryError as error:
            raise CommandError(bilingual(_("file not found: %(path)s"), path=path)) from error
        except IngestError as error:
            raise CommandError(error_message(error)) from error
        try:
            document = parse_bytes(
                data,
                filename=path.name,
                jurisdiction=options["jurisdiction"],
                year=options["year"],
            )
        except IngestError as error:
            raise CommandError(error_message(error)) from error
        plan = document.to_interchange()
        problems = validate(plan)
        if problems:
            raise CommandError(
                bilingual(_("the document was read, but the result is not a valid plan:"))
                + "\n"
                + "\n".join(problems)
            )
        findings = document.findings_dicts()
        for finding in findings:
            finding["message"] = finding_message(finding)
        if options["json"]:
            output = {
                "plan": plan,
                "findings": findings,
                "checks": document.checks.as_dict(),
                "confidence": document.confidence_dicts(),
                "results": document.results_dicts(),
            }
            self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(json.dumps(plan, ensure_ascii=False, indent=2))
            self._print_findings(findings, document.checks.as_dict())
        if options["save"]:
            actor = find_user(options["user"]) if options["user"] else None
            try:
                existing = existing_plan(plan, actor=actor)
                if existing is not None:
                    reports = progress_drafts_create(
                        actor=actor, document=document, plan=existing, data=plan
                    )
                    self.stderr.write(
                        bilingual(
                            _(
                                "%(plan)s exists and was left unchanged; saved %(count)s figures "
                                "as draft progress reports for review"
                            ),
                            plan=existing.title,
                            count=len(reports),
                        )
                    )
                    return
                saved = plan_draft_create(actor=actor, document=document, data=plan)
            except UserFacingError as error:
                raise CommandError(
                    bilingual(_("nothing was saved:")) + "\n" + "\n".join(error.messages)
                ) from error
            except PermissionDenied as error:
                raise CommandError(
                    bilingual(_("only the office may save a document as a plan; nothing was saved"))
                ) from error
            self.stderr.write(
                bilingual(
                    _("saved draft plan %(plan)s with %(projects)s projects"),
                    plan=saved.title,
                    projects=saved.projects.count(),
                )
                + "\n"
            )

    def _print_findings(self, findings: list[dict[str, Any]], checks: dict[str, int]) -> None:
        err = self.stderr
        err.write(
            bilingual(
                _(
                    "%(count)s findings; %(agree)s of %(stated)s stated percents and "
                    "%(parts_agree)s of %(parts)s part sums agree"
                ),
                count=len(findings),
                agree=checks["stated_percents_agree"],
                stated=checks["stated_percents"],
                parts_agree=checks["parts_sums_agree"],
                parts=checks["parts_sums"],
            )
            + "\n"
        )
        for finding in findings:
            where = f"[{finding['span'][0]}:{finding['span'][1]}]"
            project = f" #{finding['project']}" if finding["project"] else ""
            severity = str(SEVERITIES.get(finding["severity"], finding["severity"]))
            err.write(f"- {severity}{project} {where} {finding['message']}\n")
            err.write(f"    « {finding['sentence']} »\n")
