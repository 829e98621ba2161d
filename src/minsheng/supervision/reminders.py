"""Reminders (提醒): due reports, new or escalated cases and approaching deadlines.

Sent by the scheduled job `minsheng send_reminders` through notifications.services.notify:
in-app (Notification), and by e-mail or SMS as each person chose, after the commit. Each
reminder has a key; a ReminderSent row per key and person makes sure nobody gets it twice
however often the job runs. Only people whose scope (管辖范围) covers the plan are reminded.
"""

import calendar
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from minsheng.accounts import scope
from minsheng.accounts.models import Role, User
from minsheng.notifications.services import notify
from minsheng.participation.models import Reply
from minsheng.plans.choices import DONE_STATUSES, PlanState
from minsheng.plans.models import Plan
from minsheng.progress.models import ProgressReport, ReportingPeriod, ReportState
from minsheng.progress.selectors import reporting_periods
from minsheng.supervision import permissions
from minsheng.supervision.models import (
    AWAITING_REPLY,
    Assistance,
    SupervisionNotice,
)
from minsheng.supervision.selectors import (
    ALLOCATION,
    INDICATOR,
    MILESTONE,
    ItemWarning,
    plan_warnings,
)

# Reports are monthly (月报); reminders start this many days before the month ends.
REPORT_DUE_WINDOW_DAYS = 5
# A case's deadline is "approaching" this many days ahead.
DEADLINE_WINDOW_DAYS = 2


@dataclass(frozen=True)
class Reminder:
    key: str
    recipient: User
    subject: str
    body: str
    url: str
    jurisdiction_id: int | None = None


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _reporters() -> tuple[dict[int, list[User]], dict[int, list[User]]]:
    by_department: dict[int, list[User]] = defaultdict(list)
    by_district: dict[int, list[User]] = defaultdict(list)
    for user in User.objects.filter(
        is_active=True, role__in=[Role.DEPARTMENT_REPORTER, Role.DISTRICT_REPORTER]
    ):
        if user.role == Role.DEPARTMENT_REPORTER and user.department_id:
            by_department[user.department_id].append(user)
        elif user.jurisdiction_id:
            by_district[user.jurisdiction_id].append(user)
    return by_department, by_district


def _due_periods(plan: Plan, today: date) -> Iterator[tuple[str, ReportingPeriod]]:
    """The period whose deadline is near ("due") and the latest one past its deadline ("late")."""
    periods = reporting_periods(plan)
    for period in periods:
        if period.starts_on <= today <= period.deadline and (
            (period.deadline - today).days <= REPORT_DUE_WINDOW_DAYS
        ):
            yield "due", period
    late = [period for period in periods if period.deadline < today]
    if late:
        yield "late", late[-1]


def report_reminders(today: date) -> Iterator[Reminder]:
    """Who still owes a round's report as its deadline nears, and who missed the last one.

    The rounds are the plan's reporting periods (填报周期; monthly by default), for every plan
    being reported on, whatever its year.
    """
    by_department, by_district = _reporters()
    people_by_id = {
        u.pk: u for users in (*by_department.values(), *by_district.values()) for u in users
    }
    plans = Plan.objects.filter(state__in=[PlanState.PUBLISHED, PlanState.IN_PROGRESS])
    for plan in plans:
        for kind, period in _due_periods(plan, today):
            in_period = ProgressReport.objects.filter(
                state__in=[ReportState.SUBMITTED, ReportState.APPROVED],
                as_of__gte=period.starts_on,
                as_of__lte=period.ends_on,
            )
            reported: set[tuple[str, int, int | None]] = {
                (INDICATOR, indicator_id, allocation_id)
                for indicator_id, allocation_id in in_period.filter(
                    indicator__project__plan=plan
                ).values_list("indicator_id", "allocation_id")
            } | {
                (MILESTONE, milestone_id, None)
                for milestone_id in in_period.filter(milestone__project__plan=plan).values_list(
                    "milestone_id", flat=True
                )
            }
            owed: dict[int, set[str]] = defaultdict(set)
            for item in plan_warnings(plan, as_of=min(today, period.ends_on)):
                if item.status in DONE_STATUSES or _reported(item, reported):
                    continue
                if item.kind == ALLOCATION and item.allocation and item.allocation.jurisdiction_id:
                    people = by_district[item.allocation.jurisdiction_id]
                elif item.department is not None:
                    people = by_department[item.department.pk]
                else:
                    people = []
                for person in people:
                    # Only to people within the plan's reach (管辖范围): a department of another
                    # city never hears of this plan.
                    if scope.answers_to(person, plan.jurisdiction_id):
                        owed[person.pk].add(f"{item.project.number}. {item.name}")
            if kind == "due":
                subject = _("Progress report due by %(day)s") % {"day": period.deadline}
            else:
                subject = _("Progress report late: it was due on %(day)s") % {
                    "day": period.deadline
                }
            for person_id, items in owed.items():
                yield Reminder(
                    key=f"report-{kind}:{plan.pk}:{period.key}",
                    recipient=people_by_id[person_id],
                    subject=subject,
                    body="\n".join(sorted(items)),
                    url=reverse("progress:index"),
                    jurisdiction_id=plan.jurisdiction_id,
                )


def _reported(item: ItemWarning, reported: set[tuple[str, int, int | None]]) -> bool:
    """Whether this month's report is in; an indicator split into allocations is reported by them."""
    if item.milestone is not None:
        return (MILESTONE, item.milestone.pk, None) in reported
    assert item.indicator is not None
    if item.allocation is None and item.split:
        return True
    allocation_id = item.allocation.pk if item.allocation else None
    return (INDICATOR, item.indicator.pk, allocation_id) in reported


def case_reminders(today: date) -> Iterator[Reminder]:
    """A new or escalated case for whoever must answer it, and a word two days before its deadline."""
    office = list(User.objects.filter(is_active=True, role=Role.OFFICE))
    by_department, _by_district = _reporters()
    for model, kind in ((SupervisionNotice, "notice"), (Assistance, "assistance")):
        cases = model.objects.filter(state__in=AWAITING_REPLY).select_related("plan")
        for case in cases:
            candidates = by_department[case.department_id] + office
            # The answering side by the same rule as the case page: its department, the office
            # it is addressed to, or the office running the plan; nobody out of scope.
            people = [person for person in candidates if permissions.can_reply(person, case)]
            url = reverse("supervision:case", args=[kind, case.pk])
            soon = 0 <= (case.reply_deadline - today).days <= DEADLINE_WINDOW_DAYS
            for person in people:
                yield Reminder(
                    key=f"{kind}:{case.pk}:level:{case.level}",
                    recipient=person,
                    subject=_("%(case)s: reply by %(deadline)s")
                    % {"case": case, "deadline": case.reply_deadline},
                    body=case.subject,
                    url=url,
                    jurisdiction_id=case.plan.jurisdiction_id,
                )
                if soon:
                    yield Reminder(
                        key=f"{kind}:{case.pk}:deadline:{case.reply_deadline}",
                        recipient=person,
                        subject=_("%(case)s: the reply deadline %(deadline)s is close")
                        % {"case": case, "deadline": case.reply_deadline},
                        body=case.subject,
                        url=url,
                        jurisdiction_id=case.plan.jurisdiction_id,
                    )


def reply_reminders(today: date) -> Iterator[Reminder]:
    """A suggestion's reply past its due date, to the department that owes it (once)."""
    _by_department, _by_district = _reporters()
    overdue = Reply.objects.filter(answered_at__isnull=True, due_on__lt=today).select_related(
        "department", "suggestion"
    )
    for reply in overdue:
        for person in _by_department[reply.department_id]:
            yield Reminder(
                key=f"reply-overdue:{reply.pk}",
                recipient=person,
                subject=_("A reply to a suggestion is overdue (due %(day)s)")
                % {"day": reply.due_on},
                body=reply.suggestion.text[:200],
                url=reverse("participation:replies"),
                jurisdiction_id=reply.department.jurisdiction_id,
            )


def deliver(reminder: Reminder) -> bool:
    """Send one reminder unless that person already had it; True when sent now."""
    with transaction.atomic():
        told = notify(
            key=reminder.key,
            recipients=[reminder.recipient],
            subject=reminder.subject,
            body=reminder.body,
            url=reminder.url,
            jurisdiction_id=reminder.jurisdiction_id,
        )
    return told > 0


def send_reminders(*, today: date | None = None) -> int:
    """Send every reminder due today that has not gone out before; returns how many went."""
    day = today or timezone.localdate()
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for reminder in (*report_reminders(day), *case_reminders(day), *reply_reminders(day)):
            sent += deliver(reminder)
    return sent
