"""Reads for the public: only public plans, only approved figures, never drafts or notes."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from minsheng.plans.choices import PUBLIC_PLAN_STATES
from minsheng.plans.completion import HUNDRED, percent_of_plan
from minsheng.plans.models import Indicator, Jurisdiction, Plan, Project
from minsheng.plans.selectors import public_plans
from minsheng.progress.ledger_state import indicator_histories_of
from minsheng.progress.models import Evidence, ProgressReport, ReportState
from minsheng.progress.selectors import (
    ProjectRow,
    ledger_projects,
    plan_ledger,
    public_evidence_rule,
)


def public_plan(year: int, jurisdiction: str) -> Plan:
    """The public plan of a jurisdiction (by URL name) for a year; 404 for drafts and the unknown."""
    if not 2000 <= year <= 2100:
        raise Http404
    plan = (
        Plan.objects.select_related("jurisdiction")
        .filter(year=year, jurisdiction__slug=jurisdiction, state__in=PUBLIC_PLAN_STATES)
        .first()
    )
    if plan is None:
        raise Http404
    return plan


def current_plan() -> Plan | None:
    """The newest public plan: what the home page shows."""
    plans = public_plans()
    return plans[0] if plans else None


def sibling_plans(plan: Plan) -> list[Plan]:
    """Every public plan of the same jurisdiction, newest first (the year switcher)."""
    return [other for other in public_plans() if other.jurisdiction_id == plan.jurisdiction_id]


def public_ledger(plan: Plan, *, as_of: date | None = None) -> list[ProjectRow]:
    """The whole plan's ledger with districts of allocations loaded, for filters."""
    return plan_ledger(plan, as_of=as_of)


def public_project(plan: Plan, number: int) -> ProjectRow:
    """One project's ledger row; 404 when the plan has no such project."""
    if not 1 <= number <= 32767:
        raise Http404
    projects = ledger_projects(plan).filter(number=number)
    rows = plan_ledger(plan, projects=projects)
    if not rows:
        raise Http404
    return rows[0]


def public_evidence(plan: Plan) -> QuerySet[Evidence]:
    """Evidence the public may see: attached to no report, or to an approved one."""
    return (
        Evidence.objects.filter(project__plan=plan)
        .filter(public_evidence_rule())
        .select_related("project")
        .order_by("project__number", "id")
    )


def approved_timeline(project: Project) -> list[ProgressReport]:
    """The approved reports of a project's indicators and milestones, newest first."""
    return list(
        ProgressReport.objects.filter(state=ReportState.APPROVED)
        .filter(Q(indicator__project=project) | Q(milestone__project=project))
        .select_related("indicator", "milestone", "allocation__jurisdiction")
        .order_by("-as_of", "-id")
    )


@dataclass(frozen=True)
class HistoryPoint:
    as_of: date
    actual: Decimal
    percent: Decimal


def indicator_histories(
    plan: Plan, indicators: list[Indicator], *, as_of: date | None = None
) -> dict[int, list[HistoryPoint]]:
    """Each indicator's approved cumulative actual after every report, rolled up over allocations."""
    series = indicator_histories_of(
        plan, [indicator.pk for indicator in indicators], as_of or timezone.localdate()
    )
    return {
        indicator.pk: [
            HistoryPoint(
                as_of=day,
                actual=value,
                percent=percent_of_plan(
                    indicator.comparator, indicator.target, value, indicator.baseline
                )
                or Decimal(0),
            )
            for day, value in series.get(indicator.pk, [])
        ]
        for indicator in indicators
    }


def planned_curve(plan: Plan, indicator: Indicator) -> list[tuple[date, Decimal]]:
    """The schedule as (date, planned cumulative percent) corners, from 0 at the start to 100 at the due date."""
    due = indicator.due_date or plan.end
    curve = [(plan.start, Decimal(0))]
    curve += sorted(
        (point.date, point.cumulative_percent) for point in indicator.schedule_points.all()
    )
    if curve[-1][0] < due:
        curve.append((due, HUNDRED))
    return curve


@dataclass(frozen=True)
class RegionPlan:
    """A public plan on a province's (or city's) page, with its projects counted by status."""

    plan: Plan
    counts: list[tuple[Any, int]]


def region(slug: str) -> tuple[Jurisdiction, list[RegionPlan]]:
    """A jurisdiction and the public plans of everything below it (a province: its cities'),
    newest year first; 404 for an unknown jurisdiction. Approved figures only, as everywhere."""
    from minsheng.accounts.scope import descendant_ids
    from minsheng.portal.filters import status_counts

    jurisdiction = Jurisdiction.objects.filter(slug=slug).first()
    if jurisdiction is None:
        raise Http404
    below = descendant_ids([jurisdiction.pk]) - {jurisdiction.pk}
    plans = [plan for plan in public_plans() if plan.jurisdiction_id in below]
    return jurisdiction, [RegionPlan(plan, status_counts(plan_ledger(plan))) for plan in plans]


def jurisdiction_tree() -> list[dict[str, object]]:
    """The jurisdiction tree (province → city → district), roots first, for the open-data API."""
    rows = list(
        Jurisdiction.objects.order_by("level", "name").values(
            "pk", "name", "slug", "level", "parent_id"
        )
    )
    nodes: dict[int, dict[str, object]] = {
        row["pk"]: {"name": row["name"], "slug": row["slug"], "level": row["level"], "children": []}
        for row in rows
    }
    roots: list[dict[str, object]] = []
    for row in rows:
        node = nodes[row["pk"]]
        parent = nodes.get(row["parent_id"]) if row["parent_id"] else None
        if parent is None:
            roots.append(node)
        else:
            parent["children"].append(node)  # type: ignore[attr-defined]
    return roots
