"""Writes for supervision: every step of a notice or a help request, checked, atomic and audited."""

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts import scope
from minsheng.audit.services import record_change, snapshot
from minsheng.notifications import events
from minsheng.plans.models import Allocation, Department, Indicator, Milestone, Plan, Project
from minsheng.supervision import permissions
from minsheng.supervision.evidence import checked_evidence
from minsheng.supervision.models import (
    AWAITING_REPLY,
    Assistance,
    Case,
    CaseState,
    CaseStep,
    EscalationLevel,
    StepAction,
    SupervisionNotice,
)

# Days a department (or the office) gets to answer after an automatic escalation.
ESCALATION_REPLY_DAYS = 7
AUDITED_FIELDS = ["state", "level", "reply_deadline", "department_id", "closed_at"]

AnyCase = SupervisionNotice | Assistance


def default_deadline() -> date:
    """A week from today: the usual time to answer (and the time after an escalation)."""
    return timezone.localdate() + timedelta(days=ESCALATION_REPLY_DAYS)


def _action_name(case: Case, verb: str) -> str:
    kind = "notice" if isinstance(case, SupervisionNotice) else "assistance"
    return f"supervision.{kind}.{verb}"


def _required(text: str, field: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise ValidationError({field: _("This field is required.")})
    return cleaned


def _check_subject(
    project: Project,
    indicator: Indicator | None,
    allocation: Allocation | None,
    milestone: Milestone | None,
) -> None:
    errors = {}
    if indicator is not None and indicator.project_id != project.pk:
        errors["indicator"] = _("The indicator is not part of this project.")
    if allocation is not None and allocation.indicator.project_id != project.pk:
        errors["allocation"] = _("The allocation is not part of this project.")
    if milestone is not None and milestone.project_id != project.pk:
        errors["milestone"] = _("The milestone is not part of this project.")
    if errors:
        raise ValidationError(errors)


def _check_deadline(reply_deadline: date) -> None:
    if reply_deadline < timezone.localdate():
        raise ValidationError({"reply_deadline": _("The reply deadline cannot be in the past.")})


def _next_number(model: type[Case], plan: Plan) -> int:
    # Lock the plan row so two cases opened at once cannot take the same number.
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    highest = model.objects.filter(plan=plan).aggregate(top=Max("number"))["top"]  # type: ignore[attr-defined]
    return (highest or 0) + 1


def _step(case: Case, action: str, actor: Any, text: str = "", evidence: Any = None) -> CaseStep:
    return CaseStep.objects.create(
        notice=case if isinstance(case, SupervisionNotice) else None,
        assistance=case if isinstance(case, Assistance) else None,
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        text=text,
        evidence=evidence or "",
        level=case.level,
    )


def _locked(case: AnyCase) -> AnyCase:
    return type(case).objects.select_for_update().get(pk=case.pk)


def notice_issue(
    *,
    actor: Any,
    project: Project,
    department: Department,
    reason: str,
    required_action: str,
    reply_deadline: date,
    indicator: Indicator | None = None,
    allocation: Allocation | None = None,
    milestone: Milestone | None = None,
) -> SupervisionNotice:
    """The office issues a notice (督办单) to a department about a project or one of its items.

    On a plan below the office's own jurisdiction (a province on a city's plan) the notice is
    addressed to that jurisdiction's office (督办 down the hierarchy); the department stays
    as the one the item concerns.
    """
    plan = project.plan
    if not permissions.can_issue_notice(actor, plan):
        raise PermissionDenied(_("Only the office issues supervision notices."))
    if department.jurisdiction_id != plan.jurisdiction_id:
        raise ValidationError({"department": _("The department is not one of the plan's.")})
    down = not scope.governs_plan(actor, plan)
    reason = _required(reason, "reason")
    required_action = _required(required_action, "required_action")
    _check_subject(project, indicator, allocation, milestone)
    _check_deadline(reply_deadline)
    with transaction.atomic():
        notice = SupervisionNotice.objects.create(
            plan=project.plan,
            number=_next_number(SupervisionNotice, project.plan),
            project=project,
            indicator=indicator,
            allocation=allocation,
            milestone=milestone,
            department=department,
            reason=reason,
            required_action=required_action,
            reply_deadline=reply_deadline,
            opened_by=actor,
            issuer_id=scope.scope_of(actor).home_id if down else None,
            addressee_id=plan.jurisdiction_id if down else None,
        )
        _step(notice, StepAction.OPEN, actor, reason)
        record_change(
            actor=actor,
            action=_action_name(notice, "issue"),
            instance=notice,
            after=snapshot(notice),
        )
        events.case_opened(notice, "notice")
    return notice


def assistance_raise(
    *,
    actor: Any,
    project: Project,
    problem: str,
    help_needed: str,
    reply_deadline: date | None = None,
    indicator: Indicator | None = None,
) -> Assistance:
    """A department asks the office for help (需协调解决的问题) with one of its projects."""
    if not permissions.can_raise_assistance(actor):
        raise PermissionDenied(_("Only department reporters raise help requests."))
    if not project.project_departments.filter(department_id=actor.department_id).exists():
        raise PermissionDenied(_("Your department is not responsible for this project."))
    problem = _required(problem, "problem")
    help_needed = _required(help_needed, "help_needed")
    _check_subject(project, indicator, None, None)
    deadline = reply_deadline or default_deadline()
    _check_deadline(deadline)
    with transaction.atomic():
        request = Assistance.objects.create(
            plan=project.plan,
            number=_next_number(Assistance, project.plan),
            project=project,
            indicator=indicator,
            department_id=actor.department_id,
            problem=problem,
            help_needed=help_needed,
            reply_deadline=deadline,
            opened_by=actor,
        )
        _step(request, StepAction.OPEN, actor, problem)
        record_change(
            actor=actor,
            action=_action_name(request, "raise"),
            instance=request,
            after=snapshot(request),
        )
        events.case_opened(request, "assistance")
    return request


def _transition(
    case: AnyCase,
    *,
    actor: Any,
    allowed: bool,
    refusal: str,
    verb: str,
    action: str,
    text: str = "",
    evidence: Any = None,
    **changes: Any,
) -> AnyCase:
    """Apply one step under a row lock: check again on the fresh row, save, log, audit."""
    with transaction.atomic():
        current = _locked(case)
        if not allowed or not _still_allowed(verb, actor, current):
            raise PermissionDenied(refusal)
        before = snapshot(current, AUDITED_FIELDS)
        for name, value in changes.items():
            setattr(current, name, value)
        current.version += 1
        current.save()
        _step(current, action, actor, text, evidence)
        after = snapshot(current, AUDITED_FIELDS)
        if text:
            after["text"] = text
        record_change(
            actor=actor,
            action=_action_name(current, verb),
            instance=current,
            before=before,
            after=after,
        )
        if verb == "escalate":
            events.case_opened(
                current, "notice" if isinstance(current, SupervisionNotice) else "assistance"
            )
    return current


def _still_allowed(verb: str, actor: Any, case: Case) -> bool:
    if actor is None and verb == "escalate":
        return case.state != CaseState.CLOSED and case.level < max(EscalationLevel.values)
    check = {
        "acknowledge": permissions.can_acknowledge,
        "reply": permissions.can_reply,
        "close": permissions.can_close,
        "escalate": permissions.can_escalate,
    }[verb]
    return check(actor, case)


def case_acknowledge(*, actor: Any, case: AnyCase) -> AnyCase:
    """The answering side confirms it has received the notice or request (签收)."""
    return _transition(
        case,
        actor=actor,
        allowed=True,
        refusal=_("You cannot acknowledge this, or it is already acknowledged."),
        verb="acknowledge",
        action=StepAction.ACKNOWLEDGE,
        state=CaseState.ACKNOWLEDGED,
    )


def case_reply(
    *, actor: Any, case: AnyCase, measures: str, evidence: UploadedFile | None = None
) -> AnyCase:
    """The answering side replies with its measures (整改措施) and, if any, an evidence file."""
    measures = _required(measures, "measures")
    stored = checked_evidence(evidence) if evidence is not None else None
    return _transition(
        case,
        actor=actor,
        allowed=True,
        refusal=_("You cannot reply to this, or it is not waiting for a reply."),
        verb="reply",
        action=StepAction.REPLY,
        text=measures,
        evidence=stored,
        state=CaseState.REPLIED,
    )


def case_close(*, actor: Any, case: AnyCase, comment: str = "") -> AnyCase:
    """The office closes a replied case (销号)."""
    return _transition(
        case,
        actor=actor,
        allowed=True,
        refusal=_("You cannot close this, or it has no reply yet."),
        verb="close",
        action=StepAction.CLOSE,
        text=(comment or "").strip(),
        state=CaseState.CLOSED,
        closed_at=timezone.now(),
    )


def case_escalate(
    *, actor: Any, case: AnyCase, reason: str, reply_deadline: date | None = None
) -> AnyCase:
    """Raise the case one level and open it again with a new deadline.

    The office escalates by hand (a reply that does not suffice); with `actor=None` the
    scheduled job escalates a case whose deadline has passed.
    """
    reason = _required(reason, "reason")
    deadline = reply_deadline or default_deadline()
    _check_deadline(deadline)
    return _transition(
        case,
        actor=actor,
        allowed=actor is None or permissions.can_escalate(actor, case),
        refusal=_("You cannot escalate this, or it is closed or already at the highest level."),
        verb="escalate",
        action=StepAction.ESCALATE,
        text=reason,
        level=case.level + 1,
        state=CaseState.OPEN,
        reply_deadline=deadline,
    )


def escalate_overdue(*, today: date | None = None) -> list[Case]:
    """Escalate by one level every case still awaiting a reply after its deadline.

    The new deadline is a week later, so a case climbs at most one level per missed deadline
    however often the job runs. Cases already at the highest level stay overdue.
    """
    day = today or timezone.localdate()
    escalated: list[Case] = []
    overdue: list[SupervisionNotice | Assistance] = []
    for model in (SupervisionNotice, Assistance):
        overdue += model.objects.filter(
            state__in=AWAITING_REPLY,
            reply_deadline__lt=day,
            level__lt=max(EscalationLevel.values),
        ).select_related("plan")
    for case in overdue:
        reason = _("Automatically escalated: no reply by the deadline %(deadline)s.") % {
            "deadline": case.reply_deadline.isoformat()
        }
        escalated.append(
            case_escalate(
                actor=None,
                case=case,
                reason=reason,
                reply_deadline=day + timedelta(days=ESCALATION_REPLY_DAYS),
            )
        )
    return escalated
