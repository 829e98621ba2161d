"""Who may set up a plan: one `can_<verb>(user, obj)` per action, asked first by every view,
service and command of the plan set-up pages.

The office (办公厅) sets up the plans of its own jurisdiction (`scope.governs`), reads the plans
of the jurisdictions below it (`scope.sees`) and never touches a parent's or a sibling's. A
closed plan (办结) is history: nothing in it changes.
"""

from typing import Any

from minsheng.accounts import scope
from minsheng.accounts.permissions import is_office
from minsheng.plans.choices import PlanState
from minsheng.plans.models import Jurisdiction, Plan


def can_use_setup(user: Any) -> bool:
    """The plan set-up section at all: the office (or a system administrator)."""
    return is_office(user)


def can_view_plan(user: Any, plan: Plan) -> bool:
    """Read a plan's set-up page: an office whose scope holds the plan's jurisdiction."""
    return is_office(user) and scope.sees(user, plan.jurisdiction_id)


def can_create_plan(user: Any, jurisdiction: Jurisdiction) -> bool:
    """Start a plan (blank or carried over) for a jurisdiction the office governs."""
    return is_office(user) and scope.governs(user, jurisdiction.pk)


def can_change_plan(user: Any, plan: Plan) -> bool:
    """Edit a plan's projects, indicators, milestones, departments, allocations and schedules."""
    return (
        is_office(user)
        and scope.governs(user, plan.jurisdiction_id)
        and plan.state != PlanState.CLOSED
    )


def can_remove_from_plan(user: Any, plan: Plan) -> bool:
    """Delete a project, indicator or milestone: only before the plan is published."""
    return can_change_plan(user, plan) and plan.state in {PlanState.DRAFTING, PlanState.VOTING}


def can_transition_plan(user: Any, plan: Plan) -> bool:
    """Move a plan along 起草 → 公布 → 实施中 → 办结 (and reopen a closed one)."""
    return is_office(user) and scope.governs(user, plan.jurisdiction_id)


def can_import_plan(user: Any, jurisdiction_name: str) -> bool:
    """Load a plan (a file, a read document) for the jurisdiction it names: the office
    governing a jurisdiction of that name; a jurisdiction not yet known, a superuser alone."""
    if not is_office(user):
        return False
    if user.is_superuser:
        return True
    home = scope.scope_of(user).home_id
    return (
        home is not None and Jurisdiction.objects.filter(pk=home, name=jurisdiction_name).exists()
    )
