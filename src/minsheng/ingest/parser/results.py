"""Reports that state only results, with no numbered list: 已完成948件（81%）, 康复救助2539名，完成率100.27%.

Such a report (a monthly 进展情况, a year-end news item) names each project by what was done.
A clause "N<unit>…已完成M<unit>" holds a target and its actual; a figure closed by a
completion rate ("完成率260%", "（50%）") is an actual whose target the report leaves unsaid.
Counts of the projects themselves (30项民生实事, 已完成19项) are not results.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from minsheng.ingest.parser.numbers import INDICATOR_UNITS, Quantity, find_quantities
from minsheng.ingest.parser.structure import Span

CLAUSE = re.compile(r"[，。；！？\n、：]")
SENTENCE = re.compile(r"[。；！？\n]")
DONE_BETWEEN = re.compile(r"已(?:完成|送|建成|帮扶|资助|开展|实施|改造|新增|提供)|(?<!未)完成")
BRACKET_PERCENT = re.compile(r"\s*（\s*(\d+(?:\.\d+)?)\s*%\s*）")
RATE_AFTER = re.compile(r"^[，、\s]*(?:整体|总体)?完成率(?:为|达到|达)?\s*(\d+(?:\.\d+)?)\s*%")
DONE_BEFORE = re.compile(
    r"完成|建成|新增|新建|改扩建|创建|接种|配置|帮扶|资助|救助|培训|开展|提供|维修|改造|开工|竣工"
)
META = re.compile(r"实事|事项|项目$|^[这其剩]")
UNITS = frozenset(INDICATOR_UNITS) - {"%", "项"}


@dataclass
class Result:
    """One figure of a results-only report: an actual, maybe its target, maybe a stated rate."""

    actual: Quantity
    clause: Span
    name: str
    target: Quantity | None = None
    stated_percent: Decimal | None = None
    stated_span: Span | None = None


def _clause(masked: str, position: int, start: int, end: int) -> Span:
    left = start
    for match in CLAUSE.finditer(masked, start, position):
        left = match.end()
    right = CLAUSE.search(masked, position, end)
    return (left, right.start() if right else end)


def results(text: str, masked: str, region: Span) -> list[Result]:
    start, end = region
    quantities = [q for q in find_quantities(masked, start, end) if q.countable and q.unit in UNITS]
    found: list[Result] = []
    skip: set[int] = set()
    for index, quantity in enumerate(quantities):
        if index in skip:
            continue
        clause = _clause(masked, quantity.start, start, end)
        before = text[clause[0] : quantity.start]
        if quantity.unit == "件" and META.search(text[quantity.end : quantity.end + 4]):
            continue
        partner = quantities[index + 1] if index + 1 < len(quantities) else None
        if (
            partner is not None
            and partner.unit == quantity.unit
            and partner.start < clause[1]
            and DONE_BETWEEN.search(text, quantity.end, partner.start)
        ):
            # 15个农村幸福院建设已完成8个（53%）: the first figure is the target
            skip.add(index + 1)
            name = text[quantity.end : partner.start]
            name = DONE_BETWEEN.split(name)[0].strip("，、 ")
            result = Result(partner, clause, name, target=quantity)
            _rate(text, result, partner.end, end)
            found.append(result)
            continue
        result = Result(
            quantity, clause, (before.strip("，、 ") or text[quantity.end : clause[1]])[:60]
        )
        _rate(text, result, quantity.end, end)
        if result.stated_percent is None and not DONE_BEFORE.search(before):
            continue
        found.append(result)
    return found


def _rate(text: str, result: Result, position: int, end: int) -> None:
    bracket = BRACKET_PERCENT.match(text, position, end)
    if bracket:
        result.stated_percent = Decimal(bracket.group(1))
        result.stated_span = (bracket.start(1), bracket.end(1))
        return
    rest = text[position : min(end, position + 40)]
    clause_end = CLAUSE.search(rest)
    after = rest[clause_end.start() if clause_end else len(rest) :]
    rate = RATE_AFTER.match(after)
    if rate and not SENTENCE.match(after):
        offset = position + (clause_end.start() if clause_end else len(rest))
        result.stated_percent = Decimal(rate.group(1))
        result.stated_span = (offset + rate.start(1), offset + rate.end(1))
