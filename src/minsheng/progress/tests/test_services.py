from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from minsheng.audit.models import AuditRecord
from minsheng.progress import services
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.progress.selectors import plan_ledger

DAY = date(2025, 6, 30)


def _draft(world, value=Decimal(5000), actor=None):
    return services.progress_report_create(
        actor=actor or world.reporter_a, subject=world.indicator_a, as_of=DAY, value=value
    )


def _submitted(world, value=Decimal(5000)):
    report = _draft(world, value)
    return services.progress_report_submit(
        actor=world.reporter_a, report=report, expected_version=report.version
    )


def test_a_new_report_is_a_draft_by_its_reporter(world):
    report = _draft(world)
    assert report.state == ReportState.DRAFT
    assert report.reporter == world.reporter_a
    assert report.value == Decimal(5000)


def test_creating_a_report_writes_an_audit_record_with_the_after_values(world):
    report = _draft(world)
    record = AuditRecord.objects.get(action="progress_report.create", object_id=str(report.pk))
    assert record.actor == world.reporter_a
    assert record.before is None
    assert Decimal(record.after["value"]) == 5000


def test_a_reporter_cannot_report_for_another_departments_indicator(world):
    with pytest.raises(PermissionDenied):
        services.progress_report_create(
            actor=world.reporter_a, subject=world.indicator_b, as_of=DAY, value=Decimal(1)
        )


def test_a_district_reporter_reports_only_its_own_allocation(world):
    report = services.progress_report_create(
        actor=world.district_reporter, subject=world.allocation, as_of=DAY, value=Decimal(100)
    )
    assert report.allocation == world.allocation and report.indicator == world.split
    with pytest.raises(PermissionDenied):
        services.progress_report_create(
            actor=world.district_reporter,
            subject=world.other_allocation,
            as_of=DAY,
            value=Decimal(1),
        )


def test_nobody_reports_directly_on_an_indicator_split_into_allocations(world):
    with pytest.raises(PermissionDenied):
        services.progress_report_create(
            actor=world.office, subject=world.split, as_of=DAY, value=Decimal(1)
        )


def test_a_value_below_the_last_approved_needs_a_reason(world):
    with pytest.raises(services.ReportError) as raised:
        _draft(world, Decimal(3999))
    assert "4000" in raised.value.messages[0]
    report = services.progress_report_create(
        actor=world.reporter_a,
        subject=world.indicator_a,
        as_of=DAY,
        value=Decimal(3999),
        decrease_reason="核减重复统计",
    )
    assert report.decrease_reason == "核减重复统计"


def test_a_report_cannot_be_dated_in_the_future(world):
    with pytest.raises(services.ReportError):
        services.progress_report_create(
            actor=world.reporter_a,
            subject=world.indicator_a,
            as_of=timezone.localdate() + timedelta(days=1),
            value=Decimal(5000),
        )


def test_a_second_open_report_for_the_same_item_is_refused(world):
    _draft(world)
    with pytest.raises(services.ReportError):
        _draft(world, Decimal(6000))


def test_a_milestone_is_reported_done_with_its_date(world):
    report = services.progress_report_create(
        actor=world.reporter_a, subject=world.milestone_a, as_of=DAY, done=True
    )
    assert report.done is True and report.value is None and report.as_of == DAY


def test_a_milestone_report_must_say_done_or_not(world):
    with pytest.raises(services.ReportError):
        services.progress_report_create(
            actor=world.reporter_a, subject=world.milestone_a, as_of=DAY
        )


def test_submitting_moves_the_draft_to_the_office(world):
    report = _submitted(world)
    assert report.state == ReportState.SUBMITTED
    assert report.submitted_at is not None
    assert AuditRecord.objects.filter(action="progress_report.submit").count() == 1


def test_an_approved_report_counts_in_the_ledger(world):
    report = _submitted(world, Decimal(31000))
    services.progress_report_approve(
        actor=world.office, report=report, expected_version=report.version
    )
    row = plan_ledger(world.plan)[0].indicators[0]
    assert row.actual == Decimal(31000)


def test_a_submitted_report_does_not_count_until_approved(world):
    _submitted(world, Decimal(31000))
    row = plan_ledger(world.plan)[0].indicators[0]
    assert row.actual == Decimal(4000)


def test_returning_needs_a_comment_and_keeps_it(world):
    report = _submitted(world)
    with pytest.raises(services.ReportError):
        services.progress_report_return(
            actor=world.office, report=report, expected_version=report.version, comment=" "
        )
    returned = services.progress_report_return(
        actor=world.office, report=report, expected_version=report.version, comment="请补充照片"
    )
    assert returned.state == ReportState.RETURNED
    assert returned.review_comment == "请补充照片"
    assert returned.reviewer == world.office


def test_a_returned_report_is_fixed_and_resubmitted(world):
    report = _submitted(world)
    report = services.progress_report_return(
        actor=world.office, report=report, expected_version=report.version, comment="数字有误"
    )
    report = services.progress_report_update(
        actor=world.reporter_a,
        report=report,
        expected_version=report.version,
        as_of=DAY,
        value=Decimal(5100),
    )
    report = services.progress_report_resubmit(
        actor=world.reporter_a, report=report, expected_version=report.version
    )
    assert report.state == ReportState.SUBMITTED and report.value == Decimal(5100)
    assert AuditRecord.objects.filter(action="progress_report.resubmit").count() == 1


def test_an_update_records_the_values_before_and_after(world):
    report = _draft(world)
    services.progress_report_update(
        actor=world.reporter_a,
        report=report,
        expected_version=report.version,
        as_of=DAY,
        value=Decimal(6000),
    )
    record = AuditRecord.objects.get(action="progress_report.update")
    assert Decimal(record.before["value"]) == 5000 and Decimal(record.after["value"]) == 6000


def test_a_stale_update_raises_a_conflict_and_changes_nothing(world):
    report = _draft(world)
    stale_version = report.version
    services.progress_report_update(
        actor=world.reporter_a,
        report=report,
        expected_version=stale_version,
        as_of=DAY,
        value=Decimal(6000),
    )
    with pytest.raises(services.ReportConflict) as raised:
        services.progress_report_update(
            actor=world.reporter_a,
            report=report,
            expected_version=stale_version,
            as_of=DAY,
            value=Decimal(7000),
        )
    assert raised.value.current.value == Decimal(6000)
    assert raised.value.attempted["value"] == Decimal(7000)
    assert ProgressReport.objects.get(pk=report.pk).value == Decimal(6000)


def test_a_reporter_cannot_approve(world):
    report = _submitted(world)
    with pytest.raises(PermissionDenied):
        services.progress_report_approve(
            actor=world.reporter_a, report=report, expected_version=report.version
        )


def test_a_submitted_report_can_no_longer_be_edited(world):
    report = _submitted(world)
    with pytest.raises(PermissionDenied):
        services.progress_report_update(
            actor=world.reporter_a,
            report=report,
            expected_version=report.version,
            as_of=DAY,
            value=Decimal(1),
        )


def test_bulk_approve_approves_each_at_its_seen_version_and_leaves_stale_ones(world):
    first = _submitted(world)
    second = services.progress_report_create(
        actor=world.reporter_a, subject=world.milestone_a, as_of=DAY, done=True
    )
    second = services.progress_report_submit(
        actor=world.reporter_a, report=second, expected_version=second.version
    )
    result = services.progress_report_bulk_approve(
        actor=world.office, versions={first.pk: first.version, second.pk: second.version - 1}
    )
    assert [report.pk for report in result.approved] == [first.pk]
    assert len(result.conflicts) == 1
    assert ProgressReport.objects.get(pk=second.pk).state == ReportState.SUBMITTED


def test_bulk_approve_is_for_the_office_only(world):
    with pytest.raises(PermissionDenied):
        services.progress_report_bulk_approve(actor=world.supervisor, versions={})


def test_a_value_with_more_than_four_decimals_is_refused(world):
    with pytest.raises(services.ReportError):
        _draft(world, Decimal("5000.12345"))


def test_the_office_sets_quarterly_periods_with_their_deadline(world):
    periods = services.reporting_periods_set(
        actor=world.office, plan=world.plan, months=3, deadline_days=10
    )
    assert len(periods) == 4
    assert periods[0].ends_on == date(2025, 3, 31) and periods[0].deadline == date(2025, 4, 10)
    assert AuditRecord.objects.filter(action="reporting_period.create").count() == 4


def test_a_reporter_cannot_set_periods(world):
    with pytest.raises(PermissionDenied):
        services.reporting_periods_set(actor=world.reporter_a, plan=world.plan)
