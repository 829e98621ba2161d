"""Many draft reports saved at once: the Excel ledger's upload.

Two steps, so that a large upload holds the database's write lock only for the writing:
`drafts_check` applies every rule of `progress_report_create`/`_update` row by row outside any
transaction, then `drafts_save` writes all rows in one short transaction with a handful of
queries (one insert, one update, one audit insert), all or nothing.

What `drafts_check` read stays true inside `drafts_save` because of the stamp each draft
carries (`selectors.report_stamp`: the subject's newest report and its version). Every save
by anyone changes a subject's stamp, and `drafts_save` compares the stamps again after
taking its locks; a subject whose stamp moved is refused as a conflict, never written over.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.audit.services import Change, record_changes, snapshot
from minsheng.core.i18n import UserFacingError
from minsheng.plans.models import Milestone, Plan
from minsheng.progress import permissions, selectors
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.progress.services import Subject, _check_values, _subject_fields
from minsheng.progress.signals import report_written

WRITTEN_FIELDS = ("as_of", "value", "done", "narrative", "decrease_reason")


@dataclass(frozen=True)
class Draft:
    """A subject's new draft values, and the stamp of what was saved for it when they were typed."""

    subject: Subject
    fields: dict[str, Any]  # as_of, value or done, narrative, decrease_reason
    stamp: str


class DraftsChanged(UserFacingError):
    """Someone saved some of the subjects after their drafts were checked; nothing was saved."""

    def __init__(self, changed: list[int]) -> None:
        super().__init__(
            [_("Someone else saved some of these items meanwhile. Nothing was saved.")]
        )
        self.changed = changed  # positions in the list of drafts


def _stored_fields(draft: Draft) -> dict[str, Any]:
    is_milestone = isinstance(draft.subject, Milestone)
    fields = draft.fields
    return {
        "as_of": fields["as_of"],
        "value": None if is_milestone else fields.get("value"),
        "done": fields.get("done") if is_milestone else None,
        "narrative": fields.get("narrative", ""),
        "decrease_reason": fields.get("decrease_reason", ""),
    }


def _newest_id(stamp: str) -> int | None:
    pk = stamp.partition(".")[0]
    return int(pk) if pk.isdigit() and pk != "0" else None


def drafts_check(*, actor: Any, drafts: list[Draft]) -> dict[int, list[str]]:
    """The problems of each draft (by position), with no transaction open: the same rules as
    saving one draft (who may report, a submitted report is not changed, the number rules)."""
    problems: dict[int, list[str]] = {}
    for index, draft in enumerate(drafts):
        if not permissions.can_report(actor, draft.subject):
            problems[index] = [_("you do not report for this item")]
            continue
        current = selectors.open_report(draft.subject)
        if current is not None and current.state == ReportState.SUBMITTED:
            problems[index] = [_("the report is already submitted and awaits review")]
            continue
        if current is not None and not permissions.can_edit_report(actor, current):
            problems[index] = [_("you do not report for this item")]
            continue
        fields = _stored_fields(draft)
        try:
            _check_values(
                draft.subject,
                as_of=fields["as_of"],
                value=fields["value"],
                done=fields["done"],
                decrease_reason=fields["decrease_reason"],
                report_id=current.pk if current is not None else None,
            )
        except UserFacingError as error:
            problems[index] = list(error.messages)
    return problems


def drafts_save(*, actor: Any, plan: Plan, drafts: list[Draft]) -> list[ProgressReport]:
    """Write checked drafts (see `drafts_check`) in one short transaction, all or nothing.

    A subject whose newest report is a draft or returned report gets it updated; any other
    gets a new draft. Raises DraftsChanged, saving nothing, when any stamp moved.
    """
    if not drafts:
        return []
    with transaction.atomic():
        # The newest reports named by the stamps, locked (PostgreSQL; SQLite's write lock is
        # taken at BEGIN): nobody changes them until this commits.
        newest_ids = [pk for draft in drafts if (pk := _newest_id(draft.stamp)) is not None]
        locked = {
            report.pk: report
            for report in ProgressReport.objects.select_for_update().filter(pk__in=newest_ids)
        }
        stamps = selectors.report_stamps([draft.subject for draft in drafts])
        changed = [
            index
            for index, draft in enumerate(drafts)
            if stamps[selectors.subject_key(draft.subject)] != draft.stamp
        ]
        if changed:
            raise DraftsChanged(changed)
        if not Plan.objects.filter(
            pk=plan.pk, state__in=permissions.REPORTABLE_PLAN_STATES
        ).exists():
            raise PermissionDenied
        created: list[ProgressReport] = []
        updated: list[ProgressReport] = []
        written: list[ProgressReport] = []  # in the drafts' order
        before: dict[int, dict[str, Any]] = {}
        for index, draft in enumerate(drafts):
            newest = locked.get(_newest_id(draft.stamp) or 0)
            if newest is not None and newest.state == ReportState.SUBMITTED:
                raise DraftsChanged([index])  # drafts_check refuses it; never a second open report
            if newest is not None and newest.state in permissions.EDITABLE_STATES:
                before[newest.pk] = snapshot(newest)
                for name, value in _stored_fields(draft).items():
                    setattr(newest, name, value)
                newest.version += 1
                updated.append(newest)
                written.append(newest)
            else:
                report = ProgressReport(
                    **_subject_fields(draft.subject),
                    **_stored_fields(draft),
                    reporter=actor,
                    state=ReportState.DRAFT,
                )
                created.append(report)
                written.append(report)
        ProgressReport.objects.bulk_create(created)  # sets each one's pk
        ProgressReport.objects.bulk_update(updated, [*WRITTEN_FIELDS, "version"], batch_size=500)
        # Read back as stored (Decimal places, times): the trail records stored values.
        ids = [report.pk for report in written]
        stored = ProgressReport.objects.select_related(
            "indicator__project__plan", "milestone__project__plan", "allocation"
        ).in_bulk(ids)
        record_changes(
            actor=actor,
            changes=[
                Change(
                    f"progress_report.{'update' if pk in before else 'create'}",
                    stored[pk],
                    before.get(pk),
                    snapshot(stored[pk]),
                )
                for pk in ids
            ],
        )
        # One plan: one signal renews its public pages (each would issue the same new stamp).
        report_written.send(sender=ProgressReport, instance=stored[ids[0]])
    return [stored[pk] for pk in ids]
