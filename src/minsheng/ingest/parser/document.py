"""A whole document parsed: plan header, projects, indicators, captions and findings."""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from minsheng.ingest.parser import extract, places
from minsheng.ingest.parser.departments import add_department, prose_departments
from minsheng.ingest.parser.errors import IngestError
from minsheng.ingest.parser.extract import Indicator, Mention, pairs
from minsheng.ingest.parser.findings import (
    ERROR,
    INFO,
    WARNING,
    Checks,
    Finding,
    check_stated_percent,
    falls_short,
    parts_agree,
)
from minsheng.ingest.parser.layouts import TableRow, paragraphs
from minsheng.ingest.parser.numbers import (
    INDICATOR_UNITS,
    Quantity,
    find_quantities,
    mask,
    normalize,
)
from minsheng.ingest.parser.reporting import is_report, published, results_and_promises
from minsheng.ingest.parser.results import Result, results, spent_or_rate
from minsheng.ingest.parser.script import simplified
from minsheng.ingest.parser.structure import Item, Span, finish_item, outline

FORMAT = "minsheng.plan/1"
LIST_NAMES = re.compile(r"(市办实事|民生实事|为民办实事|重点民生实事|民生项目|惠民实事)")
PLACE = re.compile(
    # not 年度省 of 2023年度省政府民生实事, 已经市 of 已经市政府常务会议通过 nor 市委市 of 市委市政府:
    # a place's name does not open with the year's words, a verb's or a party committee's
    r"((?!年|度|已经|[省市区县州]委)[\u4e00-\u9fff]{2,8}?(?:自治区|省|市|区|县|州))"
    r"(?=(?:人民政府|政府|20\d\d年|年度|民生|市办|为民|重点|第[一二三四五六七八九十]+届))"
)
# 全市, 本区, 各区县, …常务副市长王新会报告了我市2018年: a name that ends on 我市 or 全市 names
# no place
OWN_PLACE = re.compile(r"(?:我|本|全|该|各)(?:市|省|区|县|州){1,2}$")
UNKNOWN_LONGEST = 4  # a place's name before its level: 潍海, 黄河 (not 为切实推进)
NEWSPAPER = re.compile(r"([\u4e00-\u9fff]{2})日报")
YEAR = re.compile(r"(20\d\d)年")
AS_OF = re.compile(r"截[至止](?:(20\d\d)年)?(\d{1,2})月(?:(\d{1,2})日|底|末)")
MILESTONE_VERBS = re.compile(r"^(?:建成|建设|改造|开通|启动|上线|安装|设置|完善|实现|为)")
DONE_WORDS = re.compile(r"建成|完成|投用|投入使用|开通|上线|实现|设置|纳入|运行")
DOMAIN_WORDS = [
    ("就业", "就业 创业 工伤 职工 劳动者"),
    ("托幼", "托育 婴幼儿 托位"),
    ("教育", "教育 学校 中小学 幼儿园 学生"),
    ("养老", "养老 老年 助残 适老"),
    ("医疗", "医疗 医保 医院 卫生 家庭医生 中医 健康"),
    ("居住", "住房 居住 物业 小区 城中村 危房"),
    ("交通出行", "交通 出行 公交 停车 道路 农村路 地铁 充电桩"),
    ("环境", "环境 公园 大气 污染 绿化 生态 空气 水质"),
    ("文化体育", "健身 体育 文化 图书 运动"),
    ("乡村振兴", "乡村 农村寄递 村级 农产品"),
    ("公共安全", "安全 急救 食品 消防 市场消费 检测"),
    ("城市运行", "管网 基础设施 供热 供水 燃气 通信"),
    ("政务服务", "政务 办事 审批 热线 一网通办"),
]


@dataclass
class ParsedProject:
    item: Item
    title: str
    domain: str
    description: str
    completion_summary: str
    indicators: list[Indicator] = field(default_factory=list)
    milestones: list[dict[str, Any]] = field(default_factory=list)
    captions: list[Span] = field(default_factory=list)
    unmatched: list[Mention] = field(default_factory=list)
    # actuals of a results-only report whose target the report does not state
    results: list[Result] = field(default_factory=list)


@dataclass
class ParsedDocument:
    """The result of parsing: everything needed for the interchange JSON and the findings."""

    text: str
    jurisdiction: str
    year: int
    title: str
    summary: str
    projects: list[ParsedProject]
    findings: list[Finding]
    checks: Checks
    as_of: date | None = None

    def to_interchange(self) -> dict[str, Any]:
        """The plan in the interchange format (schema minsheng.plan/1), state drafting."""
        return {
            "format": FORMAT,
            "jurisdiction": {
                "name": self.jurisdiction,
                # a stable slug for a jurisdiction the ledger does not know yet (名称 → j-3f2a…)
                "slug": "j-" + hashlib.sha256(self.jurisdiction.encode()).hexdigest()[:12],
                "level": _level(self.jurisdiction),
            },
            "year": self.year,
            "title": self.title[:200],
            "state": "drafting",
            "summary": self.summary,
            "projects": [self._project(project) for project in self.projects],
        }

    def _project(self, project: ParsedProject) -> dict[str, Any]:
        item = project.item
        departments = [{"name": name[:100], "role": role} for name, role in item.departments]
        return {
            "number": item.number,
            "title": project.title[:300] or str(item.number),
            "domain": project.domain,
            "description": project.description,
            "completion_summary": project.completion_summary,
            "departments": departments,
            "indicators": [self._indicator(indicator) for indicator in project.indicators],
            "milestones": project.milestones,
            "evidence": [
                {"caption": self.text[start:end].strip()[:500]} for start, end in project.captions
            ],
        }

    def _indicator(self, indicator: Indicator) -> dict[str, Any]:
        target = indicator.target
        clause = self.text[target.clause[0] : target.clause[1]].strip()
        return {
            "name": indicator.name[:200],
            "target": _number(target.value),
            "unit": target.unit,
            "comparator": target.comparator,
            "baseline": _number(target.baseline),
            "source_text": clause,
            "actual": _number(indicator.actual),
            "actual_as_of": (self.as_of or date(self.year, 12, 31)).isoformat()
            if indicator.actual is not None
            else None,
            "stated_percent": _number(indicator.stated_percent),
        }

    def confidence_dicts(self) -> list[dict[str, Any]]:
        """Each indicator's confidence and doubts, in the order of the plan's projects."""
        return [
            {
                "project": project.item.number,
                "indicator": position,
                "name": indicator.name,
                "confidence": indicator.confidence,
                "doubts": indicator.doubts,
            }
            for project in self.projects
            for position, indicator in enumerate(project.indicators)
        ]

    def results_dicts(self) -> list[dict[str, Any]]:
        """Actuals without a stated target (results-only reports), for matching to a plan."""
        return [
            {
                "project": project.item.number,
                "name": result.name,
                "actual": _number(result.actual.value),
                "unit": result.actual.unit,
                "stated_percent": _number(result.stated_percent),
                "span": [result.actual.start, result.actual.end],
            }
            for project in self.projects
            for result in project.results
            if result.actual is not None
        ]

    def findings_dicts(self) -> list[dict[str, Any]]:
        return [finding.as_dict() for finding in self.findings]


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value.normalize())


def _level(name: str) -> str:
    known = places.level(name)
    if known is not None:
        return known
    if name.endswith(("省", "自治区")):
        return "province"
    if name.endswith(("区", "县")):
        return "district"
    if name.endswith(("街道", "镇", "乡")):
        return "street"
    return "city"


def parse_text(
    raw: str, *, jurisdiction: str | None = None, year: int | None = None
) -> ParsedDocument:
    """Parse decoded text; raise IngestError when there are no items or no year/jurisdiction."""
    if not raw.strip():
        raise IngestError("empty")
    # 繁体 is read as simplified; the spans stay on the original text (same length)
    text = _without_related_pages(normalize(simplified(raw)))
    masked = mask(text)
    shape = outline(text)
    report = is_report(text)
    report_only = None
    if not shape.items and not report:
        shape.items = _paragraph_items(text, masked)
        shape.style = "paragraph"
        if shape.items:
            shape.preamble = (0, shape.items[0].span[0])
    if not shape.items:
        report_only = _results_only(text, masked)
        if report_only is None:
            raise IngestError("no_items")
        shape.items = [report_only.item]
        shape.preamble = (0, report_only.item.span[0])
        shape.style = "none"
    findings: list[Finding] = []
    head = text[: max(shape.preamble[1], 600)]
    year = year or _year(text, shape.preamble, head)
    if year is None:
        raise IngestError("no_year")
    if not 2000 <= year <= 2100:
        raise IngestError("bad_year", year=year)
    if not jurisdiction:
        jurisdiction = _jurisdiction(text, head, findings)
    checks = Checks()
    if report_only is not None:
        projects = [report_only]
        _check_project(text, report_only, [], [], True, findings, checks)
    else:
        before_projects = len(findings)
        projects = [_project(text, masked, item, findings, checks, report) for item in shape.items]
        figureless = not any(project.indicators or project.results for project in projects)
        if report and figureless and (report_only := _results_only(text, masked, 1)) is not None:
            # 一是建立责任制度…五是…: a report whose numbered points are rules, its results
            # in the running text around them
            shape.style, shape.preamble = "none", (0, report_only.item.span[0])
            projects = [report_only]
            del findings[before_projects:]
            checks = Checks()
            _check_project(text, report_only, [], [], True, findings, checks)
    numbers = Counter(project.item.number for project in projects)
    for project in projects:
        if numbers[project.item.number] > 1:
            project.item.number = projects.index(project) + 1
    _assign_captions(text, projects, shape.captions)
    _named_in_prose(text, projects)
    summary = _summary(text, shape.preamble)
    _claims(text, projects, shape.preamble, findings, checks, one_body=shape.style == "none")
    for project in projects:
        for indicator in project.indicators:
            _confidence(text, project, indicator, findings, shape.style)
    as_of = _as_of(text, year)
    list_name = LIST_NAMES.search(head)
    title = f"{year}年{list_name.group(1)}" if list_name else _heading(text) or f"{year}年民生实事"
    return ParsedDocument(
        text=raw,
        jurisdiction=jurisdiction,
        year=year,
        title=title,
        summary=summary,
        projects=projects,
        findings=findings,
        checks=checks,
        as_of=as_of,
    )


# why a reading may be wrong, each with what it costs the indicator's confidence
DOUBTS = {
    "name": 0.3,  # no words name what is counted
    "no_actual": 0.2,  # the project reports results, but none answers this target
    "mismatch": 0.3,  # a stated percent or a claim disagrees with the figures
    "bare_cell": 0.1,  # a table cell gave the figure without a unit
    "guessed_list": 0.15,  # no numbered list: the items were found inside running text
    "approximate": 0.3,  # 约3.8万, 左右: not a firm figure, so not a firm promise
    "range": 0.15,  # 3-5处: read as at least the lower bound
    "guessed_unit": 0.2,  # a bare table figure whose unit no cell states (人 for 新增就业)
    "misaligned": 0.3,  # a table row with more cells than its header, read in place
}


def _confidence(
    text: str, project: ParsedProject, indicator: Indicator, findings: list[Finding], style: str
) -> None:
    doubts = []
    if len(indicator.name) < 2 or indicator.name == indicator.target.unit:
        doubts.append("name")
    if indicator.actual is None and (project.item.completion or project.unmatched):
        doubts.append("no_actual")
    if any(
        f.severity == ERROR and f.project == project.item.number and f.indicator == indicator.name
        for f in findings
    ):
        doubts.append("mismatch")
    if indicator.actual is not None and not indicator.actual_mentions:
        doubts.append("bare_cell")
    if style in {"shi", "inline_paren", "none", "paragraph"}:
        doubts.append("guessed_list")
    start = indicator.target.quantity.start
    if re.search(r"约|近|大约|左右", text[max(0, start - 2) : indicator.target.quantity.end + 2]):
        doubts.append("approximate")
    if indicator.target.quantity.upper is not None:
        doubts.append("range")
    if start in project.item.guessed_units:
        doubts.append("guessed_unit")
    if any(r.forced and r.promise[0] <= start < r.promise[1] for r in project.item.rows):
        doubts.append("misaligned")
    indicator.doubts = doubts
    indicator.confidence = round(max(0.0, 1.0 - sum(DOUBTS[d] for d in doubts)), 2)


# 相关新闻, 推荐阅读, 猜你喜欢 alone on a line below the article: the headlines of other pages
RELATED_PAGES = re.compile(
    r"(?m)^[ \t]*(?:相关新闻|相关阅读|推荐阅读|延伸阅读|猜你喜欢|热点推荐)[ \t]*$"
)
RELATED_BELOW = 0.25  # how far down the page such a heading must stand (not a sidebar at its top)


def _without_related_pages(text: str) -> str:
    """The text with the other pages' headlines below the article blanked out (the same
    length, so that every span still points into the page)."""
    heading = RELATED_PAGES.search(text)
    if heading is None or heading.start() < len(text) * RELATED_BELOW:
        return text
    return text[: heading.start()] + re.sub(r"[^\n]", " ", text[heading.start() :])


def _results_only(text: str, masked: str, least: int = 2) -> ParsedProject | None:
    """A report with no numbered list, only results: one project holding them all (when it
    states at least `least` of them, or only results set against their plan: one bare figure
    in a page without a list is too little)."""
    first = next((m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()), None)
    if first is None:
        return None
    title_span = first.span()
    if "。" in first.group(0) or len(first.group(0).strip()) > 80:
        # a page that is one paragraph has no title line: its first clause names it
        clause_end = re.search(r"[，。；]", first.group(0))
        title_span = (
            first.start(),
            first.start() + clause_end.start() if clause_end else first.end(),
        )
        body = (first.start(), len(text))
    else:
        body = (first.end(), len(text))
    found = results_and_promises(text, masked, body)
    # one result set against its plan (资金到位4978.82万元，预算执行进度47.06%; 建设50家，已建成
    # 49家) is a report too
    measured = [r for r in found if r.stated_percent is not None or r.target is not None]
    if len(found) < least and not (found and measured == found):
        return None
    title = text[title_span[0] : title_span[1]].strip()[:200]
    item = Item(number=1, span=body, title=title, title_span=title_span)
    item.completion = [body]
    project = ParsedProject(
        item=item,
        title=item.title,
        domain=_domain(text),
        description="",
        completion_summary=text[body[0] : body[1]].strip()[:2000],
    )
    for result in found:
        if result.target is None:
            if result.actual is not None:
                project.results.append(result)
            continue
        project.indicators.append(_paired_indicator(result))
    return project


def _paragraph_items(text: str, masked: str) -> list[Item]:
    """A plan that numbers nothing: its paragraphs (or the clauses of a list) are the items."""
    counted = [
        (m.quantity.start, m.quantity.end)
        for m in extract.mentions(text, masked, (0, len(text)), [])
    ]
    spans = paragraphs(text, counted)
    values = [
        [(m.value, m.unit) for m in extract.mentions(text, masked, span, [])] for span in spans
    ]
    items: list[Item] = []
    for index, span in enumerate(spans):
        if index == 0 and len(spans) > 1 and _restated_below(text, spans, values):
            continue  # a lead paragraph or a title repeating figures given below
        item = Item(number=len(items) + 1, span=span, promise=[span])
        finish_item(text, item)
        items.append(item)
    return items


def _restated_below(text: str, spans: list[Span], values: list[list[tuple[Decimal, str]]]) -> bool:
    """Whether every figure of the first paragraph is given again below in words like its own
    (将改造城镇老旧管网2220公里 over …改造城镇老旧管网2220公里、…): a lead, not an item. A list
    of headlines that share a figure by chance (5万名…人才培训, 5万人入住…) is not."""
    if not values[0]:
        return False
    own = pairs(text[spans[0][0] : spans[0][1]])
    for figure in values[0]:
        below = [spans[i] for i in range(1, len(spans)) if figure in values[i]]
        if not any(len(own & pairs(text[start:end])) >= RESTATED_PAIRS for start, end in below):
            return False
    return True


RESTATED_PAIRS = 3  # word pairs a restated figure's paragraph shares with the lead


def _paired_indicator(result: Result) -> Indicator:
    """A target a report states beside its result (15个…已完成8个): one indicator."""
    target = result.target
    assert target is not None
    mention = Mention(target, target.unit, result.clause, result.clause, result.name)
    mention.comparator = result.comparator
    indicator = Indicator(target=mention, name=result.name or target.unit)
    indicator.actual = result.actual.value if result.actual is not None else None
    indicator.stated_percent = result.stated_percent
    indicator.stated_span = result.stated_span
    return indicator


def _year(text: str, preamble: Span, head: str) -> int | None:
    """The year most named at the top; or, when the lead names none but speaks of 今年, the
    year of the page's date line (时间:2024-03-01 … 今年将办好6件民生实事)."""
    stamp = published(text)
    lead = text[preamble[0] : preamble[1]]
    if stamp is not None and "今年" in lead and not YEAR.search(lead):
        return stamp[0]
    years = Counter(int(match.group(1)) for match in YEAR.finditer(head))
    return years.most_common(1)[0][0] if years else None


def _jurisdiction(text: str, head: str, findings: list[Finding]) -> str:
    """The government a page is of: the place named most before 政府, 民生, 20xx年…, read as the
    known name that ends it (想知道闵行区 → 闵行区); else a known name anywhere at the top; else
    a name the gazetteer does not know, given by the title line (a place newer than it); else a
    city's newspaper. Words in the text that end on 市 but name no known place (最终市, 项进展
    偏慢的市) are no answer: the page asks."""
    found = [
        (re.sub(r"^(?:关于|印发|做好|推进|全力|办好)", "", match.group(1)), match.start())
        for match in PLACE.finditer(head)
        if not OWN_PLACE.search(match.group(1))
    ]
    known = Counter(name for words, _ in found if (name := places.known_suffix(words)))
    title_end = text.find("\n", len(text) - len(text.lstrip()))
    titled = Counter(
        words
        for words, start in found
        if (title_end < 0 or start < title_end) and len(places.stem(words)) <= UNKNOWN_LONGEST
    )
    chosen = known or Counter(places.named_in(head)) or titled
    if chosen:
        return places.most_named(chosen, text)
    paper = NEWSPAPER.search(head)
    if paper and "市办实事" in text:
        name = paper.group(1) + "市"
        findings.append(
            Finding(
                "jurisdiction_inferred",
                INFO,
                _line_at(text, paper.start()),
                (paper.start(), paper.end()),
                params={"name": name},
            )
        )
        return name
    raise IngestError("no_jurisdiction")


def _line_at(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)].strip()


HEADING = re.compile(r"实事|通知|清单|报告|情况|项目")
NAVIGATION = re.compile(r"导航|收藏|首页|当前位置|字体|打印|无障碍|关怀版|分享")


def _heading(text: str) -> str:
    """The document's own heading: not the site's navigation (导航, 我要收藏) above it."""
    lines = [line.strip() for line in text.split("\n")[:12] if line.strip()]
    for line in lines:
        if 6 <= len(line) <= 200 and HEADING.search(line) and not NAVIGATION.search(line):
            return line
    return next((line for line in lines if not NAVIGATION.search(line)), _first_line(text))


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:200]
    return ""


def _summary(text: str, preamble: Span) -> str:
    paragraphs = [p.strip() for p in text[preamble[0] : preamble[1]].split("\n") if p.strip()]
    return "\n\n".join(p for p in paragraphs if "。" in p and len(p) > 40)


def _as_of(text: str, year: int) -> date | None:
    match = AS_OF.search(text)
    if not match:
        return None
    month = int(match.group(2))
    if not 1 <= month <= 12:
        return None
    if match.group(3):
        day = min(int(match.group(3)), 28 if month == 2 else 30)
    else:
        day = 31 if month in {1, 3, 5, 7, 8, 10, 12} else (28 if month == 2 else 30)
    return date(int(match.group(1) or year), month, day)


_DOMAIN_OF = {word: name for name, words in DOMAIN_WORDS for word in words.split()}
_DOMAIN_WORD = re.compile("|".join(sorted(map(re.escape, _DOMAIN_OF), key=len, reverse=True)))
_DOMAIN_ORDER = {name: index for index, (name, _words) in enumerate(DOMAIN_WORDS)}


def _domain(text: str) -> str:
    """The domain whose words the text uses most (ties: the first listed); one pass."""
    scores = Counter(_DOMAIN_OF[word] for word in _DOMAIN_WORD.findall(text))
    if not scores:
        return "城市运行"
    return min(scores, key=lambda name: (-scores[name], _DOMAIN_ORDER[name]))


def _joined(text: str, spans: list[Span]) -> str:
    return "".join(text[s:e] for s, e in spans).strip()


def _project(
    text: str,
    masked: str,
    item: Item,
    findings: list[Finding],
    checks: Checks,
    report: bool = False,
) -> ParsedProject:
    if report and (not item.completion or len(item.promise) > 1):
        # (a paragraph that opens on its verdict reports, even above a 目前… split off before)
        split = _promise_then_report(text, item)
        if split is not None:
            item.promise, item.completion = split[0], split[1] + item.completion
    promised, reported, stated, parts = extract.targets_and_actuals(
        text, masked, item.promise, item.completion
    )
    promised += _table_targets(text, masked, item, promised)
    rated: list[Result] = []
    paired: list[Result] = []
    marked = any(m.target_marked for m in promised + reported)
    if report and not item.completion and not marked and not item.rows:
        # an item of a report on work done: its figures are results, unless one reports on another
        # (a table row says by its columns which cell promises and which reports)
        found = [r for region in item.promise for r in results(text, masked, region, loose=True)]
        paired = [r for r in found if r.target is not None]
        rated = [r for r in found if r.target is None]
        taken = {r.actual.start for r in found if r.actual} | {
            r.target.start for r in paired if r.target
        }
        promised = [
            m
            for m in promised
            if m.quantity.start not in taken
            and not spent_or_rate(text, m.quantity, m.clause[0])
            # 失业率控制在4.0%以内 in a report on work done: the year's bound restated
            and not (m.unit == "%" and m.comparator == "lte" and not m.target_marked)
        ]
    else:
        # 新建口袋公园12个，整体完成率120%: a result closed by its rate, not a promise, even
        # above an item's 推进情况 (完成投资2513万元，占年度投资目标的16.22%)
        rated = [
            r
            for region in item.promise
            if "%" in text[region[0] : region[1]]  # no share stated, no result closed by one
            for r in results(text, masked, region)
            if r.target is None and r.stated_percent is not None
        ]
        taken = {r.actual.start for r in rated if r.actual}
        used = [r.stated_span for r in rated if r.stated_span]
        promised = [m for m in promised if m.quantity.start not in taken]
        stated = [
            claim
            for claim in stated
            if not any(s <= value[1] < e for value in claim.values for s, e in used)
        ]
    description = _joined(text, item.promise)
    completion = "\n".join(text[s:e].strip() for s, e in item.completion)
    project = ParsedProject(
        item=item,
        title=item.title,
        domain=_domain(item.title + description),
        description=description,
        completion_summary=completion,
    )
    project.results = rated
    promised = _headline_once(text, item, promised)
    project.indicators = [Indicator(target=m, name=_name(text, m)) for m in promised]
    project.indicators += [_paired_indicator(result) for result in paired]
    project.unmatched = extract.match(text, project.indicators, reported)
    _table_rows(text, masked, project)
    for indicator in project.indicators:
        if CLAIM_VERB.fullmatch(indicator.name) and indicator.actual_mentions:
            # 建成城市书房42个，超额完成40个的年度目标任务: the target is named by what was done
            named = _name(text, indicator.actual_mentions[0])
            indicator.name = (
                re.sub(r"^(?:全年|今年|共|累计)?(?:建成|完成|新建|改造)?", "", named) or named
            )
    project.milestones = _milestones(text, masked, item, promised, completion)
    has_report = bool(item.completion) or bool(reported)
    _check_project(text, project, stated, parts, has_report, findings, checks)
    return project


# 上半年，引进…3个: a sentence opening on the period it reports, after the promise restated
REPORT_OPENS = re.compile(
    r"\s*(?:上半年|下半年|前三季度|一季度|二季度|三季度|全年|截至|截止|目前|今年以来|1[—\-至~～]\d{1,2}月"
    # 超出目标任务。2019年，新增…: the verdict on the task opens its report
    r"|(?:超出|超额完成|全面完成|提前完成|圆满完成)(?:了)?(?:年度|全年)?目标任务)"
)
REPORTS_IN = re.compile(r"已|累计|截至|截止|上半年|前三季度|完成了|目前|实际")


def _promise_then_report(text: str, item: Item) -> tuple[list[Span], list[Span]] | None:
    """An item of a report that restates its promise, then reports (1.新建学校3所。上半年，已建成
    2所。): the first sentence is the promise, the rest its completion."""
    if not item.promise:
        return None
    if len(item.promise) > 1:
        # 实事二：新改扩建…300公里。 then a paragraph 截至6月30日，完成…: the line that opens on
        # the period reported is where the completion starts
        for index, (start, end) in enumerate(item.promise[1:], start=1):
            if REPORT_OPENS.match(text, start, end):
                return item.promise[:index], item.promise[index:]
        return None
    start, end = item.promise[0]
    line_end = text.find("\n", start, end)
    if (
        line_end > 0
        and re.search(r"\d", text[start:line_end])
        and "。" not in text[start:line_end]
        and REPORT_OPENS.match(text, line_end + 1, end)
    ):
        # (1)增加1000张老年病床 on its line, then 超出目标任务。…: the headline is the promise
        return [(start, line_end)], [(line_end + 1, end)]
    stop = text.find("。", start, end)
    if stop < 0 or not re.search(r"\d", text[start:stop]):
        return None
    if REPORTS_IN.search(text, start, stop) or not REPORT_OPENS.match(text, stop + 1, end):
        return None
    return [(start, stop + 1)], [(stop + 1, end)]


def _headline_once(text: str, item: Item, promised: list[Mention]) -> list[Mention]:
    """完成15个老旧小区改造 项目内容：…等15个老旧小区的…: a headline's figure repeated in the
    item's content is one promise, not two (a headline ends with its line or a label's colon;
    建成处理站5个，污水处理站5个 are two)."""
    start, end = item.title_span
    if end >= len(text) or text[end] not in "：\n":
        return promised
    headline = {(m.value, m.unit) for m in promised if start <= m.quantity.start < end}
    if not headline:
        return promised
    kept = []
    for mention in promised:
        key = (mention.value, mention.unit)
        if mention.quantity.start >= end and key in headline:
            headline.discard(key)
            continue
        kept.append(mention)
    return kept


CLAIM_VERB = re.compile(r"(?:超额|提前|全面|顺利|如期)?(?:完成|实现)|年度目标任务")
BARE_NUMBER = re.compile(r"\s*(\d+(?:\.\d+)?)\s*")
# a percent column's cell, with or without its sign (the header may say 完成比例（%）)
BARE_PERCENT = re.compile(r"\s*(\d+(?:\.\d+)?)\s*%?\s*")
BARE_FIGURE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(万|亿)?\s*")
# 已进场施工，完成60%: how far the work is, in a progress cell
PROGRESS_RATE = re.compile(r"(?:完成|进度|完成进度)(?:了|达到|达|为)?\s*(\d+(?:\.\d+)?)%")
# 城镇登记失业率低于（%）: the title's last words say the target is a ceiling
LOWER_IS_BETTER = re.compile(
    r"(?:低于|不超过|不高于|控制在|以下|以内)\s*(?:[（(][^）)]*[）)])?\s*$"
)
# what a count without a unit counts: people (新增城镇就业, 辅警, 妇女…检查), else items (个)
PERSON_NOUNS = re.compile(
    r"就业|人员|人口|人数|妇女|孕产妇|学生|儿童|老人|老年人|辅警|医生|教师|劳动者|残疾人|参保"
    r"|培训|患者|群众|居民|农民工|青年|职工"
)
YEAR_FIGURE = re.compile(r"(?:19|20)\d\d")
UNIT_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


def _table_targets(text: str, masked: str, item: Item, promised: list[Mention]) -> list[Mention]:
    """Targets of table rows whose target cell holds a bare figure (| 城镇新增就业 | 万人 | 5.2 |).

    The figure counts what the row's unit column says (万人: 5.2 is 52000人), else what the
    figures of its title count (减少大班额1.4万个以上 | 869: 869个, the title's figure being
    the province's), else people or items as the title's words say (see _guessed_unit).
    """
    found = []
    for row in item.rows:
        start, end = row.promise
        if row.title is None or any(start <= m.quantity.start < end for m in promised):
            continue
        figure = BARE_FIGURE.fullmatch(text, start, end)
        if not figure:
            continue
        value = Decimal(figure.group(1))
        unit, factor, guessed = _row_unit(text, masked, row, figure.group(2) or "")
        if not unit or (guessed and YEAR_FIGURE.fullmatch(figure.group(1))):
            continue  # | 2025 |: a year where a figure was expected, not a count
        quantity = Quantity(
            _clean(value * factor), unit, figure.start(1), figure.end(1), "quantity"
        )
        title = text[row.title[0] : row.title[1]]
        comparator = row.comparator or ("lte" if LOWER_IS_BETTER.search(title) else "gte")
        context = re.sub(r"[（(][^）)]*[）)]\s*$", "", title).strip()
        mention = Mention(quantity, unit, row.title, row.title, context, comparator=comparator)
        found.append(mention)
        if guessed:
            item.guessed_units.append(quantity.start)
        if factor > 1:
            item.rounding[quantity.start] = (_half_step(figure.group(1)) * factor, Decimal(0))
    return found


def _clean(value: Decimal) -> Decimal:
    """52000.0 → 52000, 1361.920 → 1361.92: the same number, written as people write it."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _half_step(figure: str) -> Decimal:
    """Half the last place of a printed figure: 5.2 may be anything from 5.15 to 5.25."""
    places = len(figure.split(".")[1]) if "." in figure else 0
    return Decimal(5).scaleb(-places - 1)


def _within_rounding(text: str, item: Item, indicator: Indicator) -> bool:
    """A stated percent computed from the unrounded figures of cells printed in 万 (7.23万人 of
    5.2万人 is 139.0%, stated 139.1%), or of an actual the prose prints in 万 or 亿 (超过5万个 of
    3.1万个 is stated as 160%), agrees when some figures within the rounding give it."""
    steps = item.rounding.get(indicator.target.quantity.start) or _printed_steps(text, indicator)
    stated, actual, target = indicator.stated_percent, indicator.actual, indicator.target.value
    if steps is None or stated is None or actual is None or target <= steps[0]:
        return False
    low = (actual - steps[1]) / (target + steps[0]) * 100
    high = (actual + steps[1]) / (target - steps[0]) * 100
    margin = _half_step(format(stated, "f"))
    return low - margin <= stated <= high + margin


def _printed_steps(text: str, indicator: Indicator) -> tuple[Decimal, Decimal] | None:
    """Half the last printed place of an actual the prose writes in 万 or 亿 (超过5万个 may be
    45,000 to 55,000), in the unit counted; a promise's round figure (1万个) is meant exactly."""
    if not indicator.actual_mentions:
        return None
    quantity = indicator.actual_mentions[-1].quantity
    printed = BARE_FIGURE.match(text, quantity.start, quantity.end)
    if printed is None or printed.group(2) is None:
        return None
    return Decimal(0), _half_step(printed.group(1)) * UNIT_SCALE[printed.group(2)]


def _row_unit(text: str, masked: str, row: TableRow, multiplier: str) -> tuple[str, Decimal, bool]:
    """The unit of a row's bare figures and the factor into it: (unit, factor, guessed)."""
    scale = UNIT_SCALE.get(multiplier, Decimal(1))
    if row.unit:
        unit = row.unit
        if unit[0] in UNIT_SCALE and unit[1:] in INDICATOR_UNITS and unit != "万元":
            scale *= UNIT_SCALE[unit[0]]
            unit = unit[1:]
        if unit == "亿元":
            unit, scale = "万元", scale * UNIT_SCALE["万"]
        if unit in INDICATOR_UNITS:
            return unit, scale, False
    assert row.title is not None
    named = [
        q
        for q in find_quantities(masked, row.title[0], row.title[1])
        if q.countable and q.unit in INDICATOR_UNITS
    ]
    if named:
        unit = named[0].unit
        if unit == "万元" and multiplier == "万":
            return unit, Decimal(1), False  # | 征缴基金10000万元 | 10000万 |
        return unit, scale, False
    if multiplier:
        return "", scale, True
    title = text[row.title[0] : row.title[1]]
    return ("人" if PERSON_NOUNS.search(title) else "个"), scale, True


def _table_rows(text: str, masked: str, project: ParsedProject) -> None:
    """A table cell that holds a bare figure (| 4385 | 110% |) is in the unit of its row's target."""
    for row in project.item.rows:
        promise, completion, percent = row.promise, row.completion, row.percent
        inside = [i for i in project.indicators if promise[0] <= i.target.span[0] < promise[1]]
        if len(inside) > 1 and percent and all(i.stated_percent is None for i in inside):
            # | 新建充电桩350个，其中农村185个 | … | 28% |: the row's one percent is its lead target's
            stated = BARE_PERCENT.fullmatch(text, percent[0], percent[1])
            if stated:
                inside[0].stated_percent = Decimal(stated.group(1))
                inside[0].stated_span = (stated.start(1), stated.end(1))
        if len(inside) != 1:
            continue
        indicator = inside[0]
        if row.title is not None and not promise[0] <= row.title[0] < promise[1]:
            # the target sits in its own cell (不低于60元): the row's title names it
            title = text[row.title[0] : row.title[1]]
            indicator.name = re.sub(r"[（(][^）)]*[）)]\s*$", "", title).strip() or indicator.name
        if indicator.actual is None and completion:
            figure = BARE_FIGURE.fullmatch(text, completion[0], completion[1])
            if figure:
                unit, factor, _guessed = (
                    _row_unit(text, masked, row, figure.group(2) or "")
                    if row.unit or figure.group(2)
                    else (indicator.target.unit, Decimal(1), False)
                )
                if unit == indicator.target.unit:
                    indicator.actual = _clean(Decimal(figure.group(1)) * factor)
                    start = indicator.target.quantity.start
                    if factor > 1 and start in project.item.rounding:
                        step = _half_step(figure.group(1)) * factor
                        project.item.rounding[start] = (project.item.rounding[start][0], step)
        if percent and indicator.stated_percent is None:
            stated = BARE_PERCENT.fullmatch(text, percent[0], percent[1])
            if stated:
                indicator.stated_percent = Decimal(stated.group(1))
                indicator.stated_span = (stated.start(1), stated.end(1))
        if completion and indicator.stated_percent is None and indicator.actual is None:
            rates = list(PROGRESS_RATE.finditer(text, completion[0], completion[1]))
            if len(rates) == 1:
                indicator.stated_percent = Decimal(rates[0].group(1))
                indicator.stated_span = rates[0].span(1)
    for row in project.item.rows:
        _in_order(project, row)


def _in_order(project: ParsedProject, row: TableRow) -> None:
    """| 城市、农村低保分别达到300元/人、140元/人 | … | 城市低保：300.1元/月，农村低保：154.33元/月 |:
    the result cell gives its figures in the order of the row's targets."""
    start, end = row.promise
    waiting = [
        i for i in project.indicators if start <= i.target.span[0] < end and i.actual is None
    ]
    cells = [span for span in (row.completion, row.remark) if span]
    figures = [
        m
        for m in project.unmatched
        if any(s <= m.quantity.start < e for s, e in cells) and m.unit != "%"
    ]
    if len(waiting) < 2 or len(figures) != len(waiting):
        return
    if any(f.unit != i.target.unit for f, i in zip(figures, waiting, strict=True)):
        return
    for figure, indicator in zip(figures, waiting, strict=True):
        indicator.actual = figure.value
        indicator.actual_mentions = [figure]
        project.unmatched.remove(figure)


def _name(text: str, mention: Mention) -> str:
    name = re.sub(r"^(?:其中|为|在|对|将|由)", "", mention.context.strip())
    name = re.sub(
        r"(?:达到|达|提升至|提高到|提高至|提升到|降至|统一降至|增加|不少于|超过)$", "", name
    )
    name = name.strip("、，,和及与 ")
    if len(name) < 2:
        clause = text[mention.clause[0] : mention.clause[1]]
        name = (
            clause[: mention.quantity.start - mention.clause[0]]
            + clause[mention.quantity.end - mention.clause[0] :]
        ).strip()
    return name or mention.unit


def _milestones(
    text: str, masked: str, item: Item, promised: list[Mention], completion: str
) -> list[dict[str, Any]]:
    """Promises without a number (建成浮山全民健身中心) are milestones: done or not done.

    Clauses of one sentence that follow each other (改造…停车场，完善…道路，实现…换乘) make one
    milestone; a clause that leads into a counted one (推进…制度，参保人数达到20万人) does not.
    """
    counted = {m.clause for m in promised}
    groups: list[list[str]] = []
    for start, end in item.promise:
        previous_end = -1
        for clause in re.finditer(r"[^，。；！？\n（）]+", text[start:end]):
            span = (start + clause.start(), start + clause.end())
            words = clause.group(0).strip()
            wanted = (
                span not in counted
                and not span[0] <= item.title_span[0] < span[1]
                and len(words) >= 5
                and bool(MILESTONE_VERBS.match(words))
                and not any(s <= m.span[0] < e for m in promised for s, e in [span])
            )
            if not wanted:
                previous_end = -1
                continue
            joined = previous_end >= 0 and text[previous_end : span[0]].strip() == "，"
            if joined and groups:
                groups[-1].append(words)
            else:
                groups.append([words])
            previous_end = span[1]
    found = []
    for group in groups:
        name = "，".join(group)
        wanted_pairs = pairs(name)
        # a pair of letters is among a text's pairs exactly when it occurs in it: a name's few
        # pairs are looked up in the completion text rather than building all of its pairs
        shared = sum(map(completion.__contains__, wanted_pairs))
        overlap = shared / max(len(wanted_pairs), 1)
        done = bool(completion) and overlap >= 0.6 and bool(DONE_WORDS.search(completion))
        found.append({"name": name[:300], "done": done})
    return found


def _sentence(text: str, span: Span) -> str:
    return text[span[0] : span[1]].strip()


def _check_project(
    text: str,
    project: ParsedProject,
    stated: list[Any],
    parts: list[extract.PartsCheck],
    has_report: bool,
    findings: list[Finding],
    checks: Checks,
) -> None:
    number = project.item.number
    attached = set()
    for indicator in project.indicators:
        target = indicator.target
        if indicator.stated_percent is not None and indicator.actual is not None:
            checks.stated_percents += 1
            attached.add(indicator.stated_span)
            agree, computed = check_stated_percent(
                indicator.stated_percent,
                target.comparator,
                target.value,
                indicator.actual,
                target.baseline,
            )
            mention = indicator.actual_mentions[-1] if indicator.actual_mentions else target
            agree = agree or _within_rounding(text, project.item, indicator)
            if agree:
                checks.stated_percents_agree += 1
            else:
                findings.append(
                    Finding(
                        "percent_mismatch",
                        ERROR,
                        _sentence(text, mention.sentence),
                        indicator.stated_span or mention.span,
                        number,
                        indicator.name,
                        {
                            "stated": indicator.stated_percent,
                            "computed": computed,
                            "actual": indicator.actual,
                            "target": target.value,
                            "unit": target.unit,
                        },
                    )
                )
        if indicator.actual is None and has_report:
            findings.append(
                Finding(
                    "target_without_actual",
                    WARNING,
                    _sentence(text, target.clause),
                    target.span,
                    number,
                    indicator.name,
                    {"target": target.value, "unit": target.unit},
                )
            )
    for mention in project.unmatched:
        findings.append(
            Finding(
                "unmatched_actual",
                WARNING,
                _sentence(text, mention.sentence),
                mention.span,
                number,
                "",
                {"value": mention.value, "unit": mention.unit},
            )
        )
    for claim in stated:
        for value, start, end in claim.values:
            if (start, end) in attached:
                continue
            lone = [i for i in project.indicators if i.actual is None]
            if len(project.indicators) == 1 and lone:
                # 已完成年度目标任务的55%: a claim about the one indicator, with no figure to check
                lone[0].stated_percent = value
                lone[0].stated_span = (start, end)
            if any(m.stated == (value, start, end) for m in project.unmatched):
                continue
            findings.append(
                Finding(
                    "percent_unverifiable",
                    WARNING,
                    _line_at(text, start),
                    (start, end),
                    number,
                    "",
                    {"stated": value},
                )
            )
    for check in parts:
        checks.parts_sums += 1
        values = [part.value for part in check.parts]
        if parts_agree(check.whole.value, check.total, values):
            checks.parts_sums_agree += 1
            continue
        findings.append(
            Finding(
                "parts_sum_mismatch",
                ERROR,
                _sentence(text, check.sentence),
                check.sentence,
                number,
                "",
                {"whole": check.whole.value, "total": check.total, "unit": check.whole.unit},
            )
        )


def _claims(
    text: str,
    projects: list[ParsedProject],
    preamble: Span,
    findings: list[Finding],
    checks: Checks,
    one_body: bool = False,
) -> None:
    """完成 claims held to the numbers: a project that says it is done, and the lead paragraph.

    In a text read as one body of results (`one_body`, no list), a claim that names no figure
    (该项工作已全部完成) speaks of its own paragraph only, not of the whole text."""
    overall = extract.claim_sentences(text, [preamble])
    for project in projects:
        reported = project.unmatched or any(i.actual is not None for i in project.indicators)
        regions = project.item.completion or (project.item.promise if reported else [])
        own = extract.claim_sentences(text, regions)
        checks.claims += len(own)
        for indicator in project.indicators:
            target = indicator.target
            if indicator.actual is None or not falls_short(
                target.comparator, target.value, indicator.actual
            ):
                continue
            # a claim covers the figures of its own sentence, or everything when it names no
            # figure at all (30件实事中23件提前完成 counts a part of the list: not a claim on all)
            spans = [indicator.target.sentence] + [m.sentence for m in indicator.actual_mentions]
            covering = [
                claim
                for claim in own
                if any(claim[0] <= s[0] < claim[1] for s in spans)
                or (
                    not re.search(r"\d", text[claim[0] : claim[1]])
                    and (not one_body or any(_same_paragraph(text, claim[0], s[0]) for s in spans))
                    and not any(claim[0] <= i.target.span[0] < claim[1] for i in project.indicators)
                    and not any(
                        claim[0] <= m.span[0] < claim[1]
                        for i in project.indicators
                        for m in i.actual_mentions
                    )
                )
            ] + overall
            if not covering:
                continue
            span = covering[0]
            findings.append(
                Finding(
                    "claim_falls_short",
                    ERROR,
                    _sentence(text, span),
                    span,
                    project.item.number,
                    indicator.name,
                    {"actual": indicator.actual, "target": target.value, "unit": target.unit},
                )
            )


def _same_paragraph(text: str, first: int, second: int) -> bool:
    return text.rfind("\n", 0, first) == text.rfind("\n", 0, second)


def _named_in_prose(text: str, projects: list[ParsedProject]) -> None:
    """Departments a project's sentences name (由市民政局牵头, 市发改委、教育厅等牵头单位); a
    document read as one project (a report, no list) names them anywhere in its text."""
    for project in projects:
        start, end = (0, len(text)) if len(projects) == 1 else project.item.span
        for name, role in prose_departments(text, start, end):
            add_department(project.item, name, role)


def _assign_captions(text: str, projects: list[ParsedProject], captions: list[Span]) -> None:
    """A ■ caption goes to the project it speaks of, else to the project it follows."""
    if not projects or not captions:
        return  # most pages have no captions: the projects' word pairs are not built for them
    words = [pairs(p.title + p.description + p.completion_summary) for p in projects]
    for start, end in captions:
        if not text[start:end].strip():
            continue
        caption_pairs = pairs(text[start:end])
        scores = [len(caption_pairs & w) for w in words]
        best = max(range(len(projects)), key=lambda i: (scores[i], -abs(i)))
        if scores[best] < 2:
            preceding = [p for p in projects if p.item.span[0] <= start]
            chosen = preceding[-1] if preceding else projects[0]
        else:
            chosen = projects[best]
        chosen.captions.append((start, end))
