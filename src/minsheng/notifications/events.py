"""The events that ask someone to act, each with its recipients, words, link and key.

The services of progress, supervision and participation call these inside their transactions;
the scheduled reminders (supervision/reminders.py) call `notify` for what falls due.
"""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from minsheng.accounts.models import Role, User
from minsheng.notifications.models import SuggestionFollow
from minsheng.notifications.services import notify, notify_addresses
from minsheng.supervision.models import Notification, ReminderSent


def _report_plan_jurisdiction(report: Any) -> int | None:
    item = report.indicator or report.milestone
    return int(item.project.plan.jurisdiction_id) if item is not None else None


def report_reviewed(report: Any) -> int:
    """A reporter hears that the office approved or returned their report."""
    item = report.allocation or report.indicator or report.milestone
    if report.state == "returned":
        subject = _("Progress report returned: %(item)s") % {"item": item}
        body = report.review_comment
    else:
        subject = _("Progress report approved: %(item)s") % {"item": item}
        body = ""
    return notify(
        key=f"report-{report.state}:{report.pk}:{report.version}",
        recipients=[report.reporter],
        subject=subject,
        body=body,
        url=reverse("progress:report", args=[report.pk]),
        jurisdiction_id=_report_plan_jurisdiction(report),
    )


def department_reporters(department_id: int) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, role=Role.DEPARTMENT_REPORTER, department_id=department_id
        )
    )


def office_users() -> list[User]:
    return list(User.objects.filter(is_active=True, role=Role.OFFICE))


def case_opened(case: Any, kind: str) -> int:
    """A notice issued or escalated: its department; a help request: the office."""
    people = department_reporters(case.department_id) if kind == "notice" else office_users()
    return notify(
        # The same key as the reminders' (supervision/reminders.py): one message per level.
        key=f"{kind}:{case.pk}:level:{case.level}",
        recipients=people,
        subject=_("%(case)s: reply by %(deadline)s")
        % {"case": case, "deadline": case.reply_deadline},
        body=case.subject,
        url=reverse("supervision:case", args=[kind, case.pk]),
        jurisdiction_id=case.plan.jurisdiction_id,
    )


def reply_assigned(reply: Any) -> int:
    """A department is asked to answer a resident's suggestion."""
    return notify(
        key=f"reply-assigned:{reply.pk}",
        recipients=department_reporters(reply.department_id),
        subject=_("A suggestion awaits your reply by %(day)s") % {"day": reply.due_on},
        body=reply.suggestion.text[:200],
        url=reverse("participation:replies"),
        jurisdiction_id=reply.department.jurisdiction_id,
    )


def ballot_opened(ballot: Any) -> int:
    """Each deputy on the roll is told the ballot is open."""
    return notify(
        key=f"ballot-open:{ballot.pk}",
        recipients=[voter.user for voter in ballot.roll.select_related("user")],
        subject=_("Ballot open: %(ballot)s") % {"ballot": ballot},
        url=reverse("participation:ballot", args=[ballot.pk]),
        jurisdiction_id=ballot.plan.jurisdiction_id,
    )


def suggestion_answered(reply: Any) -> int:
    """The author (signed in) in the app, and everyone who follows its code by e-mail or SMS."""
    suggestion = reply.suggestion
    subject = _("Your suggestion %(code)s has been answered") % {"code": suggestion.token}
    url = reverse("notifications:follow") + f"?code={suggestion.token}"
    told = 0
    author = getattr(suggestion, "author", None)
    if author is not None and author.is_active:
        # A resident's account has no jurisdiction: the scope rule is for staff, so the author
        # is told directly about their own suggestion.
        _record, created = ReminderSent.objects.get_or_create(
            key=f"suggestion-answered:{suggestion.pk}", recipient=author
        )
        if created:
            Notification.objects.create(
                recipient=author, subject=subject[:200], body=reply.text, url=url
            )
            told += 1
    follows = SuggestionFollow.objects.filter(suggestion=suggestion)
    told += notify_addresses(
        key=f"suggestion-answered:{suggestion.pk}",
        addresses=[(follow.channel, follow.address) for follow in follows],
        subject=subject,
        body=reply.text,
    )
    return told
