"""Layouts that number their items without a marker at the start of each line.

- a table pasted one cell per line ("序号 |" then "1 |", or cells between blank lines, as a
  Word or web table copies), whose rows are told apart by their running numbers;
- a table pasted with spaces between its cells (as a PDF's text layer or a web page leaves it);
- a table of districts: a two-row header (indicators, then 目标任务/进度/完成比例 under each)
  over one row per place, of which the whole jurisdiction's row (全市, 合计) is read;
- a list run together in one paragraph: "这十件实事是：1.新修…。2.引入…。3.完成…";
- a plan that numbers nothing: each paragraph is an item, a "：A；B；C" list one item a clause.

Every function returns spans in the text; structure.py turns them into items.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from minsheng.ingest.parser.numbers import INDICATOR_UNITS, to_decimal

Span = tuple[int, int]

ROW_NUMBER = re.compile(r"\d{1,3}")
HEADER_WORDS = re.compile(r"序号|项目|实事|目标|任务|内容|单位|完成|进展|推进|备注|名称|说明")
QUANTITY_HINT = re.compile(r"\d")


@dataclass
class Row:
    """One row of a table: where it is and its cells (spans, empty cells as empty spans)."""

    start: int
    end: int
    text: str
    cells: list[Span]


def _stacked_cells(lines: list[tuple[int, int, str]]) -> list[Span]:
    """Cells one per line: "名称 |" is a cell, "|" an empty one, blank lines are not cells."""
    cells: list[Span] = []
    piped = sum(1 for _s, _e, line in lines if line.rstrip().endswith("|"))
    for start, _end, line in lines:
        body = line.strip()
        if not body:
            continue
        if piped >= 6:
            if not body.endswith("|") or body.count("|") != len(body) - len(body.rstrip("|")):
                if "|" in body:
                    return []  # a real pipe table, or something else: not one cell per line
                continue
            content = body.rstrip("|").strip()
            lead = line.index(body) if body else 0
            span = (start + lead, start + lead + len(body.rstrip("|").rstrip()))
            cells.append(span if content else (span[0], span[0]))
            cells += [(span[1], span[1])] * (len(body) - len(body.rstrip("|")) - 1)
        else:
            lead = len(line) - len(line.lstrip())
            cells.append((start + lead, start + lead + len(body)))
    return cells


def stacked_rows(text: str, lines: list[tuple[int, int, str]]) -> list[Row]:
    """A table pasted one cell per line, regrouped into rows by the running row numbers.

    The header is the run of cells from 序号 to the cell before the first row number (1, or
    24 on a page that shows the later rows of a list); a row starts at the cell holding the
    next row number. A row one cell longer than the header carries a group title
    in its second cell, which is left out; rows without a number continue the row above.
    """
    if not any("序" in line and re.sub(r"[\s|]+", "", line) == "序号" for _s, _e, line in lines):
        return []
    cells = _stacked_cells(lines)
    words = [text[s:e].strip() for s, e in cells]
    first = next((i for i, w in enumerate(words) if re.sub(r"\s+", "", w) == "序号"), None)
    if first is None:
        return []
    # the first row's number: 1, or where a page shows the later rows of a longer list (24)
    one = next((i for i in range(first + 1, len(words)) if ROW_NUMBER.fullmatch(words[i])), None)
    if one is None or not 3 <= one - first <= 12:
        return []
    header = cells[first:one]
    if sum(1 for s, e in header if HEADER_WORDS.search(re.sub(r"\s+", "", text[s:e]))) < 2:
        return []
    width = len(header)
    kinds = [column_kind(text[s:e]) for s, e in header]
    unit_column = next(
        (i for i, (s, e) in enumerate(header) if "单位" in text[s:e] and i > 1), None
    )
    starts = [one]
    expected = int(words[one]) + 1
    for index in range(one + 1, len(words)):
        if words[index] == str(expected) and index - starts[-1] >= width - 2:
            starts.append(index)
            expected += 1
    rows = [_row(text, header)]
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(cells)
        group = cells[start:end]
        while len(group) > width and not text[group[-1][0] : group[-1][1]].strip():
            group = group[:-1]
        if len(group) > width and _names_several_departments(text, group, kinds):
            rows.append(_row(text, group))  # 县文体广新局 / 县代建中心: names, a cell each
            continue
        if len(group) == width + 1 or _group_title(text, group, unit_column):
            titled = [group[0], *group[2:]]
            # one cell too many is a group title in the second cell, unless the cells read
            # better in their own columns (the extra cell then opens a row the copy cut off)
            if len(group) != width + 1 or _reads(text, titled[:width], kinds) >= _reads(
                text, group[:width], kinds
            ):
                group = titled
        rows.append(_row(text, group[:width]))
        rest = group[width:]
        # rows without a number continue the row above: one cell short (the number)
        while len(rest) >= width - 1 and width > 2:
            rows.append(_row(text, [(rest[0][0], rest[0][0]), *rest[: width - 1]]))
            rest = rest[width - 1 :]
        if width > 4 and len(rest) >= width - 3:
            # the last such row, its empty 备注 cells taken off with the group's end
            rows.append(_row(text, [(rest[0][0], rest[0][0]), *rest]))
    return rows if len(rows) >= 3 else []


def _names_several_departments(text: str, group: list[Span], kinds: list[str]) -> bool:
    """A row longer than its header because a department column names several, a cell each."""
    placed = align([text[s:e] for s, e in group], kinds)
    return placed is not None and any(
        kind in {"lead", "co"} and len(taken) > 1 for kind, taken in zip(kinds, placed, strict=True)
    )


def _reads(text: str, cells: list[Span], kinds: list[str]) -> float:
    return positional_score([text[s:e] for s, e in cells], kinds)


DEPARTMENT = re.compile(r"(?:局|委|办|处|院|联|中心|公司|集团|政府|街道)$")


def _group_title(text: str, group: list[Span], unit_column: int | None) -> bool:
    """9 | 深化…改革 | 完成参保6300人 | 区人社局 |…: a group title pushes the row one cell right."""
    if unit_column is None or len(group) <= unit_column + 1:
        return False
    here, there = (text[s:e].strip() for s, e in group[unit_column : unit_column + 2])
    return not DEPARTMENT.search(here) and bool(DEPARTMENT.search(there))


def _row(text: str, cells: list[Span]) -> Row:
    start = min((s for s, e in cells if e > s), default=cells[0][0])
    end = max((e for _s, e in cells), default=start)
    return Row(start, end, text[start:end], cells)


INLINE_ARABIC = re.compile(r"(?:(?<=[：。；！\s])|^)(\d{1,2})\s*[.．、](?!\d)")


def inline_arabic(text: str) -> list[tuple[int, Span, Span]]:
    """A list run together in a paragraph, 1.…2.…3.…: (number, item span, promise span)."""
    found: list[re.Match[str]] = []
    expected = 1
    for match in INLINE_ARABIC.finditer(text):
        if int(match.group(1)) == expected:
            found.append(match)
            expected += 1
    if len(found) < 3:
        return []
    spans = []
    for index, match in enumerate(found):
        if index + 1 < len(found):
            end = found[index + 1].start()
        else:
            stop = re.search(r"\n", text[match.end() :])
            end = match.end() + stop.start() if stop else len(text)
        spans.append((index + 1, (match.start(), end), (match.end(), end)))
    return spans


LIST_OPENING = re.compile(r"(?:分别是|分别为|实事是|实事为|包括)\s*[：]")


def paragraphs(text: str, counted: list[Span]) -> list[Span]:
    """A plan that numbers nothing: paragraphs holding a counted figure, each an item.

    A paragraph that opens a list ("分别是：A；B；C") gives one item per clause of the list;
    a lead paragraph whose figures all come again below is a summary, not items.
    """
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not any(start <= s < end for s, _e in counted):
            continue
        opening = LIST_OPENING.search(line)
        if opening and line.count("；") >= 2:
            cursor = start + opening.end()
            for clause in re.finditer(r"[^；]+", text[cursor:end]):
                spans.append((cursor + clause.start(), cursor + clause.end()))
            continue
        spans.append((start, end))
    return spans


@dataclass
class TableRow:
    """One indicator of a table row: the cells of its target, result and percent.

    `unit` is what a unit column or a header says the figures count (万人, 公里, %), and
    `comparator` what the header says of the target (低于 → lte); both are empty when unsaid.
    """

    promise: Span
    completion: Span | None = None
    percent: Span | None = None
    title: Span | None = None
    unit: str = ""
    comparator: str = ""
    remark: Span | None = None  # a 备注 cell read as the result (its figures)
    forced: bool = False  # its cells did not fit the header and were read in place


# the columns a table's header names, by the words of its cells (spaces already taken out)
COLUMN_WORDS = (
    # 满意, 基本满意, 不满意 of a rating: the votes cast, not figures of the work
    ("votes", re.compile(r"满意|票数|赞成|反对|弃权")),
    ("number", re.compile(r"序号|^(?:编号|No\.)$")),
    ("flag", re.compile(r"是否")),
    ("percent", re.compile(r"占.*(?:计划|目标|任务)|完成率|完成比例|百分比|[（(]%[）)]$|%$")),
    ("leader", re.compile(r"领导")),
    ("years", re.compile(r"年限|年份|时限|期限|时间|起止")),
    (
        "place",
        re.compile(r"地点|地址|位置|所在地|实施地|^(?:地区|区县|县区|县（市、?区）|区（县）)$"),
    ),
    ("money", re.compile(r"投资|资金|金额|预算|（万元）$")),
    ("unit", re.compile(r"^(?:计量)?单位$")),
    ("completion", re.compile(r"完成|进展|推进情况|进度|落实情况|实施情况|执行情况")),
    ("co", re.compile(r"配合|协同|协办")),
    ("lead", re.compile(r"单位|部门")),
    ("remark", re.compile(r"备注|说明")),
    ("target", re.compile(r"目标|任务|内容")),
    ("title", re.compile(r"项目|实事|名称|指标")),
)


def column_kind(name: str) -> str:
    """What a header cell's column holds: number, title, target, completion, percent, lead…"""
    name = re.sub(r"\s+", "", name)
    for kind, words in COLUMN_WORDS:
        if words.search(name):
            return kind
    return "other"


_UNITS = "|".join(sorted(map(re.escape, INDICATOR_UNITS), key=len, reverse=True))
UNIT_CELL = re.compile(rf"(?:万|亿)?(?P<unit>{_UNITS})(?:/[\u4e00-\u9fff]{{1,2}}){{0,3}}")
PLACEHOLDER = re.compile(r"[-—–/／\\]+|无")
FIGURE_CELL = re.compile(
    rf"(?:不低于|不少于|不超过|低于|超过|达到|约)?\s*\d[\d.,]*\s*(?:万|亿)?\s*(?:{_UNITS})?"
    r"(?:以上|以内|左右)?"
)
PERCENT_CELL = re.compile(r"\d+(?:\.\d+)?\s*%")
# 2025, 2024- 2025, 2022—2026年: when the work runs, not what it counts
YEARS = re.compile(r"(?:19|20)\d\d\s*年?(?:\s*[-—–~～至]\s*(?:(?:19|20)\d\d)\s*年?)?")
# 11月, 10月底前, 2021.8, 2021年11月, 1.2021年8月 2.2021年12月: a deadline cell, not a figure
_DATE = (
    r"(?:(?:19|20)\d\d\s*(?:年|[.．/\-])\s*)?[01]?\d\s*月?(?:\s*\d{1,2}\s*日)?"
    r"(?:底|末|初|中旬|上旬|下旬)?(?:前|以前|之前)?"
)
DEADLINE = re.compile(rf"(?:(?:\d[.、])?\s*{_DATE}\s*)+")


def is_deadline(value: str) -> bool:
    """A cell that says when (11月, 2021.8), not how many: a month, or a year with its month."""
    value = value.strip()
    return bool(DEADLINE.fullmatch(value)) and bool(
        "月" in value or re.match(r"(?:19|20)\d\d\s*[.．/\-]\s*[01]?\d$", value)
    )


DEPARTMENT_NAME = re.compile(
    r"(?:局|委|办|处|院|联|中心|公司|集团|政府|街道|办事处|会|团|部|所|站|队|馆|署|厅|社|行|室|台|厂"
    r"|镇|乡)"
    r"(?:[（(][^）)]*[）)])?$"
)
PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}(?:[、，][\u4e00-\u9fff]{2,3})*")
FLAG = re.compile(r"[是否√×✓✗]|已完成|未完成")


def department_like(value: str) -> bool:
    """Every name of the cell ends as a department's does: 市民政局、团市委、岳阳电力公司."""
    names = [n for n in re.split(r"[、，,；\s]+", value.strip("。. ")) if n]
    return bool(names) and all(
        len(n) <= 24 and not re.search(r"\d", n) and DEPARTMENT_NAME.search(n) for n in names
    )


def fit(kind: str, value: str) -> float:
    """How well a cell's text suits a column of this kind (negative: it does not belong there)."""
    value = value.strip()
    if not value:
        return 0.0
    digit = bool(re.search(r"\d", value))
    figure = bool(FIGURE_CELL.fullmatch(value) or PERCENT_CELL.fullmatch(value))
    if YEARS.fullmatch(value) or is_deadline(value):
        return 3.0 if kind == "years" else -3.0 if kind in {"number", "title", "target"} else 0.0
    if kind == "years":
        return -2.0
    if kind == "place":
        return 2.5 if not digit and len(value) <= 20 else -2.0
    if kind == "money":
        return 3.0 if figure else -2.0
    if PLACEHOLDER.fullmatch(value):
        return -2.0 if kind in {"number", "title"} else 1.0 if kind in _FIGURES else 0.0
    if kind == "number":
        return 3.0 if ROW_NUMBER.fullmatch(value) else -4.0
    if kind == "unit":
        return 3.0 if UNIT_CELL.fullmatch(value) else -4.0
    if kind == "target":
        return 3.0 if figure else 1.0 if digit else -1.0
    if kind == "completion":
        return 3.0 if figure else 1.5 if digit else 1.0
    if kind == "percent":
        return 3.0 if PERCENT_CELL.fullmatch(value) else 2.0 if figure else -2.0
    if kind in {"lead", "co"}:
        return 2.0 if department_like(value) else -3.0 if digit else 0.0
    if kind == "leader":
        person = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", value)  # 杨 宜
        return 2.0 if PERSON.fullmatch(person) and not department_like(value) else -2.0
    if kind == "title":
        if figure:
            return -3.0
        return 0.0 if department_like(value) else 1.5 if len(value) >= 4 else 0.5
    if kind == "remark":
        return 1.0 if department_like(value) else 0.0
    if kind == "flag":
        return 2.0 if FLAG.fullmatch(value) else -2.0
    return 0.0


_FIGURES = {"unit", "target", "completion", "percent"}
MERGE_COST = 1.0  # a group title and the indicator's name in two cells make one title
MAX_NAMES = 4  # the most departments a column takes a cell each of
NAME_COST = 0.5  # of a department cell read as one more name of the column before
POSITIONAL = 0.01  # of equally good readings, the one that keeps the cells in their columns


def align(values: list[str], kinds: list[str]) -> list[list[int]] | None:
    """The cells of each column when a row has lost or gained cells against its header.

    Cells stay in order; a column may be left without a cell, and a title column may take
    two cells (a group title then the indicator's own name). None: the row cannot fit.
    """
    count, width = len(values), len(kinds)
    if count == 0:
        return [[] for _ in kinds]
    minus = float("-inf")
    # best[i][j]: the score of placing cells i… in columns j…
    best = [[minus] * (width + 1) for _ in range(count + 1)]
    choice: dict[tuple[int, int], int] = {}
    for j in range(width + 1):
        best[count][j] = 0.0
    for i in range(count - 1, -1, -1):
        for j in range(width - 1, -1, -1):
            options = [(best[i][j + 1], 0)]  # column j gets no cell
            score = fit(kinds[j], values[i]) + (POSITIONAL if i == j else 0.0)
            options.append((score + best[i + 1][j + 1], 1))
            if kinds[j] == "title" and i + 1 < count:
                merged = score + fit("title", values[i + 1]) - MERGE_COST
                options.append((merged + best[i + 2][j + 1], 2))
            if kinds[j] in {"lead", "co"} and department_like(values[i]):
                # 县水务局 / 县住建局 / 县护城河指挥部: several departments, a cell (a line) each
                names = i + 1
                while names < count and names - i < MAX_NAMES and department_like(values[names]):
                    score += fit(kinds[j], values[names]) - NAME_COST
                    options.append((score + best[names + 1][j + 1], names + 1 - i))
                    names += 1
            value, taken = max(options, key=lambda option: (option[0], option[1]))
            best[i][j] = value
            choice[(i, j)] = taken
    if best[0][0] == minus:
        return None
    columns: list[list[int]] = [[] for _ in kinds]
    i = j = 0
    while i < count and j < width:
        taken = choice[(i, j)]
        columns[j] = list(range(i, i + taken))
        i += taken
        j += 1
    return columns


def positional_score(values: list[str], kinds: list[str]) -> float:
    return sum(fit(kind, value) for kind, value in zip(kinds, values, strict=False))


def _lone(word: str) -> bool:
    return len(word) == 1 and "\u4e00" <= word <= "\u9fff"


def spaced_rows(text: str, lines: list[tuple[int, int, str]]) -> list[Row]:
    """A table pasted with spaces between its cells: "序号 项目 单 位 目标 完成数 …".

    Each run of spaces parts two cells, or each run of two or more when the header and
    most rows are laid out that way (a PDF's text layer: "AED 150台" stays one cell). Header
    cells of one character each are the pieces of words spread out by the copy (项 目 名 称,
    单 位, 备  注) and are joined into the header's words. The table runs from its header
    to the first line that holds fewer than three cells.
    """
    for index, (start, end, line) in enumerate(lines):
        if "序" not in line or "|" in line:
            continue  # most pages have no such header: their lines are not split
        for gap in (_WIDE_GAP, _ANY_GAP):
            header = _spaced_header(text, _tokens(line, start, gap))
            words = [re.sub(r"\s+", "", text[s:e]) for s, e in header]
            if len(header) < 4 or "序号" not in words or any(len(w) > 12 for w in words):
                continue
            kinds = [column_kind(w) for w in words]
            if kinds.count("other") > len(kinds) // 2:
                continue
            rows = [Row(start, end, line, header)]
            for row_start, row_end, row_line in lines[index + 1 :]:
                if not row_line.strip():
                    continue
                cells = _tokens(row_line, row_start, gap)
                if len(cells) < 3:
                    break
                rows.append(Row(row_start, row_end, row_line, cells))
            if len(rows) >= 3:
                return rows
    return []


_WIDE_GAP = re.compile(r"\S+(?: \S+)*")  # cells apart by two spaces or more, or a tab
_ANY_GAP = re.compile(r"\S+")
HEADER_LEXICON = (
    "项目名称",
    "实事名称",
    "目标任务",
    "工作目标",
    "完成情况",
    "进展情况",
    "责任单位",
    "牵头单位",
    "配合单位",
    "完成率",
    "序号",
    "项目",
    "名称",
    "单位",
    "备注",
    "目标",
    "任务",
    "内容",
    "说明",
)


def _tokens(line: str, start: int, gap: re.Pattern[str] = _ANY_GAP) -> list[Span]:
    return [(start + m.start(), start + m.end()) for m in gap.finditer(line)]


def _spaced_header(text: str, tokens: list[Span]) -> list[Span]:
    """Header cells with the one-character pieces of a spread-out word joined: 项 目 名 称."""
    header: list[Span] = []
    index = 0
    while index < len(tokens):
        run = index
        while run < len(tokens) and _lone(text[tokens[run][0] : tokens[run][1]]):
            run += 1
        if run - index < 2:
            header.append(tokens[index])
            index += 1
            continue
        # the longest known words first (序 号 项 目 名 称 → 序号, 项目名称), else pairs
        while index < run:
            taken = 0
            for size in range(min(5, run - index), 1, -1):
                word = "".join(text[s:e] for s, e in tokens[index : index + size])
                if word in HEADER_LEXICON:
                    taken = size
                    break
            taken = taken or min(2, run - index)
            header.append((tokens[index][0], tokens[index + taken - 1][1]))
            index += taken
    return header


@dataclass
class Form:
    """One project's small table of labelled cells: its name, its own task, its progress."""

    span: Span
    title: Span
    target: Span | None = None
    completion: Span | None = None


# the labels of a progress form, spaces taken out; a label may be broken over lines
# (项 目 / 名 称, 存 在 / 困 难 / 和问题) as a Word table copies its narrow first column
FORM_LABELS = {
    "项目名称": "title",
    "实事名称": "title",
    "我市任务": "target",
    "我区任务": "target",
    "我县任务": "target",
    "目标任务": "target",
    "年度任务": "target",
    "进展情况": "completion",
    "完成情况": "completion",
    "推进情况": "completion",
    "存在困难和问题": "other",
    "存在问题": "other",
    "困难和问题": "other",
    "进度是否滞后": "other",
    "是否滞后": "other",
    "备注": "other",
}
FORM_NAME_LINE = re.compile(r"^[ \t]*(?:项\s*目\s*)?名\s*称[ \t]*$", re.MULTILINE)
LABEL_PIECE = 7  # no piece of a broken label is longer


def forms(text: str, lines: list[tuple[int, int, str]]) -> list[Form]:
    """Progress forms pasted one cell per line, a form per project (a monthly report's).

    Each form is a column of labels beside their values: 项目名称, perhaps the place's own
    share of a wider task (我市任务, read as the target instead of the name's figures), then
    进展情况 and the like. Labels broken over lines are joined. Empty unless two forms each
    name a project and report its progress.
    """
    if not FORM_NAME_LINE.search(text):
        return []  # the usual page has no such label: its lines are not joined
    cells = [
        (start + len(line) - len(line.lstrip()), start + len(line.rstrip()))
        for start, _end, line in lines
        if line.strip()
    ]
    words = [re.sub(r"\s+", "", text[s:e]) for s, e in cells]
    labels: list[tuple[int, int, str]] = []  # (first cell, cell after the label, kind)
    index = 0
    while index < len(words):
        for size in range(4, 0, -1):
            pieces = words[index : index + size]
            if len(pieces) < size or any(len(piece) > LABEL_PIECE for piece in pieces):
                continue
            kind = FORM_LABELS.get("".join(pieces))
            if kind:
                labels.append((index, index + size, kind))
                index += size
                break
        else:
            index += 1
    found: list[Form] = []
    for position, (first, after, kind) in enumerate(labels):
        if kind != "title":
            continue
        block = [labels[position]]
        for label in labels[position + 1 :]:
            if label[2] == "title":
                break
            block.append(label)
        values: dict[str, Span] = {}
        end = cells[after - 1][1]
        for number, (_first, label_end, label_kind) in enumerate(block):
            stop = block[number + 1][0] if number + 1 < len(block) else label_end + 1
            stop = min(stop, len(cells))
            if stop > label_end:
                end = cells[stop - 1][1]
                if label_kind != "other":
                    values.setdefault(label_kind, (cells[label_end][0], cells[stop - 1][1]))
        if "title" in values and "completion" in values:
            found.append(
                Form(
                    span=(cells[first][0], end),
                    title=values["title"],
                    target=values.get("target"),
                    completion=values["completion"],
                )
            )
    return found if len(found) >= 2 else []


# a table whose cells were copied without separators: …分管领导牵头单位配合单位1增加…
GLUED_HEADER = re.compile(r"(?:牵头|责任)单位(?:配合|协办|协同)单位(?=\d)")
GLUED_NAME_END = re.compile(r"(?:局|委|办|公司|街道|区|园|镇|乡|中心|集团|院|队|馆|所|站|团|会)$")
# 各街道 (every street), 市国有公司 (the city's companies): no one unit is named
GLUED_NOT_NAMED = re.compile(r"^各|^[市区县]?(?:国有|相关|有关)")
GLUED_ROW_END = re.compile(r"\d|序号|\n|$")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
CLOSING = re.compile(r"[）)]")
SENTENCE_END = re.compile(r"。")
PAGE_MARK = re.compile(r"\s*\n\s*\d{1,3}、\s*")  # a viewer's page number cut into a cell


def glued_departments(text: str) -> list[tuple[int, list[str]]]:
    """The departments of a table copied without separators: (where they stand, the names).

    After the content's last sentence come the leader's name (two or three characters) and
    the names of the lead then the co-operating departments, run together: 。何海平教育局经开区
    高新园（邹区镇）各街道2促进…. The names are cut where a department's name ends (局, 公司,
    街道…); the leader's length is the one that leaves the shortest first name. A run counts
    when it ends the row (a row number, 序号 or the line's end follows) or names two or more.
    """
    if not GLUED_HEADER.search(text):
        return []
    runs: list[tuple[int, list[str]]] = []
    for stop in SENTENCE_END.finditer(text):
        best: tuple[int, list[str], int] | None = None
        for leader in (2, 3):
            start = stop.end() + leader
            if not CJK_RUN.fullmatch(text, stop.end(), start):
                continue
            names, end = _glued_names(text, start)
            if names and (best is None or len(names[0]) < len(best[1][0])):
                best = (start, names, end)
        if best is None:
            continue
        start, names, end = best
        if len(names) >= 2 or GLUED_ROW_END.match(text, end):
            kept = [n for n in names if not GLUED_NOT_NAMED.search(n)]
            if kept:
                runs.append((start, kept))
    return runs


def _glued_names(text: str, position: int) -> tuple[list[str], int]:
    """Names run together from a position, each the shortest that ends as a department's."""
    names: list[str] = []
    while True:
        size = next(
            (
                size
                for size in range(3, 7)
                if CJK_RUN.fullmatch(text, position, position + size)
                and GLUED_NAME_END.search(text, position, position + size)
            ),
            None,
        )
        if size is None:
            return names, position
        end = position + size
        if text[end : end + 1] in "（(":
            # 高新园（邹区镇）: the bracket belongs to the name
            close = CLOSING.search(text, end, end + 16)
            if close:
                end = close.end()
        names.append(PAGE_MARK.sub("", text[position:end]))
        position = end


@dataclass
class DistrictTable:
    """A table of places: its project's title cells, departments and the whole row's figures."""

    span: Span
    titles: list[Span] = field(default_factory=list)
    departments: list[Span] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)


PLACE_COLUMN = re.compile(r"地区|区域|县区|区县|县市区|县（市、?区）|区（县）|地方")
PLACE_LINE = re.compile(r"\s*(?:地区|区域|县区|区县|县市区|县（市、?区）|区（县）|地方)\s*")
WHOLE_ROW = re.compile(r"全(?:省|市|州|区|县|盟|旗)(?:合计)?|合计|总计")
SUB_HEADER = {
    "target": re.compile(r"目标任务|目标|任务|计划|计划数|任务数"),
    "completion": re.compile(r"进度|完成|完成数|实际完成|完成情况|已完成|实际"),
    "percent": re.compile(r"(?:完成比例|完成率|占.{0,6})(?:（%）|%)?"),
}
NAME_UNIT = re.compile(rf"[（]\s*(?:万)?(?P<unit>{_UNITS})\s*[）]$")
LOWER_IS_BETTER = re.compile(r"低于|不超过|不高于|以下|以内|控制在")
BARE = re.compile(r"\d+(?:\.\d+)?")


def _sub_kind(word: str) -> str | None:
    for kind, words in SUB_HEADER.items():
        if words.fullmatch(word):
            return kind
    return None


def district_tables(text: str, lines: list[tuple[int, int, str]]) -> list[DistrictTable]:
    """Tables of places pasted one cell per line, read at their whole jurisdiction's row.

    The header names the places' column (地区), the project, its indicators with their units
    in brackets (城镇新增就业（人）) and the departments; under it each indicator has the same
    columns (目标任务, 进度, 完成比例). The first place row that is the whole jurisdiction
    (全市, 合计) holds the figures read; the rows of its districts are parts of them. A
    percent is taken only where it agrees with its pair of figures, since a cell left empty
    shifts the rest of the row.
    """
    if not any(PLACE_LINE.fullmatch(line) for _s, _e, line in lines):
        return []
    cells: list[Span] = []
    for start, _end, line in lines:
        body = line.strip()
        if body:
            lead = line.index(body)
            cells.append((start + lead, start + lead + len(body)))
    words = [re.sub(r"\s+", "", text[s:e]) for s, e in cells]
    tables: list[DistrictTable] = []
    index = 0
    while index < len(words):
        if not PLACE_COLUMN.fullmatch(words[index]):
            index += 1
            continue
        whole = next(
            (
                i
                for i in range(index + 1, min(len(words), index + 120))
                if WHOLE_ROW.fullmatch(words[i])
            ),
            None,
        )
        if whole is None:
            break
        table = _district_table(text, cells[index:whole], words[index:whole], cells, whole)
        if table is not None:
            tables.append(table)
        index = whole + 1
    return tables


def _district_table(
    text: str, head: list[Span], head_words: list[str], cells: list[Span], whole: int
) -> DistrictTable | None:
    # a cell broken over two lines: "开展现代农业科技培训" then "（人次）", "目标" then "任务"
    merged: list[tuple[Span, str]] = []
    for span, word in zip(head[1:], head_words[1:], strict=True):
        if merged and (NAME_UNIT.fullmatch(word) or (merged[-1][1] == "目标" and word == "任务")):
            merged[-1] = ((merged[-1][0][0], span[1]), merged[-1][1] + word)
            continue
        merged.append((span, word))
    kinds = [_sub_kind(word) for _span, word in merged]
    first_sub = len(kinds)
    while first_sub and kinds[first_sub - 1] is not None:
        first_sub -= 1
    group = [kind for kind in kinds[first_sub:] if kind]
    width = next(
        (
            w
            for w in range(1, len(group) + 1)
            if len(group) % w == 0 and group == group[:w] * (len(group) // w)
        ),
        0,
    )
    if not width or "target" not in group[:width]:
        return None
    count = len(group) // width
    names = [i for i in range(first_sub) if NAME_UNIT.search(merged[i][1])]
    if len(names) != count:
        return None
    values: list[Span] = []
    for span in cells[whole + 1 :]:
        if not BARE.fullmatch(text[span[0] : span[1]].strip()):
            break
        values.append(span)
    table = DistrictTable(span=(head[0][0], values[-1][1] if values else cells[whole][1]))
    table.titles = [merged[i][0] for i in range(names[0])]
    table.departments = [
        merged[i][0] for i in range(names[-1] + 1, first_sub) if department_like(merged[i][1])
    ]
    order = group[:width]
    exact = len(values) == count * width
    position = 0
    for name_index in names:
        name_span, name = merged[name_index]
        unit = NAME_UNIT.search(name)
        assert unit is not None
        taken: dict[str, Span] = {}
        for kind in order:
            if position >= len(values):
                break
            if kind == "percent" and not exact and not _agrees(text, taken, values[position]):
                continue
            taken[kind] = values[position]
            position += 1
        if "target" not in taken:
            break
        table.rows.append(
            TableRow(
                promise=taken["target"],
                completion=taken.get("completion"),
                percent=taken.get("percent"),
                title=name_span,
                unit=unit.group(0).strip("（）").strip(),
                comparator="lte" if LOWER_IS_BETTER.search(name) else "",
            )
        )
    return table if table.rows else None


def _agrees(text: str, taken: dict[str, Span], percent: Span) -> bool:
    """A percent cell that is the ratio of the result to the target (within a point)."""
    if "target" not in taken or "completion" not in taken:
        return False
    target, actual, stated = (
        to_decimal(text[s:e].strip()) for s, e in (taken["target"], taken["completion"], percent)
    )
    if not target or actual is None or stated is None:
        return False
    return abs(actual / target * 100 - stated) <= max(Decimal(1), stated / 100)
