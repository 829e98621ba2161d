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
# a result reported against its line's target: 累计解决了2585个…，占总计划的99.2%
SHARE_AFTER = re.compile(
    r"^[，、\s]*(?:(?:整体|总体)?完成率(?:为|达到|达)?|占(?:总|年度|全年|年)?(?:计划|目标|任务)的?)"
    r"\s*(\d+(?:\.\d+)?)\s*%"
)
# 已全部完成 after the figure: 13家县级妇幼保健院建设已全部完成
DONE_AFTER = re.compile(r"^[^，。；]{0,16}?(?:已全部|已经|已)(?:完成|竣工|建成|投用)")
# 新提出改造提升1260个…: next year's proposal in a report, not a result
FUTURE_BEFORE = re.compile(r"提出|计划|拟|将|预计|力争|争取|下一步")
# 投资520万元, 补贴为600元/人/年: what was spent and rates, not what was done
INPUT_BEFORE = re.compile(r"(?:投资|投入|资金|补贴|奖补)(?:为)?\s*$")
# the figure a later clause reports against: 累计解决了2585个…，占总计划的99.2%
AGAINST = re.compile(r"累计|已完成|实际完成|已开展")
PLANNED = re.compile(r"计划|目标|任务")
DONE_BEFORE = re.compile(
    r"完成|建成|新增|新建|改扩建|创建|接种|配置|帮扶|资助|救助|培训|开展|提供|维修|改造|开工|竣工"
    r"|共建设|设置|配备|安置"
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


def _partner(
    text: str, masked: str, quantities: list[Quantity], index: int, region: Span
) -> int | None:
    """The later figure that reports on this one as its target, in the same sentence or line.

    计划…讲座50场，截至6月底已开展60场: same sentence, the first planned, the second done.
    2606个撤并村通公路（…）。…累计解决了2585个…，占总计划的99.2%: a line opened by its target.
    """
    quantity = quantities[index]
    start, end = region
    line_start = text.rfind("\n", start, quantity.start) + 1
    line_end = text.find("\n", quantity.start, end)
    line_end = end if line_end < 0 else line_end
    lead = text[max(line_start, start) : quantity.start]
    # the line's first sentence names the target: nothing reported before the figure
    opens_line = not SENTENCE.search(lead) and not re.search(r"已|累计|完成了", lead)
    sentence_end = SENTENCE.search(masked, quantity.end, end)
    stop = sentence_end.start() if sentence_end else end
    clause = _clause(masked, quantity.start, start, end)
    planned = bool(PLANNED.search(text, clause[0], quantity.start))
    best = None
    for later in range(index + 1, len(quantities)):
        other = quantities[later]
        if other.start >= line_end or other.unit != quantity.unit:
            continue
        other_clause = _clause(masked, other.start, start, end)
        if other_clause == clause:
            continue
        reports = AGAINST.search(text, other_clause[0], other.start)
        if not reports:
            continue
        if other.start < stop and planned:
            return later
        if opens_line:
            rated = SHARE_AFTER.match(_after_clause(text, other.end, end))
            if rated:
                return later
            if best is None or "累计" in text[other_clause[0] : other.start]:
                best = later
    return best if opens_line else None


def spent_or_rate(text: str, quantity: Quantity, clause_start: int) -> bool:
    """投资520万元 (what was spent) and 600元/人/年 (a rate): not work done."""
    before = text[max(clause_start, quantity.start - 4) : quantity.start]
    return text.startswith("/", quantity.end) or bool(INPUT_BEFORE.search(before))


def results(text: str, masked: str, region: Span, loose: bool = False) -> list[Result]:
    """The results of a region; loose: every counted figure (a report item), not only 完成…."""
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
        if spent_or_rate(text, quantity, clause[0]):
            continue
        partner = quantities[index + 1] if index + 1 < len(quantities) else None
        adjacent = (
            partner is not None
            and partner.unit == quantity.unit
            and partner.start < clause[1]
            and DONE_BETWEEN.search(text, quantity.end, partner.start)
        )
        distant = None if adjacent else _partner(text, masked, quantities, index, region)
        if distant is not None and distant not in skip:
            partner_quantity = quantities[distant]
            skip.add(distant)
            result = Result(partner_quantity, clause, before.strip("，、 ")[:60], target=quantity)
            _rate(text, result, partner_quantity.end, end, SHARE_AFTER)
            found.append(result)
            continue
        sentence_start = max(
            [start, *(m.end() for m in SENTENCE.finditer(masked, start, quantity.start))]
        )
        if FUTURE_BEFORE.search(text, sentence_start, quantity.start):
            continue
        if adjacent and partner is not None:
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
        done = DONE_BEFORE.search(before) or DONE_AFTER.match(text, quantity.end, clause[1])
        if result.stated_percent is None and not done and not loose:
            continue
        found.append(result)
    return found


def _after_clause(text: str, position: int, end: int) -> str:
    rest = text[position : min(end, position + 40)]
    clause_end = CLAUSE.search(rest)
    return rest[clause_end.start() if clause_end else len(rest) :]


def _rate(
    text: str, result: Result, position: int, end: int, pattern: re.Pattern[str] = RATE_AFTER
) -> None:
    bracket = BRACKET_PERCENT.match(text, position, end)
    if bracket:
        result.stated_percent = Decimal(bracket.group(1))
        result.stated_span = (bracket.start(1), bracket.end(1))
        return
    rest = text[position : min(end, position + 40)]
    clause_end = CLAUSE.search(rest)
    after = rest[clause_end.start() if clause_end else len(rest) :]
    rate = pattern.match(after)
    if rate and not SENTENCE.match(after):
        offset = position + (clause_end.start() if clause_end else len(rest))
        result.stated_percent = Decimal(rate.group(1))
        result.stated_span = (offset + rate.start(1), offset + rate.end(1))
