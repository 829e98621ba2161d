"""Who may see, report and review progress: one `can_<verb>(user, obj)` per action.

Views, the Excel import, admin actions and commands all ask here first. The rules:

- office (办公厅): everything;
- department reporter: indicators and milestones of projects its department answers for
  (ProjectDepartment), and allocations given to its department;
- district reporter: allocations given to its district only;
- supervisor (督查): reads everything, changes nothing;
- auditor (审计): the audit trail only, none of the progress data itself;
- observer (代表委员) and the public: approved figures of published plans only.

An indicator split into allocations is reported per allocation (the ledger sums them), so
nobody reports on such an indicator directly.
"""

from typing import Any

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


def in_scope(user: Any, subject: Subject) -> bool:
    """Whether the subject lies within what the user answers for (regardless of plan state)."""
    if is_office(user) or is_supervisor(user):
        return True
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


def can_report(user: Any, subject: Subject) -> bool:
    """Start a progress report for an indicator, allocation or milestone."""
    if not (is_office(user) or is_reporter(user)):
        return False
    plan = subject_project(subject).plan
    return (
        plan.state in REPORTABLE_PLAN_STATES
        and reports_directly(subject)
        and in_scope(user, subject)
    )


def report_subject(report: ProgressReport) -> Subject:
    subject = report.allocation or report.indicator or report.milestone
    assert subject is not None
    return subject


def can_view_report(user: Any, report: ProgressReport) -> bool:
    """Read one report with its evidence."""
    if is_office(user) or is_supervisor(user):
        return True
    if is_reporter(user):
        return in_scope(user, report_subject(report))
    if is_observer(user):
        plan = subject_project(report_subject(report)).plan
        return report.state == ReportState.APPROVED and plan.state in PUBLIC_PLAN_STATES
    return False


def can_edit_report(user: Any, report: ProgressReport) -> bool:
    """Change a draft or a returned report (values, narrative, evidence)."""
    return report.state in EDITABLE_STATES and can_report(user, report_subject(report))


def can_submit_report(user: Any, report: ProgressReport) -> bool:
    """Send a draft (or a returned report, fixed) to the office for review."""
    return can_edit_report(user, report)


def can_review_report(user: Any, report: ProgressReport) -> bool:
    """Approve or return a submitted report."""
    return is_office(user) and report.state == ReportState.SUBMITTED


def can_review(user: Any) -> bool:
    """See the office's review queue."""
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
    return (
        is_office(user)
        or is_supervisor(user)
        or is_reporter(user)
        or (is_observer(user) and evidence.project.plan.state in PUBLIC_PLAN_STATES)
    )


def can_use_progress(user: Any) -> bool:
    """The progress section at all: reporters, the office and supervisors."""
    return is_office(user) or is_reporter(user) or is_supervisor(user)


def can_view_missing(user: Any, plan: Plan) -> bool:
    """The list of late and missing reports."""
    return is_office(user) or is_supervisor(user)


def can_manage_periods(user: Any, plan: Plan) -> bool:
    return is_office(user)


def can_download_ledger(user: Any, department: Department) -> bool:
    """A department's Excel ledger: its own reporter, or the office and supervisors."""
    if is_office(user) or is_supervisor(user):
        return True
    return is_department_reporter(user) and user.department_id == department.pk


def can_upload_ledger(user: Any, department: Department) -> bool:
    """Fill a department's ledger back in: its own reporter (or the office acting for it)."""
    if is_office(user):
        return True
    return is_department_reporter(user) and user.department_id == department.pk


def can_export_plan_ledger(user: Any, plan: Plan) -> bool:
    return is_office(user) or is_supervisor(user)
