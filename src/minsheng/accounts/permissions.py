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


def is_department_reporter(user: Any) -> bool:
    """A reporter bound to one department (责任单位填报员)."""
    return is_reporter(user) and user.role == Role.DEPARTMENT_REPORTER


def is_district_reporter(user: Any) -> bool:
    """A reporter bound to one district (区填报员)."""
    return is_reporter(user) and user.role == Role.DISTRICT_REPORTER


def can_manage_users(user: Any) -> bool:
    """The user-management pages: each office for its own subtree (a superuser for all)."""
    return is_office(user)


def can_manage_user(actor: Any, target: Any) -> bool:
    """Edit, deactivate or reset the password of one account: an office over the accounts of
    its jurisdiction and below, never its own (another office does that) nor a superuser's."""
    from minsheng.accounts import scope

    if not can_manage_users(actor) or target.pk == actor.pk:
        return False
    if target.is_superuser and not actor.is_superuser:
        return False
    return scope.sees(actor, scope.home_jurisdiction_id(target))
