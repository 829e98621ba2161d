"""Aggregating expert scores (专家评分): mean, spread and outliers, in exact decimals.

Each expert scores a candidate on every criterion of the rubric; the expert's total is the
weighted mean of those scores (weights need not sum to 1). Across experts the candidate's
score is the mean of the totals, the spread is their population standard deviation, and an
expert's total is an *outlier* by the modified z-score rule (Iglewicz & Hoaglin):
|0.6745 · (x − median) / MAD| > 3.5, where MAD is the median absolute deviation. When MAD
is 0 (most experts agree exactly) the mean absolute deviation stands in for it:
|(x − median) / (1.253314 · MeanAD)| > 3.5.
Everything is rounded half-up to two decimals only for display.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median
from typing import Generic, TypeVar

E = TypeVar("E")
K = TypeVar("K")

CENT = Decimal("0.01")
Z_FACTOR = Decimal("0.6745")
Z_LIMIT = Decimal("3.5")
MEAN_AD_FACTOR = Decimal("1.253314")


def round2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def weighted_total(scores: Mapping[K, Decimal], weights: Mapping[K, Decimal]) -> Decimal:
    """The weighted mean of one expert's scores over the criteria in `weights`."""
    missing = set(weights) - set(scores)
    if missing:
        raise ValueError(f"no score for {sorted(map(str, missing))}")
    weight = sum(weights.values(), Decimal(0))
    if weight <= 0:
        raise ValueError("the weights must add up to more than zero")
    return sum((scores[name] * w for name, w in weights.items()), Decimal(0)) / weight


@dataclass(frozen=True)
class Aggregate(Generic[E]):
    count: int
    mean: Decimal | None
    spread: Decimal | None  # population standard deviation
    median: Decimal | None
    outliers: list[E]


def aggregate(totals: Mapping[E, Decimal]) -> Aggregate[E]:
    """Mean, spread, median and outlying experts of the experts' totals."""
    values: Sequence[Decimal] = list(totals.values())
    if not values:
        return Aggregate(0, None, None, None, [])
    n = Decimal(len(values))
    mean = sum(values, Decimal(0)) / n
    spread = (sum(((v - mean) ** 2 for v in values), Decimal(0)) / n).sqrt()
    mid = Decimal(median(values))
    mad = Decimal(median([abs(v - mid) for v in values]))
    if mad != 0:
        outliers = [e for e, v in totals.items() if abs(Z_FACTOR * (v - mid) / mad) > Z_LIMIT]
    else:
        mean_ad = sum((abs(v - mid) for v in values), Decimal(0)) / n
        scale = MEAN_AD_FACTOR * mean_ad
        outliers = [e for e, v in totals.items() if scale and abs((v - mid) / scale) > Z_LIMIT]
    return Aggregate(len(values), mean, spread, mid, outliers)
