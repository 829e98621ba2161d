"""Whether a text reports work done or promises it, and what a report states.

A whole text is read as a report when its words of work done (已完成, 截至…, 完成了, 累计改造…)
outweigh its words of a plan (将, 力争, 票决…); inside a report, a paragraph of this year's
promises (今年将新增100辆…) still gives targets.
"""

import re
from collections import Counter
from decimal import Decimal

from minsheng.ingest.parser import extract
from minsheng.ingest.parser.numbers import find_quantities
from minsheng.ingest.parser.results import WORKS_DONE, Result, result_start, results
from minsheng.ingest.parser.structure import Span

# 今年将新增100辆, 此外，将解决10.7万人…, 计划新建: a paragraph of this year's promises
PROMISE_LINE = re.compile(
    # 将投入3413万元建设251条…: the money or the means may come between 将 and the work
    r"今年(?:还)?将|(?<!已)将[^，。；\d]{0,4}(?:\d[\d.]*[万亿]?元)?"
    r"(?:新增|新建|解决|完成|实施|建设|改造|推进|建成|开工)|计划(?:实施|新建|新增|建设|开工|改造|建成)(?!的)"
    r"|力争"
    # 项目全部建成后可新增学位15480个: the capacity the works promise once built
    r"|建成后(?:可|将)"
    # 任务目标是棚改开工8264套, 任务目标新增停车位1.4万个: the task stated under its label (not
    # 占目标任务的33.3% nor 完成年度目标任务, which report on it)
    r"|(?<![占成的超])(?:任务目标|目标任务|年度目标|年度任务)(?:是|为|：)?(?![的，。；])"
)


def results_and_promises(text: str, masked: str, body: Span) -> list[Result]:
    """The results of a report, and the targets of the paragraphs in it that promise (a news
    item on this year's list beside last year's results)."""
    promising = [
        span
        # a sentence at a time: 今年该区将投入…建设251条…。截至9月17日，已完成… in one paragraph
        for sentence in re.finditer(r"[^\n。！？]+[。！？]?", text[: body[1]])
        if sentence.end() > body[0]
        and (span := _promised_span(sentence)) is not None
        and not REPORT_WORDS.search(text, span[0], span[1])
    ]

    def promised(position: int) -> bool:
        return any(start <= position < end for start, end in promising)

    # a result set against a promised target stays when its rate confirms the pair (任务目标新增
    # 停车位1.4万个。目前已建成1.7万余个，完成率122.30%): that target is taken
    found = [
        r
        for r in results(text, masked, body)
        if not promised(result_start(r))
        or (r.actual is not None and r.stated_percent is not None and not promised(r.actual.start))
    ]
    taken = {r.target.start for r in found if r.target is not None}
    for start, end in promising:
        targets = []
        for mention in extract.mentions(text, masked, (max(start, body[0]), end), []):
            if mention.quantity.start in taken:
                continue
            name = text[mention.clause[0] : mention.quantity.start].strip("，、 ")[:60]
            targets.append(Result(None, mention.clause, name, target=mention.quantity))
        _rated_after(text, masked, targets, end, body[1])
        found += targets
    return sorted(found, key=result_start)


# 开工率100%, 基本建成率100%, 完成总工程量80%: the pace a sentence reports of the works before it
PACE_RATE = re.compile(
    r"(?P<kind>开工|完工|竣工|建成|完成|交付)(?:率|总工程量的?|工程量的?)(?:达到|达|为)?\s*"
    r"(?P<value>\d+(?:\.\d+)?)\s*%"
)
STARTED = "开工"
SENTENCE_END = re.compile(r"[。！？\n]")


def _rated_after(text: str, masked: str, targets: list[Result], end: int, limit: int) -> None:
    """The rates of the next sentence, when it states only rates, given to the targets of the
    promise before it (任务目标是棚改开工8264套，…建成6985套。截至目前，开工率100%，基本建成率
    100%: one each, in order; of one target, the rate of work finished over the rate started)."""
    if not targets:
        return
    stop = SENTENCE_END.search(text, end, limit)
    sentence_end = stop.end() if stop else limit
    if any(q.unit != "%" for q in find_quantities(masked, end, sentence_end)):
        return  # the sentence reports figures of its own
    rates = list(PACE_RATE.finditer(text, end, sentence_end))
    if not rates:
        return
    if len(targets) == 1:
        finished = [r for r in rates if r.group("kind") != STARTED]
        rates = [(finished or rates)[-1]]
    if len(rates) != len(targets):
        return
    for target, rate in zip(targets, rates, strict=True):
        target.stated_percent = Decimal(rate.group("value"))
        target.stated_span = rate.span("value")


def _promised_span(sentence: re.Match[str]) -> Span | None:
    """The part of a sentence that promises: all of it from a 将 or 今年将 that opens it (此外，将
    解决…；新开工…), but only its own clause, to the next ；, from a 计划 inside it
    (实施棚户区改造工程，计划开工3300套，基本建成2400套；改造城镇老旧小区235个…)."""
    found = PROMISE_LINE.search(sentence.group(0))
    if found is None:
        return None
    start, end = sentence.span()
    if found.group(0).startswith("计划"):
        stop = sentence.group(0).find("；", found.end())
        end = start + stop if stop >= 0 else end
    return start, end


# words of a report on work done, and of a plan of work to do, counted over the whole text
REPORT_WORDS = re.compile(
    r"已完成|已建成|已全部|累计完成|累计解决|完成率|实际完成|截至|截止|上半年|前三季度|今年以来"
    # 进展情况实行月报制度, 完成情况也要按期上报: a plan saying how it will be reported on
    r"|(?:进展情况|完成情况|落实情况|推进情况|实施情况)(?![^。，；]{0,6}(?:要|应|须|实行|上报|报送))"
    # 全面完成50项民生实事, 如期建成: the year's work closed (顺利完成 and 圆满完成 are also what a plan
    # asks: 确保…顺利完成)
    # (全部建成后可新增…: once built, the future)
    r"|(?:全面|全部|如期|超额|提前)(?:完成|建成|实现|竣工)(?!后)|成绩单|新完成|进展顺利"
    # 将上年的民生承诺作了一一回答, 汇报民生业绩: a report on last year's promises
    r"|(?<![比较同])上年|业绩|汇报"
    # 完成了, 建成了: the perfective 了 after the work; 主体封顶, 全部开工: a stage reached
    r"|(?:完成|建成|新建|新增|实施|开展|改造|解决|举办|组织|惠及)了"
    r"|主体(?:封顶|竣工|完工)|全部(?:开工|竣工|完工|建成)(?!后)|具备入住条件"
    # 时间过半、进度过半, 正在稳步推进: the pace of work under way
    r"|时间过半|进度过半|正在(?:稳步|加紧|有序)?推进"
    # 建成使用, 投入运营, 全线贯通, 改造完成: a work's state once done (a plan says 建成投用)
    rf"|建成(?:使用|开放|并)|投入运营|全线贯通|{WORKS_DONE}"
    # 过去一年, 去年我市…, 累计改造…: the year looked back on
    r"|过去一年|去年(?:以来|我|全|共)|累计(?:改造|新建|建成|完成|开展|举办|培训|解决|发放|新增)"
    # 1-6月份, 1至11月: the months a progress report covers; 开工率, 完工率: progress reached
    r"|(?<!\d)1\s*[-—–~至]\s*1?\d\s*月|一至[二三四五六七八九十]{1,2}月|开工率|完工率"
    # 2013年我省新建…: a year's work stated as done (a plan says 将, 计划 or 要)
    r"|20\d\d年，?(?:我|全)(?:省|市|县|区)(?:共|累计)?(?:新建|新增|完成|建成|新改建|解决)(?!计划)"
)
# 将 as 把 (将上年的承诺…回答) names what was done, not what will be
PLAN_WORDS = re.compile(r"分别是|分别为|将(?!上年|去年)|确定|提出|出炉|票决|承诺|力争|要办|拟办")


# 民生福祉持续增进。, 民生保障有力有效: a review's verdict on the year, closing its clause
VERDICT = re.compile(
    r"(?:扎实有力|有力有效|不断完善|持续增进|持续改善|稳步提升|显著提升|明显改善|成效显著)(?=[。；，])"
)
# 发布时间:2022-03-01, 2024年01月24日13:38: when the page was published, near its top
PUBLISHED = re.compile(r"(20\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*\d{1,2}")
YEAR_SPOKEN_OF = re.compile(r"(20\d\d)年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
PUBLISHED_WITHIN = 400  # the top of a page, where its date line stands
REPORTING_MONTHS = 4  # a year is reported on from January to April of the next
PUBLISHED_AFTER_WORDS = 2  # such a date weighs as two words of a report: enough alone


def is_report(text: str) -> bool:
    """A text that tells what was done (进展情况, 截至…已完成) rather than what will be."""
    done = len(REPORT_WORDS.findall(text)) + len(VERDICT.findall(text))
    if _published_the_year_after(text):
        done += PUBLISHED_AFTER_WORDS
    return done >= 2 and done >= len(PLAN_WORDS.findall(text)) / 2


def published(text: str) -> tuple[int, int] | None:
    """The year and month of the date line near a page's top (发布时间:2022-03-01), if any."""
    stamp = PUBLISHED.search(text, 0, PUBLISHED_WITHIN)
    return (int(stamp.group(1)), int(stamp.group(2))) if stamp else None


def _published_the_year_after(text: str) -> bool:
    """A page dated early in the year after the year it speaks of (发布时间:2022-03-01 over
    2021年…): a year-end report or a work report's review, not that year's plan."""
    stamp = published(text)
    if stamp is None:
        return False
    years = Counter(int(match.group(1)) for match in YEAR_SPOKEN_OF.finditer(text))
    # 今年将…办好6件民生实事 beside 2023年…全部办结: 今年 is the page's own year
    years[stamp[0]] += text.count("今年")
    if not any(years.values()):
        return False
    spoken = max(years, key=lambda year: (years[year], year == stamp[0]))
    return stamp[0] == spoken + 1 and stamp[1] <= REPORTING_MONTHS
