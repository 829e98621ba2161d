"""The fact-check: every stated figure recomputed, parts summed, claims held to the numbers."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from minsheng.ingest.parser.structure import Span
from minsheng.plans.completion import is_met, percent_of_plan, stated_percent_matches

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass
class Finding:
    """One thing a reader should check, with the sentence that gave rise to it."""

    kind: str
    severity: str
    sentence: str
    span: Span
    project: int | None = None
    indicator: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "project": self.project,
            "indicator": self.indicator,
            "sentence": self.sentence,
            "span": list(self.span),
            "params": {k: _plain(v) for k, v in self.params.items()},
        }


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return value


@dataclass
class Checks:
    """How many figures the fact-check recomputed, for the summary line."""

    stated_percents: int = 0
    stated_percents_agree: int = 0
    parts_sums: int = 0
    parts_sums_agree: int = 0
    claims: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def check_stated_percent(
    stated: Decimal, comparator: str, target: Decimal, actual: Decimal, baseline: Decimal | None
) -> tuple[bool, Decimal | None]:
    """Whether the claim agrees with actual ÷ target at its own precision, and the recomputed %."""
    computed = percent_of_plan(comparator, target, actual, baseline)
    if target == 0:
        return True, computed
    return stated_percent_matches(stated, comparator, target, actual), computed


def falls_short(comparator: str, target: Decimal, actual: Decimal) -> bool:
    return not is_met(comparator, target, actual)


def parts_agree(whole: Decimal, total: Decimal, parts: list[Decimal]) -> bool:
    """Parts add up to the whole, allowing each part its printed rounding (half a last digit)."""
    slack = Decimal(0)
    for value in parts:
        exponent = value.normalize().as_tuple().exponent
        places = exponent if isinstance(exponent, int) and exponent < 0 else 0
        slack += Decimal(5).scaleb(places - 1) if places < 0 else Decimal(0)
    return abs(whole - total) <= slack
