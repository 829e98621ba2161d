"""The demo plan on 1 July 2025 with half-year reports made here, checked against hand-computed levels.

On 1 July the linear schedule expects 181/364 of the year = 49.7 %; margins are 5 and 15 points.
"""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from minsheng.plans.models import Indicator, Milestone
from minsheng.supervision.early_warning import Level
from minsheng.supervision.selectors import cockpit, plan_warnings
from minsheng.testing import make_report

MID_YEAR = date(2025, 7, 1)
HALF_YEAR = date(2025, 6, 30)

# indicator name → (half-year report or None, expected level, expected actual percent)
EXPECTED = {
    "扶持创业": (16000, Level.GREEN, Decimal("53.3")),  # 4 points ahead
    "城镇新增就业": (150000, Level.YELLOW, Decimal("42.9")),  # 6.8 behind
    "新就业形态劳动者专项综合互助保障": (6000, Level.RED, Decimal("30.0")),  # 19.7 behind
    "新型工伤保障参保人数": (200000, Level.GREEN, Decimal("100.0")),  # kept early
    "困难企业职工和农民工免费体检": (None, Level.NO_REPORT, None),
    "三级定点医院门诊慢特病和住院起付标准": (1000, Level.GREEN, Decimal("80.0")),  # ≤: 800/1000
}


@pytest.fixture
def mid_year_plan(demo_plan):
    for name, (value, _level, _percent) in EXPECTED.items():
        if value is not None:
            make_report(indicator=Indicator.objects.get(name=name), value=value, as_of=HALF_YEAR)
    # A milestone promised for the end of June and not reported done is overdue on 1 July.
    Milestone.objects.filter(name="建成助残业务联办平台").update(due_date=HALF_YEAR)
    make_report(milestone=Milestone.objects.get(name="建成浮山全民健身中心"), done=False)
    return demo_plan


@pytest.fixture
def by_name(mid_year_plan):
    return {item.name: item for item in plan_warnings(mid_year_plan, as_of=MID_YEAR)}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_indicator_has_its_hand_computed_level(by_name, name):
    _value, level, percent = EXPECTED[name]
    assert by_name[name].warning.level == level
    assert by_name[name].warning.percent == percent


def test_the_expected_value_of_new_jobs_is_181_of_364_of_350000(by_name):
    warning = by_name["城镇新增就业"].warning
    assert warning.expected_value == Decimal("174038.46")
    assert warning.gap == Decimal("24038.46")


def test_a_falling_price_above_its_target_shows_the_gap_in_yuan(by_name):
    assert by_name["三级定点医院门诊慢特病和住院起付标准"].warning.gap == Decimal("200.00")


def test_year_end_reports_do_not_count_on_the_first_of_july(by_name):
    # The demo's year-end actuals are dated 31 December: on 1 July nobody knew them.
    assert by_name["建成市级学生心理健康发展服务中心"].warning.level == Level.NO_REPORT


def test_a_milestone_past_its_due_date_is_overdue(by_name):
    assert by_name["建成助残业务联办平台"].warning.level == Level.OVERDUE


def test_a_milestone_reported_under_way_is_green(by_name):
    assert by_name["建成浮山全民健身中心"].warning.level == Level.GREEN


def test_the_forecast_for_new_jobs_follows_the_half_year_pace(by_name):
    outlook = by_name["城镇新增就业"].forecast
    # 150000 in 180 days, 184 days to go.
    assert outlook.year_end_value == Decimal("303333.33")
    assert outlook.reached_on is None or outlook.reached_on > date(2025, 12, 31)


def test_the_cockpit_counts_every_item_once(mid_year_plan):
    data = cockpit(mid_year_plan, as_of=MID_YEAR)
    total_items = Indicator.objects.count() + Milestone.objects.count()
    assert sum(data.level_counts.values()) == total_items == 57
    assert data.level_counts[Level.YELLOW] == 1
    assert data.level_counts[Level.RED] == 1
    assert data.level_counts[Level.OVERDUE] == 1


def test_the_riskiest_item_comes_first(mid_year_plan):
    risky = cockpit(mid_year_plan, as_of=MID_YEAR).risky
    assert [item.name for item in risky] == [
        "建成助残业务联办平台",
        "新就业形态劳动者专项综合互助保障",
        "城镇新增就业",
    ]


def test_at_the_year_end_the_same_plan_is_all_green(mid_year_plan):
    data = cockpit(mid_year_plan, as_of=date(2025, 12, 31))
    assert data.level_counts[Level.GREEN] == 57


def test_the_command_prints_the_same_levels_as_json(mid_year_plan):
    out = StringIO()
    call_command(
        "warnings",
        "--jurisdiction",
        "青岛市",
        "--year",
        "2025",
        "--as-of",
        "2025-07-01",
        "--json",
        stdout=out,
    )
    items = {item["name"]: item for item in json.loads(out.getvalue())["items"]}
    assert items["城镇新增就业"]["level"] == "yellow"
    assert items["城镇新增就业"]["expected"] == "174038.46"
    assert items["城镇新增就业"]["forecast_year_end"] == "303333.33"
    assert items["困难企业职工和农民工免费体检"]["actual"] is None


def test_the_command_prints_a_table_by_default(mid_year_plan):
    out = StringIO()
    call_command(
        "warnings",
        "--jurisdiction",
        "qingdao",
        "--year",
        "2025",
        "--as-of",
        "2025-07-01",
        stdout=out,
    )
    assert "城镇新增就业\t350000\t174038.46\t150000\t24038.46\tyellow" in out.getvalue()


def test_the_command_names_an_unknown_plan_in_both_languages(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="2031"):
        call_command("warnings", "--jurisdiction", "青岛市", "--year", "2031")


@pytest.mark.parametrize("as_of", [MID_YEAR, date(2025, 12, 31)])
def test_statuses_agree_with_the_plan_ledger(mid_year_plan, as_of):
    from minsheng.progress.selectors import plan_ledger

    ledger = {
        row.indicator.name: row.status
        for project in plan_ledger(mid_year_plan, as_of=as_of)
        for row in project.indicators
    } | {
        row.milestone.name: row.status
        for project in plan_ledger(mid_year_plan, as_of=as_of)
        for row in project.milestones
    }
    ours = {item.name: item.status for item in plan_warnings(mid_year_plan, as_of=as_of)}
    assert ours == ledger


def test_every_other_item_has_no_report_on_the_first_of_july(by_name):
    named = set(EXPECTED) | {"建成助残业务联办平台", "建成浮山全民健身中心"}
    others = {name: item.warning.level for name, item in by_name.items() if name not in named}
    assert len(others) == 57 - len(named)
    assert set(others.values()) == {Level.NO_REPORT}


def test_the_cockpit_page_shows_the_hand_computed_counts(client, mid_year_plan):
    import re

    from minsheng.accounts.models import Role
    from minsheng.testing import make_user

    client.force_login(make_user(Role.OFFICE, plan=mid_year_plan))
    html = client.get("/office/cockpit/", {"as_of": "2025-07-01"}).text
    counts = dict(re.findall(r'data-level="(\w+)"><strong>(\d+)</strong>', html))
    # green: 扶持创业, 工伤保障, 起付标准 (≤) and the milestone under way; 50 without a report.
    assert counts == {"green": "4", "yellow": "1", "no_report": "50", "red": "1", "overdue": "1"}
