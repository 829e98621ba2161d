"""Every change to progress data: one function per action.

Each checks permission, runs in one transaction and writes the audit record with the values
before and after. Reports carry a version: a change names the version it was made from and
is refused with ReportConflict when someone else saved in between, never written over.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.audit.services import record_change, snapshot
from minsheng.core.i18n import UserFacingError
from minsheng.notifications import events
from minsheng.plans.models import Allocation, Indicator, Milestone, Plan
from minsheng.progress import ledger_store, permissions
from minsheng.progress.evidence import check_upload
from minsheng.progress.models import Evidence, ProgressReport, ReportingPeriod, ReportState
from minsheng.progress.selectors import default_periods, last_approved, open_report
from minsheng.progress.signals import report_written

Subject = Indicator | Allocation | Milestone

MAX_DECIMAL_PLACES = 4
MAX_WHOLE_DIGITS = 16


class ReportError(UserFacingError):
    """A report refused for what it says: the messages name the field and the reason."""


class ReportConflict(UserFacingError):
    """Someone saved the report since this person opened it: both versions are kept."""

    def __init__(self, current: ProgressReport, attempted: dict[str, Any]) -> None:
        super().__init__(
            [_("Someone else changed this report while you were editing it. Nothing was saved.")]
        )
        self.current = current
        self.attempted = attempted


def _subject_fields(subject: Subject) -> dict[str, Any]:
    if isinstance(subject, Allocation):
        return {"indicator": subject.indicator, "allocation": subject}
    if isinstance(subject, Indicator):
        return {"indicator": subject}
    return {"milestone": subject}


def _check_values(
    subject: Subject,
    *,
    as_of: date,
    value: Decimal | None,
    done: bool | None,
    decrease_reason: str,
    report_id: int | None = None,
) -> None:
    """The number rules of a report; every problem is listed, not only the first."""
    problems: list[str] = []
    plan = permissions.subject_project(subject).plan
    if as_of > timezone.localdate():
        problems.append(_("As of: a report cannot be dated in the future."))
    if as_of < plan.start:
        problems.append(_("As of: the plan starts on %(day)s.") % {"day": plan.start.isoformat()})
    if isinstance(subject, Milestone):
        if done is None:
            problems.append(_("Done: say whether the milestone is done."))
    elif value is None:
        problems.append(_("Cumulative actual: a value is required."))
    else:
        _sign, digits, exponent = value.as_tuple()
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if not value.is_finite():
            problems.append(_("Cumulative actual: not a number."))
        elif value < 0:
            problems.append(_("Cumulative actual: cannot be negative."))
        elif places > MAX_DECIMAL_PLACES:
            problems.append(_("Cumulative actual: at most four decimal places."))
        elif len(digits) - places > MAX_WHOLE_DIGITS:
            problems.append(_("Cumulative actual: the number is too large."))
        else:
            last = last_approved(subject, excluding=report_id)
            if (
                last is not None
                and last.value is not None
                and value < last.value
                and not decrease_reason.strip()
            ):
                problems.append(
                    _(
                        "Reason for a lower value: the value is lower than the last approved %(last)s; say why."
                    )
                    % {"last": f"{last.value.normalize():f}"}
                )
    if problems:
        raise ReportError(problems)


def _audit(actor: Any, action: str, report: ProgressReport, before: dict[str, Any] | None) -> None:
    record_change(
        actor=actor,
        action=f"progress_report.{action}",
        instance=report,
        before=before,
        after=snapshot(report),
    )


@transaction.atomic
def progress_report_create(
    *,
    actor: Any,
    subject: Subject,
    as_of: date,
    value: Decimal | None = None,
    done: bool | None = None,
    narrative: str = "",
    decrease_reason: str = "",
) -> ProgressReport:
    """A new draft report for an indicator (or its allocation) or a milestone."""
    if not permissions.can_report(actor, subject):
        raise PermissionDenied
    if open_report(subject) is not None:
        raise ReportError(
            [_("There is already an open report for this item; continue with that one.")]
        )
    is_milestone = isinstance(subject, Milestone)
    _check_values(subject, as_of=as_of, value=value, done=done, decrease_reason=decrease_reason)
    report = ProgressReport.objects.create(
        **_subject_fields(subject),
        as_of=as_of,
        value=None if is_milestone else value,
        done=done if is_milestone else None,
        narrative=narrative,
        decrease_reason=decrease_reason,
        reporter=actor,
        state=ReportState.DRAFT,
    )
    report.refresh_from_db()  # the trail records values as stored (Decimal places, times)
    _audit(actor, "create", report, None)
    return report


def _locked(
    report: ProgressReport, expected_version: int, attempted: dict[str, Any]
) -> ProgressReport:
    """The report as stored now, locked for this transaction, if still at `expected_version`."""
    current = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if current.version != expected_version:
        raise ReportConflict(current, attempted)
    return current


def _write(
    report: ProgressReport, expected_version: int, attempted: dict[str, Any], **fields: Any
) -> ProgressReport:
    """UPDATE … WHERE version = expected: a stale save changes nothing and says so."""
    changed = ProgressReport.objects.filter(pk=report.pk, version=expected_version).update(
        version=F("version") + 1, **fields
    )
    if changed != 1:
        raise ReportConflict(ProgressReport.objects.get(pk=report.pk), attempted)
    written = ProgressReport.objects.get(pk=report.pk)
    report_written.send(sender=ProgressReport, instance=written)
    return written


@transaction.atomic
def progress_report_update(
    *,
    actor: Any,
    report: ProgressReport,
    expected_version: int,
    as_of: date,
    value: Decimal | None = None,
    done: bool | None = None,
    narrative: str = "",
    decrease_reason: str = "",
) -> ProgressReport:
    """Change a draft or returned report, made from the version the editor saw."""
    attempted = {"as_of": as_of, "value": value, "done": done, "narrative": narrative}
    current = _locked(report, expected_version, attempted)
    if not permissions.can_edit_report(actor, current):
        raise PermissionDenied
    subject = permissions.report_subject(current)
    is_milestone = isinstance(subject, Milestone)
    _check_values(
        subject,
        as_of=as_of,
        value=value,
        done=done,
        decrease_reason=decrease_reason,
        report_id=current.pk,
    )
    before = snapshot(current)
    updated = _write(
        current,
        expected_version,
        attempted,
        as_of=as_of,
        value=None if is_milestone else value,
        done=done if is_milestone else None,
        narrative=narrative,
        decrease_reason=decrease_reason,
    )
    _audit(actor, "update", updated, before)
    return updated


@transaction.atomic
def progress_report_submit(
    *, actor: Any, report: ProgressReport, expected_version: int
) -> ProgressReport:
    """Send a draft, or a returned report once fixed, to the office."""
    current = _locked(report, expected_version, {"state": ReportState.SUBMITTED})
    if not permissions.can_submit_report(actor, current):
        raise PermissionDenied
    # The rules are checked again: the last approved value may have moved since the draft.
    _check_values(
        permissions.report_subject(current),
        as_of=current.as_of,
        value=current.value,
        done=current.done,
        decrease_reason=current.decrease_reason,
        report_id=current.pk,
    )
    before = snapshot(current)
    action = "resubmit" if current.state == ReportState.RETURNED else "submit"
    updated = _write(
        current,
        expected_version,
        {"state": ReportState.SUBMITTED},
        state=ReportState.SUBMITTED,
        submitted_at=timezone.now(),
        submitted_by_id=actor.pk,
        checked_by_id=None,
        checked_at=None,
    )
    _audit(actor, action, updated, before)
    return updated


def progress_report_resubmit(
    *, actor: Any, report: ProgressReport, expected_version: int
) -> ProgressReport:
    """Send a returned report back to the office after fixing it."""
    if report.state != ReportState.RETURNED:
        raise ReportError([_("Only a returned report can be resubmitted.")])
    return progress_report_submit(actor=actor, report=report, expected_version=expected_version)


class FourEyes(UserFacingError):
    """An approval refused because the approver wrote, submitted or already checked the report."""


def _four_eyes_refusal(actor: Any, report: ProgressReport) -> FourEyes:
    if permissions.wrote_or_submitted(actor, report):
        return FourEyes(
            [_("Four eyes: you wrote or submitted this report; another office user approves it.")]
        )
    return FourEyes(
        [_("Two-step review: you checked this report; a second office user approves it.")]
    )


@transaction.atomic
def progress_report_approve(
    *, actor: Any, report: ProgressReport, expected_version: int
) -> ProgressReport:
    """Accept a submitted report: from now on its value counts, in public too.

    Under the plan's two-step review the first approval is the check (审核): the report stays
    submitted with `checked_by` set, and counts only once a second office user approves it
    (审定). Nobody approves a report they wrote or submitted (FourEyes).
    """
    current = _locked(report, expected_version, {"state": ReportState.APPROVED})
    if not permissions.can_review_report(actor, current):
        raise PermissionDenied
    if not permissions.can_approve_report(actor, current):
        raise _four_eyes_refusal(actor, current)
    before = snapshot(current)
    plan = permissions.subject_plan(permissions.report_subject(current))
    if plan.two_step_review and current.checked_by_id is None:
        updated = _write(
            current,
            expected_version,
            {"state": ReportState.SUBMITTED},
            checked_by_id=actor.pk,
            checked_at=timezone.now(),
        )
        _audit(actor, "check", updated, before)
        return updated
    updated = _write(
        current,
        expected_version,
        {"state": ReportState.APPROVED},
        state=ReportState.APPROVED,
        reviewer_id=actor.pk,
        reviewed_at=timezone.now(),
    )
    # What is approved changed: the current state changes in the same transaction.
    ledger_store.refresh_subject_of(updated)
    _audit(actor, "approve", updated, before)
    events.report_reviewed(updated)
    return updated


@transaction.atomic
def progress_report_return(
    *, actor: Any, report: ProgressReport, expected_version: int, comment: str
) -> ProgressReport:
    """Send a submitted report back to its department with the reviewer's comment."""
    if not comment.strip():
        raise ReportError([_("Comment: say what needs fixing.")])
    current = _locked(report, expected_version, {"state": ReportState.RETURNED})
    if not permissions.can_review_report(actor, current):
        raise PermissionDenied
    before = snapshot(current)
    updated = _write(
        current,
        expected_version,
        {"state": ReportState.RETURNED},
        state=ReportState.RETURNED,
        checked_by_id=None,
        checked_at=None,
        reviewer_id=actor.pk,
        reviewed_at=timezone.now(),
        review_comment=comment.strip(),
    )
    _audit(actor, "return", updated, before)
    events.report_reviewed(updated)
    return updated


@dataclass
class BulkResult:
    approved: list[ProgressReport] = field(default_factory=list)
    conflicts: list[ReportConflict] = field(default_factory=list)
    # Reports the reviewer wrote, submitted or checked: four eyes leaves them to a colleague.
    own: list[ProgressReport] = field(default_factory=list)


def progress_report_bulk_approve(*, actor: Any, versions: dict[int, int]) -> BulkResult:
    """Approve many submitted reports, each at the version the reviewer saw.

    Each approval is its own transaction: a report changed meanwhile is left for a second
    look (listed in `conflicts`) and does not hold back the others.
    """
    if not permissions.can_review(actor):
        raise PermissionDenied
    result = BulkResult()
    for report in ProgressReport.objects.filter(pk__in=list(versions)).order_by("id"):
        if not permissions.can_view_report(actor, report):
            continue  # a guessed id of another jurisdiction's report: as if it did not exist
        if permissions.can_review_report(actor, report) and not permissions.can_approve_report(
            actor, report
        ):
            result.own.append(report)
            continue
        try:
            result.approved.append(
                progress_report_approve(
                    actor=actor, report=report, expected_version=versions[report.pk]
                )
            )
        except ReportConflict as conflict:
            result.conflicts.append(conflict)
        except PermissionDenied:
            # A report no longer submitted (someone approved it) is a conflict, not an error.
            result.conflicts.append(ReportConflict(report, {"state": ReportState.APPROVED}))
    return result


@transaction.atomic
def evidence_attach(
    *, actor: Any, report: ProgressReport, upload: IO[bytes], caption: str
) -> Evidence:
    """A photo or document for an open report, checked, cleaned and stored."""
    if not permissions.can_edit_report(actor, report):
        raise PermissionDenied
    if not caption.strip():
        raise ReportError([_("Caption: describe what the file shows.")])
    checked = check_upload(upload)
    evidence = Evidence(
        project=permissions.subject_project(permissions.report_subject(report)),
        report=report,
        kind=checked.kind,
        caption=caption.strip()[:500],
        uploaded_by=actor,
    )
    evidence.file.save(checked.name, ContentFile(checked.content), save=False)
    if checked.thumbnail is not None:
        evidence.thumbnail.save(
            checked.name.rsplit(".", 1)[0] + ".jpg", ContentFile(checked.thumbnail), save=False
        )
    evidence.save()
    record_change(
        actor=actor, action="evidence.create", instance=evidence, after=snapshot(evidence)
    )
    return evidence


@transaction.atomic
def reporting_periods_set(
    *, actor: Any, plan: Plan, months: int = 1, deadline_days: int = 5
) -> list[ReportingPeriod]:
    """Store a plan's reporting cadence: every `months` months, due `deadline_days` after."""
    if not permissions.can_manage_periods(actor, plan):
        raise PermissionDenied
    if months not in (1, 2, 3, 6, 12) or not 0 <= deadline_days <= 60:
        raise ReportError([_("Periods: choose 1, 2, 3, 6 or 12 months and 0–60 days.")])
    for period in ReportingPeriod.objects.filter(plan=plan):
        record_change(
            actor=actor, action="reporting_period.delete", instance=period, before=snapshot(period)
        )
    ReportingPeriod.objects.filter(plan=plan).delete()
    periods = default_periods(plan, months=months, deadline_days=deadline_days)
    for period in periods:
        period.save()
        record_change(
            actor=actor, action="reporting_period.create", instance=period, after=snapshot(period)
        )
    return periods
