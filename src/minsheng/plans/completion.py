"""The number rules: percent of plan and status from a target, an actual, a date and a schedule.

Pure functions on Decimal, no database. Every page, report and warning calls these, so the
figure a resident sees is the figure the office checks. Percent is rounded half-up to one
decimal, as reports print it: 778.55 of 600 → 129.8.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from minsheng.plans.choices import Comparator, Status

HUNDRED = Decimal(100)
ONE_DECIMAL = Decimal("0.1")


def round_percent(value: Decimal) -> Decimal:
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def is_met(comparator: str, target: Decimal, actual: Decimal) -> bool:
    """Whether the actual keeps the promise: ≥ target, ≤ target, or = target."""
    if comparator == Comparator.AT_LEAST:
        return actual >= target
    if comparator == Comparator.AT_MOST:
        return actual <= target
    return actual == target


def progress_share(
    comparator: str, target: Decimal, actual: Decimal, baseline: Decimal | None = None
) -> Decimal:
    """How far along the promise is, as an unrounded fraction (1 = kept).

    For "≥" it is actual ÷ target and may pass 1 (超额). For "≤" (降至800元) a met target is
    exactly 1 — going lower is not "more than done" — and an unmet one is measured from the
    baseline when there is one, else as target ÷ actual. For "=" overshooting does not count.
    """
    if comparator == Comparator.AT_LEAST:
        if target == 0:
            return Decimal(1)
        return max(actual, Decimal(0)) / target
    if comparator == Comparator.AT_MOST:
        if actual <= target:
            return Decimal(1)
        if baseline is not None and baseline > target:
            return max(Decimal(0), (baseline - actual) / (baseline - target))
        return target / actual if actual > 0 else Decimal(0)
    if target == 0:
        return Decimal(1) if actual == 0 else Decimal(0)
    share = max(actual, Decimal(0)) / target
    return share if share <= 1 else target / actual


def percent_of_plan(
    comparator: str, target: Decimal, actual: Decimal | None, baseline: Decimal | None = None
) -> Decimal | None:
    """占年计划的%: the share of the promise kept, in percent with one decimal; None with no actual."""
    if actual is None:
        return None
    return round_percent(progress_share(comparator, target, actual, baseline) * HUNDRED)


@dataclass(frozen=True)
class Assessment:
    percent: Decimal | None
    status: Status
    expected_percent: Decimal


def assess_indicator(
    *,
    comparator: str,
    target: Decimal,
    actual: Decimal | None,
    expected_share: Decimal,
    as_of: date,
    due: date,
    met_on: date | None = None,
    baseline: Decimal | None = None,
    lag_tolerance: Decimal = Decimal("0.05"),
) -> Assessment:
    """Status and percent of one indicator on `as_of`.

    `expected_share` is what the schedule asks for by `as_of` (0–1); `met_on` is the date of the
    first approved report that kept the promise; `due` is the indicator's deadline (the end of
    the plan year unless stated). A "≤" indicator can never be "exceeded".
    """
    expected_percent = round_percent(expected_share * HUNDRED)
    percent = percent_of_plan(comparator, target, actual, baseline)
    if actual is None:
        status = Status.LAGGING if as_of > due else Status.NOT_STARTED
        return Assessment(percent, status, expected_percent)
    if is_met(comparator, target, actual):
        if comparator == Comparator.AT_LEAST and actual > target:
            status = Status.EXCEEDED
        elif met_on is not None and met_on < due:
            status = Status.COMPLETED_EARLY
        else:
            status = Status.COMPLETED
        return Assessment(percent, status, expected_percent)
    share = progress_share(comparator, target, actual, baseline)
    behind = as_of > due or share < expected_share - lag_tolerance
    return Assessment(percent, Status.LAGGING if behind else Status.ON_TRACK, expected_percent)


def assess_milestone(
    *, done: bool, done_on: date | None, due: date, as_of: date, reported: bool
) -> Assessment:
    """A milestone is 0 % or 100 %: done (early if before its due date), else on track or late.

    Its schedule asks for nothing before the due date and for all of it from that day on (as
    its warning in supervision.early_warning reads it), done or not.
    """
    expected = round_percent(HUNDRED if as_of >= due else Decimal(0))
    if done:
        early = done_on is not None and done_on < due
        status = Status.COMPLETED_EARLY if early else Status.COMPLETED
        return Assessment(round_percent(HUNDRED), status, expected)
    if as_of > due:
        status = Status.LAGGING
    elif reported:
        status = Status.ON_TRACK
    else:
        status = Status.NOT_STARTED
    return Assessment(Decimal("0.0"), status, expected)


def stated_percent_matches(
    stated: Decimal, comparator: str, target: Decimal, actual: Decimal
) -> bool:
    """Whether a report's claim ("占年计划的128%") agrees with the recomputed percent.

    Offices print whole or one-decimal percents, so a claim matches when it equals the
    recomputed value rounded to the claim's own precision, or cut to it (7558 of 6300 is
    119.97%, which some offices print as 119%).
    """
    share = progress_share(comparator, target, actual) * HUNDRED
    exponent = stated.as_tuple().exponent
    places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return stated in {
        share.quantize(places, rounding=ROUND_HALF_UP),
        share.quantize(places, rounding=ROUND_DOWN),
    }
