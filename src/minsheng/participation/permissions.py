"""Who may do what in the public's part. Views and services ask here first."""

from typing import Any

from minsheng.accounts.permissions import is_office, is_reporter
from minsheng.participation.models import Ballot, Reply


def can_manage(user: Any) -> bool:
    """Windows, moderation, candidates, ballots, visits: the office's work."""
    return is_office(user)


def can_see_contact(user: Any) -> bool:
    """Unmasked contact details are for the office alone."""
    return is_office(user)


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
    """The reporters of the department the reply is assigned to (or the office)."""
    if is_office(user):
        return True
    return is_reporter(user) and user.department_id == reply.department_id
