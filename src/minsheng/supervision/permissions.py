"""Who may see and act on warnings, notices and help requests.

Every rule asks the scope rule (accounts/scope.py) for the plan's jurisdiction: the office and
supervisors see the cases of their jurisdiction and below; the office acts on its own
jurisdiction's cases. A province office may address a notice to a city's office (督办 down the
hierarchy, `SupervisionNotice.addressee`); the city's office answers it and the province closes
or escalates it. Nobody addresses a parent or a sibling: they are out of sight.
"""

from typing import Any

from minsheng.accounts import scope
from minsheng.accounts.models import Role
from minsheng.accounts.permissions import is_office, is_supervisor
from minsheng.plans.models import Jurisdiction, Plan
from minsheng.supervision.models import (
    AWAITING_REPLY,
    Assistance,
    Case,
    CaseState,
    EscalationLevel,
    SupervisionNotice,
)


def can_view_cockpit(user: Any, plan: Plan | None = None) -> bool:
    """The cockpit is for the office and the supervisors, on plans within their scope."""
    if not (is_office(user) or is_supervisor(user)):
        return False
    return plan is None or scope.sees_plan(user, plan)


def can_view_province_cockpit(user: Any, jurisdiction: Jurisdiction) -> bool:
    """The cockpit of a jurisdiction's children side by side (a province's cities, a city's
    districts): its office and supervisors, and those above who see it; never a city for its
    province or for a sibling."""
    return (is_office(user) or is_supervisor(user)) and scope.sees(user, jurisdiction.pk)


def _of_department(user: Any, case: Case) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role == Role.DEPARTMENT_REPORTER
        and user.department_id == case.department_id
        and scope.answers_to(user, case.plan.jurisdiction_id)
    )


def _addressee_id(case: Case) -> int | None:
    return case.addressee_id if isinstance(case, SupervisionNotice) else None


def _issuer_id(case: Case) -> int:
    """The jurisdiction whose office issued the case (the plan's, unless sent from above)."""
    if isinstance(case, SupervisionNotice) and case.issuer_id is not None:
        return int(case.issuer_id)
    return int(case.plan.jurisdiction_id)


def _addressed_office(user: Any, case: Case) -> bool:
    addressee = _addressee_id(case)
    return addressee is not None and is_office(user) and scope.governs(user, addressee)


def can_view_case(user: Any, case: Case) -> bool:
    if is_office(user) or is_supervisor(user):
        return scope.sees_plan(user, case.plan) or scope.sees(user, _issuer_id(case))
    return _of_department(user, case) and _addressee_id(case) is None


def can_download_notice(user: Any, case: Case) -> bool:
    """The 督办单 as PDF or DOCX: whoever may read the case, within their scope (管辖范围)."""
    return can_view_case(user, case) and scope.sees(user, case.plan.jurisdiction_id)


def can_issue_notice(user: Any, plan: Plan | None = None) -> bool:
    """The office issues notices on its own plan; on a plan below it (a province on a city's)
    the notice goes to that jurisdiction's office."""
    if not is_office(user):
        return False
    return plan is None or scope.sees_plan(user, plan)


def can_raise_assistance(user: Any) -> bool:
    """A department reporter asks for help for its own department."""
    return bool(user.is_authenticated and user.is_active and user.role == Role.DEPARTMENT_REPORTER)


def _answering(user: Any, case: Case) -> bool:
    """The side that must acknowledge and reply: the department (or the addressed office) for
    a notice, the office for a request."""
    if isinstance(case, SupervisionNotice):
        if _addressee_id(case) is not None:
            return _addressed_office(user, case)
        return _of_department(user, case)
    return is_office(user) and scope.governs_plan(user, case.plan)


def _issuing_office(user: Any, case: Case) -> bool:
    return is_office(user) and scope.governs(user, _issuer_id(case))


def can_acknowledge(user: Any, case: Case) -> bool:
    return case.state == CaseState.OPEN and _answering(user, case)


def can_reply(user: Any, case: Case) -> bool:
    return case.state in AWAITING_REPLY and _answering(user, case)


def can_close(user: Any, case: Case) -> bool:
    """The issuing office closes (销号) a notice once replied; a request by the office or the
    asking department."""
    if case.state == CaseState.CLOSED:
        return False
    if isinstance(case, Assistance):
        return case.state == CaseState.REPLIED and (
            _issuing_office(user, case) or _of_department(user, case)
        )
    return case.state == CaseState.REPLIED and _issuing_office(user, case)


def can_escalate(user: Any, case: Case) -> bool:
    return (
        case.state != CaseState.CLOSED
        and case.level < max(EscalationLevel.values)
        and _issuing_office(user, case)
    )
