"""What an audit action code means, in words: "reply.answer" reads 答复·答复 建议 in the list.

A code is "<thing>.<verb>" (supervision's are "supervision.<thing>.<verb>"). Things and verbs
are named here once; a code not named yet still reads as its thing's name and the raw verb, so
a new service never shows an empty cell.
"""

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

THINGS: dict[str, Promise] = {
    "plan": pgettext_lazy("audit thing", "plan"),
    "project": pgettext_lazy("audit thing", "project"),
    "projectdepartment": pgettext_lazy("audit thing", "responsible department"),
    "indicator": pgettext_lazy("audit thing", "indicator"),
    "milestone": pgettext_lazy("audit thing", "milestone"),
    "allocation": pgettext_lazy("audit thing", "allocation"),
    "schedulepoint": pgettext_lazy("audit thing", "schedule point"),
    "department": pgettext_lazy("audit thing", "department"),
    "jurisdiction": pgettext_lazy("audit thing", "jurisdiction"),
    "domain": pgettext_lazy("audit thing", "domain"),
    "progress_report": pgettext_lazy("audit thing", "progress report"),
    "progressreport": pgettext_lazy("audit thing", "progress report"),
    "evidence": pgettext_lazy("audit thing", "evidence"),
    "reporting_period": pgettext_lazy("audit thing", "reporting period"),
    "notice": pgettext_lazy("audit thing", "supervision notice"),
    "assistance": pgettext_lazy("audit thing", "help request"),
    "solicitation": pgettext_lazy("audit thing", "solicitation"),
    "suggestion": pgettext_lazy("audit thing", "suggestion"),
    "reply": pgettext_lazy("audit thing", "reply to a suggestion"),
    "candidate": pgettext_lazy("audit thing", "candidate project"),
    "criterion": pgettext_lazy("audit thing", "scoring criterion"),
    "expert": pgettext_lazy("audit thing", "expert"),
    "ballot": pgettext_lazy("audit thing", "ballot"),
    "visit": pgettext_lazy("audit thing", "site visit"),
    "report_job": pgettext_lazy("audit thing", "generated report"),
    "user": pgettext_lazy("audit thing", "user"),
}

VERBS: dict[str, Promise] = {
    "create": pgettext_lazy("audit verb", "created"),
    "update": pgettext_lazy("audit verb", "changed"),
    "delete": pgettext_lazy("audit verb", "deleted"),
    "import": pgettext_lazy("audit verb", "imported"),
    "ingest": pgettext_lazy("audit verb", "read from a document"),
    "submit": pgettext_lazy("audit verb", "submitted"),
    "resubmit": pgettext_lazy("audit verb", "submitted again"),
    "approve": pgettext_lazy("audit verb", "approved"),
    "return": pgettext_lazy("audit verb", "returned"),
    "transition": pgettext_lazy("audit verb", "state changed"),
    "allocate": pgettext_lazy("audit verb", "target split"),
    "move": pgettext_lazy("audit verb", "moved"),
    "schedule": pgettext_lazy("audit verb", "schedule set"),
    "create_from_previous": pgettext_lazy("audit verb", "created from last year's"),
    "create_from_ballot": pgettext_lazy("audit verb", "created from the ballot"),
    "answer": pgettext_lazy("audit verb", "answered"),
    "assign": pgettext_lazy("audit verb", "assigned"),
    "issue": pgettext_lazy("audit verb", "issued"),
    "escalate": pgettext_lazy("audit verb", "escalated"),
    "acknowledge": pgettext_lazy("audit verb", "acknowledged"),
    "reply": pgettext_lazy("audit verb", "replied"),
    "close": pgettext_lazy("audit verb", "closed"),
    "open": pgettext_lazy("audit verb", "opened"),
    "publish": pgettext_lazy("audit verb", "published"),
    "publish_results": pgettext_lazy("audit verb", "results published"),
    "reject": pgettext_lazy("audit verb", "not taken up"),
    "to_notice": pgettext_lazy("audit verb", "turned into a supervision notice"),
    "contact_delete": pgettext_lazy("audit verb", "contact details deleted"),
    "vote": pgettext_lazy("audit verb", "vote cast"),
    "score": pgettext_lazy("audit verb", "scored"),
    "appoint": pgettext_lazy("audit verb", "appointed"),
    "request": pgettext_lazy("audit verb", "requested"),
    "raise": pgettext_lazy("audit verb", "raised"),
}


def action_label(action: str) -> str:
    """The action in words, "thing · verb" in the active language ("答复 · 已答复")."""
    parts = action.split(".")
    if parts and parts[0] == "supervision":
        parts = parts[1:]
    if len(parts) < 2:
        return action
    thing, verb = parts[-2], parts[-1]
    thing_label = THINGS.get(thing)
    verb_label = VERBS.get(verb)
    if thing_label is None and verb_label is None:
        return action
    return f"{thing_label or thing} · {verb_label or verb}"
