"""Reports that state only results, with no numbered list: 已完成948件（81%）, 康复救助2539名，完成率100.27%.

Such a report (a monthly 进展情况, a year-end news item) names each project by what was done.
A clause "N<unit>…已完成M<unit>" holds a target and its actual; a figure closed by a
completion rate ("完成率260%", "（50%）") is an actual whose target the report leaves unsaid.
Counts of the projects themselves (30项民生实事, 已完成19项) are not results.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from minsheng.ingest.parser.numbers import (
    INDICATOR_UNITS,
    PLAN_NOUN,
    QUOTED_PROJECT_AFTER,
    Quantity,
    find_quantities,
    find_stated_percents,
    of_several_years,
)
from minsheng.ingest.parser.programme import PARTS_AFTER, counts_the_programme
from minsheng.ingest.parser.structure import Span
from minsheng.plans.completion import stated_percent_matches

CLAUSE = re.compile(r"[，。；！？\n、：]")
SENTENCE = re.compile(r"[。；！？\n]")
DONE_BETWEEN = re.compile(r"已(?:完成|送|建成|帮扶|资助|开展|实施|改造|新增|提供)|(?<!未)完成")
OVERALL_RATE = re.compile(r"(?:整体|总体)完成率(?:为|达到|达)?\s*$")
BRACKET_PERCENT = re.compile(r"\s*（\s*(\d+(?:\.\d+)?)\s*%\s*）")
# 完成率, 完成进度为, 完工率, 竣工率 after a result: its share of plan (开工率 is a stage, not a share)
DONE_RATE = r"(?:整体|总体)?(?:完成率|完成进度|完工率|竣工率|建成率)(?:为|达到|达)?"
RATE_AFTER = re.compile(
    rf"^[，、\s]*(?:{DONE_RATE}"
    rf"|[占为](?:年度|全年|年)?{PLAN_NOUN}的?"
    # 已完成任务下达数的53%, 完成全年任务数的30%: the share of the figure set for the year
    rf"|(?:已)?完成(?:了)?(?:年度|全年)?{PLAN_NOUN}(?:下达数|数)?的)"
    r"\s*(\d+(?:\.\d+)?)\s*%"
)
# a result reported against its line's target: 累计解决了2585个…，占总计划的99.2%
SHARE_AFTER = re.compile(
    rf"^[，、\s]*(?:{DONE_RATE}|占(?:总|年度|全年|年)?{PLAN_NOUN}的?"
    rf"|完成(?:年度|全年){PLAN_NOUN}的?)"
    r"\s*(\d+(?:\.\d+)?)\s*%"
)
# 已全部完成 after the figure: 13家县级妇幼保健院建设已全部完成
# 建设完成, 改造完工 closing a clause: a work's state once done (the report reader counts it as
# a word of a report too)
WORKS_DONE = r"(?:建设|改造|施工|整治)(?:完成|完工)(?=[，。；]|$)"
DONE_AFTER = re.compile(
    r"[^，。；]{0,16}?(?:(?:已全部|已全面|已经|已)(?:完成|竣工|完工|建成|投用|启动建设|开工建设)"
    r"|全部(?:开工|完工|竣工|建成)"
    r"|实现(?:稳定)?脱贫|搬出|发放|主体(?:封顶|竣工|完工)|具备入住条件"
    # 33.16万户拿到不动产权证, 4个区域医疗中心启动建设: what the figure's people or works got
    r"|拿到|领到|启动建设"
    # 为4990名残疾人提供康复服务, 3526个村正式上线…, 70所学校改造提升…: the figure, then the work
    r"|提供|上线|投用|投入使用|交付使用|开学使用|对外开放|改造提升|完成改造"
    # 为356户…家庭实施无障碍改造, 4家社区卫生服务中心完成建设并试运行
    r"|实施(?!情况|方案|意见|办法)|完成建设"
    # 凤聚路、慧群道等7条城市道路建设完成: the works named, then done
    rf"|{WORKS_DONE})"
)
# 新提出改造提升1260个…: next year's proposal in a report, not a result
# 36所外来工子弟学校专项治理: a figure followed by the work it counts, not the part done of another
OWN_WORK_AFTER = re.compile(r"(?!以上|左右|了|的|目标|任务|年度|全年|计划)[\u4e00-\u9fff]{4,}")
# 截至目前已全部完成, 均已完工: the whole of what the sentence planned, done
ALL_DONE = re.compile(
    r"(?:已|均已|现已)(?:全部|全面)?(?:完成|建成|竣工|完工)(?!后)[^，。；\d]{0,4}[。；]"
)
# 项目全部建成后可新增学位15480个: what the works will give once built
FUTURE_BEFORE = re.compile(r"提出|计划|拟|将|预计|力争|争取|下一步|建成后")
RAISED_AFTER = re.compile(r"\s*(?:提高|提升|增加|增长|降低|下降|减少|压减)(?:到|至)")
NOW_SINCE = re.compile(r"目前已|现已|截至目前|目前")
# 投资520万元, 补贴为600元/人/年, 完成工作量215万元: what was spent and rates, not what was done
INPUT_BEFORE = re.compile(r"(?:投资|投入|资金|补贴|奖补|工作量)(?:为)?\s*$")
# the figure a later clause reports against: 累计解决了2585个…，占总计划的99.2%
# 实际开工606万套, 实际补充6914台: 实际 (in fact) marks the outcome against the plan's figure
AGAINST = re.compile(r"累计|已完成|已建成|实际|已开展|(?<!计划)完成")
PLANNED = re.compile(r"计划|目标|任务")
DONE_BEFORE = re.compile(
    r"完成|建成|新增|新建|改扩建|创建|接种|配置|帮扶|资助|救助|培训|开展|提供|维修|改造|开工|竣工"
    r"|建设|设置|配备|安置|新修|修建|改建|铺设|硬化|安装|实施|投放|投入|已为|解决|举办|组织|举行|进行|筛查"
    r"|派出|帮助|关停|扩充|拆除"
    # 启用4个居住小区闲置地下停车场，释放停车泊位1573个
    r"|启用|释放"
    # 新辟公交线路51条、优化调整26条: more of the verbs a report counts work by (not 打造, which
    # promises as often: 进一步整合…，打造100家…平台)
    r"|新辟|开辟|开通|新开|优化|调整|建立|设立|增设|推出|更新|整治|治理|筹集|达到"
    # 打通…10条断头路, 启动…60个新建公厕项目, 实现区域内1147户5500人脱贫
    r"|打通|贯通|启动|实现"
    # 已购置, 已拆除, 共查处: any work the report says was done, or counts as done in all
    r"|已(?:经)?[\u4e00-\u9fff]{2}|共(?:查处|拆除|购置|发放|救助|服务|接待|受理|办理)"
    # 累计放映10多万场, 累计销售…450926台, 购买图书186套: work summed up to now, goods bought
    r"|累计[\u4e00-\u9fff]{2}|购买|购置|放映|销售"
)
META = re.compile(r"实事|事项|项目$|^[这其剩]")
UNITS = frozenset(INDICATOR_UNITS) - {"%", "项"}
# a clause as a comma ends it: a verb before a 、-chain (分别投资520万元、62.4万元) covers it all
WIDE_CLAUSE = re.compile(r"[，。；！？\n：]")
# 配备1名以上专兼职网格员的任务, 完成55%的年度目标: a target the report says was met
TASK_AFTER = re.compile(r"(?:以上)?[^，。；\d]{0,16}?的(?:年度|全年)?(?:目标任务|目标|任务)")
# 千人口托位数达到3.88个: a density, not work done
DENSITY_BEFORE = re.compile(r"(?:千人口|每千人|每万人|万人口|人均|户均)[^，。；]*$")
# 森林覆盖率, 空气质量优良率, 垃圾回收率, 城镇化率: ratios of a place's environment or economy
STATE_RATE_BEFORE = re.compile(
    r"(?:森林|绿化|林木)覆盖率|优良(?:天数)?(?:比例|比率|率)|回收(?:利用)?率|城镇化率|增长率"
)
# 规范管理率为84.5%, 住院费用报销比例达到70.5%: a rate or share the report states as reached
# (率均达到100% names two)
RATE_BEFORE = re.compile(r"(?<!同比)(?:率|比例)(?:为|达到|高达|达|是)\s*$")
# 抽检148批次，合格率99.32%: the quality of the work just reported, its verb left out
BARE_RATE_BEFORE = re.compile(r"(?:合格|达标|规范管理)率\s*$")
# 57个小项已完成, 20件民生大事中，4件已完成: counts of the programme's own parts
# 9个指标超额完成: the list's own indicators counted
BARE_VERB = re.compile(r"(?:已|累计|共)?(?:开工|建成|完工|竣工|完成|启动|投用)")
NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]")
LIST_NAMED = re.compile(r"实事|大事|事项")
# 6个老旧小区改造正在施工中: the work is under way (or not begun), so the figure is what is to be done
UNDER_WAY_AFTER = re.compile(
    r"[^，。；\d]{0,16}?(?:正在施工|正在建设|正在推进|施工中|建设中|推进中"
    # 建设2公里未启动, 2个示范点正着手准备: a slow item's task, not begun
    r"|未启动|未开工|尚未|正着手|正在准备|正在开展)"
)
# 投资520万元, 660.5万元创业担保贷款: money put in, not work done
FUNDS_AFTER = re.compile(r"的?(?:[\u4e00-\u9fff]{0,4})(?:贷款|资金|补贴|补助|奖补|经费)")
MONEY = frozenset({"元", "万元"})
# 每人每月不低于55元, 提高到600元: the floor a standard is set at, however it is paid
STANDARD_FLOOR = re.compile(
    r"(?:不低于|不少于|提高到|提高至|提标到|提高为)\s*(?:每[人户生月年]{1,4})?\s*$"
)
AREA_BEFORE = re.compile(r"(?:总|建筑|用地|占地)面积(?:为|约|达|共)?\s*$")
# 火车站广场建设工程总占地2万平方米: the ground a work stands on, whatever the work's name says
GROUND_BEFORE = re.compile(r"占地(?:面积)?(?:为|约|达|共)?\s*$")
# 通村公路136.9公里，占目标任务数100公里的136.9%; 新增就业21.89万人，完成全年23万人目标任务的
# 95.17%: the target is named inside the share claimed by the result before it
SHARE_OF_BEFORE = re.compile(
    r"(?:占|完成)(?:了)?(?:年度|全年|年)?(?P<noun>(?:目标任务|计划任务|任务|目标|计划)(?:数|量)?)?\s*$"
)
SHARE_OF_AFTER = re.compile(
    # the work may be named before the task's word: 完成15亿元销售目标的54%
    r"(?P<noun>[\u4e00-\u9fff]{0,4}?(?:目标任务|计划任务|任务|目标)(?:数|量)?)?的\s*"
    r"(?P<percent>\d+(?:\.\d+)?)\s*%"
)
# 《政府工作报告》确定实施…新增城镇就业32万人…: a report restating what the plan decided
DECIDED_BEFORE = re.compile(r"确定实施")
# 其中，船山区已完成…14.9公里; 安居区已完成…: the whole's figures split by district
PLACE_LEAD = re.compile(
    # 我市, 全区: the government itself, not one of its places
    r"\s*(?:其中[，,、]?\s*)?[\u4e00-\u9fff]{1,5}?(?<![我全本该各])(?:区|县|市)(?:已|共|累计|完成)"
)
FULL_STOP = re.compile(r"[。！？\n]")
# 截至6月底，已完成1处 / 目前已完成22处: a sentence or clause telling the status now
STATUS_OPENS = re.compile(r"\s*(?:截至|截止|目前|现已|到)[^，。；]{0,8}?[，,]?\s*(?:已|累计|共)")
NOW_REPORTS = re.compile(r"\s*(?:目前|现已|现在|截至目前)[^，。；\d]{0,4}?(?:已|达|累计)")
COMPARED_BEFORE = re.compile(r"(?:较|比|同比)(?:20\d\d年|上年|去年|上年同期|去年同期)\s*$")


@dataclass
class Result:
    """One figure of a results-only report: an actual, maybe its target, maybe a stated rate."""

    actual: Quantity | None  # None: a target whose result the report leaves unsaid
    clause: Span
    name: str
    target: Quantity | None = None
    stated_percent: Decimal | None = None
    stated_span: Span | None = None
    comparator: str = "gte"  # how the actual is held to the target (lte: a bound kept under)


def _clause(
    masked: str, position: int, start: int, end: int, breaks: re.Pattern[str] = CLAUSE
) -> Span:
    left = start
    for match in breaks.finditer(masked, start, position):
        left = match.end()
    right = breaks.search(masked, position, end)
    return (left, right.start() if right else end)


PART_DONE_AFTER = re.compile(r"\s*(?:已|均已|现已)(?:完成|建成|竣工|完工|投用)")


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
    # a lead that already reports work done (有5项工程部分完成任务，其中…) opens no target; 计划完成,
    # 其二是完成: the work to do
    # 其一是棚户区改造600万套；危房改造314万户。…实际开工387万户: every sentence of the line
    # before the figure states targets too
    opens_line = not re.search(
        r"已|累计|完成了|实际|(?<!计划)(?<!要)(?<!将)(?<!力争)(?<!是)完成|[。！？]", lead
    )
    sentence_end = SENTENCE.search(masked, quantity.end, end)
    stop = sentence_end.start() if sentence_end else end
    clause = _clause(masked, quantity.start, start, end)
    planned = bool(PLANNED.search(text, clause[0], quantity.start))
    in_chain = masked.startswith("、", clause[1])
    best = None
    for later in range(index + 1, len(quantities)):
        other = quantities[later]
        if other.start >= line_end or other.unit != quantity.unit:
            continue
        other_clause = _clause(masked, other.start, start, end)
        if other_clause == clause:
            continue
        if (
            later == index + 1
            and text[quantity.end : other.start].strip() == "、"
            and PART_DONE_AFTER.match(text, other.end)
        ):
            return later  # 新改扩建学校21所、9所已完成: the task, then the part of it done
        reports = AGAINST.search(text, other_clause[0], other.start)
        if not reports or _share_of_target(text, other, other_clause) or _named_task(text, other):
            # 完成全年23万人目标任务的95.17%, 超额完成40所的年度目标任务: a target named in a
            # claim, not a result
            continue
        if other.start < stop and planned:
            return later
        if (
            planned
            and other.start < _next_stop(masked, stop, end)
            and STATUS_OPENS.match(text, stop + 1)
        ):
            # 今年计划修建人行天桥10处。截至6月底，已完成1处: the next sentence reports on it
            return later
        if opens_line and in_chain and other.start < stop:
            continue  # 新建…107个、新增…70个、完成24个: one list of results, not a target and its result
        if opens_line:
            rated = SHARE_AFTER.match(_after_clause(text, other.end, end))
            if rated:
                return later
            if OWN_WORK_AFTER.match(text, other.end, other_clause[1]):
                continue  # …学校37所，完成36所外来工子弟学校专项治理: the later figure's own work
            if best is None or "累计" in text[other_clause[0] : other.start]:
                best = later
    return best if opens_line else None


def _next_stop(masked: str, position: int, end: int) -> int:
    """Where the sentence after the one ending at position ends."""
    following = SENTENCE.search(masked, position + 1, end)
    return following.start() if following else end


FUNDING_BEFORE = re.compile(r"投资|投入|资金|补贴|奖补|补助|贷款|经费")


def spent_or_rate(text: str, quantity: Quantity, clause_start: int) -> bool:
    """投资520万元 (what was spent), 600元/人/年 (a rate), 660.5万元创业担保贷款: not work done."""
    before = text[max(clause_start, quantity.start - 4) : quantity.start]
    if text.startswith("/", quantity.end) or INPUT_BEFORE.search(before):
        return True
    if quantity.unit not in MONEY:
        return False
    # money after a funding word anywhere in its clause (分别投资520万元、62.4万元), or before one
    return bool(
        FUNDING_BEFORE.search(text, clause_start, quantity.start)
        or FUNDS_AFTER.match(text, quantity.end, quantity.end + 8)
    )


HEADING_REPORTS = re.compile(r"已|累计|完成了|实际完成|截至|截止|完成率|占|以来|今年|上半年")
HEADING_LENGTH = 40
PERIOD = re.compile(r"（\s*20\d\d\s*[—–\-~～至]\s*20\d\d\s*年?\s*）")


def _headings(
    text: str, masked: str, quantities: list[Quantity], region: Span
) -> tuple[list[Result], set[int]]:
    """Lines opened by a project's target, its progress after: 2606个撤并村通公路。…累计解决了2585个.

    A line whose short first sentence holds one figure and reports nothing, followed by
    sentences that report (已, 累计…), is one project: the figure is its target, the later
    figure of its unit that reports against it (累计…, 已完成…) its actual, and the line's
    other figures (上半年已完成建设4022公里) are details of the work, not projects of their own.
    """
    start, end = region
    found: list[Result] = []
    taken: set[int] = set()
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline < 0 else newline
        line = (position, line_end)
        position = line_end + 1
        head_break = SENTENCE.search(masked, line[0], line[1])
        if head_break is None:
            continue
        head = (line[0], head_break.start())
        inside = [i for i, q in enumerate(quantities) if head[0] <= q.start < head[1]]
        if len(inside) != 1 or quantities[inside[0]].unit == "%":
            continue
        first = quantities[inside[0]]
        if first.unit == "件" and META.search(text[first.end : first.end + 6]):
            continue  # 民生十件实事: the list itself
        words = text[head[0] : head[1]].strip()
        rest = (head_break.end(), line[1])
        if (
            len(words) > HEADING_LENGTH
            or "，" in words  # a headline is one phrase
            or HEADING_REPORTS.search(words)
            or FUTURE_BEFORE.search(words)
            or not (HEADING_REPORTS.search(text, *rest) or DONE_BETWEEN.search(text, *rest))
        ):
            continue
        index = inside[0]
        target = quantities[index]
        in_line = [i for i, q in enumerate(quantities) if line[0] <= q.start < line[1]]
        partner = _line_partner(text, masked, quantities, index, in_line, region)
        actual = quantities[partner] if partner is not None else None
        if actual is None and not (
            not text[head[0] : target.start].strip() or PERIOD.search(words)
        ):
            # 全市新增就业4.1万人。其中已帮扶…: a result, unless the line opens with its figure
            # (5100所薄弱学校改善…) or gives the promise's period (（2013—2017年）)
            continue
        clause = _clause(masked, target.start, start, end)
        name = re.sub(r"^(?:完成|实现|新建|建设)", "", words[: target.start - head[0]]).strip()
        name = name or text[target.end : clause[1]].strip()
        result = Result(actual, clause, name[:60], target=target)
        if actual is not None:
            _rate(text, result, actual.end, end, SHARE_AFTER)
        found.append(result)
        taken.update(in_line)
    return found, taken


def _line_partner(
    text: str,
    masked: str,
    quantities: list[Quantity],
    index: int,
    in_line: list[int],
    region: Span,
) -> int | None:
    """The figure of a heading line that reports against its target: the one closed by a
    share of plan first, else a running total (累计), else the first that reports."""
    target = quantities[index]
    best: int | None = None
    for later in in_line:
        other = quantities[later]
        if later <= index or other.unit != target.unit:
            continue
        other_clause = _clause(masked, other.start, *region)
        if not AGAINST.search(text, other_clause[0], other.start):
            continue
        if SHARE_AFTER.match(_after_clause(text, other.end, region[1])):
            return later
        if best is None or "累计" in text[other_clause[0] : other.start]:
            best = later
    return best


def results(text: str, masked: str, region: Span, loose: bool = False) -> list[Result]:
    """The results of a region; loose: every counted figure (a report item), not only 完成…."""
    start, end = region
    quantities = [
        q
        for q in find_quantities(masked, start, end)
        if q.countable and (q.unit in UNITS or q.unit == "%")
    ]
    found: list[Result] = []
    skip: set[int] = set()
    if not loose:
        found, skip = _headings(text, masked, quantities, region)
    for index, quantity in enumerate(quantities):
        if index in skip:
            continue
        clause = _clause(masked, quantity.start, start, end)
        wide = _clause(masked, quantity.start, start, end, WIDE_CLAUSE)
        before = text[clause[0] : quantity.start]
        wide_before = text[wide[0] : quantity.start]
        if quantity.value == 0:
            continue  # 汽机房出0米: a level, not a count
        if re.search(r"[从由][^，。；从由]{0,16}$", before) and RAISED_AFTER.match(
            text, quantity.end
        ):
            continue  # 从每生每年500元提高到600元: where the standard starts, not a result
        if quantity.unit == "%" and "满意" in before:
            continue  # 总体满意率为98.93%: how the work was rated, not work done
        if (
            quantity.unit in {"个", "项"}
            and BARE_VERB.fullmatch(before.strip("，、 "))
            and not NOUN_AFTER.match(text, quantity.end)
            and "项目" in text[max(start, quantity.start - 80) : quantity.start]
        ):
            continue  # 实施项目131个。开工128个，建成44个: the programme's projects counted by stage
        if COMPARED_BEFORE.search(before):
            continue  # 较2021年37.2亿元增长225.26%: the base of a comparison, not this year's work
        if quantity.unit == "件" and META.search(text[quantity.end : quantity.end + 6]):
            continue
        if quantity.unit in {"个", "件"} and PARTS_AFTER.match(text, quantity.end):
            continue
        sentence = _clause(masked, quantity.start, start, end, SENTENCE)
        sentence_before = text[sentence[0] : quantity.start]
        if of_several_years(text, quantity.start):
            continue
        if counts_the_programme(quantity.unit, before, sentence_before, text[quantity.end : end]):
            continue
        if (
            quantity.unit == "件"
            and not before.strip("，、 其中有")
            and LIST_NAMED.search(text, wide[0] - 20 if wide[0] >= start + 20 else start, wide[0])
        ):
            continue
        if quantity.unit in MONEY and _standard(sentence_before):
            # 城市低保标准不低于430元/月，已达标: the standard promised, met without a figure
            found.append(
                Result(None, clause, _name(text, before, quantity, clause), target=quantity)
            )
            continue
        if spent_or_rate(text, quantity, wide[0]):
            money = _money_share(text, quantity, end) if quantity.unit in MONEY else None
            if money is not None:
                # 完成投资10.22亿元，完成年度计划的65.6%: money against its plan is a result
                spent = Result(quantity, clause, _name(text, before, quantity, clause))
                spent.stated_percent, spent.stated_span = money
                skip.update(_starting_at(quantities, money[1][0]))
                found.append(spent)
            continue
        if AREA_BEFORE.search(before) and not DONE_BEFORE.search(before):
            continue  # 总面积3万平方米, 用地面积为…: what was built measures, not more work
        if GROUND_BEFORE.search(before):
            continue
        if DENSITY_BEFORE.search(wide_before):
            _rate_to_previous(text, found, quantity, masked, region)
            continue
        if _names_a_project(text, quantity):
            # “兜底帮扶2500名困难群体就业”等46件实事已提前完成: a project of the list named by its
            # promise; the claim on the whole list gives no figure of its own
            found.append(Result(None, clause, _name(text, before, quantity, clause), quantity))
            continue
        planned = _target_in_brackets(text, quantities, index, skip)
        if planned is not None:
            # 已新增公共租赁住房149户（年度目标任务为100户）: the result, its target beside it
            skip.add(planned)
            name = _name(text, before, quantity, clause)
            found.append(Result(quantity, clause, name, target=quantities[planned]))
            continue
        bound = _kept_under(text, quantities, index, skip, clause, sentence)
        if bound is not None:
            # 失业率3.56%，低于3.7%的控制目标: the bound, and the rate kept under it
            skip.add(bound)
            found[:] = [r for r in found if r.actual is not quantities[bound]]
            kept = Result(
                quantities[bound], clause, _name(text, before, quantity, clause), quantity
            )
            kept.comparator = "lte"
            found.append(kept)
            continue
        tail = quantity.end + (2 if text.startswith("以上", quantity.end) else 0)
        if "完成" in wide_before and TASK_AFTER.match(text, tail, wide[1]):
            # 提前完成55%的年度目标, 完成每个网格配备1名以上…的任务: the target, reached
            actual = _percent_before(text, masked, quantities, index, skip, region)
            reached = quantities[actual] if actual is not None else None
            if actual is not None:
                skip.add(actual)
                found[:] = [r for r in found if r.actual is not reached]
            elif "每" not in before and _claim_on_previous(found, quantity, masked, region):
                continue  # 开展抽检5.48万批次，超额完成4.7万批次的年度目标任务
            elif "每" not in before and (
                done := _same_unit_before(quantities, index, skip, sentence)
            ):
                # 新（改）扩建幼儿园48所，超额完成40所的年度目标任务: whatever its verb, the figure
                # before the claim is what was done
                reached = quantities[done]
                skip.add(done)
                found[:] = [r for r in found if reached not in (r.actual, r.target)]
                named = _clause(masked, reached.start, start, end)
                name = _name(text, text[named[0] : reached.start], reached, named)
                found.append(Result(reached, clause, name, target=quantity))
                continue
            found.append(Result(reached, clause, before.strip("，、 ")[:60], target=quantity))
            continue
        share = _share_of_target(text, quantity, clause)
        if share is not None:
            earlier = _claim_on_previous(found, quantity, masked, region)
            previous = quantities[index - 1] if index else None
            if (
                earlier is None
                and previous is not None
                and previous.unit == quantity.unit
                and previous.start >= sentence[0]
                and index - 1 not in skip
            ):
                # 实现销售额8.1亿元，完成15亿元销售目标的54%: the figure the share is of answers
                # the target, whatever word states it
                earlier = Result(
                    previous, clause, _name(text, before, quantity, clause), target=quantity
                )
                found[:] = [r for r in found if r.actual is not previous]
                found.append(earlier)
            if earlier is not None:
                earlier.stated_percent = Decimal(share.group("percent"))
                earlier.stated_span = (share.start("percent"), share.end("percent"))
                skip.update(_starting_at(quantities, share.start("percent")))
                continue
        now = _reported_now(text, masked, quantities, index, clause, region)
        if now is not None:
            # 占比达到45%，目前已达46.2%: the rate promised, then the rate reached
            skip.add(now)
            result = Result(quantities[now], clause, before.strip("，、 ")[:60], target=quantity)
            _rate(text, result, quantities[now].end, end, SHARE_AFTER)
            found.append(result)
            continue
        if quantity.unit == "%" and not _percent_result(text, masked, quantities, index, region):
            continue
        if quantity.unit != "%" and DECIDED_BEFORE.search(sentence_before):
            # the plan as the report restates it: a target whose result is not given here
            found.append(
                Result(None, clause, _name(text, before, quantity, clause), target=quantity)
            )
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
        bare_rate = bool(
            quantity.unit == "%"
            and BARE_RATE_BEFORE.search(before)
            and found
            and found[-1].actual is not None
            and found[-1].actual.start >= sentence[0]
        )
        if quantity.unit == "%" and not RATE_BEFORE.search(before) and not bare_rate:
            continue  # a percent is a result only as a rate reached or against a planned one
        if quantity.unit == "%" and STATE_RATE_BEFORE.search(before):
            continue  # 森林覆盖率达51.9%, 空气质量优良率达90%: the state of a place, not work done
        sentence_start = sentence[0]
        if _in_future(text, sentence_start, quantity.start):
            if ALL_DONE.search(text, quantity.end, sentence[1] + 1):
                # 今年将172个行政村…列入民生实事项目，共涉及26692户，截至目前已全部完成: the plan
                # restated, then met in full
                met = Result(quantity, clause, _name(text, before, quantity, clause), quantity)
                found.append(met)
                continue
            probe = Result(quantity, clause, "")
            _rate(text, probe, quantity.end, end)
            if probe.stated_percent is None:
                continue  # a plan or forecast, unless a share of plan says it was done
        if UNDER_WAY_AFTER.match(text, quantity.end, clause[1]):
            # 6个老旧小区改造正在施工中: what is to be done, not yet a result
            found.append(Result(None, clause, text[quantity.end : clause[1]][:60], target=quantity))
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
        result = Result(quantity, clause, _name(text, before, quantity, clause))
        _rate(text, result, quantity.end, end)
        if quantity.unit in MONEY and result.stated_percent is None:
            # 已拨付703.8万元，拨付率100%: money paid with the share of what was due
            money = _money_share(text, quantity, end)
            if money is not None:
                result.stated_percent, result.stated_span = money
                skip.update(_starting_at(quantities, money[1][0]))
        done = bool(
            DONE_BEFORE.search(wide_before)
            or DONE_AFTER.match(text, quantity.end, clause[1])
            # 城区2所小学、5所公办幼儿园秋季开学使用: the state after a 、-chain covers it all
            or (
                _chained(masked, quantities, index, clause, wide)
                and DONE_AFTER.match(text, quantity.end, wide[1])
            )
            or (quantity.unit == "%" and RATE_BEFORE.search(before))
            or bare_rate
        )
        if not done and found and found[-1].actual is not None:
            # 已建设蔬菜基地2572亩，示范园390亩: a figure closing a clause of nouns goes on
            # with the result before it in the sentence
            done = sentence_start <= found[-1].actual.start < quantity.start and not text[
                quantity.end : clause[1]
            ].strip(" 以上")
        if result.stated_percent is None and not done and not loose:
            continue
        if (
            result.stated_percent is None
            and quantity.unit in MONEY
            and not loose
            and "%" not in _after_clause(text, quantity.end, end)[:MONEY_SHARE_REACH]
        ):
            continue  # 社会保险待遇累计发放1937亿元: money paid out, without its share of a plan
        found.append(result)
    found.sort(key=result_start)
    _respectively(masked, found, region)
    _overall_rates_to_the_item(text, masked, found, region)
    found = _paired_by_their_percent(_status_split(text, masked, found, region))
    return _without_parts_by_place(text, _without_repeated_subheadings(text, found), region)


# 完成投用5个，开工建设2个，正在办理开工前手续1个: the stage each part of a whole has reached
STAGE_DONE = re.compile(r"完成|建成|投用|投入使用|完工|竣工|交付")
STAGE_NOT_DONE = re.compile(r"开工|在建|正在|推进|前期|未")


def _status_split(text: str, masked: str, found: list[Result], region: Span) -> list[Result]:
    """A whole split by stage in its sentence (开工新建…学校8所，完成投用5个，开工建设2个，正在
    办理开工前手续1个: the parts add up to it): the whole is the target, the part done its result,
    the other stages no results of their own."""
    kept: list[Result] = []
    index = 0
    while index < len(found):
        whole = found[index]
        parts = _stages_of(text, masked, found, index, region)
        if not parts:
            kept.append(whole)
            index += 1
            continue
        done = [p for p in parts if STAGE_DONE.search(text, p.clause[0], result_start(p))]
        assert whole.actual is not None
        actual = done[0].actual if len(done) == 1 else None
        kept.append(Result(actual, whole.clause, whole.name, target=whole.actual))
        index += 1 + len(parts)
    return kept


def _stages_of(
    text: str, masked: str, found: list[Result], index: int, region: Span
) -> list[Result]:
    """The results right after found[index] in its sentence that split it by stage, if any."""
    whole = found[index]
    if whole.actual is None or whole.target is not None:
        return []
    sentence = _clause(masked, whole.actual.start, *region, SENTENCE)
    parts: list[Result] = []
    total = Decimal(0)
    for later in found[index + 1 :]:
        figure = later.actual
        if figure is None or later.target is not None or figure.start >= sentence[1]:
            break
        if figure.unit != whole.actual.unit and figure.unit != "个":
            break
        stage = text[later.clause[0] : figure.start]
        if not (STAGE_DONE.search(stage) or STAGE_NOT_DONE.search(stage)):
            break
        parts.append(later)
        total += figure.value
        if total >= whole.actual.value:
            break
    return parts if len(parts) >= 2 and total == whole.actual.value else []


PAIRING_REACH = 300  # how far before a result its plan may be stated
# …下达…治理任务3公里: a figure named as the plan, which may also follow the result it answers
NAMED_PLAN = re.compile(rf"{PLAN_NOUN}(?:数|量|为|是)?$")


def _paired_by_their_percent(found: list[Result]) -> list[Result]:
    """下达改造任务21029套。截至12月上旬，新开工18601套，完成年度开工任务的88.45%: a result
    whose stated share of plan is exactly itself over a figure stated before it, of its unit,
    is answered to that figure as its target (the numbers, not the words, make the pair). A
    figure named as the plan (…下达…任务3公里) may also come after the result (完成…3.1公里，
    完成率103.33%)."""
    taken: set[int] = set()
    for result in found:
        actual, percent = result.actual, result.stated_percent
        if actual is None or percent is None or result.target is not None:
            continue
        for index, other in enumerate(found):
            # a figure not yet paired: a result alone, or a target whose result is unsaid (the
            # result itself is passed over, since it states a percent)
            plan = other.actual if other.target is None else None
            if other.actual is None:
                plan = other.target
            if (
                plan is None
                or index in taken
                or other.stated_percent is not None
                or plan.unit != actual.unit
                or not (
                    0 < actual.start - plan.end <= PAIRING_REACH
                    or (
                        0 < plan.start - actual.end <= PAIRING_REACH
                        and NAMED_PLAN.search(other.name)
                    )
                )
                or not plan.value
            ):
                continue
            if stated_percent_matches(percent, "gte", plan.value, actual.value):
                result.target = plan
                taken.add(index)
                break
    return [result for index, result in enumerate(found) if index not in taken]


def _without_repeated_subheadings(text: str, found: list[Result]) -> list[Result]:
    """已拆除燃煤锅炉249台 on a line of its own, then …今年已拆除燃煤锅炉249台 in the paragraph
    below: the subheading repeats the result, which is counted once; so does a lead that quotes
    the results below it."""
    kept = []
    for index, result in enumerate(found):
        figure = result.actual
        if figure is not None and result.target is None:
            line_start = text.rfind("\n", 0, figure.start) + 1
            line_end = text.find("\n", figure.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
            repeated = any(
                later.actual is not None
                and (later.actual.value, later.actual.unit) == (figure.value, figure.unit)
                for later in found[index + 1 :]
            )
            if repeated and (
                (len(line) <= 24 and not CLAUSE.search(line)) or _quoted(text, figure.start)
            ):
                continue
        kept.append(result)
    return kept


def _names_a_project(text: str, quantity: Quantity) -> bool:
    """A figure inside quotes that name a project of the list (“为23500人次劳动者提供技能培训”等
    23项超前完成, “开办28个小学生爱心暑托班”项目)."""
    closing = text.find("”", quantity.end, quantity.end + 30)
    return (
        _quoted(text, quantity.start)
        and closing >= 0
        and bool(QUOTED_PROJECT_AFTER.match(text, closing + 1))
    )


def _quoted(text: str, position: int) -> bool:
    """“城镇新增就业25.79万人…”: a figure inside quotes, as a lead quotes the text below it."""
    opening = text.rfind("“", 0, position)
    return opening >= 0 and "”" not in text[opening:position] and "”" in text[position:]


def _respectively(masked: str, found: list[Result], region: Span) -> None:
    """宫颈癌筛查5.05万人、乳腺癌筛查5.09万人，分别完成年度任务的101%、102%: one percent each, in
    order, to the results of the sentence before the claim."""
    for claim in find_stated_percents(masked, *region):
        if not claim.respectively or len(claim.values) < 2:
            continue
        sentence = _clause(masked, claim.start, *region, SENTENCE)
        window = [
            r
            for r in found
            if r.actual is not None
            and r.stated_percent is None
            and sentence[0] <= r.actual.start < claim.start
        ]
        if len(window) < len(claim.values):
            continue
        for result, (value, start, end) in zip(
            window[-len(claim.values) :], claim.values, strict=True
        ):
            result.stated_percent, result.stated_span = value, (start, end - 1)


def _overall_rates_to_the_item(text: str, masked: str, found: list[Result], region: Span) -> None:
    """已新增…235个、新增…1202张，整体完成率111.5%: a rate closing a chain of several results
    is the item's, not the last result's."""
    for result in found:
        if result.stated_span is None or not OVERALL_RATE.search(
            text, max(region[0], result.stated_span[0] - 10), result.stated_span[0]
        ):
            continue
        sentence = _clause(masked, result.stated_span[0], *region, SENTENCE)
        if any(
            other is not result
            and other.actual is not None
            and sentence[0] <= other.actual.start < result.stated_span[0]
            for other in found
        ):
            result.stated_percent, result.stated_span = None, None


def _standard(sentence_before: str) -> bool:
    """A standard of payment set as a floor (低保标准不低于430元, 从500元提高到600元), by the
    words of its sentence up to the figure."""
    return "标准" in sentence_before and bool(STANDARD_FLOOR.search(sentence_before))


def _reported_now(
    text: str, masked: str, quantities: list[Quantity], index: int, clause: Span, region: Span
) -> int | None:
    """The next figure, when the clause right after this one reports where it stands now
    (完成20处…，目前已完成22处; 占比达到45%，目前已达46.2%)."""
    if index + 1 >= len(quantities):
        return None
    partner = quantities[index + 1]
    following = _clause(masked, partner.start, *region)
    if (
        partner.unit == quantities[index].unit
        and following[0] == clause[1] + 1
        and NOW_REPORTS.match(text, following[0], partner.start)
    ):
        return index + 1
    return None


def _in_future(text: str, sentence_start: int, position: int) -> bool:
    """A figure said of the future (计划, 将, 力争…) in its sentence, unless the sentence has
    come back to the present since (今年计划建成20所学校，目前已建成5所，新增学位1485个)."""
    futures = list(FUTURE_BEFORE.finditer(text, sentence_start, position))
    return bool(futures) and not NOW_SINCE.search(text, futures[-1].end(), position)


def _name(text: str, before: str, quantity: Quantity, clause: Span) -> str:
    """A result's name: the words of its clause before the figure, else those after it."""
    return (before.strip("，、 ") or text[quantity.end : clause[1]])[:60]


def _starting_at(quantities: list[Quantity], position: int) -> list[int]:
    """The indexes of the figures that start at `position` (a percent already read as a share)."""
    return [index for index, quantity in enumerate(quantities) if quantity.start == position]


def _without_parts_by_place(text: str, found: list[Result], region: Span) -> list[Result]:
    """Drop the results of sentences led by a district (其中，船山区已完成…) when a result of the
    same unit before them gives the whole: they split that whole by place. A result stated
    again with the same figure and the same rate is kept once."""
    kept: list[Result] = []
    whole_units: set[str] = set()
    seen: set[tuple[Decimal, str, Decimal | None]] = set()
    for result in found:
        first = result.target or result.actual
        if first is None:
            kept.append(result)
            continue
        if result.target is None and result.stated_percent is not None:
            # a news item repeats its lead (上半年共完成投资额19.62亿元，占年度计划的74.9%)
            key = (first.value, first.unit, result.stated_percent)
            if key in seen:
                continue
            seen.add(key)
        stops = [m.end() for m in FULL_STOP.finditer(text, region[0], first.start)]
        sentence_start = max([region[0], *stops])
        by_place = PLACE_LEAD.match(text, sentence_start)
        if by_place and first.unit in whole_units:
            continue
        if not by_place:
            whole_units.add(first.unit)
        kept.append(result)
    return kept


# 资金拨付率达80.8%, 占预算的101.36%: the share of its budget a sum of money reached
# the money planned, named before or after the plan: 年度投资计划, 计划投入, 全年计划投资, 年度总投资
_MONEY_PLAN = r"(?:年度|全年|年初|年)?(?:总投资|(?:总)?(?:投资|投入)?(?:预算|计划|目标|任务)(?:投入|投资|资金)?)"
MONEY_SHARE = re.compile(
    r"^[，、\s]*(?:(?:资金)?(?:拨付率|执行率|到位率|(?:预算)?执行进度)(?:为|达到|达)?|投资完成率(?:为|达到|达)?"
    # 年度计划完成率49.83% after the money done (累计完成投资12.09亿元)
    r"|(?:年度|全年)(?:投资)?计划完成率(?:为|达到|达)?"
    # 占年度投资计划的73%, 完成年度总投资的88.76%, 占计划投入的90.6%, 完成全年计划投资的71.62%
    rf"|[占为]{_MONEY_PLAN}的?|完成(?:了)?{_MONEY_PLAN}的)\s*(\d+(?:\.\d+)?)\s*%"
)
# 比年度计划高20.3个百分点, 与年度计划持平: the share stated as its distance from the plan
MONEY_ABOVE_PLAN = re.compile(
    r"^[，、\s]*(?:比(?:年度|全年)?(?:投资)?计划(?:高|多|超)(\d+(?:\.\d+)?)个百分点"
    r"|与(?:年度|全年)?(?:投资)?计划持平)"
)


def _money_share(text: str, quantity: Quantity, end: int) -> tuple[Decimal, Span] | None:
    """The share of its plan or budget that closes a sum of money, as a percent and its span."""
    rest = text[quantity.end : min(end, quantity.end + 40)]
    share = MONEY_SHARE.match(rest)
    if share:
        return Decimal(share.group(1)), (quantity.end + share.start(1), quantity.end + share.end(1))
    above = MONEY_ABOVE_PLAN.match(rest)
    if above is None:
        return None
    if above.group(1) is None:
        return Decimal(100), (quantity.end + above.start(), quantity.end + above.end())
    span = (quantity.end + above.start(1), quantity.end + above.end(1))
    return Decimal(100) + Decimal(above.group(1)), span


def _share_of_target(text: str, quantity: Quantity, clause: Span) -> re.Match[str] | None:
    """占目标任务数100公里的136.9%, 完成全年23万人目标任务的95.17%: the share a result claims,
    naming its target; a word for the task must stand before or after the figure."""
    before = SHARE_OF_BEFORE.search(text, clause[0], quantity.start)
    if before is None:
        return None
    after = SHARE_OF_AFTER.match(text, quantity.end, clause[1])
    if after is None or not (before.group("noun") or after.group("noun")):
        return None
    return after


def _claim_on_previous(
    found: list[Result], quantity: Quantity, masked: str, region: Span
) -> Result | None:
    """The result just before in the sentence, of the same unit and without a target, that a
    later claim names the target of; it takes that target."""
    if not found or quantity.unit == "%":
        return None
    earlier = found[-1]
    if earlier.actual is None or earlier.target is not None or earlier.actual.unit != quantity.unit:
        return None
    sentence = _clause(masked, quantity.start, *region, SENTENCE)
    if earlier.actual.start < sentence[0]:
        return None
    earlier.target = quantity
    return earlier


# 低于3.7%的控制目标, 控制在4.5%的目标以内: a bound the figure before it kept under
BOUND_BEFORE = re.compile(r"(?:低于|控制在|不超过|未超过)\s*$")
BOUND_AFTER = re.compile(r"(?:以内)?的?(?:年度|全年)?(?:控制)?(?:目标|指标)(?:以内)?")


def _kept_under(
    text: str, quantities: list[Quantity], index: int, skip: set[int], clause: Span, sentence: Span
) -> int | None:
    """The figure of the same unit just before a bound stated as the year's target (3.56%，低于
    3.7%的控制目标), if any: its index."""
    quantity = quantities[index]
    if not BOUND_BEFORE.search(text, clause[0], quantity.start):
        return None
    if not BOUND_AFTER.match(text, quantity.end):
        return None
    return _same_unit_before(quantities, index, skip, sentence)


BRACKET_TARGET = re.compile(rf"\s*[（(]\s*(?:年度|全年)?{PLAN_NOUN}(?:数)?(?:为|是)?\s*$")


def _target_in_brackets(
    text: str, quantities: list[Quantity], index: int, skip: set[int]
) -> int | None:
    """The next figure, when brackets right after this one name it as the year's target
    (149户（年度目标任务为100户）): its index."""
    if index + 1 >= len(quantities) or index + 1 in skip:
        return None
    quantity, following = quantities[index], quantities[index + 1]
    if following.unit != quantity.unit or following.start - quantity.end > BRACKET_REACH:
        return None
    if not BRACKET_TARGET.match(text[quantity.end : following.start]):
        return None
    return index + 1 if re.match(r"\s*[）)]", text[following.end : following.end + 2]) else None


BRACKET_REACH = 14  # （年度目标任务为: the words between a result and its target in brackets


def _chained(masked: str, quantities: list[Quantity], index: int, clause: Span, wide: Span) -> bool:
    """Whether the figure's clause is followed, after 、, by the next figure of its chain
    (2所小学、5所公办幼儿园…), not by an aside (47个县（市、区）)."""
    following = quantities[index + 1] if index + 1 < len(quantities) else None
    return (
        masked.startswith("、", clause[1])
        and following is not None
        and clause[1] < following.start < wide[1]
    )


def _named_task(text: str, quantity: Quantity) -> bool:
    """A figure named as the year's task by the claim around it (超额完成40所的年度目标任务)."""
    tail = quantity.end + (2 if text.startswith("以上", quantity.end) else 0)
    return (
        bool(TASK_AFTER.match(text, tail))
        and "完成" in text[max(0, quantity.start - 8) : quantity.start]
    )


def _same_unit_before(
    quantities: list[Quantity], index: int, skip: set[int], sentence: Span
) -> int | None:
    """The figure of the same unit just before this one, in its sentence and not yet taken (the
    figure done before a claimed task, the rate kept under a bound), if any: its index."""
    if not index or index - 1 in skip:
        return None
    previous, quantity = quantities[index - 1], quantities[index]
    if previous.unit != quantity.unit or previous.start < sentence[0]:
        return None
    return index - 1


def result_start(result: Result) -> int:
    """Where a result is in the text: its first figure (the target, else the actual)."""
    first = result.target or result.actual
    return first.start if first is not None else result.clause[0]


# 完成率200%, 占年计划的56.6%, (50%): claims about a figure, not figures of their own
PERCENT_CLAIM_BEFORE = re.compile(
    r"(?:完成率|完成进度|占[^，。；\d]{0,12}?|完成[^，。；\d]{0,8}?的"
    rf"|完成(?:年度|全年){PLAN_NOUN})(?:为|达到|达)?\s*$|（\s*$"
)


SHARED_RATE_BEFORE = re.compile(r"均\s*(?:达到|达|为)\s*$")


def _percent_result(
    text: str, masked: str, quantities: list[Quantity], index: int, region: Span
) -> bool:
    """A percent that can be a result: a rate reached (比率为53.0%) or a planned share and its
    outcome (计划完成工程量5%，实际完成工程量6%), never a claim about another figure."""
    quantity = quantities[index]
    clause = _clause(masked, quantity.start, *region)
    before = text[clause[0] : quantity.start]
    return not (PERCENT_CLAIM_BEFORE.search(before) or SHARED_RATE_BEFORE.search(before))


def _percent_before(
    text: str,
    masked: str,
    quantities: list[Quantity],
    index: int,
    skip: set[int],
    region: Span,
) -> int | None:
    """The percent reached that a percent target is met by: the one before it in its sentence
    (占养老机构床位总数55.2%，提前完成55%的年度目标), unless that one claims a share of plan."""
    target = quantities[index]
    if target.unit != "%":
        return None
    sentence_start = max(
        [region[0], *(m.end() for m in SENTENCE.finditer(masked, region[0], target.start))]
    )
    for earlier in range(index - 1, -1, -1):
        other = quantities[earlier]
        if other.start < sentence_start:
            break
        if other.unit != "%" or earlier in skip:
            continue
        before = text[max(sentence_start, other.start - 12) : other.start]
        if re.search(r"(?:完成率|完成进度|计划|目标|任务)[^，。；]*$", before):
            return None
        return earlier
    return None


def _rate_to_previous(
    text: str, found: list[Result], quantity: Quantity, masked: str, region: Span
) -> None:
    """The rate after a density (千人口托位数达到3.88个，完成率260%) belongs to the figure before."""
    if not found or found[-1].actual is None or found[-1].stated_percent is not None:
        return
    sentence = _clause(masked, quantity.start, *region, SENTENCE)
    previous = found[-1].actual
    if previous.start < sentence[0]:
        return
    probe = Result(quantity, found[-1].clause, "")
    _rate(text, probe, quantity.end, region[1])
    if probe.stated_percent is not None:
        found[-1].stated_percent = probe.stated_percent
        found[-1].stated_span = probe.stated_span


# 已拨付109.6亿元，占已到位资金的90.1%: how far after money a share of it would stand
MONEY_SHARE_REACH = 20


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
    # the rate closes the figure's clause, past any 、 of its words (11家全国、省、市…，完成率110%)
    clause_end = WIDE_CLAUSE.search(rest)
    if clause_end is None or re.search(r"\d", rest[: clause_end.start()]):
        clause_end = CLAUSE.search(rest)
    after = rest[clause_end.start() if clause_end else len(rest) :]
    rate = pattern.match(after)
    if rate and not SENTENCE.match(after):
        offset = position + (clause_end.start() if clause_end else len(rest))
        result.stated_percent = Decimal(rate.group(1))
        result.stated_span = (offset + rate.start(1), offset + rate.end(1))
