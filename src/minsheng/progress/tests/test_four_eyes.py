"""Four eyes: nobody approves a report they wrote or submitted; two-step review is a plan setting."""

from decimal import Decimal

import pytest

from minsheng.accounts.models import Role
from minsheng.audit.models import AuditRecord
from minsheng.progress import services
from minsheng.progress.models import ReportState
from minsheng.progress.selectors import plan_ledger
from minsheng.testing import make_user


@pytest.fixture
def own_report(world):
    """A report the office wrote and submitted itself."""
    report = services.progress_report_create(
        actor=world.office, subject=world.indicator_b, as_of=world.plan.start, value=Decimal(100)
    )
    return services.progress_report_submit(
        actor=world.office, report=report, expected_version=report.version
    )


def test_the_office_cannot_approve_its_own_report(world, own_report):
    with pytest.raises(services.FourEyes):
        services.progress_report_approve(
            actor=world.office, report=own_report, expected_version=own_report.version
        )


def test_a_refused_own_approval_changes_nothing(world, own_report):
    with pytest.raises(services.FourEyes):
        services.progress_report_approve(
            actor=world.office, report=own_report, expected_version=own_report.version
        )
    own_report.refresh_from_db()
    assert own_report.state == ReportState.SUBMITTED


def test_a_second_office_user_approves_it(world, own_report):
    colleague = make_user(Role.OFFICE, plan=world.plan)
    approved = services.progress_report_approve(
        actor=colleague, report=own_report, expected_version=own_report.version
    )
    assert approved.state == ReportState.APPROVED


def test_bulk_approve_skips_ones_own_reports_and_names_them(world, own_report):
    result = services.progress_report_bulk_approve(
        actor=world.office, versions={own_report.pk: own_report.version}
    )
    assert (result.approved, [r.pk for r in result.own]) == ([], [own_report.pk])


def test_a_submitter_who_did_not_write_the_report_cannot_approve_it(world):
    report = services.progress_report_create(
        actor=world.reporter_b, subject=world.indicator_b, as_of=world.plan.start, value=Decimal(5)
    )
    submitter = make_user(Role.OFFICE, plan=world.plan)
    report = services.progress_report_submit(
        actor=submitter, report=report, expected_version=report.version
    )
    with pytest.raises(services.FourEyes):
        services.progress_report_approve(
            actor=submitter, report=report, expected_version=report.version
        )


@pytest.fixture
def two_step(world):
    world.plan.two_step_review = True
    world.plan.save()
    report = services.progress_report_create(
        actor=world.reporter_b, subject=world.indicator_b, as_of=world.plan.start, value=Decimal(7)
    )
    return services.progress_report_submit(
        actor=world.reporter_b, report=report, expected_version=report.version
    )


def test_under_two_step_review_the_first_approval_is_only_a_check(world, two_step):
    checked = services.progress_report_approve(
        actor=world.office, report=two_step, expected_version=two_step.version
    )
    assert (checked.state, checked.checked_by_id) == (ReportState.SUBMITTED, world.office.pk)


def test_a_checked_report_does_not_count_in_the_ledger(world, two_step):
    services.progress_report_approve(
        actor=world.office, report=two_step, expected_version=two_step.version
    )
    ledger = plan_ledger(world.plan)
    row = next(i for p in ledger for i in p.indicators if i.indicator == world.indicator_b)
    assert row.actual is None


def test_the_checker_cannot_also_give_the_final_approval(world, two_step):
    checked = services.progress_report_approve(
        actor=world.office, report=two_step, expected_version=two_step.version
    )
    with pytest.raises(services.FourEyes):
        services.progress_report_approve(
            actor=world.office, report=checked, expected_version=checked.version
        )


def test_a_second_office_user_gives_the_final_approval_and_both_are_audited(world, two_step):
    checked = services.progress_report_approve(
        actor=world.office, report=two_step, expected_version=two_step.version
    )
    colleague = make_user(Role.OFFICE, plan=world.plan)
    services.progress_report_approve(
        actor=colleague, report=checked, expected_version=checked.version
    )
    actions = list(
        AuditRecord.objects.filter(
            object_id=str(two_step.pk),
            action__in=["progress_report.check", "progress_report.approve"],
        )
        .order_by("id")
        .values_list("action", "actor_id")
    )
    assert actions == [
        ("progress_report.check", world.office.pk),
        ("progress_report.approve", colleague.pk),
    ]
