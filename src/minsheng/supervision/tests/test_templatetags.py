from decimal import Decimal

import pytest

from minsheng.supervision.templatetags.supervision import cn_approx


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("174038.46"), "17.4038万"),
        (Decimal("4.97"), "4.97"),
        (Decimal("4.90"), "4.9"),
        (Decimal("10.00"), "10"),
        (Decimal("0.004"), "0"),
    ],
)
def test_computed_values_are_rounded_for_reading(value, shown):
    assert cn_approx(value) == shown


def test_nothing_shows_as_empty():
    assert cn_approx(None) == ""
