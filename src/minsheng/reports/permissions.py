"""Who may generate reports: the office, which files them and answers for their numbers.

On a plan, the scope rule (accounts/scope.py) applies: the office of the plan's jurisdiction
or one above it (a province reads its cities' reports); a job and its file follow its plan.
"""

from typing import Any

from minsheng.accounts import scope
from minsheng.accounts.permissions import is_office
from minsheng.plans.models import Plan


def can_generate_reports(user: Any, plan: Plan | None = None) -> bool:
    if not is_office(user):
        return False
    return plan is None or scope.sees_plan(user, plan)
