"""Targets from the promise, actuals from 完成情况, and each actual matched to its indicator.

A quantity's context is the words that name what it counts: the words before it in its clause
("新增公共停车位1万个"), or after it when the number comes first ("50个样板小区"). Matching
compares those words as character pairs, within one project and between compatible units.
"""

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from minsheng.ingest.parser.numbers import (
    INDICATOR_UNITS,
    Quantity,
    StatedPercent,
    find_quantities,
    find_stated_percents,
    of_several_years,
)
from minsheng.ingest.parser.programme import (
    LIST_NOUN,
    PARTS_AFTER,
    QUALIFIER,
    counts_the_programme,
)
from minsheng.ingest.parser.structure import Span
from minsheng.plans.completion import stated_percent_matches

CLAUSE_BREAK = re.compile(r"[，。；！？\n（）：]")
SENTENCE_BREAK = re.compile(r"[。；！？\n]")
CONNECTORS = "、和及与并，,以 "
SUFFIXES = ("及以上", "以上", "以内", "以下", "左右")
LTE_BEFORE = re.compile(
    r"(降至|降到|降低至|降低到|下降至|下降到|减少至|减少到|减至|压减至|压减到|压降至|调减至|调减到"
    r"|不超过|不高于|控制在|(?<!不)低于|(?<!不)少于)\s*$"
)
GTE_BEFORE = re.compile(
    r"(不少于|不低于|至少|(?<!不)超过|(?<!不)超|达到|达|提高到|提高至|提升到|提升至|增加到|增至)\s*$"
)
# 受益群众5万人, 惠及17个乡镇, 惠及群众50万人: whom and where the work reaches, not what it makes
# (惠及居民1.2万户 beside 改造老旧小区35个 counts the households of the works, and is counted)
BENEFIT_BEFORE = re.compile(
    r"(?<!新增)(?<!增加)受益(?:群众|人口|居民|农户|人群)?\s*$|惠及(?:群众|人口|人群)?\s*$"
)
# 涉及乌拉斯特镇、喀尔交镇…约1200户农牧民: who the work reaches, after the places it runs through
# (涉及居民约3.2万户 beside 改造老旧小区86个 is the work's own measure, and stays a target)
INVOLVED_BEFORE = re.compile(
    r"涉及[^，。；\d]{0,40}?(?:镇|乡|村|街道|社区)[^，。；\d]{0,10}?(?:约|近|共)?\s*$"
)
# 用地面积24938.8㎡（37.4082亩）: the same measure again, in brackets, in another unit
RESTATED = re.compile(r"\d\s*(?:㎡|m²|平方米|亩|公顷|米|公里|千米)\s*（$")
BETTER_BEFORE = re.compile(r"改善|提高|提升|保障")
OF_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,6}的")
# 十件实事, 10件2024年度重点民生实事项目, 10件为民办实事项目: the list itself, not one of its
# figures (programme.LIST_NOUN, the words that name the list's items)
LIST_AFTER = re.compile(rf"^(?:20\d\d年度?)?{QUALIFIER}{LIST_NOUN}")
# 共收集…提出的意见建议110条, 提出的120多条金点子, 最终形成建议289条: the suggestions, not the list
SUGGESTIONS_BEFORE = re.compile(
    r"(?:征集|收集|收到|形成|梳理|提出)[^，。；]{0,24}?(?:意见建议|意见|建议|金点子)(?:共|计)?\s*$"
)
SUGGESTIONS_AFTER = re.compile(r"^[多余]?(?:条|件)?(?:意见建议|意见|建议|金点子)")
# 较去年增加856条: the change against last year, not a figure of this year's own
CHANGE_ON_LAST_YEAR = re.compile(
    r"(?:较|比)(?:去年|上年|上一年)(?:同期)?(?:增加|减少|多|少|增长)?\s*$"
)
# 市定民生大事15件, 12件按进度推进中: the list named before its count, or its pace after
LIST_BEFORE = re.compile(r"(?:民生|惠民|为民|民心)(?:实事|大事|工程)(?:项目)?(?:共|有|共有)?\s*$")
PACE_AFTER = re.compile(r"^(?:已|正在|按|超|提前|滞后|均)?(?:完成|推进|序时|进度|实施|开工|建设中)")
AS_OF_BEFORE = re.compile(r"(?:截至|截止)[^。；]*$")
# 去年实际新建和改扩建中小学校40所、新增学位6万多个: what was done, in a plan looking back
ACTUAL_BEFORE = re.compile(
    r"实际(?:完成|新建|新增|建成|开工|改造|解决|培训|发放|投入|帮助|开展)[^。；]*$"
)
ALREADY_BEFORE = re.compile(r"已经?(?:达到?|完成|建成|实现|新增|改造|开通)[^，。；\d]{0,4}$")
FUNDS_RATE_BEFORE = re.compile(r"(?:拨付|支付|到位|执行|支出)(?:率|进度)(?:为|达到?|已达)?\s*$")
DIMENSION_BEFORE = re.compile(
    r"(?:(?<![拓加])宽|宽度|(?<![提升增加拔])高|高度|(?<![加])深|深度|(?<![加])厚|厚度|直径|层高|海拔)"
    r"(?:为|约|达)?\s*$"
)
RANGE_BETWEEN = re.compile(r"\s*(?:至|到|~|～)\s*$")
CAPACITY_BEFORE = re.compile(
    r"(?:日|每日|每天|年)(?:最大|平均)?(?:处理|供水|转运|产)(?:量|能力|规模)?(?:为|达|约)?\s*$"
)
# 办好…实事，每个乡镇不少于2件: the clause counts the 实事 named before it, nothing of its own
LIST_SHARE = re.compile(
    r"^(?:每个?|各)?(?:乡镇|街道|村|社区|县区|区县|县|区|部门|单位)?(?:今年|明年|去年)?"
    r"(?:要|再|将)?(?:办好|办)?(?:不少于|至少|达到|有)?\s*$"
)
# the words of the programme and its pace: 10项民生实事, 20项民心工程, 7项指标, 完成5项, 占30%
PROGRAMME_WORDS = re.compile(r"实事|工程|项目|指标|任务|大事|子项|大项|完成|推进|序时|进度|占")
MADE_XIANG = re.compile(r"新增|新建|推出|推广|开通|上线|建成|增加")
# 19项，占年计划的100%: the share of the figure's own plan (the list is counted 占总数的…)
OWN_PLAN_AFTER = re.compile(
    r"^[，,]?\s*(?:占|完成)(?:了)?(?:年|年度|全年)?(?:计划|目标任务|目标)的?\s*\d"
)
# 让1.6万户、4.5万人住上新房: whom the work benefits, after the work's own figure
# 应到代表361名, 从13项候选项目中选出10项: the meeting, not the list
DEPUTIES_AFTER = re.compile(r"^(?:的)?(?:市|区|县|省)?(?:人大代表|政协委员|代表|委员)")
MEETING_BEFORE = re.compile(
    r"(?:应到|实到|出席|列席)(?:会议)?(?:代表|委员)\s*$|候选项目中?选出\s*$|从\s*$"
)
PLACES_AFTER = re.compile(
    r"(?:区县|县区|县（市、区）|县〔市、区〕|县市区|乡镇|镇街|乡（镇）|乡〔镇〕|街道)"
    # (18个乡镇（街道）全覆盖)
    r"(?:[按的在均全各]|$|[，。；、）（])"
)
AREA_BEFORE = re.compile(r"(?:总|建筑|用地|占地)面积(?:为|约|达|共)?\s*$")
AREA_MADE = re.compile(r"新增|新建|开工|建设|改造|完成|实施")
# 建设占地面积为140亩…的垃圾处理站, 占地76亩的公园: the ground a work stands on, never the work
OCCUPIED_BEFORE = re.compile(r"占地(?:面积)?(?:为|约|达|共)?\s*$")
# 镇内有3700多口山塘, 全区共有老年病床14418张: what a place has, not what is promised
HAS_BEFORE = re.compile(r"(?<![没拥])(?:共|现|已|尚|还)?有(?:约|近|超过)?\s*$")
# 以…三个阶段为基础: the stages of a work, not its count
STAGES_AFTER = re.compile(r"(?:阶段|环节|步骤|层次)")
LET_BEFORE = re.compile(r"^(?:让|使)[\d.万亿户人口名、两]*$")
THRESHOLD_BEFORE = re.compile(r"(半径|距离|步行|范围|每|年满|未满|不足|满)\s*$")
SCOPE_BEFORE = re.compile(r"(?<![实存制])在\s*$")
GROWTH_BEFORE = re.compile(r"(同比|环比|增长|下降|增幅|降幅|提高了|下降了|比上年|(?<!新)增加)\s*$")
# 提高到, 分别提高到每人每月: the change from a starting figure to the promised one
CHANGE_BETWEEN = re.compile(
    r"^\s*(?:分别)?(提高|提升|增加|增长|扩大|降低|下降|减少|压减|降)(到|至)(?:每[\u4e00-\u9fff]{1,2}){0,2}\s*$"
)
TARGET_AFTER = re.compile(r"^(?:以上)?的?(?:年度|全年)?(?:目标任务|目标|任务|计划)")
TARGET_BEFORE = re.compile(r"(?:年度目标|全年目标|目标任务|年度任务|计划|目标)(?:为|是)?\s*$")
CLAIM = re.compile(
    r"全部完成|全面完成|顺利完成|如期完成|超额完成|顺利实现|均已实现|实现年度目标"
    r"|完成(?:年度|全年)(?:目标)?任务(?!的)|完成任务"
)
PAIR = re.compile(r"(?=([\u4e00-\u9fffA-Za-z]{2}))")
FORECAST = re.compile(r"预计|确保|力争|争取|计划|有望|将于|将在|年底前|月底前")
STOP_PAIRS = frozenset(
    [
        "完成",
        "实现",
        "推动",
        "推进",
        "开展",
        "全市",
        "累计",
        "达到",
        "以上",
        "建成",
        "打造",
        "年度",
        "目标",
        "任务",
        "计划",
        "进一步",
        "提升",
        "新增",
        "建设",
        "全年",
        "其中",
        "截至",
        "已经",
        "目前",
        "共计",
    ]
)
UNIT_FACTORS = {
    ("万元", "元"): Decimal(10_000),
    ("元", "万元"): Decimal("0.0001"),
    # 开展培训8000人次 answered by 完成2579人: a report counts the attendances as persons
    ("人", "人次"): Decimal(1),
}
INDICATOR_UNIT_SET = frozenset(INDICATOR_UNITS)


@dataclass
class Mention:
    """A counted quantity in a clause: a target in a promise, an actual in 完成情况."""

    quantity: Quantity
    unit: str
    clause: Span
    sentence: Span
    context: str
    comparator: str = "gte"
    baseline: Decimal | None = None
    target_marked: bool = False
    stated: tuple[Decimal, int, int] | None = None
    number_first: bool = False
    tail_end: int = 0  # the end of the quantity with its 以上/以内

    def __post_init__(self) -> None:
        self.tail_end = self.tail_end or self.quantity.end

    @property
    def value(self) -> Decimal:
        return self.quantity.value

    @property
    def span(self) -> Span:
        return (self.quantity.start, self.quantity.end)


@dataclass
class Indicator:
    """A target with what the document says was achieved."""

    target: Mention
    name: str
    actual: Decimal | None = None
    actual_mentions: list[Mention] = field(default_factory=list)
    stated_percent: Decimal | None = None
    stated_span: Span | None = None
    confidence: float = 1.0  # 0…1: how sure the reading is; below UNSURE the page asks first
    doubts: list[str] = field(default_factory=list)


UNSURE = 0.75


@dataclass
class PartsCheck:
    whole: Mention
    parts: list[Mention]
    sentence: Span

    @property
    def total(self) -> Decimal:
        return sum((part.value for part in self.parts), Decimal(0))


def _breaks(pattern: re.Pattern[str], text: str, position: int, start: int, end: int) -> Span:
    left = start
    for match in pattern.finditer(text, start, position):
        left = match.end()
    right_match = pattern.search(text, position, end)
    return (left, right_match.start() if right_match else end)


def _between_marks(marks: list[int], position: int, start: int, end: int) -> Span:
    """What _breaks gives, from the break positions of the region found once beforehand."""
    index = bisect.bisect_left(marks, position)
    left = marks[index - 1] + 1 if index else start
    return (left, marks[index] if index < len(marks) else end)


@lru_cache(maxsize=8192)
def pairs(text: str) -> frozenset[str]:
    """Character pairs of the Chinese words in a text, without the ubiquitous ones."""
    # every overlapping pair of letters in one findall, instead of a Python loop per word
    return frozenset(PAIR.findall(text)).difference(STOP_PAIRS)


def mentions(text: str, masked: str, region: Span, excluded: list[Span]) -> list[Mention]:
    """The countable quantities of one region with their contexts and comparators."""
    start, end = region
    found: list[Mention] = []
    quantities = [
        q
        for q in find_quantities(masked, start, end)
        if q.countable
        and q.value >= 0  # 负1个 is no count of anything
        and q.unit in INDICATOR_UNIT_SET
        and not any(s <= q.start < e for s, e in excluded)
    ]
    # the breaks are single characters, so a region's are found once and bisected per figure
    clause_marks = [b.start() for b in CLAUSE_BREAK.finditer(masked, start, end)]
    sentence_marks = [b.start() for b in SENTENCE_BREAK.finditer(masked, start, end)]
    for index, quantity in enumerate(quantities):
        clause = _between_marks(clause_marks, quantity.start, start, end)
        sentence = _between_marks(sentence_marks, quantity.start, start, end)
        before = text[clause[0] : quantity.start]
        after = text[quantity.end : clause[1]]
        figure = text[quantity.start : quantity.end]
        following = text[quantity.end : min(end, quantity.end + 16)]
        if _excluded(
            quantity, before, after, text[sentence[0] : quantity.start], figure, following
        ) or of_several_years(text, quantity.start):
            continue
        if RESTATED.search(text, max(0, quantity.start - 12), quantity.start):
            continue
        if (
            index
            and quantities[index - 1].unit == quantity.unit
            and RANGE_BETWEEN.match(text, quantities[index - 1].end, quantity.start)
        ):
            continue  # 400名至500名: the top of one range, not a second figure
        if (
            index
            and quantities[index - 1].end == quantity.start
            and (
                after.startswith(("以上", "以下", "及以上"))
                or quantity.unit == quantities[index - 1].unit
            )
        ):
            # 超230个50户以上木质房屋连片村寨: the second figure says which villages, while
            # 改造项目67个28682户, 596户3523人的搬迁, 23条65公里 count the same work twice
            continue
        mention = Mention(quantity, quantity.unit, clause, sentence, "")
        mention.comparator = _comparator(quantity, before, after)
        mention.target_marked = bool(TARGET_AFTER.match(after) or TARGET_BEFORE.search(before))
        previous = found[-1] if found else None
        if previous is not None and previous.clause == clause:
            between = text[previous.quantity.end : quantity.start]
            if CHANGE_BETWEEN.match(between) and re.search(
                r"[从由][^，。；从由]{0,12}$", text[previous.clause[0] : previous.quantity.start]
            ):
                # 从77%提高到80%: the first figure is where it starts, not a second target
                found.pop()
                # 从574元、271元分别提高到609元、300元: every starting figure of the list
                while (
                    found
                    and found[-1].clause == clause
                    and re.fullmatch(
                        r"\s*[、和及]\s*", text[found[-1].tail_end : previous.quantity.start]
                    )
                ):
                    previous = found.pop()
                mention.baseline = previous.value
                mention.comparator = "lte" if re.search(r"降|减", between) else "gte"
                previous = found[-1] if found else None
        next_start = quantities[index + 1].start if index + 1 < len(quantities) else clause[1]
        _set_context(
            text,
            mention,
            previous,
            min(next_start, clause[1]) if next_start > quantity.end else clause[1],
        )
        found.append(mention)
    return found


def _excluded(
    quantity: Quantity,
    before: str,
    after: str,
    sentence: str = "",
    figure: str = "",
    following: str = "",
) -> bool:
    tail = before[-6:]
    if BENEFIT_BEFORE.search(tail) or (quantity.unit == "件" and LIST_AFTER.match(after)):
        return True
    if quantity.unit in {"户", "人", "名"} and INVOLVED_BEFORE.search(before):
        return True
    if quantity.unit == "件" and "实事" in sentence and LIST_SHARE.match(before.strip()):
        return True
    if quantity.unit == "件" and (LIST_BEFORE.search(before) or PACE_AFTER.match(after)):
        return True
    if quantity.unit in {"米", "公里"} and DIMENSION_BEFORE.search(tail):
        return True  # 全长470米、宽30米, 高度24米: the size of the work built, not a second promise
    if CAPACITY_BEFORE.search(tail):
        return True  # 日处理400吨的转运中心: what the facility can do, a spec of the work built
    if quantity.unit == "%" and FUNDS_RATE_BEFORE.search(tail):
        return True  # 资金拨付率100%, 预算执行进度85%: how the money is spent, not a promise
    if quantity.unit == "项" and _counts_items_in_xiang(before, after, tail, following):
        return True
    if counts_the_programme(quantity.unit, before, sentence, after):
        return True
    if quantity.unit in {"个", "项"} and PARTS_AFTER.match(after) and not GTE_BEFORE.search(tail):
        return True  # 这十个事项, 产生了10个民生实事项目, 20个子项: the list's items, counted
    if LET_BEFORE.match(before.strip()):
        return True
    if AREA_BEFORE.search(tail) and not AREA_MADE.search(before):
        return True  # 用地面积为7165.96平方米, 总建筑面积2.84万平方米: what the building is
    if OCCUPIED_BEFORE.search(tail) or HAS_BEFORE.search(tail):
        return True
    if quantity.unit == "个" and STAGES_AFTER.match(after):
        return True
    if re.match(r"以上[\u4e00-\u9fff]{2,12}\d", after):
        return True  # 100户以上集中安置社区1—2名岗位: which communities, not how many
    if quantity.upper is not None and re.search(r"\d", before):
        return True  # …社区1—2名公益性岗位: a range per place counted before it
    if re.match(r"[^，。；]{0,10}候选", after):
        return True  # 13项政府民生实事候选项目: the candidates, not the list
    if (
        quantity.countable
        and not before[-1:].isdigit()
        and re.search(r"[\u4e00-\u9fff]、[\u4e00-\u9fff]+$", before)
        and figure[:1] in "两二三四五六七八九十"
    ):
        return True  # 西苑、金鑫、宏昌三所老旧小区: the count of the places just named
    if PLACES_AFTER.match(after):
        return True  # 由全市12个区县按照统一标准, 保障5个乡（镇）的用水: where, not what
    if MEETING_BEFORE.search(before[-12:]) and quantity.unit in {"人", "条", "项", "个", "件"}:
        return True
    if quantity.unit in {"条", "项", "件", "个"} and (
        SUGGESTIONS_BEFORE.search(before) or SUGGESTIONS_AFTER.match(after)
    ):
        return True
    if CHANGE_ON_LAST_YEAR.search(tail):
        return True
    if quantity.unit == "人" and DEPUTIES_AFTER.match(after):
        return True  # 到会的174名人大代表对…进行票决: who voted, not what was promised
    if quantity.unit in {"元", "万元"} and re.search(r"投资|投入", tail):
        return True  # 投资9530万元，实施…: what the work costs, not what it promises
    if BETTER_BEFORE.search(before) and OF_AFTER.match(after) and quantity.unit in {"人", "户"}:
        return True
    if SCOPE_BEFORE.search(tail) or THRESHOLD_BEFORE.search(tail):
        return True  # 在16家农贸市场, 150米半径, 每千人: scope and thresholds, not promises
    if quantity.unit == "%" and GROWTH_BEFORE.search(tail):
        return True
    if after.startswith(("以下", "以内")) and not LTE_BEFORE.search(tail):
        return True  # 3岁以下, 收入1000元以下: who qualifies, not what is promised
    if after.startswith(("半径", "范围", "以内的", "以下的", "的范围")):
        return True
    if after.startswith("的") and re.search(r"投资\s*$", tail):
        return True  # 总投资7.58亿元的县医院: what the project costs, not what it promises
    return bool(after.startswith("的") and re.search(r"(低于|高于|不足|超过|满)\s*$", tail))


def _counts_items_in_xiang(before: str, after: str, tail: str, following: str) -> bool:
    """项 is the measure word of the list's own items (10项实事, 38项其中5项已完成, 超序时7项).

    A promise counts its work in 个, 所, 条…; one in 项 is bound (不少于3项技术) or makes
    something new that is not an item of the list (新增一网通办事项200项)."""
    if GTE_BEFORE.search(tail) or LTE_BEFORE.search(tail):
        return False
    if OWN_PLAN_AFTER.match(following):
        return False  # 惠残事项19项，占年计划的100%: a figure set against its own plan is work
    near = before[-10:] + after[:6]
    return not MADE_XIANG.search(before) or bool(PROGRAMME_WORDS.search(near))


def _comparator(quantity: Quantity, before: str, after: str) -> str:
    tail = before[-8:]
    if after.startswith("左右") or re.search(r"(?<![节减])约\s*$", tail):
        return "eq"  # 覆盖率达80%左右, 约80个: about, neither a floor nor a ceiling
    if quantity.unit == "%" and re.search(r"按[^，。；]{0,16}的\s*$", before):
        return "eq"  # 按省定标准的80%确定: a share fixed, not a floor
    if (
        quantity.unit in {"元", "万元"}
        and PER_HEAD_BEFORE.search(tail)
        and not RAISED_TO.search(before)
    ):
        # 落实每人1万元专项救助: an amount set per head, not a floor (提高到每人每月2200元 raises
        # a standard: at least that)
        return "eq"
    if GTE_BEFORE.search(tail):
        return "gte"
    if LTE_BEFORE.search(tail) or after.startswith(("以内", "以下")):
        return "lte"
    return "gte"


PER_HEAD_BEFORE = re.compile(r"每(?:人|户|名|生|位|例)(?:每年|每月|每次)?\s*$")
RAISED_TO = re.compile(r"(?:提高|提升|增加|上调|调整)(?:到|至)")
AFTER_WORDS = re.compile(r"[^，。；！？、\n]*(?:、[^，。；！？、\n\d]+)*")
TWO_LETTERS = re.compile(r"[\u4e00-\u9fffA-Za-z]{2}")


def _set_context(text: str, mention: Mention, previous: Mention | None, after_end: int) -> None:
    quantity = mention.quantity
    after = text[quantity.end : after_end]
    for suffix in SUFFIXES:
        if after.startswith(suffix):
            after = after[len(suffix) :]
            mention.tail_end = quantity.end + len(suffix)
            break
    after_words = AFTER_WORDS.match(after)
    after = after_words.group(0) if after_words else ""
    mention.number_first = bool(TWO_LETTERS.match(after)) and not (TARGET_AFTER.match(after))
    begin = mention.clause[0]
    if previous is not None and previous.clause == mention.clause:
        begin = previous.tail_end
        if previous.number_first and mention.number_first:
            begin = quantity.start
    before = text[begin : quantity.start]
    context = before.strip(CONNECTORS)
    if mention.number_first:
        context = (context + " " + after.strip(CONNECTORS)).strip()
    if mention.unit == "个" and "事项" in after[:12]:
        mention.unit = "项"
    mention.context = context


def targets_and_actuals(
    text: str,
    masked: str,
    promise: list[Span],
    completion: list[Span],
) -> tuple[list[Mention], list[Mention], list[StatedPercent], list[PartsCheck]]:
    """Split an item's figures into targets and actuals, with stated percents and parts."""
    stated: list[StatedPercent] = []
    for start, end in promise + completion:
        stated += find_stated_percents(masked, start, end)
    # only the claimed percents leave the figures: 完成年度目标任务6000个的90% keeps its 6000个
    stated_spans = [(value[1], value[2]) for claim in stated for value in claim.values]
    promised = [m for region in promise for m in mentions(text, masked, region, stated_spans)]
    reported = [m for region in completion for m in mentions(text, masked, region, stated_spans)]
    if not completion and any(m.target_marked for m in promised):
        # A report that states its targets inside the sentences: 超额完成40所的年度目标任务
        reported = [m for m in promised if not m.target_marked]
        promised = [m for m in promised if m.target_marked]
    # 保障率已达89.33%, 已建成12个: 已 says the figure is done, a result even among promises
    # 截至2023年12月底，…新增学位3750个: a figure its sentence dates as reached, a result too, as
    # is one its sentence says was in fact done (去年实际新建…40所)
    done = [
        m
        for m in promised
        if ALREADY_BEFORE.search(text, m.clause[0], m.quantity.start)
        or AS_OF_BEFORE.search(text, m.sentence[0], m.quantity.start)
        or ACTUAL_BEFORE.search(text, m.sentence[0], m.quantity.start)
    ]
    promised = [m for m in promised if m not in done]
    reported = sorted(reported + done, key=lambda m: m.quantity.start)
    parts = _parts(text, reported)
    part_ids = {id(part) for check in parts for part in check.parts}
    reported = [m for m in reported if id(m) not in part_ids]
    _attach_stated(stated, reported)
    return promised, reported, stated, parts


def _parts(text: str, reported: list[Mention]) -> list[PartsCheck]:
    """186.2公里，其中供排水管网39.2公里…: the figures after 其中 are parts of the one before."""
    checks = []
    for index, whole in enumerate(reported):
        if whole.unit == "%":
            continue
        following = text[whole.quantity.end : whole.sentence[1]]
        marker = following.find("其中")
        if marker < 0:
            continue
        marker += whole.quantity.end
        later = reported[index + 1 :]
        if later and later[0].quantity.start < marker:
            continue
        parts = [m for m in later if m.sentence == whole.sentence and m.unit == whole.unit]
        nested = text.find("其中", parts[0].quantity.end, whole.sentence[1]) if parts else -1
        if nested >= 0:
            # 182公顷，其中绿地102公顷，其中公园绿地38公顷、其他64公顷: a second 其中 opens the
            # parts of the part before it, which are not this whole's
            parts = [m for m in parts if m.quantity.start < nested]
        if len(parts) == 1 and parts[0].value <= whole.value:
            continue  # 合计1721套，其中…（828套）: one part named, the rest left unsaid
        if parts:
            checks.append(PartsCheck(whole, parts, whole.sentence))
    return checks


def _attach_stated(stated: list[StatedPercent], reported: list[Mention]) -> None:
    for claim in stated:
        window = [
            m
            for m in reported
            if m.sentence[0] <= claim.start <= m.sentence[1]
            and m.quantity.end <= claim.start
            and m.stated is None
        ]
        # only the figures since the previous claim in this sentence
        earlier = [c.end for c in stated if c.end <= claim.start]
        if earlier:
            window = [m for m in window if m.quantity.start >= max(earlier)]
        if not window:
            continue
        if claim.respectively and len(claim.values) > 1:
            chosen = window[-len(claim.values) :]
            for mention, value in zip(chosen, claim.values[-len(chosen) :], strict=True):
                mention.stated = value
        else:
            window[-1].stated = claim.values[0]


def compatible(actual_unit: str, target_unit: str) -> Decimal | None:
    """The factor that converts an actual into the target's unit, or None if they differ."""
    if actual_unit == target_unit:
        return Decimal(1)
    return UNIT_FACTORS.get((actual_unit, target_unit))


@dataclass
class _Candidate:
    score: float
    indicator: Indicator
    mentions: list[Mention]
    value: Decimal


def match(text: str, indicators: list[Indicator], reported: list[Mention]) -> list[Mention]:
    """Give each indicator its actual; return the actuals that answer no indicator."""
    candidates: list[_Candidate] = []
    # each mention's word pairs are built once, not once per indicator
    local_pairs = {id(m): pairs(m.context) for m in reported}
    broad_pairs = {id(m): pairs(text[m.clause[0] : m.clause[1]]) for m in reported}
    for indicator in indicators:
        target = indicator.target
        target_pairs = pairs(target.context)
        clause_pairs = pairs(text[target.clause[0] : target.clause[1]])
        same_unit = [m for m in reported if compatible(m.unit, target.unit) is not None]
        lone = (
            len(same_unit) == 1
            and sum(1 for other in indicators if compatible(same_unit[0].unit, other.target.unit))
            == 1
        )
        for mention in same_unit:
            factor = compatible(mention.unit, target.unit)
            assert factor is not None
            value = mention.value * factor
            local = len(target_pairs & local_pairs[id(mention)])
            broad = len(clause_pairs & broad_pairs[id(mention)])
            score = 2.0 * local + 0.5 * broad
            if score < 2.0 and not lone:
                continue
            if mention.stated is not None:
                score += 0.5
                if _percent_fits(mention.stated[0], target.value, value):
                    # 超过5万个，完成年度计划的160%: the target the percent is of (3.1万个)
                    score += PERCENT_FITS
            if value == target.value:
                score += 0.5
                done_part = _done_part(text, mention, same_unit)
                if done_part is not None:
                    # 改造38条，目前完工24条: the task restated, then the part done, which answers
                    # the target by the task's words in the restated figure's place
                    candidates.append(
                        _Candidate(score, indicator, [done_part], done_part.value * factor)
                    )
                    continue
            candidates.append(_Candidate(score + (0.5 if lone else 0), indicator, [mention], value))
        candidates += _sums(text, indicator, same_unit, target_pairs)
    candidates.sort(key=lambda c: -c.score)
    used: set[int] = set()
    done: set[int] = set()
    for candidate in candidates:
        if id(candidate.indicator) in done or any(id(m) in used for m in candidate.mentions):
            continue
        done.add(id(candidate.indicator))
        used.update(id(m) for m in candidate.mentions)
        indicator = candidate.indicator
        indicator.actual = candidate.value
        indicator.actual_mentions = candidate.mentions
        last = candidate.mentions[-1]
        if last.stated is not None:
            indicator.stated_percent = last.stated[0]
            indicator.stated_span = (last.stated[1], last.stated[2])
    return [m for m in reported if id(m) not in used]


PERCENT_FITS = 1.5  # a stated percent that fits the pair weighs as much as three shared words
PERCENT_NEAR = Decimal(2)  # points: 超过5万个 of 3.1万个 is printed as 160% (161.3)


def _percent_fits(stated: Decimal, target: Decimal, value: Decimal) -> bool:
    """Whether a result's stated percent is about value ÷ target (within two points)."""
    return bool(target) and abs(value / target * 100 - stated) <= PERCENT_NEAR


DONE_NEXT = re.compile(
    r"^[^，。；\d]{0,12}?(?:已|目前|现已)?(?:完成|完工|建成|改造|竣工|开通)了?\s*$"
)


def _done_part(text: str, mention: Mention, same_unit: list[Mention]) -> Mention | None:
    """The part done that follows, in its sentence, a figure of the completion repeating the
    target (120座…已完成87座; 改造38条，目前完工24条)."""
    later = next(
        (
            m
            for m in same_unit
            if m.sentence == mention.sentence
            and m.quantity.start > mention.quantity.end
            and m.value < mention.value
        ),
        None,
    )
    if later and DONE_NEXT.search(
        text[mention.quantity.end : later.quantity.start].lstrip("，、 ")
    ):
        return later
    return None


def _sums(
    text: str, indicator: Indicator, same_unit: list[Mention], target_pairs: frozenset[str]
) -> list[_Candidate]:
    """3所学校开工，17所…续建完工，占年计划的100%: parts of one actual, confirmed by the claim."""
    target = indicator.target
    found = []
    for end_index, last in enumerate(same_unit):
        if last.stated is None:
            continue
        run = [last]
        for earlier in reversed(same_unit[:end_index]):
            if earlier.sentence != last.sentence or earlier.stated is not None:
                break
            run.insert(0, earlier)
        if len(run) < 2 or last.unit != target.unit:
            continue
        total = sum((m.value for m in run), Decimal(0))
        stated = last.stated[0]
        if stated_percent_matches(
            stated, target.comparator, target.value, total
        ) and not stated_percent_matches(stated, target.comparator, target.value, last.value):
            local = len(target_pairs & pairs(" ".join(m.context for m in run)))
            if local:
                # the claim confirms the sum, so it outranks any single part
                found.append(_Candidate(2.0 * local + 5.0, indicator, run, total))
    return found


def claim_sentences(text: str, regions: list[Span]) -> list[Span]:
    """Sentences that say the work is done (全部完成, 顺利实现…)."""
    found = []
    for start, end in regions:
        for claim in CLAIM.finditer(text, start, end):
            if FORECAST.search(text[max(start, claim.start() - 12) : claim.start()]):
                continue  # 预计10月底前全部完成 promises, it does not claim
            found.append(_breaks(SENTENCE_BREAK, text, claim.start(), start, end))
    return found
