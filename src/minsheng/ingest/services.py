"""Saving what was read: a draft plan, with the document's actuals as draft progress reports."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from minsheng.accounts import scope
from minsheng.audit.services import record_change, snapshot
from minsheng.core.i18n import UserFacingError, bilingual
from minsheng.ingest.parser import ParsedDocument
from minsheng.ingest.parser.extract import pairs
from minsheng.ingest.permissions import can_ingest, can_save_for
from minsheng.plans.interchange import import_plan
from minsheng.plans.models import Indicator, Plan
from minsheng.progress.models import ProgressReport, ReportState


def existing_plan(data: dict[str, Any], *, actor: Any = None) -> Plan | None:
    """The plan the document speaks of, if the ledger already has it.

    The jurisdiction is found at any depth of the tree (a district's report finds the
    district's plan), as an import finds it: within the saver's own jurisdiction when there
    is one of that name there. Several plans of that name and year that the saver cannot tell
    apart are refused rather than guessed.
    """
    plans = list(
        Plan.objects.filter(
            jurisdiction__name=data["jurisdiction"]["name"], year=data["year"]
        ).select_related("jurisdiction")[:20]
    )
    if len(plans) > 1 and actor is not None and getattr(actor, "is_authenticated", False):
        home_id = scope.home_jurisdiction_id(actor)
        if home_id is not None:
            below = scope.descendant_ids([home_id])
            plans = [plan for plan in plans if plan.jurisdiction_id in below] or plans
    if len(plans) > 1:
        raise UserFacingError(
            [
                bilingual(
                    _(
                        "several plans of %(jurisdiction)s for %(year)s exist; save as a user of "
                        "the one meant; nothing was saved"
                    ),
                    jurisdiction=data["jurisdiction"]["name"],
                    year=data["year"],
                )
            ]
        )
    return plans[0] if plans else None


def plan_draft_create(
    *, actor: Any, document: ParsedDocument, data: dict[str, Any] | None = None
) -> Plan:
    """Write the document as a plan in state drafting, all or nothing; never overwrite a plan.

    `data` is the interchange dict (after the office's corrections); it defaults to the parsed
    one. Actuals found in the document become draft progress reports, to be reviewed like any
    other report, never approved figures.
    """
    data = data if data is not None else document.to_interchange()
    if actor is not None and not can_save_for(actor, data["jurisdiction"]["name"]):
        raise PermissionDenied
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


def progress_drafts_create(
    *, actor: Any, document: ParsedDocument, plan: Plan, data: dict[str, Any] | None = None
) -> list[ProgressReport]:
    """A report on a plan already in the ledger: its figures become draft progress reports.

    Each actual goes to the indicator of the same project number with the same unit and target
    (else the one whose name shares the most words); if any cannot be placed, nothing is saved.
    The plan itself is never changed.
    """
    if actor is not None and not (can_ingest(actor) and scope.governs_plan(actor, plan)):
        raise PermissionDenied
    data = data if data is not None else document.to_interchange()
    placed: list[tuple[Indicator, dict[str, Any]]] = []
    problems: list[str] = []
    as_of = (document.as_of or date(plan.year, 12, 31)).isoformat()
    for project in data["projects"]:
        candidates = list(
            Indicator.objects.filter(project__plan=plan, project__number=project["number"])
        )
        # a results-only report's actuals have no target: they are placed by unit and name
        results = [
            {**result, "target": None, "actual_as_of": as_of}
            for result in document.results_dicts()
            if result["project"] == project["number"]
        ]
        for item in project["indicators"] + results:
            if item.get("actual") is None:
                continue
            target = _place(item, candidates)
            if target is None:
                problems.append(
                    bilingual(
                        _("No. %(number)s: no indicator of the plan answers “%(name)s”"),
                        number=project["number"],
                        name=item["name"],
                    )
                )
                continue
            candidates.remove(target)
            placed.append((target, item))
    if not placed and not problems:
        problems.append(
            bilingual(
                _("a plan of %(jurisdiction)s for %(year)s already exists; nothing was saved"),
                jurisdiction=plan.jurisdiction.name,
                year=plan.year,
            )
        )
    if problems:
        raise UserFacingError(problems)
    reports = []
    with transaction.atomic():
        for indicator, item in placed:
            report = ProgressReport.objects.create(
                indicator=indicator,
                state=ReportState.DRAFT,
                value=_decimal(item["actual"]),
                stated_percent=_decimal(item.get("stated_percent")),
                as_of=date.fromisoformat(item.get("actual_as_of") or f"{plan.year}-12-31"),
                reporter=actor if getattr(actor, "is_authenticated", False) else None,
                narrative=str(_("Read from a document; check before submitting")),
            )
            record_change(
                actor=actor,
                action="progress_report.ingest",
                instance=report,
                after=snapshot(report),
            )
            reports.append(report)
    return reports


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _place(item: dict[str, Any], candidates: list[Indicator]) -> Indicator | None:
    same_unit = [c for c in candidates if c.unit == item["unit"]]
    for candidate in same_unit:
        if candidate.target == _decimal(item["target"]):
            return candidate
    scored = [
        (len(pairs(candidate.name) & pairs(item["name"])), candidate) for candidate in same_unit
    ]
    scored = [(score, candidate) for score, candidate in scored if score > 0]
    if not scored:
        return None
    return max(scored, key=lambda pair: pair[0])[1]
