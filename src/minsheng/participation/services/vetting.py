"""Candidates and expert vetting (科学论证)."""

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from minsheng.audit.services import record_change, snapshot
from minsheng.participation.models import (
    SCORE_MAX,
    SCORE_MIN,
    Candidate,
    Criterion,
    Expert,
    Score,
    Suggestion,
)
from minsheng.participation.permissions import can_manage, can_score
from minsheng.participation.services.common import refuse, require
from minsheng.plans.models import Department, Domain, Plan


@transaction.atomic
def candidate_create(
    *,
    actor: Any,
    plan: Plan,
    title: str,
    domain: Domain,
    estimated_cost: Decimal,
    lead_department: Department,
    departments: Iterable[Department] = (),
    suggestions: Iterable[Suggestion] = (),
    description: str = "",
) -> Candidate:
    """Draft a candidate project answering some suggestions of the plan's solicitations."""
    require(can_manage(actor, plan))
    if estimated_cost < 0:
        refuse(_("The estimated cost cannot be negative."))
    suggestions = list(suggestions)
    if any(s.window is None or s.window.plan_id != plan.pk for s in suggestions):
        refuse(_("Link only suggestions made for this plan."))
    candidate = Candidate.objects.create(
        plan=plan,
        title=title.strip(),
        domain=domain,
        description=description,
        estimated_cost=estimated_cost,
        lead_department=lead_department,
    )
    candidate.departments.set(departments)
    candidate.suggestions.set(suggestions)
    after = snapshot(candidate) | {
        "departments": [d.pk for d in candidate.departments.all()],
        "suggestions": [s.pk for s in suggestions],
    }
    record_change(actor=actor, action="candidate.create", instance=candidate, after=after)
    return candidate


@transaction.atomic
def criterion_create(*, actor: Any, plan: Plan, name: str, weight: Decimal) -> Criterion:
    """Add a line to the plan's scoring rubric."""
    require(can_manage(actor, plan))
    if weight <= 0:
        refuse(_("A weight must be more than zero."))
    if Criterion.objects.filter(plan=plan, name=name).exists():
        refuse(_("The rubric already has the criterion %(name)s."), name=name)
    order = Criterion.objects.filter(plan=plan).count()
    criterion = Criterion.objects.create(plan=plan, name=name, weight=weight, order=order)
    record_change(
        actor=actor, action="criterion.create", instance=criterion, after=snapshot(criterion)
    )
    return criterion


@transaction.atomic
def expert_appoint(*, actor: Any, plan: Plan, user: Any) -> Expert:
    require(can_manage(actor, plan))
    expert, _created = Expert.objects.get_or_create(plan=plan, user=user)
    record_change(actor=actor, action="expert.appoint", instance=expert, after=snapshot(expert))
    return expert


def parse_score(raw: Any) -> Decimal:
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        refuse(_("A score must be a number."))
    if not value.is_finite() or not SCORE_MIN <= value <= SCORE_MAX or value != round(value, 1):
        refuse(
            _("A score must be between %(low)s and %(high)s with at most one decimal."),
            low=SCORE_MIN,
            high=SCORE_MAX,
        )
    return value


@transaction.atomic
def scores_submit(*, actor: Any, candidate: Candidate, values: Mapping[int, Any]) -> list[Score]:
    """An expert's scores of one candidate on every criterion; resubmitting replaces them."""
    require(can_score(actor, candidate.plan_id))
    expert = Expert.objects.get(plan_id=candidate.plan_id, user=actor)
    criteria = list(Criterion.objects.filter(plan_id=candidate.plan_id))
    if not criteria:
        refuse(_("The rubric has no criteria yet."))
    missing = [c.name for c in criteria if c.pk not in values]
    if missing:
        refuse(_("Score every criterion (missing: %(names)s)."), names="、".join(missing))
    parsed = {c.pk: parse_score(values[c.pk]) for c in criteria}
    before = {
        str(s.criterion_id): str(s.value)
        for s in Score.objects.filter(candidate=candidate, expert=expert)
    }
    scores = [
        Score.objects.update_or_create(
            candidate=candidate, expert=expert, criterion_id=pk, defaults={"value": value}
        )[0]
        for pk, value in parsed.items()
    ]
    record_change(
        actor=actor,
        action="candidate.score",
        instance=candidate,
        before=before or None,
        after={"expert": expert.pk} | {str(pk): str(v) for pk, v in parsed.items()},
    )
    return scores
