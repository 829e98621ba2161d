"""Numbers read back from a ledger cell are exactly the numbers that were typed."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minsheng.progress import ledger

typed = st.decimals(min_value=0, max_value=Decimal("1e12"), places=4, allow_nan=False)
# Excel keeps 15 significant digits: ten whole digits and four decimals fit.
typed_in_excel = st.decimals(min_value=0, max_value=Decimal("1e10"), places=4, allow_nan=False)


@given(typed)
def test_a_number_typed_as_text_reads_back_exactly(value):
    assert ledger._parse_number(f"{value:f}") == value


@given(typed_in_excel)
def test_a_number_excel_stored_as_a_float_reads_back_as_typed(value):
    # Excel keeps what was typed as a double; its shortest text is the typed number.
    assert ledger._parse_number(float(value)) == Decimal(repr(float(value)))
    assert ledger._parse_number(float(value)).quantize(Decimal("0.0001")) == value


@given(typed)
def test_thousands_separators_are_ignored(value):
    assert ledger._parse_number(f"{value:,f}") == value


@given(st.integers(min_value=0, max_value=10**15))
def test_a_whole_number_written_out_comes_back_as_a_whole_excel_number(value):
    assert ledger._number(Decimal(value)) == value


@pytest.mark.parametrize("raw", ["五千", "", "1.2.3", "NaN", "Infinity", True])
def test_what_is_not_a_number_is_refused(raw):
    with pytest.raises((ArithmeticError, ValueError)):
        ledger._parse_number(raw)
