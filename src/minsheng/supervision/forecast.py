"""Forecast (预测): the year-end value at the current pace and the day the target is reached.

Pure functions on Decimal, no database. The pace is read from the last two approved reports
(the first report is paired with the start of the year: cumulative counts start at zero, or
at the baseline for a "≤" promise). When the indicator has a schedule the projection follows
its shape instead: an item at 80 % of its planned curve is expected to end at 80 % of target.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.plans.choices import Comparator
from minsheng.plans.completion import is_met
from minsheng.plans.schedule import expected_share
from minsheng.supervision.early_warning import to_cents

# A date further out than this is no forecast but a figure of speech.
HORIZON_DAYS = 3660


class Method(models.TextChoices):
    NONE = "none", _("no reports yet")
    LINEAR = "linear", _("linear at the latest pace")
    SCHEDULE = "schedule", _("shaped by the schedule")


@dataclass(frozen=True)
class Forecast:
    """`reached_on` is the day the target was or will be kept; None when the pace never gets there."""

    year_end_value: Decimal | None
    reached_on: date | None
    method: Method


def _origin(comparator: str, baseline: Decimal | None, start: date) -> tuple[date, Decimal] | None:
    if comparator == Comparator.AT_MOST:
        return (start, baseline) if baseline is not None else None
    return (start, Decimal(0))


def linear_pace(
    series: Sequence[tuple[date, Decimal]],
    *,
    comparator: str,
    baseline: Decimal | None,
    start: date,
) -> Decimal | None:
    """Change per day between the last two reports (or the start and the only report)."""
    points = sorted(series)
    origin = _origin(comparator, baseline, start)
    if origin is not None and points and points[0][0] > start:
        points.insert(0, origin)
    if len(points) < 2:
        return None
    (left_day, left_value), (right_day, right_value) = points[-2], points[-1]
    span = (right_day - left_day).days
    if span <= 0:
        return None
    return (right_value - left_value) / Decimal(span)


def _days_to(gap: Decimal, pace: Decimal) -> int:
    return int((gap / pace).to_integral_value(rounding=ROUND_CEILING))


def forecast(
    *,
    comparator: str,
    target: Decimal,
    series: Sequence[tuple[date, Decimal]],
    points: Sequence[tuple[date, Decimal]],
    start: date,
    end: date,
    baseline: Decimal | None = None,
) -> Forecast:
    """Project the cumulative `series` (date, approved value) to `end` and find when it meets the target."""
    if not series:
        return Forecast(None, None, Method.NONE)
    ordered = sorted(series)
    last_day, last_value = ordered[-1]
    met_on = next((day for day, value in ordered if is_met(comparator, target, value)), None)
    pace = linear_pace(ordered, comparator=comparator, baseline=baseline, start=start)
    remaining = max((end - last_day).days, 0)

    linear_end = last_value if pace is None else max(last_value + pace * remaining, Decimal(0))
    linear_reached: date | None = None
    toward = pace is not None and (pace < 0 if comparator == Comparator.AT_MOST else pace > 0)
    if met_on is None and toward and pace is not None:
        days = _days_to(target - last_value, pace)
        if days <= HORIZON_DAYS:
            linear_reached = last_day + timedelta(days=days)

    share_then = expected_share(points, start=start, end=end, as_of=last_day)
    if points and comparator != Comparator.AT_MOST and share_then > 0 and last_day < end:
        year_end = last_value / share_then
        reached = met_on
        if reached is None and last_value > 0:
            needed = share_then * target / last_value
            reached = _schedule_reached(
                points, start=start, end=end, last_day=last_day, needed=needed
            )
        if reached is None and linear_reached is not None and linear_reached > end:
            reached = linear_reached
        return Forecast(to_cents(year_end), reached, Method.SCHEDULE)
    return Forecast(to_cents(linear_end), met_on or linear_reached, Method.LINEAR)


def _schedule_reached(
    points: Sequence[tuple[date, Decimal]],
    *,
    start: date,
    end: date,
    last_day: date,
    needed: Decimal,
) -> date | None:
    """The first day the schedule's share reaches `needed` (the curve never falls: bisect)."""
    if needed > 1:
        return None
    low, high = 0, (end - last_day).days
    while low < high:
        middle = (low + high) // 2
        day = last_day + timedelta(days=middle)
        if expected_share(points, start=start, end=end, as_of=day) >= needed:
            high = middle
        else:
            low = middle + 1
    return last_day + timedelta(days=low)
