"""Quantities inside Chinese sentences: 3.84万人, 三千六百套, 90%以上, 降至800元.

cn2an converts a numeral once it is found, but it does not find numerals inside sentences,
so the tokenizer is ours. Arabic figures are converted here, exactly, with Decimal: cn2an
turns 1.23456万 into 12345 and 负5 into 5.0, both wrong. Every quantity keeps its span.
"""

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

from minsheng.plans.choices import UNITS

# Full-width digits, letters and signs map one-to-one onto ASCII, so spans stay valid.
_HALF = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}
_HALF |= {code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)}
_HALF |= {code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)}
_HALF |= {0xFF05: ord("%"), 0xFF0E: ord("."), 0xFF0B: ord("+"), 0xFF0D: ord("-"), 0x3000: 32}
_HALF |= {0xFF0F: ord("/"), 0xFF5C: ord("|")}
# ASCII punctuation is written the Chinese way, so later rules need to know one form only.
_CHINESE_PUNCT = {ord("("): "（", ord(")"): "）", ord(":"): "：", ord(";"): "；"}
_CHINESE_PUNCT |= {ord("!"): "！", ord("?"): "？"}
_ASCII_COMMA = re.compile(r"(?<!\d),|,(?!\d{3})")

# The closed list of the plan ledger: a quantity in any other unit cannot be an indicator.
INDICATOR_UNITS: tuple[str, ...] = UNITS
TIME_UNITS: tuple[str, ...] = ("周岁", "岁", "年", "月", "日", "天", "小时", "分钟", "周", "季度")
OTHER_UNITS: tuple[str, ...] = (
    "个百分点",
    "百分点",
    "平方公里",
    "千米",
    "延长米",  # 改造给排水管网2.2万延长米: metres of pipe laid, read as 米
    "倍",
    "期",
    "级",
    "号",
    "届",
    "类",
    "种",
)
OTHER_UNITS += ("层", "档", "路", "轮", "代", "星", "秒")
_ALL_UNITS = sorted(INDICATOR_UNITS + TIME_UNITS + OTHER_UNITS, key=len, reverse=True)


def _trie_pattern(words: list[str]) -> str:
    """One alternative per first character (人次?|平方(?:米|公里)…), longest first.

    A flat alternation of seventy units is tried unit by unit after every numeral, and
    Chinese text is full of numerals (一, 万) that head no quantity; a trie fails at once.
    """
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[0], []).append(word[1:])
    parts = []
    for head, tails in heads.items():
        longer = [tail for tail in tails if tail]
        if not longer:
            parts.append(re.escape(head))
            continue
        inner = _trie_pattern(sorted(longer, key=len, reverse=True))
        optional = "?" if "" in tails else ""
        parts.append(f"{re.escape(head)}(?:{inner}){optional}")
    return "|".join(parts)


UNIT_PATTERN = _trie_pattern(_ALL_UNITS)

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CN_NUM = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
# 8千余户 is 8000户; 3千米 stays three kilometres (千瓦, 千克: units of their own)
MULT = r"千万|百万|万|亿|千(?![米瓦克伏帕卡])"
QUANTITY = re.compile(
    # the lookahead fails at once on the many characters that start no numeral; without it
    # every position of the page tries the optional range prefix first
    r"(?=[负\d零〇一二两三四五六七八九十百千万亿])"
    rf"(?P<neg>负)?(?:(?P<low>{ARABIC}|{CN_NUM})(?P<lowmult>{MULT})?\s*(?:%\s*)?[—–\-~～至到]\s*)?"
    rf"(?P<num>{ARABIC}|{CN_NUM})(?P<mult>{MULT})?(?P<more>多|余)?\s?(?P<unit>{UNIT_PATTERN})"
)
CHINESE_PERCENT = re.compile(rf"百分之(?P<num>{ARABIC}|{CN_NUM})")
# 新增农村通自来水人口120万: a population written without its unit counts persons
# 培训农民100万, 解决200万农村人口饮水困难: persons counted by the noun beside the figure
# (20万学生脊柱侧弯筛查, 为5万老人…: the people named by who they are)
PEOPLE_NOUN = r"人口|农民|群众|居民|对象|劳动力|学生|儿童|老人|长者|妇女|职工|市民|村民|患者"
PEOPLE_WITHOUT_UNIT = re.compile(
    # the lookahead fails at once where neither alternative can start
    r"(?=[达超\d])"
    rf"(?:(?:(?<=人口|农民|群众|居民|对象)|(?<=劳动力))(?:达到|达|超过)?"
    rf"(?P<num>{ARABIC})(?P<mult>万|亿)(?=以上|左右|[，。；、）\s]|$)"
    # (10万学生家庭 counts households)
    rf"|(?<![\d.])(?P<num2>{ARABIC})(?P<mult2>万|亿)(?=[\u4e00-\u9fff]{{0,4}}?(?:{PEOPLE_NOUN})(?!家庭|家长)))"
)
# 三元路, 三元里: a Chinese numeral before 元 that begins a place name, not an amount
_NAME_AFTER_CHINESE = {"元": "路桥里街巷村镇素宵旦"}
MULTIPLIERS = {
    "万": Decimal(10_000),
    "亿": Decimal(100_000_000),
    "千万": Decimal(10_000_000),
    "百万": Decimal(1_000_000),
    "千": Decimal(1_000),
}
_CN_DIGIT = re.compile(r"[〇零一二两三四五六七八九十]")
# A Chinese unit character is sometimes the first of a word: 3部门 is not "3 部".
_NOT_UNIT_BEFORE = {
    "人": "员民口才群数均制",  # 3人制篮球场 is a kind of court
    "家": "庭长属政",
    "部": "门分署位",
    "名": "单称额",
    "场": "所地景馆",
    "次": "数管供加利污会",  # 四次会议 is which session
    "口": "袋岸径",
    "站": "点",
    "只": "有要是能",
    "头": "部",
    "间": "隔",
    "台": "风",
    "条": "例件",
    "件": "事",
    "个": "月",  # 两个月 is a duration
    "座": "次",  # 掏挖检雨井14.1万余座次 counts visits, in a unit the ledger does not have
}
# words quoted from a report (a clause mark inside), or a project named by its promise (a verb
# of work first)
QUOTED_WORK = re.compile(
    r"[，。；！？]|^“(?:新建|新增|改造|改建|建设|建成|完成|实施|为|提升|打造|开展)"
)
QUOTED_PROJECT_AFTER = re.compile(r"\s*(?:等\s*\d+\s*[件项个]|等|项目)")
QUOTES = re.compile(r"“[^”\n]{0,40}”|‘[^’\n]{0,40}’|《[^》\n]{0,60}》|\"[^\"\n]{0,40}\"")
PHONE = re.compile(r"(?<![\d.])(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|\d{5,}(?=(?:服务)?热线))(?![\d.])")
SHORT_ASIDE = re.compile(r"（([^（）\d，。；]{1,4})）")
# 经3年多的努力，全市累计完成…; 近年来，新建35口抗旱井: figures of several years, not of the year's
# list (the words scope their paragraph)
YEARS_OF_WORK = re.compile(
    r"近年来|多年来|近[\d一二三四五六七八九十]+年(?:来|以来)|经[\d一二三四五六七八九十]+年多?的?(?:努力|奋斗)"
)
# the plan a share is of (目标任务, 年度计划), the work it counts may be named inside it: 年度开工任务
PLAN_NOUN = r"(?:开工|建设|改造|新建|建成|完工|培训|发放|投资)?(?:目标任务|计划任务|目标|任务|计划)"
# the lookahead fails at once where no claim can start (分别, 占, 完成, 整体…)
STATED = re.compile(
    rf"(?=[分占完整总综])(?P<lead>分别)?(?:占(?:年度|全年|年)?{PLAN_NOUN}的?"
    rf"|完成(?:了)?(?:年度|全年)?{PLAN_NOUN}(?:[\d.,]+[万亿]?[^\d，。；的]{{0,3}})?的"
    r"|(?:整体|总体|综合)?完成率(?:为|达到|达)?"
    r"|完成进度(?:为|达到|达)?)"
    r"\s*(?P<first>\d+(?:\.\d+)?)%(?P<rest>(?:[、和及]\s*\d+(?:\.\d+)?%)*)"
)
_REST_VALUE = re.compile(r"\d+(?:\.\d+)?%")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit found in the text; `kind` says whether it can be a target."""

    value: Decimal
    unit: str
    start: int
    end: int
    kind: str  # "quantity", "range", "time", "other"
    more: bool = False  # 多/余: "230多个" is at least 230
    upper: Decimal | None = None  # a range 3000—5000套 counts from its lower bound up to this

    @property
    def countable(self) -> bool:
        return self.kind == "quantity"


@dataclass(frozen=True)
class StatedPercent:
    """A claim of percent of plan ("占年计划的128%"); several with 分别 ("分别占…123.3%、100%")."""

    values: tuple[tuple[Decimal, int, int], ...]
    start: int
    end: int
    respectively: bool


_NORMAL_FORM = {chr(code): chr(target) for code, target in _HALF.items()}
_NORMAL_FORM |= {chr(code): target for code, target in _CHINESE_PUNCT.items()}
# str.translate visits every character; a page holds few that change, so only they are visited
_TO_NORMALIZE = re.compile("[" + re.escape("".join(_NORMAL_FORM)) + "]")


# 已完成10个路段，、35处涝点: some mirrors double every mark; the extra comma is no clause's end
_DOUBLED_COMMA = re.compile(r"，(?=[、，。；])|(?<=[。；、])，")


def normalize(text: str) -> str:
    """Full-width digits and ASCII punctuation to one form; the result has the same length."""
    text = _TO_NORMALIZE.sub(lambda match: _NORMAL_FORM[match.group(0)], text)
    return _DOUBLED_COMMA.sub(" ", _ASCII_COMMA.sub("，", text))


def mask(text: str) -> str:
    """Blank out phone numbers and quoted names (“四好农村路”), which hold no quantities."""

    def blank(match: re.Match[str]) -> str:
        return "#" * len(match.group(0))

    def soften(match: re.Match[str]) -> str:
        return "〔" + match.group(1) + "〕"

    def quoted(match: re.Match[str]) -> str:
        title = match.group(0)
        after = match.end() < len(text) and text[match.end()] == "《"
        before = match.start() > 0 and text[match.start() - 1] == "》"
        if title.startswith("《") and (after or before) and re.search(r"\d", title):
            # 《城镇新增就业2000人以上》《建成幼儿园3所》: a chain of titles listing promises,
            # each title one clause
            return "，" + title[1:-1] + "，"
        if (
            title.startswith("“")
            and re.search(r"\d", title)
            and (QUOTED_WORK.search(title) or QUOTED_PROJECT_AFTER.match(text, match.end()))
        ):
            # “修建提灌站1座，改建管网2公里。” quotes a report; “新建23公里碧道” and
            # “兜底帮扶2500名困难群体就业”等46件实事 name a project by its promise: neither is a
            # name like “15分钟健身圈”
            return title
        return blank(match)

    # A short aside such as 区（市） does not end a clause; its brackets are softened.
    return SHORT_ASIDE.sub(soften, QUOTES.sub(quoted, PHONE.sub(blank, text)))


_ARABIC = re.compile(ARABIC)
# the longest first, so that 3千万 is not read as 3千 then 万
_SUFFIXES = tuple(sorted(MULTIPLIERS, key=len, reverse=True))
_ARABIC_WITH = {suffix: re.compile(ARABIC + suffix) for suffix in _SUFFIXES}


def to_decimal(numeral: str) -> Decimal | None:
    """An Arabic or Chinese numeral as an exact Decimal: "3.84万" → 38400, "三千六百" → 3600."""
    if numeral.isascii() and numeral.isdigit():
        return Decimal(numeral)  # most figures of a page: no sign, separator or multiplier
    numeral = numeral.strip()
    negative = numeral.startswith(("负", "-"))
    numeral = numeral.lstrip("负-")
    if not numeral:
        return None
    multiplier = Decimal(1)
    for suffix in _SUFFIXES:
        if numeral.endswith(suffix) and _ARABIC_WITH[suffix].fullmatch(numeral):
            multiplier = MULTIPLIERS[suffix]
            numeral = numeral[: -len(suffix)]
            break
    value: Decimal | None
    if _ARABIC.fullmatch(numeral):
        value = Decimal(numeral.replace(",", "")) * multiplier
    else:
        value = _chinese(numeral)
    if value is None:
        return None
    return -value if negative else value


def _chinese(numeral: str) -> Decimal | None:
    if not _CN_DIGIT.search(numeral):
        return None
    try:
        converted = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(converted)).normalize() + 0
    except InvalidOperation:
        return None


class _Scan:
    """The quantities of the text read last: a parse asks for them region by region, and the
    text is scanned once. Keyed on the text object itself, so every parse scans afresh."""

    text: str | None = None
    quantities: list[Quantity] = []
    starts: list[int] = []


def find_quantities(masked: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number with a unit in masked[start:end], in order, with spans in the document."""
    end = len(masked) if end is None else end
    if _Scan.text is not masked:
        _Scan.quantities = _scan(masked, 0, len(masked))
        _Scan.starts = [q.start for q in _Scan.quantities]
        _Scan.text = masked
    first = bisect.bisect_left(_Scan.starts, start)
    last = bisect.bisect_left(_Scan.starts, end)
    inside = [q for q in _Scan.quantities[first:last] if q.end <= end]
    if len(inside) == last - first:
        return inside
    return _scan(masked, start, end)  # a figure runs past the region's end: read the region alone


def _scan(masked: str, start: int, end: int) -> list[Quantity]:
    found = []
    for match in QUANTITY.finditer(masked, start, end):
        quantity = _quantity(masked, match)
        if quantity is not None:
            found.append(quantity)
    for match in CHINESE_PERCENT.finditer(masked, start, end):
        value = to_decimal(match.group("num"))
        if value is not None:
            found.append(Quantity(value, "%", match.start(), match.end(), "quantity"))
    taken = {q.start for q in found}
    for match in PEOPLE_WITHOUT_UNIT.finditer(masked, start, end):
        after = bool(match.group("num"))
        numeral = match.group("num") if after else match.group("num2")
        value = to_decimal(numeral + (match.group("mult") if after else match.group("mult2")))
        begin = match.start("num") if after else match.start("num2")
        if value is not None and begin not in taken:
            span = (begin, match.end())
            found.append(Quantity(value.normalize() + 0, "人", *span, "quantity"))
    found.sort(key=lambda q: q.start)
    return found


_UNIT_ALIAS = {"名": "人", "千米": "公里", "延长米": "米"}
_TIME_UNIT_SET = frozenset(TIME_UNITS)
_OTHER_UNIT_SET = frozenset(OTHER_UNITS)


def _quantity(text: str, match: re.Match[str]) -> Quantity | None:
    neg, low, numeral, mult, more, unit = match.group("neg", "low", "num", "mult", "more", "unit")
    before = text[max(0, match.start() - 2) : match.start()]
    following = text[match.end() : match.end() + 1]
    is_chinese = not numeral[0].isdigit()
    if is_chinese and (
        numeral in {"一", "万", "亿", "千", "百"} or numeral.startswith(("万", "亿"))
    ):
        return None  # 一张网, 千家万户: idioms, not counts
    if before.endswith("第") or (before and (before[-1].isascii() and before[-1].isalnum())):
        return None  # ordinals and names such as G20
    if before.endswith("."):
        return None  # 约.7公里: the copy lost the figure's whole part
    if following and following in _NOT_UNIT_BEFORE.get(unit, ""):
        return None
    if unit == "个" and text.startswith(("小时", "工作日", "星期"), match.end()):
        return None  # 两个小时, 三个工作日: durations
    if is_chinese and following and following in _NAME_AFTER_CHINESE.get(unit, ""):
        return None
    value = to_decimal(numeral + (mult or ""))
    if value is None:
        return None
    if neg:
        value = -value
    # 新增街头绿地3-5处: a promise of at least the lower bound, up to the upper one
    low_value = to_decimal(low + (match.group("lowmult") or mult or "")) if low else None
    upper = None
    if unit == "元" and mult == "万":
        unit, value = "万元", value / MULTIPLIERS["万"]
        low_value = low_value / MULTIPLIERS["万"] if low_value is not None else None
    unit = _UNIT_ALIAS.get(unit, unit)
    if unit in _TIME_UNIT_SET:
        kind = "time"
    elif unit in _OTHER_UNIT_SET:
        kind = "other"
    elif low and low_value is not None and 0 < low_value < value and unit != "%" and not neg:
        upper, value, kind = value.normalize() + 0, low_value, "quantity"
    elif low:
        kind = "range"
    else:
        kind = "quantity"
    start = match.start("neg") if neg else match.start("num")
    if low:
        start = match.start("low")
    end = match.end()
    if unit == "人" and text.startswith(("（次）", "〔次〕"), end):
        unit, end = "人次", end + 3  # 培训800人（次）
    return Quantity(value.normalize() + 0, unit, start, end, kind, bool(more), upper)


def find_stated_percents(
    masked: str, start: int = 0, end: int | None = None
) -> list[StatedPercent]:
    """Claims of percent of plan in masked[start:end]: 占年计划的128%, 完成年度目标任务的55%."""
    end = len(masked) if end is None else end
    claims = []
    for match in STATED.finditer(masked, start, end):
        values = [(Decimal(match.group("first")), match.start("first"), match.end("first") + 1)]
        rest_start = match.start("rest")
        for extra in _REST_VALUE.finditer(match.group("rest")):
            values.append(
                (
                    Decimal(extra.group(0)[:-1]),
                    rest_start + extra.start(),
                    rest_start + extra.end(),
                )
            )
        claims.append(
            StatedPercent(tuple(values), match.start(), match.end(), bool(match.group("lead")))
        )
    return claims


THIS_YEAR = re.compile(r"今年|本年|年内")


def of_several_years(text: str, position: int) -> bool:
    """Whether the paragraph up to `position` speaks of several years' work (近年来, 经3年多的努力),
    and has not turned to this year's since (…。今年将新建…)."""
    spans = list(YEARS_OF_WORK.finditer(text, text.rfind("\n", 0, position) + 1, position))
    return bool(spans) and not THIS_YEAR.search(text, spans[-1].end(), position)
