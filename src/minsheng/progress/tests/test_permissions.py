from datetime import date
from decimal import Decimal

from minsheng.plans.choices import PlanState
from minsheng.progress import permissions, services
from minsheng.progress.models import ProgressReport, ReportState


def _approved(world):
    return ProgressReport.objects.get(indicator=world.indicator_a, state=ReportState.APPROVED)


def test_a_department_reports_for_every_project_it_answers_for(world):
    assert permissions.can_report(world.reporter_a, world.indicator_a)
    assert permissions.can_report(world.reporter_a, world.milestone_a)
    assert not permissions.can_report(world.reporter_a, world.indicator_b)


def test_a_district_reporter_reports_allocations_only(world):
    assert permissions.can_report(world.district_reporter, world.allocation)
    assert not permissions.can_report(world.district_reporter, world.other_allocation)
    assert not permissions.can_report(world.district_reporter, world.indicator_a)


def test_nobody_reports_on_a_closed_plan(world):
    world.plan.state = PlanState.CLOSED
    world.plan.save()
    assert not permissions.can_report(world.reporter_a, world.indicator_a)
    assert not permissions.can_report(world.office, world.indicator_a)


def test_the_supervisor_reads_every_report_but_reports_none(world):
    assert permissions.can_view_report(world.supervisor, _approved(world))
    assert not permissions.can_report(world.supervisor, world.indicator_a)


def test_an_observer_reads_approved_reports_of_a_public_plan_only(world):
    draft = services.progress_report_create(
        actor=world.reporter_a, subject=world.milestone_a, as_of=date(2025, 6, 30), done=False
    )
    assert permissions.can_view_report(world.observer, _approved(world))
    assert not permissions.can_view_report(world.observer, draft)
    world.plan.state = PlanState.DRAFTING
    world.plan.save()
    assert not permissions.can_view_report(world.observer, _approved(world))


def test_the_auditor_reads_no_report(world):
    assert not permissions.can_view_report(world.auditor, _approved(world))


def test_only_the_office_reviews_and_only_submitted_reports(world):
    report = services.progress_report_create(
        actor=world.reporter_a,
        subject=world.indicator_a,
        as_of=date(2025, 6, 30),
        value=Decimal(5000),
    )
    assert not permissions.can_review_report(world.office, report)
    report = services.progress_report_submit(
        actor=world.reporter_a, report=report, expected_version=report.version
    )
    assert permissions.can_review_report(world.office, report)
    assert not permissions.can_review_report(world.supervisor, report)


def test_a_department_downloads_only_its_own_ledger(world):
    assert permissions.can_download_ledger(world.reporter_a, world.department_a)
    assert not permissions.can_download_ledger(world.reporter_a, world.department_b)
