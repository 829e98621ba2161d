from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minsheng.core.chinese_numbers import (
    format_chinese_number,
    format_percent,
    format_quantity,
    plain_decimal,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (38400, "3.84万"),
        (350000, "35万"),
        (9640000000, "96.4亿"),
        (8148, "8148"),
        (13400, "1.34万"),
        (10000, "1万"),
        (Decimal("778.55"), "778.55"),
        (Decimal("186.20"), "186.2"),
        (0, "0"),
        (Decimal("12345.6"), "1.23456万"),
        (-50000, "-5万"),
    ],
)
def test_it_formats_like_the_report(value, text):
    assert format_chinese_number(value) == text


def test_it_prints_a_dash_for_no_value():
    assert format_chinese_number(None) == "—"


def test_percent_drops_a_zero_decimal():
    assert format_percent(Decimal("128.0")) == "128%"
    assert format_percent(Decimal("104.8")) == "104.8%"


def test_percent_quantities_are_not_scaled_by_wan():
    assert format_quantity(Decimal("90.97"), "%") == "90.97%"
    assert format_quantity(Decimal(13400), "个") == "1.34万个"


def _parse_back(text: str) -> Decimal:
    if text.endswith("亿"):
        return Decimal(text[:-1]) * Decimal(100_000_000)
    if text.endswith("万"):
        return Decimal(text[:-1]) * Decimal(10_000)
    return Decimal(text)


@given(st.decimals(min_value=-(10**13), max_value=10**13, places=4, allow_nan=False))
def test_formatting_is_exact_and_reversible(value):
    assert _parse_back(format_chinese_number(value)) == value


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False))
def test_plain_decimal_never_uses_an_exponent(value):
    assert "E" not in plain_decimal(value).upper()


def test_exactly_one_yi_is_written_in_yi():
    assert format_chinese_number(Decimal(100_000_000)) == "1亿"


def test_one_below_a_yi_is_written_in_wan():
    assert format_chinese_number(Decimal(99_999_999)) == "9999.9999万"


def test_exactly_one_wan_is_written_in_wan():
    assert format_chinese_number(Decimal(10_000)) == "1万"


def test_a_negative_yi_keeps_its_sign():
    assert format_chinese_number(Decimal(-200_000_000)) == "-2亿"


def test_a_negative_zero_is_written_zero():
    assert format_chinese_number(Decimal("-0.00")) == "0"


def test_no_percent_and_no_quantity_print_a_dash():
    assert (format_percent(None), format_quantity(None, "个")) == ("—", "—")


def test_a_percent_of_ten_thousand_or_more_is_not_scaled_by_wan():
    assert format_quantity(Decimal(12000), "%") == "12000%"
