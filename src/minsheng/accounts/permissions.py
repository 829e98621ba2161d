"""Who may do what, by role. Each app keeps its object rules in its own permissions.py
(`can_<verb>(user, obj)`), built on these predicates, and every view, API, admin action and
command asks there first.
"""

from typing import Any

from minsheng.accounts.models import Role


def is_office(user: Any) -> bool:
    """The coordinating office (市政府办公厅) — or a system administrator acting for it."""
    return bool(
        user.is_authenticated and user.is_active and (user.role == Role.OFFICE or user.is_superuser)
    )


def is_supervisor(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.SUPERVISOR)


def is_auditor(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.AUDITOR)


def is_observer(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.OBSERVER)


def is_reporter(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role in {Role.DEPARTMENT_REPORTER, Role.DISTRICT_REPORTER}
    )


def can_read_internal(user: Any) -> bool:
    """Internal (not yet public) plan and progress data: the office, supervisors and reporters."""
    return is_office(user) or is_supervisor(user) or is_reporter(user)
