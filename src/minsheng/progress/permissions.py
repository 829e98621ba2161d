"""Who may see, report and review progress: one `can_<verb>(user, obj)` per action.

Views, the Excel import, admin actions and commands all ask here first. The rules:

- office (办公厅): reads every plan of its jurisdiction and below (管辖范围, accounts/scope.py),
  reports and reviews only on its own jurisdiction's plans;
- department reporter: indicators and milestones of projects its department answers for
  (ProjectDepartment), and allocations given to its department, on plans of its own
  jurisdiction or above;
- district reporter: allocations given to its district only;
- supervisor (督查): reads everything within its jurisdiction's subtree, changes nothing;
- auditor (审计): the audit trail only, none of the progress data itself;
- observer (代表委员) and the public: approved figures of published plans only (an observer's
  within its jurisdiction's subtree).

Four eyes: nobody approves a report they wrote or submitted; with the plan's two-step review
(审核 → 审定) the final approval needs a second office user, not the one who checked it.

An indicator split into allocations is reported per allocation (the ledger sums them), so
nobody reports on such an indicator directly.
"""

from typing import Any

from minsheng.accounts import scope
from minsheng.accounts.permissions import (
    is_department_reporter,
    is_district_reporter,
    is_observer,
    is_office,
    is_reporter,
    is_supervisor,
)
from minsheng.plans.choices import PUBLIC_PLAN_STATES, PlanState
from minsheng.plans.models import Allocation, Department, Indicator, Milestone, Plan, Project
from minsheng.progress.models import Evidence, ProgressReport, ReportState

Subject = Indicator | Allocation | Milestone

# Reports are taken only while a plan runs; a closed plan's figures are history.
REPORTABLE_PLAN_STATES = frozenset({PlanState.PUBLISHED, PlanState.IN_PROGRESS})
EDITABLE_STATES = frozenset({ReportState.DRAFT, ReportState.RETURNED})


def subject_project(subject: Subject) -> Project:
    if isinstance(subject, Allocation):
        return subject.indicator.project
    return subject.project


def _department_answers_for(department_id: int | None, project: Project) -> bool:
    if department_id is None:
        return False
    return project.project_departments.filter(department_id=department_id).exists()


def subject_plan(subject: Subject) -> Plan:
    return subject_project(subject).plan


def in_scope(user: Any, subject: Subject) -> bool:
    """Whether the subject lies within what the user answers for (regardless of plan state)."""
    plan = subject_plan(subject)
    if is_office(user) or is_supervisor(user):
        return scope.sees_plan(user, plan)
    if not scope.answers_to(user, plan.jurisdiction_id):
        return False
    if is_department_reporter(user):
        if isinstance(subject, Allocation):
            return subject.department_id == user.department_id
        return _department_answers_for(user.department_id, subject_project(subject))
    if is_district_reporter(user):
        return isinstance(subject, Allocation) and subject.jurisdiction_id == user.jurisdiction_id
    return False


def reports_directly(subject: Subject) -> bool:
    """An indicator with allocations takes its actual from them, never from its own reports."""
    return not (isinstance(subject, Indicator) and subject.allocations.exists())


def can_report_in(user: Any, plan: Plan) -> bool:
    """Whether the user files reports on this plan at all now: a reporter, or the office of
    the plan's own jurisdiction (not one above it), while the plan takes reports."""
    if not (is_office(user) or is_reporter(user)):
        return False
    if is_office(user) and not scope.governs_plan(user, plan):
        return False
    return plan.state in REPORTABLE_PLAN_STATES


def can_report(user: Any, subject: Subject) -> bool:
    """Start a progress report for an indicator, allocation or milestone."""
    return (
        can_report_in(user, subject_project(subject).plan)
        and reports_directly(subject)
        and in_scope(user, subject)
    )


def report_subject(report: ProgressReport) -> Subject:
    subject = report.allocation or report.indicator or report.milestone
    assert subject is not None
    return subject


def can_view_report(user: Any, report: ProgressReport) -> bool:
    """Read one report with its evidence."""
    plan = subject_plan(report_subject(report))
    if is_office(user) or is_supervisor(user):
        return scope.sees_plan(user, plan)
    if is_reporter(user):
        return in_scope(user, report_subject(report))
    if is_observer(user):
        return (
            report.state == ReportState.APPROVED
            and plan.state in PUBLIC_PLAN_STATES
            and scope.sees_plan(user, plan)
        )
    return False


def can_edit_report(user: Any, report: ProgressReport) -> bool:
    """Change a draft or a returned report (values, narrative, evidence)."""
    return report.state in EDITABLE_STATES and can_report(user, report_subject(report))


def can_submit_report(user: Any, report: ProgressReport) -> bool:
    """Send a draft (or a returned report, fixed) to the office for review."""
    return can_edit_report(user, report)


def wrote_or_submitted(user: Any, report: ProgressReport) -> bool:
    """Whether the user wrote or submitted the report (four eyes: they may not approve it)."""
    return user.pk is not None and user.pk in {report.reporter_id, report.submitted_by_id}


def can_review_report(user: Any, report: ProgressReport) -> bool:
    """Return a submitted report, or take it a step towards approval (审核, then 审定)."""
    return (
        is_office(user)
        and report.state == ReportState.SUBMITTED
        and scope.governs_plan(user, subject_plan(report_subject(report)))
    )


def can_approve_report(user: Any, report: ProgressReport) -> bool:
    """Approve (or, under two-step review, check) a submitted report: four eyes.

    Nobody approves what they wrote or submitted; the final approval under two-step review
    is by a second office user, not the one who checked it.
    """
    if not can_review_report(user, report) or wrote_or_submitted(user, report):
        return False
    return report.checked_by_id is None or report.checked_by_id != user.pk


def can_review(user: Any) -> bool:
    """See the office's review queue (it lists the reports of the plans the office runs)."""
    return is_office(user)


def is_public_evidence(evidence: Evidence) -> bool:
    """Anyone may see it: its plan is public, and it belongs to an approved report or to none.

    The same rule as `selectors.public_evidence_rule`, which the portal lists by.
    """
    if evidence.project.plan.state not in PUBLIC_PLAN_STATES:
        return False
    return evidence.report is None or evidence.report.state == ReportState.APPROVED


def can_view_review_queue(user: Any) -> bool:
    """Read the review queue: the office, and supervisors (read only, no approve buttons)."""
    return is_office(user) or is_supervisor(user)


def can_view_evidence(user: Any, evidence: Evidence) -> bool:
    if evidence.report is not None:
        return can_view_report(user, evidence.report)
    # Evidence for a project but no particular report came in with a published plan.
    plan = evidence.project.plan
    if is_reporter(user):
        return scope.answers_to(user, plan.jurisdiction_id)
    return scope.sees_plan(user, plan) and (
        is_office(user)
        or is_supervisor(user)
        or (is_observer(user) and plan.state in PUBLIC_PLAN_STATES)
    )


def can_use_progress(user: Any) -> bool:
    """The progress section at all: reporters, the office and supervisors."""
    return is_office(user) or is_reporter(user) or is_supervisor(user)


def can_view_missing(user: Any, plan: Plan) -> bool:
    """The list of late and missing reports."""
    return (is_office(user) or is_supervisor(user)) and scope.sees_plan(user, plan)


def can_manage_periods(user: Any, plan: Plan) -> bool:
    return is_office(user) and scope.governs_plan(user, plan)


def can_download_ledger(user: Any, department: Department) -> bool:
    """A department's Excel ledger: its own reporter, or the office and supervisors above it."""
    if is_office(user) or is_supervisor(user):
        return scope.sees(user, department.jurisdiction_id)
    return is_department_reporter(user) and user.department_id == department.pk


def can_upload_ledger(user: Any, department: Department) -> bool:
    """Fill a department's ledger back in: its own reporter (or the office acting for it)."""
    if is_office(user):
        return scope.governs(user, department.jurisdiction_id)
    return is_department_reporter(user) and user.department_id == department.pk


def can_use_plan(user: Any, plan: Plan) -> bool:
    """Whether the plan is one the user may pick in the progress section at all."""
    if is_office(user) or is_supervisor(user):
        return scope.sees_plan(user, plan)
    if is_reporter(user):
        return scope.answers_to(user, plan.jurisdiction_id)
    return False


def can_export_plan_ledger(user: Any, plan: Plan) -> bool:
    return (is_office(user) or is_supervisor(user)) and scope.sees_plan(user, plan)
