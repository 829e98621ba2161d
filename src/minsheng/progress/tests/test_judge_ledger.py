"""The morning job stores the day's verdict of every whole item of the running plans."""

from datetime import date
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command

from minsheng.plans.choices import PlanState
from minsheng.plans.completion import Status
from minsheng.progress import ledger_judged
from minsheng.progress.models import LedgerState
from minsheng.supervision.early_warning import Level
from minsheng.testing import make_indicator, make_milestone, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db

DAY = date(2025, 9, 30)


def _plan(state=PlanState.IN_PROGRESS, reported_on=date(2025, 6, 30)):
    plan = make_plan(state=state)
    project = make_project(plan)
    indicator = make_indicator(project, target=D(100))
    make_milestone(project)
    make_report(indicator=indicator, value=D(40), as_of=reported_on)
    return plan


def _unjudged(plan) -> int:
    tally = ledger_judged.tallies(
        [plan.pk], DAY, lagging=Status.LAGGING, overdue=Level.OVERDUE,
        late=[Level.NO_REPORT, Level.OVERDUE],
    )  # fmt: skip
    return tally[plan.pk].unjudged


def test_every_item_of_a_running_plan_gets_the_days_verdict():
    plan = _plan()
    assert _unjudged(plan) == 2
    done = ledger_judged.judge_running_plans(DAY)
    assert (done.judged, _unjudged(plan)) == (1, 0)


def test_a_verdict_is_the_rules_verdict():
    plan = _plan()
    ledger_judged.judge_running_plans(DAY)
    row = LedgerState.objects.get(plan=plan, indicator__isnull=False, allocation__isnull=True)
    assert (row.judged_on, row.percent) == (DAY, D("40.0"))


def test_a_plan_being_drafted_is_not_judged():
    plan = _plan(state=PlanState.DRAFTING)
    assert ledger_judged.judge_running_plans(DAY).judged == 0
    assert _unjudged(plan) == 2


def test_a_plan_with_a_report_after_the_day_is_skipped():
    plan = _plan(reported_on=date(2025, 10, 31))
    done = ledger_judged.judge_running_plans(DAY)
    assert (done.judged, done.skipped) == (0, 1)
    assert _unjudged(plan) == 2


def test_running_it_twice_judges_nothing_more():
    _plan()
    ledger_judged.judge_running_plans(DAY)
    before = list(LedgerState.objects.order_by("pk").values_list("pk", "judged_on"))
    ledger_judged.judge_running_plans(DAY)
    assert list(LedgerState.objects.order_by("pk").values_list("pk", "judged_on")) == before


def test_the_command_says_what_it_did_in_chinese():
    _plan()
    out = StringIO()
    call_command("judge_ledger", "--date", DAY.isoformat(), stdout=out)
    assert out.getvalue().startswith("2025-09-30：已研判1个计划")
