"""Early warning (预警): how far an item is behind its schedule on a date, and how bad that is.

Pure functions on Decimal, no database. The expected value comes from the indicator's schedule
(plans.schedule.expected_share: linear over the year when there is none); the actual is the
latest approved cumulative value. The level compares the two in percentage points of the
target against the plan's margins: more than `yellow_margin` points behind is yellow, more than
`red_margin` is red. A promise past its due date and not kept is "overdue"; an item with no
approved report although progress is expected is "no report".
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.plans.choices import Comparator
from minsheng.plans.completion import HUNDRED, is_met, progress_share, round_percent
from minsheng.plans.schedule import expected_share

CENT = Decimal("0.01")


class Level(models.TextChoices):
    """A warning level. Ordered by risk in RISK (overdue is worst)."""

    GREEN = "green", _("green")
    YELLOW = "yellow", _("yellow")
    NO_REPORT = "no_report", _("no report")
    RED = "red", _("red")
    OVERDUE = "overdue", _("overdue")


# Higher is riskier; used to sort the cockpit's list.
RISK: dict[str, int] = {
    Level.GREEN: 0,
    Level.YELLOW: 1,
    Level.NO_REPORT: 2,
    Level.RED: 3,
    Level.OVERDUE: 4,
}


def to_cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class EarlyWarning:
    """One item's warning on a date.

    `gap` is in the item's unit and positive when behind (for "≤" promises: above the
    expected value); `behind_points` is the unrounded shortfall in percentage points of the
    target, the figure compared with the plan's margins.
    """

    level: Level
    expected_share: Decimal
    expected_value: Decimal
    actual: Decimal | None
    gap: Decimal | None
    percent: Decimal | None
    behind_points: Decimal | None

    @property
    def expected_percent(self) -> Decimal:
        return round_percent(self.expected_share * HUNDRED)

    @property
    def risk(self) -> tuple[int, Decimal]:
        """Sort key: the level first, then how many points behind."""
        return (RISK[self.level], self.behind_points or Decimal(0))


def level_for(behind_points: Decimal, *, yellow_margin: Decimal, red_margin: Decimal) -> Level:
    """Green, yellow or red for a shortfall in points: strictly more than a margin crosses it."""
    if behind_points > red_margin:
        return Level.RED
    if behind_points > yellow_margin:
        return Level.YELLOW
    return Level.GREEN


def expected_value(
    comparator: str, target: Decimal, baseline: Decimal | None, share: Decimal
) -> Decimal:
    """The value the schedule asks for: a share of the target, or for "≤" the way down from the baseline."""
    if comparator == Comparator.AT_MOST:
        if baseline is not None and baseline > target:
            return to_cents(baseline - (baseline - target) * share)
        return to_cents(target)
    return to_cents(target * share)


def indicator_warning(
    *,
    comparator: str,
    target: Decimal,
    actual: Decimal | None,
    points: Sequence[tuple[date, Decimal]],
    start: date,
    due: date,
    as_of: date,
    yellow_margin: Decimal,
    red_margin: Decimal,
    baseline: Decimal | None = None,
) -> EarlyWarning:
    """The warning for an indicator, or an allocation of one (its own target and actual)."""
    share = expected_share(points, start=start, end=due, as_of=as_of)
    expected = expected_value(comparator, target, baseline, share)
    if actual is None:
        if as_of > due:
            level = Level.OVERDUE
        elif share > 0:
            level = Level.NO_REPORT
        else:
            level = Level.GREEN
        return EarlyWarning(level, share, expected, None, None, None, None)
    done_share = progress_share(comparator, target, actual, baseline)
    behind = (share - done_share) * HUNDRED
    gap = actual - expected if comparator == Comparator.AT_MOST else expected - actual
    if is_met(comparator, target, actual):
        level = Level.GREEN
    elif as_of > due:
        level = Level.OVERDUE
    else:
        level = level_for(behind, yellow_margin=yellow_margin, red_margin=red_margin)
    return EarlyWarning(
        level=level,
        expected_share=share,
        expected_value=expected,
        actual=actual,
        gap=to_cents(gap),
        percent=round_percent(done_share * HUNDRED),
        behind_points=behind,
    )


def milestone_warning(
    *, done: bool, reported: bool, start: date, due: date, as_of: date
) -> EarlyWarning:
    """A milestone is kept or not: overdue past its due date, "no report" while nobody reports."""
    share = Decimal(1) if as_of >= due else Decimal(0)
    if done:
        level = Level.GREEN
    elif as_of > due:
        level = Level.OVERDUE
    elif not reported and as_of > start:
        level = Level.NO_REPORT
    else:
        level = Level.GREEN
    value = Decimal(1) if done else Decimal(0)
    return EarlyWarning(
        level=level,
        expected_share=share,
        expected_value=share,
        actual=value if reported else None,
        gap=(share - value) if reported else None,
        percent=round_percent(value * HUNDRED) if reported else None,
        behind_points=(share - value) * HUNDRED if reported else None,
    )
