"""Reminders (提醒): due reports, new or escalated cases and approaching deadlines.

Sent in-app (Notification) and by e-mail through Django's e-mail backend by the scheduled job
`minsheng send_reminders`. Each reminder has a key; a ReminderSent row per key and person,
written in the same transaction as the message, makes sure nobody gets it twice however often
the job runs.
"""

import calendar
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from minsheng.accounts.models import Role, User
from minsheng.plans.choices import DONE_STATUSES, PlanState
from minsheng.plans.models import Plan
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.supervision.models import (
    AWAITING_REPLY,
    Assistance,
    Notification,
    ReminderSent,
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


def report_reminders(today: date) -> Iterator[Reminder]:
    """Who still owes this month's report, once per person, plan and month."""
    if (month_end(today) - today).days > REPORT_DUE_WINDOW_DAYS:
        return
    by_department, by_district = _reporters()
    month_start = today.replace(day=1)
    plans = Plan.objects.filter(
        state__in=[PlanState.PUBLISHED, PlanState.IN_PROGRESS], year=today.year
    )
    for plan in plans:
        done_this_month = ProgressReport.objects.filter(
            state__in=[ReportState.SUBMITTED, ReportState.APPROVED], as_of__gte=month_start
        )
        reported: set[tuple[str, int, int | None]] = {
            (INDICATOR, indicator_id, allocation_id)
            for indicator_id, allocation_id in done_this_month.filter(
                indicator__project__plan=plan
            ).values_list("indicator_id", "allocation_id")
        } | {
            (MILESTONE, milestone_id, None)
            for milestone_id in done_this_month.filter(milestone__project__plan=plan).values_list(
                "milestone_id", flat=True
            )
        }
        owed: dict[int, set[str]] = defaultdict(set)
        for item in plan_warnings(plan, as_of=today):
            if item.status in DONE_STATUSES or _reported(item, reported):
                continue
            if item.kind == ALLOCATION and item.allocation and item.allocation.jurisdiction_id:
                people = by_district[item.allocation.jurisdiction_id]
            elif item.department is not None:
                people = by_department[item.department.pk]
            else:
                people = []
            for person in people:
                owed[person.pk].add(f"{item.project.number}. {item.name}")
        people_by_id = {
            u.pk: u for users in (*by_department.values(), *by_district.values()) for u in users
        }
        for person_id, items in owed.items():
            yield Reminder(
                key=f"report-due:{plan.pk}:{today:%Y-%m}",
                recipient=people_by_id[person_id],
                subject=_("Monthly progress report due by %(day)s") % {"day": month_end(today)},
                body="\n".join(sorted(items)),
                url=reverse("progress:index") if _has_url("progress:index") else "",
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


def _has_url(name: str) -> bool:
    from django.urls import NoReverseMatch

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def case_reminders(today: date) -> Iterator[Reminder]:
    """A new or escalated case for whoever must answer it, and a word two days before its deadline."""
    office = list(User.objects.filter(is_active=True, role=Role.OFFICE))
    by_department, _by_district = _reporters()
    for model, kind in ((SupervisionNotice, "notice"), (Assistance, "assistance")):
        cases = model.objects.filter(state__in=AWAITING_REPLY).select_related("plan")
        for case in cases:
            people = by_department[case.department_id] if kind == "notice" else office
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
                )
                if soon:
                    yield Reminder(
                        key=f"{kind}:{case.pk}:deadline:{case.reply_deadline}",
                        recipient=person,
                        subject=_("%(case)s: the reply deadline %(deadline)s is close")
                        % {"case": case, "deadline": case.reply_deadline},
                        body=case.subject,
                        url=url,
                    )


def deliver(reminder: Reminder) -> bool:
    """Send one reminder unless that person already had it; True when sent now."""
    try:
        with transaction.atomic():
            _record, created = ReminderSent.objects.get_or_create(
                key=reminder.key, recipient=reminder.recipient
            )
            if not created:
                return False
            Notification.objects.create(
                recipient=reminder.recipient,
                subject=reminder.subject[:200],
                body=reminder.body,
                url=reminder.url,
            )
            if reminder.recipient.email:
                site = getattr(settings, "SITE_URL", "")
                send_mail(
                    subject=reminder.subject,
                    message=f"{reminder.body}\n\n{site}{reminder.url}".strip(),
                    from_email=None,
                    recipient_list=[reminder.recipient.email],
                )
    except IntegrityError:
        # Another run sent it at the same moment.
        return False
    return True


def send_reminders(*, today: date | None = None) -> int:
    """Send every reminder due today that has not gone out before; returns how many went."""
    day = today or timezone.localdate()
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for reminder in (*report_reminders(day), *case_reminders(day)):
            sent += deliver(reminder)
    return sent
