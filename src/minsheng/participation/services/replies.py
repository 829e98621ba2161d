"""Suggestions on running projects: the office assigns a reply, the department answers."""

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.accounts import scope
from minsheng.audit.services import record_change, snapshot
from minsheng.notifications import events
from minsheng.participation.models import Reply, Suggestion, SuggestionState
from minsheng.participation.permissions import can_answer, can_manage_suggestion
from minsheng.participation.services.common import refuse, require
from minsheng.plans.models import Department
from minsheng.supervision.models import SupervisionNotice
from minsheng.supervision.services import notice_issue

NOTICE_DAYS = 7  # reply deadline of a notice raised from a resident's comment

REPLY_DAYS = 15  # default time a department has to answer


@transaction.atomic
def reply_assign(
    *,
    actor: Any,
    suggestion: Suggestion,
    department: Department | None = None,
    due_on: date | None = None,
) -> Reply:
    """Ask a department (by default the project's lead) to answer by a deadline."""
    require(can_manage_suggestion(actor, suggestion))
    if suggestion.project is None or suggestion.state != SuggestionState.PUBLISHED:
        refuse(_("Only published suggestions on a project can be assigned for a reply."))
    if hasattr(suggestion, "reply"):
        refuse(_("This suggestion already has a department assigned."))
    if department is None:
        lead = suggestion.project.project_departments.filter(role="lead").first()
        if lead is None:
            refuse(_("The project has no lead department; choose one."))
        department = lead.department
    if not scope.sees(actor, department.jurisdiction_id):
        refuse(_("The department is not within your jurisdiction."))
    reply = Reply.objects.create(
        suggestion=suggestion,
        department=department,
        due_on=due_on or timezone.localdate() + timedelta(days=REPLY_DAYS),
    )
    record_change(actor=actor, action="reply.assign", instance=reply, after=snapshot(reply))
    events.reply_assigned(reply)
    return reply


@transaction.atomic
def reply_answer(*, actor: Any, reply: Reply, text: str) -> Reply:
    """The department's answer; it is shown with the suggestion and to its author."""
    require(can_answer(actor, reply))
    reply = Reply.objects.select_for_update().get(pk=reply.pk)
    text = text.strip()
    if len(text) < 5:
        refuse(_("Please write a reply of at least %(n)s characters."), n=5)
    before = snapshot(reply, ["text", "answered_at"])
    reply.text = text
    reply.answered_at = timezone.now()
    reply.answered_by = actor
    reply.save(update_fields=["text", "answered_at", "answered_by"])
    record_change(
        actor=actor,
        action="reply.answer",
        instance=reply,
        before=before,
        after=snapshot(reply, ["text", "answered_at"]),
    )
    events.suggestion_answered(reply)
    return reply


@transaction.atomic
def suggestion_to_notice(
    *,
    actor: Any,
    suggestion: Suggestion,
    required_action: str = "",
    reply_deadline: date | None = None,
) -> SupervisionNotice:
    """The office turns a resident's comment on a running project into a supervision notice.

    The notice goes to the department already asked to reply, else to the project's lead;
    the suggestion keeps a link to it so that its author sees what became of it.
    """
    require(can_manage_suggestion(actor, suggestion))
    # Lock only the suggestion row: PostgreSQL refuses FOR UPDATE on the outer join to project.
    suggestion = (
        Suggestion.objects.select_for_update(of=("self",))
        .select_related("project")
        .get(pk=suggestion.pk)
    )
    if suggestion.project is None or suggestion.state != SuggestionState.PUBLISHED:
        refuse(_("Only published suggestions on a project can become a supervision notice."))
    if suggestion.supervision_notice_id is not None:
        refuse(_("This suggestion is already a supervision notice."))
    reply = getattr(suggestion, "reply", None)
    department = reply.department if reply is not None else None
    if department is None:
        lead = suggestion.project.project_departments.filter(role="lead").first()
        if lead is None:
            refuse(_("The project has no lead department; choose one."))
        department = lead.department
    notice = notice_issue(
        actor=actor,
        project=suggestion.project,
        department=department,
        reason=str(_("A resident's suggestion: %(text)s")) % {"text": suggestion.text},
        required_action=required_action
        or str(_("Look into what the resident reports, take measures and reply.")),
        reply_deadline=reply_deadline or timezone.localdate() + timedelta(days=NOTICE_DAYS),
    )
    suggestion.supervision_notice = notice
    suggestion.save(update_fields=["supervision_notice"])
    record_change(
        actor=actor,
        action="suggestion.to_notice",
        instance=suggestion,
        after={"supervision_notice": notice.pk},
    )
    return notice
