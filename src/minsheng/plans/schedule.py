"""Schedules (进度计划): the planned cumulative share of a target by date.

A schedule is a list of (date, cumulative percent) points; the share on any day is read by
straight lines between them, from 0 % at the start of the plan. No points means linear over
the year. Pure functions, no database.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import pairwise

HUNDRED = Decimal(100)


def expected_share(
    points: Sequence[tuple[date, Decimal]], *, start: date, end: date, as_of: date
) -> Decimal:
    """The planned cumulative fraction (0–1) of the target on `as_of`."""
    curve = [(start, Decimal(0)), *sorted(points)]
    if curve[-1][0] < end:
        curve.append((end, HUNDRED))
    if as_of <= start:
        return Decimal(0)
    for (left_day, left_percent), (right_day, right_percent) in pairwise(curve):
        if as_of <= right_day:
            span = (right_day - left_day).days
            if span <= 0:
                return right_percent / HUNDRED
            elapsed = Decimal((as_of - left_day).days) / Decimal(span)
            return (left_percent + (right_percent - left_percent) * elapsed) / HUNDRED
    return min(curve[-1][1], HUNDRED) / HUNDRED
