"""Who may do what in the public's part. Views and services ask here first."""

from typing import Any

from minsheng.accounts import scope
from minsheng.accounts.permissions import is_office, is_reporter
from minsheng.participation.models import Ballot, Reply, SiteVisit, Suggestion
from minsheng.plans.models import Plan


def can_manage(user: Any, plan: Plan | None = None) -> bool:
    """Windows, moderation, candidates, ballots, visits: the office's work, on the plans of its
    own jurisdiction (管辖范围). Without a plan: whether the office pages open at all."""
    if not is_office(user):
        return False
    return plan is None or scope.governs_plan(user, plan)


def can_manage_visit(user: Any, visit: SiteVisit) -> bool:
    """A site visit belongs to the plans of its projects: the office must run every one."""
    plans = {project.plan for project in visit.projects.select_related("plan")}
    return is_office(user) and bool(plans) and all(can_manage(user, plan) for plan in plans)


def suggestion_plan(suggestion: Suggestion) -> Plan:
    """A solicited suggestion's plan is its window's; a comment's, its project's."""
    if suggestion.window is not None:
        return suggestion.window.plan
    assert suggestion.project is not None
    return suggestion.project.plan


def can_manage_suggestion(user: Any, suggestion: Suggestion) -> bool:
    return can_manage(user, suggestion_plan(suggestion))


def can_see_contact(user: Any, plan: Plan | None = None) -> bool:
    """Unmasked contact details are for the office alone (of the suggestion's plan)."""
    return can_manage(user, plan)


def can_vote(user: Any, ballot: Ballot) -> bool:
    """Deputies on the ballot's roll."""
    return bool(user.is_authenticated and user.is_active and ballot.roll.filter(user=user).exists())


def can_score(user: Any, plan_id: int) -> bool:
    """Experts the office appointed for the plan."""
    from minsheng.participation.models import Expert

    return bool(
        user.is_authenticated
        and user.is_active
        and Expert.objects.filter(plan_id=plan_id, user=user).exists()
    )


def can_answer(user: Any, reply: Reply) -> bool:
    """The reporters of the department the reply is assigned to (or the office running the plan)."""
    plan = suggestion_plan(reply.suggestion)
    if is_office(user):
        return scope.governs_plan(user, plan)
    return (
        is_reporter(user)
        and user.department_id == reply.department_id
        and scope.answers_to(user, plan.jurisdiction_id)
    )
