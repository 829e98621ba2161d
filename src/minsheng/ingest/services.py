"""Saving what was read: a draft plan, with the document's actuals as draft progress reports."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from minsheng.audit.services import record_change, snapshot
from minsheng.core.i18n import UserFacingError, bilingual
from minsheng.ingest.parser import ParsedDocument
from minsheng.ingest.permissions import can_ingest
from minsheng.plans.interchange import import_plan
from minsheng.plans.models import Indicator, Plan
from minsheng.progress.models import ProgressReport, ReportState


def plan_draft_create(
    *, actor: Any, document: ParsedDocument, data: dict[str, Any] | None = None
) -> Plan:
    """Write the document as a plan in state drafting, all or nothing; never overwrite a plan.

    `data` is the interchange dict (after the office's corrections); it defaults to the parsed
    one. Actuals found in the document become draft progress reports, to be reviewed like any
    other report, never approved figures.
    """
    if actor is not None and not can_ingest(actor):
        raise PermissionDenied
    data = data if data is not None else document.to_interchange()
    plan_data = {**data, "state": "drafting", "projects": []}
    actuals: list[tuple[int, int, dict[str, Any]]] = []
    for project in data["projects"]:
        indicators = []
        for position, indicator in enumerate(project["indicators"]):
            # The plan keeps the promises; the read-off figures wait for review as drafts.
            keep = {k: v for k, v in indicator.items() if k not in {"actual", "stated_percent"}}
            keep["actual_as_of"] = None
            indicators.append(keep)
            if indicator.get("actual") is not None:
                actuals.append((project["number"], position, indicator))
        milestones = [
            {**m, "done": False, "done_date": None} for m in project.get("milestones", [])
        ]
        plan_data["projects"].append(
            {**project, "indicators": indicators, "milestones": milestones}
        )
    if Plan.objects.filter(
        jurisdiction__name=data["jurisdiction"]["name"], year=data["year"]
    ).exists():
        raise UserFacingError(
            [
                bilingual(
                    _("a plan of %(jurisdiction)s for %(year)s already exists; nothing was saved"),
                    jurisdiction=data["jurisdiction"]["name"],
                    year=data["year"],
                )
            ]
        )
    with transaction.atomic():
        plan = import_plan(plan_data, actor=actor)
        for number, position, indicator in actuals:
            target = Indicator.objects.get(
                project__plan=plan, project__number=number, order=position
            )
            report = ProgressReport.objects.create(
                indicator=target,
                state=ReportState.DRAFT,
                value=indicator["actual"],
                stated_percent=indicator.get("stated_percent"),
                as_of=date.fromisoformat(indicator.get("actual_as_of") or f"{plan.year}-12-31"),
                reporter=actor if getattr(actor, "is_authenticated", False) else None,
                narrative=str(_("Read from a document; check before submitting")),
            )
            record_change(
                actor=actor,
                action="progress_report.ingest",
                instance=report,
                after=snapshot(report),
            )
        record_change(
            actor=actor,
            action="plan.ingest",
            instance=plan,
            after={**snapshot(plan), "findings": len(document.findings)},
        )
    return plan
