"""Reading figures as people type them: "3.5万" is 35000, exactly."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minsheng.core.chinese_numbers import format_chinese_number, parse_chinese_number


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("3.5万", "人", Decimal(35000)),
        ("3.5万人", "人", Decimal(35000)),
        ("39000", "人", Decimal(39000)),
        ("1,200", "个", Decimal(1200)),
        ("1.23456万", "", Decimal("12345.6")),
        ("96.4亿", "元", Decimal(9_640_000_000)),
        ("１２", "", Decimal(12)),
        ("90%", "%", Decimal(90)),
    ],
)
def test_a_figure_is_read_exactly(text, unit, expected):
    assert parse_chinese_number(text, unit) == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [("many", ""), ("3.5万个", "人"), ("1,20", ""), ("12.", ""), ("", ""), ("万", "")],
)
def test_what_is_not_a_figure_is_none(text, unit):
    assert parse_chinese_number(text, unit) is None


@given(st.decimals(min_value=0, max_value=10**12, places=4, allow_nan=False))
def test_a_figure_reads_back_as_it_is_shown(value):
    assert parse_chinese_number(format_chinese_number(value)) == value


def test_one_yi_is_a_hundred_million():
    assert parse_chinese_number("1亿") == Decimal(100_000_000)


def test_qian_wan_is_ten_million():
    assert parse_chinese_number("1.5千万", "元") == Decimal(15_000_000)


def test_bai_wan_is_a_million():
    assert parse_chinese_number("3百万") == Decimal(3_000_000)


def test_spaces_typed_inside_a_figure_are_ignored():
    assert parse_chinese_number("3.5 万") == Decimal(35_000)


def test_a_negative_figure_keeps_its_sign():
    assert parse_chinese_number("-1.5万") == Decimal(-15_000)


def test_two_magnitudes_in_a_row_are_not_a_figure():
    assert parse_chinese_number("1亿万") is None


def test_a_percent_is_not_a_figure_in_another_unit():
    assert parse_chinese_number("90%", "人") is None
