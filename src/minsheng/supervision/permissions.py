"""Who may see and act on warnings, notices and help requests."""

from typing import Any

from minsheng.accounts import scope
from minsheng.accounts.models import Role
from minsheng.accounts.permissions import is_office, is_supervisor
from minsheng.plans.choices import JurisdictionLevel
from minsheng.plans.models import Jurisdiction
from minsheng.supervision.models import (
    AWAITING_REPLY,
    Assistance,
    Case,
    CaseState,
    EscalationLevel,
    SupervisionNotice,
)


def can_view_cockpit(user: Any) -> bool:
    """The cockpit is for the office and the supervisors."""
    return is_office(user) or is_supervisor(user)


def can_view_province_cockpit(user: Any, jurisdiction: Jurisdiction) -> bool:
    """A province's cockpit: its office and supervisors, and those above who see it."""
    return (
        (is_office(user) or is_supervisor(user))
        and scope.sees(user, jurisdiction.pk)
        and jurisdiction.level == JurisdictionLevel.PROVINCE
    )


def _of_department(user: Any, case: Case) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role == Role.DEPARTMENT_REPORTER
        and user.department_id == case.department_id
    )


def can_view_case(user: Any, case: Case) -> bool:
    return is_office(user) or is_supervisor(user) or _of_department(user, case)


def can_issue_notice(user: Any) -> bool:
    return is_office(user)


def can_raise_assistance(user: Any) -> bool:
    """A department reporter asks for help for its own department."""
    return bool(user.is_authenticated and user.is_active and user.role == Role.DEPARTMENT_REPORTER)


def _answering(user: Any, case: Case) -> bool:
    """The side that must acknowledge and reply: the department for a notice, the office for a request."""
    if isinstance(case, SupervisionNotice):
        return _of_department(user, case)
    return is_office(user)


def can_acknowledge(user: Any, case: Case) -> bool:
    return case.state == CaseState.OPEN and _answering(user, case)


def can_reply(user: Any, case: Case) -> bool:
    return case.state in AWAITING_REPLY and _answering(user, case)


def can_close(user: Any, case: Case) -> bool:
    """The office closes (销号) a notice once replied; a request by the office or the asking department."""
    if case.state == CaseState.CLOSED:
        return False
    if isinstance(case, Assistance):
        return case.state == CaseState.REPLIED and (is_office(user) or _of_department(user, case))
    return case.state == CaseState.REPLIED and is_office(user)


def can_escalate(user: Any, case: Case) -> bool:
    return (
        case.state != CaseState.CLOSED
        and case.level < max(EscalationLevel.values)
        and is_office(user)
    )
