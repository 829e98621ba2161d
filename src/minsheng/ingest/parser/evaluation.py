"""Precision and recall of extracted indicators against a hand-checked gold annotation.

Both sides are interchange documents (or any dict with projects → indicators). An extracted
indicator is aligned with a gold one in the same project by target and unit, else by order;
one with no gold partner is invented.
"""

from dataclasses import dataclass, field
from typing import Any

FIELDS = ("target", "unit", "comparator", "actual", "stated_percent")


@dataclass
class FieldScore:
    true_positive: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 1.0


@dataclass
class Score:
    indicators: int = 0
    exact: int = 0
    invented: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})

    @property
    def exact_share(self) -> float:
        return self.exact / self.indicators if self.indicators else 1.0

    def add(self, other: "Score") -> None:
        self.indicators += other.indicators
        self.exact += other.exact
        self.invented += other.invented
        self.missed += other.missed
        self.wrong += other.wrong
        for name in FIELDS:
            mine, theirs = self.fields[name], other.fields[name]
            mine.true_positive += theirs.true_positive
            mine.predicted += theirs.predicted
            mine.expected += theirs.expected


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-9
    return bool(a == b)


def score(extracted: dict[str, Any], gold: dict[str, Any]) -> Score:
    """Compare indicators project by project (matched on the project number)."""
    result = Score()
    found = {p["number"]: p["indicators"] for p in extracted.get("projects", [])}
    expected = {p["number"]: p["indicators"] for p in gold.get("projects", [])}
    for number in sorted(set(found) | set(expected)):
        mine, theirs = list(found.get(number, [])), expected.get(number, [])
        used: set[int] = set()
        for position, gold_indicator in enumerate(theirs):
            result.indicators += 1
            partner = _partner(mine, used, gold_indicator, position)
            for name in FIELDS:
                if gold_indicator.get(name) is not None:
                    result.fields[name].expected += 1
            if partner is None:
                result.missed.append(f"{number}: {gold_indicator.get('name', '')}")
                continue
            used.add(partner)
            indicator = mine[partner]
            exact = True
            for name in FIELDS:
                value, wanted = indicator.get(name), gold_indicator.get(name)
                if value is not None:
                    result.fields[name].predicted += 1
                    if _same(value, wanted):
                        result.fields[name].true_positive += 1
                if not _same(value, wanted):
                    exact = False
            if exact:
                result.exact += 1
            else:
                result.wrong.append(
                    f"{number}: {gold_indicator.get('name', '')}: "
                    + ", ".join(
                        f"{n}={indicator.get(n)!r} (gold {gold_indicator.get(n)!r})"
                        for n in FIELDS
                        if not _same(indicator.get(n), gold_indicator.get(n))
                    )
                )
        for index, indicator in enumerate(mine):
            if index not in used:
                result.invented += 1
                for name in FIELDS:
                    if indicator.get(name) is not None:
                        result.fields[name].predicted += 1
    return result


def _partner(
    mine: list[dict[str, Any]], used: set[int], gold: dict[str, Any], position: int
) -> int | None:
    for index, indicator in enumerate(mine):
        if (
            index not in used
            and _same(indicator["target"], gold["target"])
            and (indicator["unit"] == gold["unit"])
        ):
            return index
    if position < len(mine) and position not in used:
        return position
    return None


def table(result: Score) -> str:
    """A small text table of precision and recall per field."""
    lines = [f"{'field':<16}{'precision':>10}{'recall':>10}"]
    for name in FIELDS:
        item = result.fields[name]
        lines.append(f"{name:<16}{item.precision:>10.3f}{item.recall:>10.3f}")
    lines.append(
        f"exact {result.exact}/{result.indicators} ({result.exact_share:.1%}), "
        f"invented {result.invented}"
    )
    return "\n".join(lines)
