"""How one figure is said: the seed's phrasing, Chinese numbers, recomputed percents."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from minsheng.core.chinese_numbers import format_percent
from minsheng.plans.choices import Comparator, Status
from minsheng.plans.completion import percent_of_plan
from minsheng.reports import phrases

D = Decimal


def sentence(**overrides):
    fields = {
        "name": "扶持创业",
        "unit": "人",
        "comparator": Comparator.AT_LEAST,
        "target": D(30000),
        "actual": D(38400),
        "percent": D("128.0"),
        "status": Status.EXCEEDED,
    }
    return phrases.indicator_sentence(**{**fields, **overrides})


def test_a_counted_indicator_reads_like_the_seed():
    assert sentence() == "扶持创业3.84万人，占年计划的128%"


def test_ten_thousands_are_written_with_wan():
    text = sentence(
        name="新增公共停车位", unit="个", target=D(10000), actual=D(13400), percent=D("134.0")
    )
    assert text.startswith("新增公共停车位1.34万个")


def test_an_at_most_indicator_says_lowered_to_and_shows_no_percent():
    text = sentence(
        name="三级定点医院门诊慢特病和住院起付标准",
        unit="元",
        comparator=Comparator.AT_MOST,
        target=D(800),
        actual=D(800),
        percent=D("100.0"),
        status=Status.COMPLETED,
    )
    assert text == "三级定点医院门诊慢特病和住院起付标准降至800元"


def test_an_unmet_at_most_indicator_says_it_is_not_lowered_yet():
    text = sentence(
        name="起付标准",
        unit="元",
        comparator=Comparator.AT_MOST,
        target=D(800),
        actual=D(900),
        status=Status.LAGGING,
    )
    assert text == "起付标准为900元，尚未降至800元"


def test_a_rate_in_percent_says_reached_without_a_percent_of_plan():
    text = sentence(name="签约率", unit="%", target=D(90), actual=D("90.97"), percent=D("101.1"))
    assert text == "签约率达到90.97%"


def test_an_unmet_indicator_is_honest_about_the_target_and_the_lag():
    text = sentence(actual=D(24000), percent=D("80.0"), status=Status.LAGGING)
    assert text == "扶持创业2.4万人，占年计划的80%，年度目标3万人，进度滞后"


def test_an_indicator_without_approved_data_says_so():
    assert sentence(actual=None, percent=None, status=Status.NOT_STARTED) == (
        "扶持创业暂无经审核的完成数据"
    )


def test_a_done_milestone_reads_as_a_statement_of_fact():
    text = phrases.milestone_sentence(
        name="建成浮山全民健身中心", done=True, early=False, status=Status.COMPLETED
    )
    assert text == "建成浮山全民健身中心"


def test_a_late_milestone_is_reported_as_not_done():
    text = phrases.milestone_sentence(
        name="建成浮山全民健身中心", done=False, early=False, status=Status.LAGGING
    )
    assert text == "建成浮山全民健身中心，尚未完成，进度滞后"


def test_the_paragraph_joins_clauses_with_semicolons_and_ends_with_a_full_stop():
    assert (
        phrases.completion_paragraph(["甲1个", "乙2个"], "成效明显。") == "甲1个；乙2个。成效明显。"
    )


def test_the_plan_label_drops_the_year():
    assert phrases.plan_label("2025年市办实事", 2025) == "市办实事"


@given(
    target=st.integers(min_value=1, max_value=10**7),
    actual=st.integers(min_value=0, max_value=10**8),
)
def test_the_printed_percent_is_the_recomputed_one(target, actual):
    percent = percent_of_plan(Comparator.AT_LEAST, D(target), D(actual))
    status = Status.EXCEEDED if actual >= target else Status.ON_TRACK
    text = sentence(target=D(target), actual=D(actual), percent=percent, status=status)
    assert f"占年计划的{format_percent(percent)}" in text
