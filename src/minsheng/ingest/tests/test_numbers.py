"""The tokenizer: quantities inside sentences, converted exactly."""

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from minsheng.ingest.parser.numbers import (
    find_quantities,
    find_stated_percents,
    mask,
    normalize,
    to_decimal,
)


def quantities(text: str) -> list[tuple[Decimal, str, str]]:
    prepared = mask(normalize(text))
    return [(q.value, q.unit, q.kind) for q in find_quantities(prepared)]


def counted(text: str) -> list[tuple[Decimal, str]]:
    return [(value, unit) for value, unit, kind in quantities(text) if kind == "quantity"]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("3.84万", Decimal(38400)),
        ("三千六百", Decimal(3600)),
        ("两万", Decimal(20000)),
        ("1.23456万", Decimal("12345.6")),
        ("负5", Decimal(-5)),
        ("96.4亿", Decimal(9640000000)),
        ("1,000", Decimal(1000)),
        ("十", Decimal(10)),
    ],
)
def test_numerals_convert_exactly(numeral: str, value: Decimal) -> None:
    assert to_decimal(numeral) == value


def test_cn2an_truncation_of_long_decimals_is_not_inherited() -> None:
    assert counted("补贴1.23456万元") == [(Decimal("1.23456"), "万元")]


def test_full_width_digits_are_read() -> None:
    assert counted("新增就业５万人，其中１．２万人") == [
        (Decimal(50000), "人"),
        (Decimal(12000), "人"),
    ]


def test_a_quantity_is_found_inside_a_sentence_with_its_unit() -> None:
    assert counted("扶持创业3.84万人，新增公共停车位1.34万个") == [
        (Decimal(38400), "人"),
        (Decimal(13400), "个"),
    ]


def test_longest_unit_wins() -> None:
    assert counted("抽检14万批次，培训30万人次") == [
        (Decimal(140000), "批次"),
        (Decimal(300000), "人次"),
    ]


def test_persons_counted_with_ming_are_persons() -> None:
    assert counted("为2万名新就业形态劳动者") == [(Decimal(20000), "人")]


def test_ages_and_age_ranges_are_not_counts() -> None:
    assert counted("为40—74周岁居民和60岁以上老人") == []


def test_dates_and_durations_are_not_counts() -> None:
    assert counted("自2025年1月1日起，8月份，1年期，控制在35分钟以内") == []


def test_phone_numbers_are_not_counts() -> None:
    assert counted("心理援助热线（0532-58525525）") == []


def test_quoted_names_hold_no_counts() -> None:
    assert counted("“15分钟健身圈”和“四好农村路”600公里") == [(Decimal(600), "公里")]


def test_ordinals_and_idioms_are_not_counts() -> None:
    assert counted("位居全国第三，建设一张网，千家万户，5G基站") == []


def test_more_than_is_kept() -> None:
    [quantity] = find_quantities(mask(normalize("惠及230多个村庄")))
    assert quantity.more


def test_chinese_percent_is_read() -> None:
    assert counted("覆盖率达到百分之五十五") == [(Decimal(55), "%")]


def test_ten_thousand_yuan_stays_in_its_own_unit() -> None:
    assert counted("投资5000万元") == [(Decimal(5000), "万元")]


def test_hundred_million_yuan_is_whole_yuan() -> None:
    assert counted("费用3.8亿元") == [(Decimal(380000000), "元")]


def test_months_and_hours_counted_with_ge_are_durations() -> None:
    assert counted("提前两个月完成，办理时间压缩到3个工作日，100个小区") == [(Decimal(100), "个")]


def test_a_word_that_begins_with_a_unit_is_not_a_unit() -> None:
    assert counted("3部门联合，二次供水") == []


def test_stated_percent_is_found() -> None:
    [claim] = find_stated_percents(normalize("扶持创业3.84万人，占年计划的128%"))
    assert claim.values[0][0] == Decimal(128)


def test_respective_percents_are_kept_in_order() -> None:
    [claim] = find_stated_percents(normalize("分别占年计划的123.3%、100%"))
    assert claim.respectively
    assert [value for value, _s, _e in claim.values] == [Decimal("123.3"), Decimal(100)]


def test_progress_bulletin_percent_is_a_stated_percent() -> None:
    [claim] = find_stated_percents(normalize("已完成年度目标任务的55%"))
    assert claim.values[0][0] == Decimal(55)


def test_normalising_keeps_every_offset() -> None:
    text = "（１２３）：，;５５％"
    assert len(normalize(text)) == len(text)


@given(st.decimals(min_value=0, max_value=10**8, places=5, allow_nan=False))
def test_any_figure_with_wan_is_exact(value: Decimal) -> None:
    assert to_decimal(f"{value}万") == value * 10_000


@given(st.integers(min_value=2, max_value=10**8))
def test_chinese_numerals_round_trip(value: int) -> None:
    assert to_decimal(cn2an.an2cn(value)) == value


@given(st.integers(min_value=0, max_value=10**7), st.sampled_from(["个", "人", "公里", "套"]))
def test_a_figure_is_found_wherever_it_sits(value: int, unit: str) -> None:
    assert counted(f"全市新增{value}{unit}，群众满意") == [(Decimal(value), unit)]


def test_an_arabic_figure_with_qian_counts_thousands() -> None:
    assert to_decimal("8千") == 8000


def test_thousands_written_with_qian_before_a_unit() -> None:
    text = normalize("解决周边8千余户群众用水问题")
    assert [(q.value, q.unit) for q in find_quantities(mask(text))] == [(8000, "户")]


def test_qian_of_a_unit_of_its_own_is_no_multiplier() -> None:
    text = normalize("新建绿道3千米，装机5千瓦")
    assert [(q.value, q.unit) for q in find_quantities(mask(text))] == [(3, "公里"), (5, "千瓦")]


def test_people_named_by_who_they_are_are_persons() -> None:
    assert [(v, u) for v, u, _ in quantities("20万学生脊柱侧弯筛查全覆盖")] == [
        (Decimal(200000), "人")
    ]


def test_the_families_of_students_are_no_persons() -> None:
    assert quantities("将优质资源惠及区内10万学生家庭") == []


def test_a_figure_whose_whole_part_the_copy_lost_is_no_figure() -> None:
    assert quantities("完成江门里等点位约.7公里排水设施养护") == []


def test_seat_visits_are_no_seats() -> None:
    assert quantities("掏挖检雨井14.1万余座次") == []


def test_extended_metres_of_pipe_are_metres() -> None:
    assert counted("改造给排水管网2.2万延长米") == [(Decimal(22000), "米")]
