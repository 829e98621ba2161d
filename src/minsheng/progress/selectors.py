"""Reads of the reporting workflow: what a reporter answers for, the review queue, periods.

The ledger itself (actuals, percent, status, warning of every item on a date) is the read
model in progress.ledger_state; its names are re-exported here for existing callers.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from minsheng.plans.choices import PUBLIC_PLAN_STATES, PlanState
from minsheng.plans.completion import percent_of_plan
from minsheng.plans.models import (
    Allocation,
    Indicator,
    Milestone,
    Plan,
    Project,
    ProjectDepartment,
)
from minsheng.progress.ledger_state import (  # noqa: F401  (re-exported: the ledger's names)
    IndicatorRow,
    MilestoneRow,
    ProjectRow,
    ledger_projects,
    plan_ledger,
    project_status,
)
from minsheng.progress.models import ProgressReport, ReportingPeriod, ReportState

# ---------------------------------------------------------------------------------------
# Reads for the reporting workflow: what a reporter answers for, the review queue, periods.

SUBJECT_KINDS = ("indicator", "allocation", "milestone")


def subject_key(subject: Indicator | Allocation | Milestone) -> str:
    """A subject's name in forms, URLs and ledger files: "indicator:12"."""
    return f"{type(subject).__name__.lower()}:{subject.pk}"


def find_subject(kind: str, pk: int) -> Indicator | Allocation | Milestone | None:
    """The indicator, allocation or milestone named by kind and id, or None."""
    related = ["project__plan"]
    if kind == "indicator":
        return Indicator.objects.select_related(*related).filter(pk=pk).first()
    if kind == "milestone":
        return Milestone.objects.select_related(*related).filter(pk=pk).first()
    if kind == "allocation":
        return (
            Allocation.objects.select_related(
                "indicator__project__plan", "jurisdiction", "department"
            )
            .filter(pk=pk)
            .first()
        )
    return None


def subject_filter(subject: Indicator | Allocation | Milestone) -> dict[str, Any]:
    """The report fields that name a subject."""
    if isinstance(subject, Allocation):
        return {"indicator_id": subject.indicator_id, "allocation_id": subject.pk}
    if isinstance(subject, Indicator):
        return {"indicator_id": subject.pk, "allocation__isnull": True}
    return {"milestone_id": subject.pk}


def last_approved(
    subject: Indicator | Allocation | Milestone, *, excluding: int | None = None
) -> ProgressReport | None:
    """The subject's newest approved report: the value a new report is compared with."""
    reports = ProgressReport.objects.filter(state=ReportState.APPROVED, **subject_filter(subject))
    if excluding is not None:
        reports = reports.exclude(pk=excluding)
    return reports.order_by("-as_of", "-id").first()


OPEN_STATES = (ReportState.DRAFT, ReportState.SUBMITTED, ReportState.RETURNED)


def open_report(subject: Indicator | Allocation | Milestone) -> ProgressReport | None:
    """The subject's report still in the workflow (draft, submitted or returned), if any."""
    return (
        ProgressReport.objects.filter(state__in=OPEN_STATES, **subject_filter(subject))
        .order_by("-id")
        .first()
    )


@dataclass(frozen=True)
class SubjectRow:
    """One line of a reporter's list: what is promised, what was last approved, what is open."""

    subject: Indicator | Allocation | Milestone
    key: str
    project: Project
    name: str
    holder: str
    target: Decimal | None
    unit: str
    comparator: str
    last: ProgressReport | None
    open: ProgressReport | None
    reportable: bool = False  # whether the reader may start a report on it (can_report)

    @property
    def kind(self) -> str:
        return self.key.split(":")[0]

    @property
    def is_milestone(self) -> bool:
        return isinstance(self.subject, Milestone)

    @property
    def last_value(self) -> Decimal | None:
        return self.last.value if self.last else None

    @property
    def percent(self) -> Decimal | None:
        if self.target is None or self.last is None or self.last.value is None:
            return None
        return percent_of_plan(self.comparator, self.target, self.last.value)


def subject_row(
    subject: Indicator | Allocation | Milestone,
    last: ProgressReport | None = None,
    current: ProgressReport | None = None,
) -> SubjectRow:
    """One subject's line with the given last approved and open reports."""
    key = subject_key(subject)
    return _subject_row(subject, {key: last} if last else {}, {key: current} if current else {})


def _lead_name(project: Project) -> str:
    links = list(project.project_departments.all())
    lead = next((link for link in links if link.role == "lead"), links[0] if links else None)
    return lead.department.name if lead else ""


def _subject_row(
    subject: Indicator | Allocation | Milestone,
    approved: dict[str, ProgressReport],
    opened: dict[str, ProgressReport],
) -> SubjectRow:
    key = subject_key(subject)
    if isinstance(subject, Allocation):
        indicator = subject.indicator
        return SubjectRow(
            subject, key, indicator.project, indicator.name, str(subject.holder),
            subject.target, indicator.unit, indicator.comparator,
            approved.get(key), opened.get(key),
        )  # fmt: skip
    if isinstance(subject, Indicator):
        lead = _lead_name(subject.project)
        return SubjectRow(
            subject, key, subject.project, subject.name, lead, subject.target,
            subject.unit, subject.comparator, approved.get(key), opened.get(key),
        )  # fmt: skip
    lead = _lead_name(subject.project)
    return SubjectRow(
        subject, key, subject.project, subject.name, lead, None, "", "",
        approved.get(key), opened.get(key),
    )  # fmt: skip


def _report_key(report: ProgressReport) -> str:
    if report.allocation_id is not None:
        return f"allocation:{report.allocation_id}"
    if report.indicator_id is not None:
        return f"indicator:{report.indicator_id}"
    return f"milestone:{report.milestone_id}"


def reportable_subjects(user: Any, plan: Plan) -> list[Indicator | Allocation | Milestone]:
    """Every indicator, allocation and milestone of a plan the user answers for, in plan order.

    The office and supervisors get the whole plan; an indicator split into allocations is
    listed through its allocations.
    """
    from minsheng.accounts.permissions import (
        is_department_reporter,
        is_district_reporter,
        is_office,
        is_supervisor,
    )

    return subjects_in_scope(
        plan,
        everything=is_office(user) or is_supervisor(user),
        department_id=user.department_id if is_department_reporter(user) else None,
        district_id=user.jurisdiction_id if is_district_reporter(user) else None,
    )


def subjects_in_scope(
    plan: Plan,
    *,
    everything: bool = False,
    department_id: int | None = None,
    district_id: int | None = None,
) -> list[Indicator | Allocation | Milestone]:
    """A plan's subjects: all of them, a department's, or a district's, in plan order."""
    if not (everything or department_id or district_id):
        return []
    links = Prefetch(
        "project__project_departments",
        queryset=ProjectDepartment.objects.select_related("department"),
    )
    indicators = Indicator.objects.filter(project__plan=plan).select_related("project__plan")
    milestones = Milestone.objects.filter(project__plan=plan).select_related("project__plan")
    allocations = Allocation.objects.filter(indicator__project__plan=plan).select_related(
        "indicator__project__plan", "jurisdiction", "department"
    )
    if not everything:
        if department_id:
            answers = Q(project__project_departments__department_id=department_id)
            indicators = indicators.filter(answers)
            milestones = milestones.filter(answers)
            allocations = allocations.filter(department_id=department_id)
        else:
            indicators = indicators.none()
            milestones = milestones.none()
            allocations = allocations.filter(jurisdiction_id=district_id or 0)
    split = set(
        Allocation.objects.filter(indicator__project__plan=plan).values_list(
            "indicator_id", flat=True
        )
    )
    subjects: list[Indicator | Allocation | Milestone] = []
    subjects += [
        i for i in indicators.prefetch_related(links).distinct()
        if i.pk not in split
    ]  # fmt: skip
    subjects += list(allocations)
    subjects += list(milestones.prefetch_related(links).distinct())

    def order(subject: Indicator | Allocation | Milestone) -> tuple[int, int, int, int]:
        if isinstance(subject, Allocation):
            return (subject.indicator.project.number, 0, subject.indicator.order, subject.pk)
        if isinstance(subject, Indicator):
            return (subject.project.number, 0, subject.order, 0)
        return (subject.project.number, 1, subject.order, subject.pk)

    return sorted(subjects, key=order)


def subject_rows(user: Any, plan: Plan) -> list[SubjectRow]:
    """The reporter's list: each subject with its target, last approved value and open report,
    and whether this user may start a report on it (a province office or a supervisor reads the
    list but files nothing)."""
    from minsheng.progress.permissions import can_report_in

    # The list holds only what the user answers for and what reports directly (a split
    # indicator through its allocations), so can_report comes down to the plan.
    reportable = can_report_in(user, plan)
    rows = subject_rows_for(plan, reportable_subjects(user, plan))
    return [replace(row, reportable=reportable) for row in rows]


def subject_rows_for(
    plan: Plan, subjects: list[Indicator | Allocation | Milestone]
) -> list[SubjectRow]:
    """Rows for the given subjects of a plan: each subject's newest approved report and its
    newest open one, chosen in the database (two queries, however many reports are kept)."""
    reports = ProgressReport.objects.filter(
        Q(indicator__project__plan=plan) | Q(milestone__project__plan=plan)
    )
    newest = Window(
        RowNumber(),
        partition_by=[F("indicator_id"), F("allocation_id"), F("milestone_id")],
        order_by=[F("as_of").desc(), F("id").desc()],
    )

    def newest_of(chosen: QuerySet[ProgressReport]) -> dict[str, ProgressReport]:
        rows = chosen.annotate(newest=newest).filter(newest=1)
        return {_report_key(report): report for report in rows}

    approved = newest_of(reports.filter(state=ReportState.APPROVED))
    opened = newest_of(reports.exclude(state=ReportState.APPROVED))
    return [_subject_row(subject, approved, opened) for subject in subjects]


def reporting_plans(user: Any = None) -> list[Plan]:
    """Plans that take reports now: published or in progress, newest first.

    Given a user, only the plans they may use (管辖范围): the office and supervisors those of
    their jurisdiction and below, reporters those of their jurisdiction and above.
    """
    plans = list(
        Plan.objects.select_related("jurisdiction")
        .filter(state__in=[PlanState.PUBLISHED, PlanState.IN_PROGRESS])
        .order_by("-year", "id")
    )
    if user is None:
        return plans
    from minsheng.progress.permissions import can_use_plan

    return [plan for plan in plans if can_use_plan(user, plan)]


def review_queue(user: Any = None) -> list[ProgressReport]:
    """Submitted reports, oldest first, with what the office needs to judge them.

    Given a user, only the reports of plans their jurisdiction runs.
    """
    from minsheng.accounts.scope import scope_of

    reports = ProgressReport.objects.filter(state=ReportState.SUBMITTED)
    if user is not None:
        own = scope_of(user)
        reports = own.governed(reports, "indicator__project__plan__jurisdiction") | own.governed(
            reports, "milestone__project__plan__jurisdiction"
        )
    departments = ProjectDepartment.objects.select_related("department")
    return list(
        reports.select_related(
            "indicator__project__plan",
            "allocation__indicator__project__plan",
            "allocation__jurisdiction",
            "allocation__department",
            "milestone__project__plan",
            "reporter",
        )
        .prefetch_related(
            "evidence",
            *(
                Prefetch(f"{path}__project_departments", queryset=departments)
                for path in ("indicator__project", "milestone__project")
            ),
        )
        .order_by("submitted_at", "id")
    )


def latest_approved_of(reports: list[ProgressReport]) -> dict[str, ProgressReport]:
    """The newest approved report of each subject the given reports are about (one query)."""
    if not reports:
        return {}
    subjects = Q(pk__in=[])
    for report in reports:
        subjects |= Q(
            indicator_id=report.indicator_id,
            allocation_id=report.allocation_id,
            milestone_id=report.milestone_id,
        )
    newest = (
        ProgressReport.objects.filter(subjects, state=ReportState.APPROVED)
        .exclude(pk__in=[report.pk for report in reports])
        .annotate(
            newest=Window(
                RowNumber(),
                partition_by=[F("indicator_id"), F("allocation_id"), F("milestone_id")],
                order_by=[F("as_of").desc(), F("id").desc()],
            )
        )
        .filter(newest=1)
    )
    return {_report_key(report): report for report in newest}


def review_items(reports: list[ProgressReport]) -> list[dict[str, Any]]:
    """The review queue's lines: each report beside its subject's last approved value.

    The same number of queries for 2 reports or 200 (pinned by a test).
    """
    previous = latest_approved_of(reports)
    items = []
    for report in reports:
        subject = report.allocation or report.indicator or report.milestone
        assert subject is not None
        key = subject_key(subject)
        row = _subject_row(subject, previous, {})
        items.append(
            {
                "report": report,
                "subject": subject,
                "row": row,
                "previous": previous.get(key),
                "percent": _subject_row(subject, {key: report}, {}).percent,
                "evidence": list(report.evidence.all()),
            }
        )
    return items


# ---------------------------------------------------------------------------------------
# Reporting periods: monthly by default, or as the office stored them for a plan.

DEFAULT_DEADLINE_DAYS = 5


def default_periods(
    plan: Plan, *, months: int = 1, deadline_days: int = DEFAULT_DEADLINE_DAYS
) -> list[ReportingPeriod]:
    """Periods of `months` months over the plan year, each due `deadline_days` after it ends."""
    periods = []
    month = 1
    while month <= 12:
        start = date(plan.year, month, 1)
        last_month = min(month + months - 1, 12)
        end = date(plan.year, last_month, calendar.monthrange(plan.year, last_month)[1])
        periods.append(
            ReportingPeriod(
                plan=plan,
                starts_on=start,
                ends_on=end,
                deadline=end + timedelta(days=deadline_days),
            )
        )
        month += months
    return periods


def reporting_periods(plan: Plan) -> list[ReportingPeriod]:
    """The plan's stored periods, or the monthly default when the office stored none."""
    stored = list(ReportingPeriod.objects.filter(plan=plan))
    return stored or default_periods(plan)


def find_period(plan: Plan, key: str | None, *, today: date | None = None) -> ReportingPeriod:
    """The period starting on `key` (YYYY-MM-DD), else the one holding today, else the last."""
    periods = reporting_periods(plan)
    for period in periods:
        if period.key == key:
            return period
    day = today or timezone.localdate()
    for period in periods:
        if period.starts_on <= day <= period.ends_on:
            return period
    return periods[-1] if day > periods[-1].ends_on else periods[0]


@dataclass(frozen=True)
class MissingReport:
    """A department or district that owes reports for a period."""

    holder: str
    subjects: list[str]


def missing_reports(plan: Plan, period: ReportingPeriod) -> list[MissingReport]:
    """Who has not reported for a period: which departments have not reported for October.

    The lead department answers for each indicator (not split) and milestone; an allocation's
    holder answers for it. A report counts once it is submitted (draft does not), dated in the
    period.
    """
    reported = {
        _report_key(report)
        for report in ProgressReport.objects.filter(
            Q(indicator__project__plan=plan) | Q(milestone__project__plan=plan),
            as_of__gte=period.starts_on,
            as_of__lte=period.ends_on,
        ).exclude(state=ReportState.DRAFT)
    }
    owed: dict[str, list[str]] = defaultdict(list)
    leads = {
        link.project_id: link.department.name
        for link in ProjectDepartment.objects.filter(
            project__plan=plan, role="lead"
        ).select_related("department")
    }
    split = set(
        Allocation.objects.filter(indicator__project__plan=plan).values_list(
            "indicator_id", flat=True
        )
    )
    for indicator in Indicator.objects.filter(project__plan=plan).select_related("project"):
        if indicator.pk not in split and f"indicator:{indicator.pk}" not in reported:
            owed[leads.get(indicator.project_id, "")].append(indicator.name)
    for milestone in Milestone.objects.filter(project__plan=plan):
        if f"milestone:{milestone.pk}" not in reported:
            owed[leads.get(milestone.project_id, "")].append(milestone.name)
    for allocation in Allocation.objects.filter(indicator__project__plan=plan).select_related(
        "indicator", "jurisdiction", "department"
    ):
        if f"allocation:{allocation.pk}" not in reported:
            owed[str(allocation.holder)].append(allocation.indicator.name)
    return [MissingReport(holder, names) for holder, names in sorted(owed.items()) if holder]


def late_reports(plan: Plan, period: ReportingPeriod) -> list[ProgressReport]:
    """Reports for a period that reached the office after its deadline."""
    deadline_end = datetime.combine(
        period.deadline + timedelta(days=1), time.min, tzinfo=timezone.get_current_timezone()
    )
    return list(
        ProgressReport.objects.filter(
            Q(indicator__project__plan=plan) | Q(milestone__project__plan=plan),
            as_of__gte=period.starts_on,
            as_of__lte=period.ends_on,
            submitted_at__gte=deadline_end,
        ).select_related("indicator", "milestone", "allocation", "reporter")
    )


def latest_report(subject: Indicator | Allocation | Milestone) -> ProgressReport | None:
    """The subject's newest report in any state: what anyone saved last."""
    return ProgressReport.objects.filter(**subject_filter(subject)).order_by("-id").first()


def report_stamp(report: ProgressReport | None) -> str:
    """A subject's state of saving as text: "<newest report id>.<its version>", or "0".

    Any save by anyone (a new draft, an edit, a submission, a review) changes it, so a
    ledger carrying the stamp of its download tells which rows were changed since.
    """
    return "0" if report is None else f"{report.pk}.{report.version}"


def report_stamps(subjects: list[Any]) -> dict[str, str]:
    """`report_stamp` of every subject's newest report, keyed by subject key, in one query."""
    indicators = [s.pk for s in subjects if isinstance(s, Indicator)]
    allocations = [s.pk for s in subjects if isinstance(s, Allocation)]
    milestones = [s.pk for s in subjects if isinstance(s, Milestone)]
    stamps = {subject_key(subject): "0" for subject in subjects}
    rows = (
        ProgressReport.objects.filter(
            Q(indicator_id__in=indicators, allocation__isnull=True)
            | Q(allocation_id__in=allocations)
            | Q(milestone_id__in=milestones)
        )
        .order_by("id")
        .values_list("id", "version", "indicator_id", "allocation_id", "milestone_id")
    )
    for pk, version, indicator_id, allocation_id, milestone_id in rows:
        if allocation_id is not None:
            key = f"allocation:{allocation_id}"
        elif milestone_id is not None:
            key = f"milestone:{milestone_id}"
        else:
            key = f"indicator:{indicator_id}"
        stamps[key] = f"{pk}.{version}"  # ordered by id: the newest wins
    return stamps


def public_evidence_rule() -> Q:
    """Evidence anyone may see: of a public plan, attached to no report or an approved one.

    `permissions.is_public_evidence` asks the same of one file.
    """
    return Q(project__plan__state__in=PUBLIC_PLAN_STATES) & (
        Q(report__isnull=True) | Q(report__state=ReportState.APPROVED)
    )
