"""The current state (LedgerState) follows every change to what is approved, in the same transaction."""

from datetime import date
from decimal import Decimal

from minsheng.plans import services as plan_services
from minsheng.progress import ledger_store, services
from minsheng.progress.models import LedgerState

DAY = date(2025, 6, 30)


def _approved(world, subject, reporter, **values):
    report = services.progress_report_create(actor=reporter, subject=subject, as_of=DAY, **values)
    report = services.progress_report_submit(
        actor=reporter, report=report, expected_version=report.version
    )
    return services.progress_report_approve(
        actor=world.office, report=report, expected_version=report.version
    )


def test_an_approval_writes_the_subjects_current_state(world):
    _approved(world, world.indicator_a, world.reporter_a, value=Decimal(31000))
    row = LedgerState.objects.get(indicator=world.indicator_a)
    assert (row.actual, row.last_on, row.met_on) == (Decimal(31000), DAY, DAY)


def test_an_approved_share_writes_the_indicators_roll_up(world):
    _approved(world, world.allocation, world.district_reporter, value=Decimal(2500))
    roll_up = LedgerState.objects.get(indicator=world.split, allocation__isnull=True)
    assert roll_up.actual == Decimal(2500)


def test_an_approved_milestone_writes_its_done_day(world):
    _approved(world, world.milestone_a, world.reporter_a, done=True)
    row = LedgerState.objects.get(milestone=world.milestone_a)
    assert (row.done, row.done_on) == (True, DAY)


def test_after_approvals_the_table_is_what_a_rebuild_computes(world):
    _approved(world, world.indicator_a, world.reporter_a, value=Decimal(31000))
    _approved(world, world.allocation, world.district_reporter, value=Decimal(2500))
    assert ledger_store.rebuild() == []


def test_a_lower_target_moves_the_day_the_promise_was_kept(world):
    # 4000 approved on 31 March; a target of 4000 was kept that day.
    plan_services.indicator_update(
        actor=world.office, indicator=world.indicator_a, target=Decimal(4000)
    )
    row = LedgerState.objects.get(indicator=world.indicator_a)
    assert row.met_on == date(2025, 3, 31)
