"""Who may set up plans: the office of the plan's own jurisdiction (管辖范围)."""

from typing import Any

from minsheng.accounts import scope
from minsheng.accounts.permissions import is_office
from minsheng.plans.models import Jurisdiction, Plan


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


def can_change_plan(user: Any, plan: Plan) -> bool:
    """Change a plan's set-up (its projects, indicators, settings): its own office."""
    return is_office(user) and scope.governs_plan(user, plan)
