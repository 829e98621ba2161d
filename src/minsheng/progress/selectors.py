"""Reads of the ledger: actuals from approved reports, percent and status for every item.

Everything public, every report and every warning starts here, so only approved reports
count and allocations roll up in one place. A plan of any size is read in a fixed number of
queries (pinned by a test).
"""

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from minsheng.plans import schedule
from minsheng.plans.choices import DONE_STATUSES, PUBLIC_PLAN_STATES, PlanState, Status
from minsheng.plans.completion import (
    HUNDRED,
    Assessment,
    assess_indicator,
    assess_milestone,
    is_met,
    percent_of_plan,
    round_percent,
)
from minsheng.plans.models import (
    Allocation,
    Indicator,
    Milestone,
    Plan,
    Project,
    ProjectDepartment,
)
from minsheng.progress.models import ProgressReport, ReportingPeriod, ReportState


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    actual: Decimal | None
    actual_as_of: date | None
    met_on: date | None
    stated_percent: Decimal | None
    expected_share: Decimal
    assessment: Assessment

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def percent(self) -> Decimal | None:
        return self.assessment.percent


@dataclass(frozen=True)
class MilestoneRow:
    milestone: Milestone
    done: bool
    done_on: date | None
    assessment: Assessment

    @property
    def status(self) -> Status:
        return self.assessment.status


@dataclass
class ProjectRow:
    project: Project
    departments: list[ProjectDepartment]
    indicators: list[IndicatorRow] = field(default_factory=list)
    milestones: list[MilestoneRow] = field(default_factory=list)

    @property
    def statuses(self) -> list[Status]:
        return [row.status for row in self.indicators] + [row.status for row in self.milestones]

    @property
    def status(self) -> Status:
        return project_status(self.statuses)

    @property
    def percent(self) -> Decimal | None:
        """The project's percent of plan: the mean of its items' percents, as reported — a
        project at 200 % shows 200 %, never a bar stopped at 100 (a lagging item still shows in
        the project's status)."""
        percents = [row.percent for row in self.indicators if row.percent is not None]
        percents += [
            row.assessment.percent
            for row in self.milestones
            if row.done and row.assessment.percent is not None
        ]
        items = len(self.indicators) + len(self.milestones)
        if not items:
            return None
        total = sum((p for p in percents if p is not None), Decimal(0))
        return round_percent(total / items)


def project_status(statuses: Iterable[Status]) -> Status:
    """One status for a project from its items': any lag shows; done only when all are done."""
    found = list(statuses)
    if not found:
        return Status.NOT_STARTED
    if Status.LAGGING in found:
        return Status.LAGGING
    if all(status in DONE_STATUSES for status in found):
        if Status.EXCEEDED in found:
            return Status.EXCEEDED
        if all(status == Status.COMPLETED_EARLY for status in found):
            return Status.COMPLETED_EARLY
        return Status.COMPLETED
    if all(status == Status.NOT_STARTED for status in found):
        return Status.NOT_STARTED
    return Status.ON_TRACK


def rolled_up_series(
    reports: list[ProgressReport], allocation_ids: list[int]
) -> list[tuple[date, Decimal, ProgressReport]]:
    """(date, cumulative actual, latest report) after each approved report, in date order.

    With allocations the actual is the sum of each allocation's latest value: reported once
    by the district, never typed again at the top.
    """
    relevant = [
        report
        for report in reports
        if (
            report.allocation_id in allocation_ids
            if allocation_ids
            else report.allocation_id is None
        )
    ]
    latest: dict[int | None, Decimal] = {}
    series: list[tuple[date, Decimal, ProgressReport]] = []
    for report in sorted(relevant, key=lambda r: (r.as_of, r.pk)):
        assert report.value is not None
        latest[report.allocation_id] = report.value
        total = sum(latest.values(), Decimal(0))
        if series and series[-1][0] == report.as_of:
            series[-1] = (report.as_of, total, report)
        else:
            series.append((report.as_of, total, report))
    return series


def indicator_row(
    indicator: Indicator, reports: list[ProgressReport], plan: Plan, as_of: date
) -> IndicatorRow:
    allocation_ids = [allocation.pk for allocation in indicator.allocations.all()]
    series = rolled_up_series(reports, allocation_ids)
    actual = series[-1][1] if series else None
    met_on = next(
        (day for day, value, _ in series if is_met(indicator.comparator, indicator.target, value)),
        None,
    )
    points = [(point.date, point.cumulative_percent) for point in indicator.schedule_points.all()]
    due = indicator.due_date or plan.end
    share = schedule.expected_share(points, start=plan.start, end=due, as_of=as_of)
    margin = plan.yellow_margin / HUNDRED
    assessment = assess_indicator(
        comparator=indicator.comparator,
        target=indicator.target,
        actual=actual,
        expected_share=share,
        as_of=as_of,
        due=due,
        met_on=met_on,
        baseline=indicator.baseline,
        lag_tolerance=margin,
    )
    return IndicatorRow(
        indicator=indicator,
        actual=actual,
        actual_as_of=series[-1][0] if series else None,
        met_on=met_on,
        stated_percent=series[-1][2].stated_percent if series else None,
        expected_share=share,
        assessment=assessment,
    )


def milestone_row(
    milestone: Milestone, reports: list[ProgressReport], plan: Plan, as_of: date
) -> MilestoneRow:
    ordered = sorted(reports, key=lambda r: (r.as_of, r.pk))
    latest = ordered[-1] if ordered else None
    done = bool(latest and latest.done)
    done_on = next((r.as_of for r in ordered if r.done), None) if done else None
    assessment = assess_milestone(
        done=done,
        done_on=done_on,
        due=milestone.due_date or plan.end,
        as_of=as_of,
        reported=latest is not None,
    )
    return MilestoneRow(milestone=milestone, done=done, done_on=done_on, assessment=assessment)


def approved_reports(plan: Plan, as_of: date) -> list[ProgressReport]:
    """Every approved report of a plan dated on or before `as_of`."""
    return list(
        ProgressReport.objects.filter(state=ReportState.APPROVED, as_of__lte=as_of).filter(
            Q(indicator__project__plan=plan) | Q(milestone__project__plan=plan)
        )
    )


def ledger_projects(plan: Plan) -> QuerySet[Project]:
    """A plan's projects with everything the ledger reads prefetched (six queries in all).

    The portal, the cockpit and the reports narrow this queryset instead of writing their own.
    """
    return (
        plan.projects.select_related("domain")
        .prefetch_related(
            Prefetch(
                "project_departments",
                queryset=ProjectDepartment.objects.select_related("department"),
            ),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related(
                    Prefetch(
                        "allocations",
                        queryset=Allocation.objects.select_related("jurisdiction", "department"),
                    ),
                    "schedule_points",
                ),
            ),
            "milestones",
        )
        .order_by("number")
    )


def plan_ledger(
    plan: Plan, *, as_of: date | None = None, projects: Iterable[Project] | None = None
) -> list[ProjectRow]:
    """Every project of a plan with each indicator's actual, percent and status on `as_of`."""
    day = as_of or timezone.localdate()
    if projects is None:
        projects = ledger_projects(plan)
    by_indicator: dict[int, list[ProgressReport]] = defaultdict(list)
    by_milestone: dict[int, list[ProgressReport]] = defaultdict(list)
    for report in approved_reports(plan, day):
        if report.indicator_id is not None:
            by_indicator[report.indicator_id].append(report)
        elif report.milestone_id is not None:
            by_milestone[report.milestone_id].append(report)
    rows = []
    for project in projects:
        row = ProjectRow(project=project, departments=list(project.project_departments.all()))
        row.indicators = [
            indicator_row(indicator, by_indicator[indicator.pk], plan, day)
            for indicator in project.indicators.all()
        ]
        row.milestones = [
            milestone_row(milestone, by_milestone[milestone.pk], plan, day)
            for milestone in project.milestones.all()
        ]
        rows.append(row)
    return rows


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
    """The reporter's list: each subject with its target, last approved value and open report."""
    return subject_rows_for(plan, reportable_subjects(user, plan))


def subject_rows_for(
    plan: Plan, subjects: list[Indicator | Allocation | Milestone]
) -> list[SubjectRow]:
    """Rows for the given subjects of a plan, reading its reports in one query."""
    reports = ProgressReport.objects.filter(
        Q(indicator__project__plan=plan) | Q(milestone__project__plan=plan)
    ).order_by("as_of", "id")
    approved: dict[str, ProgressReport] = {}
    opened: dict[str, ProgressReport] = {}
    for report in reports:
        key = _report_key(report)
        if report.state == ReportState.APPROVED:
            approved[key] = report
        else:
            opened[key] = report
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
    return list(
        reports.select_related(
            "indicator__project__plan",
            "allocation__jurisdiction",
            "allocation__department",
            "milestone__project__plan",
            "reporter",
        )
        .prefetch_related("evidence")
        .order_by("submitted_at", "id")
    )


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
