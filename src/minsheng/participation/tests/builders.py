"""Builders for the participation tests, on top of minsheng.testing."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from minsheng.accounts.models import Role, User
from minsheng.participation import services
from minsheng.participation.models import Ballot, Candidate, SolicitationWindow
from minsheng.plans.choices import PlanState
from minsheng.plans.models import Domain, Plan
from minsheng.testing import make_department, make_plan, make_user


def office(of: Any = None) -> User:
    """An office user of the jurisdiction running `of` (a plan, or anything of one: window,
    suggestion, ballot, candidate, project, site visit, reply); without it, of none."""
    return make_user(Role.OFFICE, plan=plan_of(of) if of is not None else None)


def plan_of(thing: Any) -> Plan:
    """The plan something of the participation app belongs to."""
    if isinstance(thing, Plan):
        return thing
    for path in ("plan", "window", "suggestion", "project"):
        inner = getattr(thing, path, None)
        if inner is not None and not callable(inner):
            return plan_of(inner)
    projects = getattr(thing, "projects", None)
    if projects is not None:
        return projects.select_related("plan").first().plan
    raise ValueError(thing)


def deputies(n: int) -> list[User]:
    return [make_user(Role.OBSERVER) for _ in range(n)]


def drafting_plan(**overrides: Any) -> Plan:
    return make_plan(
        **{"year": 2026, "title": "2026年市办实事", "state": PlanState.DRAFTING, **overrides}
    )


def make_window(plan: Plan | None = None, **overrides: Any) -> SolicitationWindow:
    fields: dict[str, Any] = {
        "topic": "2026年市办实事项目征集",
        "opens_on": date.today() - timedelta(days=1),
        "closes_on": date.today() + timedelta(days=30),
        "domains": list(Domain.objects.filter(name__in=["就业", "交通出行", "养老"])),
    }
    fields.update(overrides)
    plan = plan or drafting_plan()
    return services.window_create(actor=office(plan), plan=plan, **fields)


def make_candidate(plan: Plan, **overrides: Any) -> Candidate:
    fields: dict[str, Any] = {
        "title": f"候选项目{Candidate.objects.count() + 1}",
        "domain": Domain.objects.get(name="交通出行"),
        "estimated_cost": Decimal("1250000.00"),
        "lead_department": make_department(plan.jurisdiction),
    }
    fields.update(overrides)
    return services.candidate_create(actor=office(plan), plan=plan, **fields)


def open_ballot(
    *, candidates: int = 5, seats: int = 2, voters: int = 7, **overrides: Any
) -> tuple[Ballot, list[Candidate], list[User], User]:
    """An open ballot on a fresh plan: (ballot, candidates, deputies, office user)."""
    plan = drafting_plan()
    chosen_from = [make_candidate(plan) for _ in range(candidates)]
    roll = deputies(voters)
    actor = office(plan)
    now = timezone.now()
    fields: dict[str, Any] = {
        "title": "2026年市办实事票决",
        "seats": seats,
        "opens_at": now - timedelta(hours=1),
        "closes_at": now + timedelta(hours=2),
    }
    fields.update(overrides)
    ballot = services.ballot_create(
        actor=actor, plan=plan, candidates=chosen_from, voters=roll, **fields
    )
    ballot = services.ballot_open(actor=actor, ballot=ballot)
    return ballot, chosen_from, roll, actor


def at(hours: float) -> datetime:
    return timezone.now() + timedelta(hours=hours)
