"""The outline of a document: numbered items, their promise text, 完成情况, departments, captions.

Recognised numbering: 第N件/第N项, 一、, （一）, 1. or 1、 or "1 标题" at the start of a line,
sections 一、二、 whose sub-items 1. 2. (*1. ★1.) start again in each (each sub-item read),
一是…二是… or （1）… or 1.…2.… inside a paragraph, and tables with a header row (pipe or tab
rows, or one cell per line: layouts.py). Spans are offsets in the text.
"""

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from minsheng.ingest.parser.departments import (
    DEPARTMENT_FIELD,
    add_department,
    cut_departments,
    split_names,
)
from minsheng.ingest.parser.layouts import (
    NAME_UNIT,
    PERSON,
    UNIT_CELL,
    WHOLE_ROW,
    DistrictTable,
    Form,
    Row,
    TableRow,
    align,
    column_kind,
    department_like,
    district_tables,
    fit,
    forms,
    glued_departments,
    inline_arabic,
    positional_score,
    spaced_rows,
    stacked_rows,
)
from minsheng.ingest.parser.numbers import to_decimal

Span = tuple[int, int]

CN_ORDINAL = r"[一二三四五六七八九十]{1,3}"
LINE_STYLES = {
    "jian": re.compile(r"第\s*(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*[件项]\s*[：、．.]?"),
    "cn": re.compile(rf"({CN_ORDINAL})\s*[、．.]"),
    # 一开展公办义务教育学位供给保障行动: the ordinal glued to the action it numbers
    "cn_glued": re.compile(
        rf"({CN_ORDINAL})(?=(?:开展|实施|推进|推动|建设|提升|完善|加强|加快|新建|改造|打造|优化|深化|办好|落实))"
    ),
    "paren": re.compile(rf"[（]\s*({CN_ORDINAL}|\d{{1,3}})\s*[）]\s*"),
    "arabic": re.compile(r"(\d{1,3})\s*(?:[、．]|\.(?!\d))\s*"),
    # a number and a short heading alone on a line, the item below it: "1 医疗卫生"
    "heading": re.compile(r"(\d{1,2})[ \t]+(?=[\u4e00-\u9fff]{2,10}[ \t]*$)"),
    # ①实现…60家（责任单位：…）；: circled numbers at line starts
    "circled": re.compile(r"([\u2460-\u2473])\s*"),
    # 实事一：创建11个…, 项目二：…: the item named by what it is, then its ordinal
    "named": re.compile(rf"(?:实事|项目|工程)({CN_ORDINAL}|\d{{1,2}})\s*[：、]\s*"),
    # 01 项目名称：提升县域生态环境, its 项目内容： and 进展与成效： on the lines below
    "labelled": re.compile(r"(\d{1,2})[ \t]*(?:项目名称|实事名称|项目|名称)\s*[：]\s*"),
}
INLINE_SHI = re.compile(rf"(?:^|(?<=[。；！：，\s]))({CN_ORDINAL})是")
COMPLETION_LABEL = re.compile(
    r"(?:完成情况|进展情况|推进情况|落实情况|工作进展|进展|进度)(?:[与及和]成效|成效)?\s*[：]\s*"
)
INLINE_PROGRESS = re.compile(
    r"(?:^|(?<=[。；]))\s*(?=(?:截至|截止|目前|今年以来|年初以来)[^。]*[，,])"
)
INLINE_LABEL = re.compile(r"(?<=[。；])\s*(?:完成情况|进展情况|推进情况|落实情况)\s*[：]\s*")
CAPTION = re.compile(r"■\s*")
TABLE_HEADER = re.compile(r"序号|项目|实事|目标|任务|内容|责任单位|牵头单位|完成情况|进展")


@dataclass
class Item:
    """One numbered project of the document."""

    number: int
    span: Span
    title: str = ""
    title_span: Span = (0, 0)
    promise: list[Span] = field(default_factory=list)
    completion: list[Span] = field(default_factory=list)
    departments: list[tuple[str, str]] = field(default_factory=list)  # (name, "lead"|"co")
    department_spans: list[Span] = field(default_factory=list)
    # table rows: the cells of each indicator, for figures without a unit
    rows: list[TableRow] = field(default_factory=list)
    # where a table figure's unit was guessed from the words of its title (document.DOUBTS)
    guessed_units: list[int] = field(default_factory=list)
    # a table figure in 万 (5.2万人) is rounded: per target, the half-steps of target and actual
    rounding: dict[int, tuple[Decimal, Decimal]] = field(default_factory=dict)


@dataclass
class Outline:
    items: list[Item]
    captions: list[Span]
    preamble: Span
    style: str


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.split("\n"):
        lines.append(_Line(offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return lines


def ordinal(token: str) -> int | None:
    if len(token) == 1 and "\u2460" <= token <= "\u2473":
        return ord(token) - 0x2460 + 1  # ① to ⑳
    value = to_decimal(token)
    return int(value) if value is not None and value == int(value) and value > 0 else None


def outline(text: str) -> Outline:
    """Split a normalised document into items; captions (■) are never items."""
    lines = _lines(text)
    captions = []
    body_lines = []
    for line in lines:
        stripped = line.text.lstrip()
        if stripped.startswith("■"):
            start = line.start + len(line.text) - len(stripped) + 1
            captions.append((start, line.end))
        else:
            body_lines.append(line)
    spans = [(ln.start, ln.end, ln.text) for ln in body_lines]
    table = (
        _table(text, _cell_rows(body_lines), padded=True)
        or _table(text, stacked_rows(text, spans))
        or _table(text, spaced_rows(text, spans))
        or _district_items(text, district_tables(text, spans))
        or _form_items(text, forms(text, spans))
    )
    if table:
        preamble = (0, table[0].span[0])
        table += _quoted_projects(text, preamble, max(item.number for item in table) + 1)
        return Outline(table, captions, preamble, "table")
    nested = nested_items(text, body_lines)
    if nested:
        return Outline(nested, captions, (0, nested[0].span[0]), "nested")
    style, starts = _line_style(body_lines)
    if style:
        items = _line_items(text, body_lines, starts)
        _glued_table_departments(text, items)
        return Outline(items, captions, (0, items[0].span[0]), style)
    items = _shi_items(text)
    if items:
        return Outline(items, captions, (0, items[0].span[0]), "shi")
    items = _inline_paren_items(text)
    if items:
        return Outline(items, captions, (0, items[0].span[0]), "inline_paren")
    items = [
        Item(number=number, span=span, promise=[promise])
        for number, span, promise in inline_arabic(text)
    ]
    if items:
        for item in items:
            finish_item(text, item)
        return Outline(items, captions, (0, items[0].span[0]), "inline_paren")
    items = _labelled_items(text)
    if items:
        return Outline(items, captions, (0, items[0].span[0]), "labelled")
    return Outline([], captions, (0, len(text)), "none")


# 任务目标：…。 进展情况：…: a project told as its task, then its progress, both labelled
TASK_LABEL = re.compile(r"(?:任务目标|目标任务|年度目标|工作目标|年度任务|建设目标)\s*[：]\s*")


def _labelled_items(text: str) -> list[Item]:
    """Projects that number nothing but label each task and its progress (任务目标：… 进展情况：…
    任务目标：…), run together or on lines of their own: an item per task label, when at least
    two tasks each report their progress, or the only one does (a page cut after its first)."""
    labels = list(TASK_LABEL.finditer(text))
    items: list[Item] = []
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        item = Item(number=index + 1, span=(label.start(), end), promise=[(label.end(), end)])
        finish_item(text, item)
        items.append(item)
    reported = sum(1 for item in items if item.completion)
    return items if reported >= 2 or reported == len(items) == 1 else []


# 一、就业促进行动 at a line's start, or after the first cell of a pasted table row (寿县 一、…)
SECTION = re.compile(rf"[ \t]*(?:[\u4e00-\u9fff]{{1,6}}[ \t]+)?({CN_ORDINAL})\s*[、．]")
# or sections （一）（二） when the document has no 一、 above them
SECTION_STYLES = (SECTION, re.compile(rf"[ \t]*[（(]\s*({CN_ORDINAL})\s*[）)]"))
# a sub-item's number, perhaps behind the table's mark for a key task: *1. ★1. △2.
SUB_MARK = r"[*＊★☆△▲]?[ \t]*"
SUB_ITEM = re.compile(rf"[ \t]*{SUB_MARK}(\d{{1,2}})[ \t]*(?:[、．]|\.(?!\d))[ \t]*")
# 3.90%的二级综合医院: a sub-item whose first figure follows its number's point directly
SUB_ITEM_FIGURE = re.compile(rf"[ \t]*{SUB_MARK}(\d{{1,2}})\.(?=\d)")
# the first sub-item on its section's own line: 二、…行动(2项指标) *1.开展…
SUB_ITEM_INLINE = re.compile(rf"(?<=[ \t)）]){SUB_MARK}1[ \t]*(?:[、．]|\.(?!\d))[ \t]*")
COMPLETION_LINE = re.compile(rf"(?<=\n)[ \t]*{COMPLETION_LABEL.pattern}")
# the result cell after a sub-item's target, a space between them: … 完成330个,完成率101.54%
RESULT_AFTER = re.compile(r"[ \t]+(?=(?:已|未|基本)?完成|无任务|已开工|已建成)")


@dataclass
class _SubItem:
    section: int  # index of its section, -1 above the first one
    number: int
    start: int  # where its number starts
    body: int  # where its text starts, after the number


def nested_items(text: str, lines: list[_Line]) -> list[Item]:
    """Sub-items 1. 2. … numbered again from 1 under each section 一、二、…, every one read.

    A list of 行动 with their 指标 numbers the indicators anew in each section, so one
    numbering style alone keeps only one run of them. Each sub-item is a project: its result
    often follows on its own line (募集见习岗位325个 完成330个), and a result is matched
    within its project. Empty unless two sections hold sub-items and the count starts again.
    """
    for heading in SECTION_STYLES:
        sections, subs, unexplained = _sections_and_sub_items(lines, heading)
        with_subs = {sub.section for sub in subs if sub.section >= 0}
        restarts = sum(1 for index, sub in enumerate(subs) if sub.number == 1 and index > 0)
        # a count that starts again where no section begins belongs to a level between
        # (一、 then （一） then 1.): this reading would drop its items, the plain outline not
        if len(with_subs) >= 2 and restarts >= 1 and not unexplained:
            return _nested(text, sections, subs, with_subs)
    return []


def _nested(
    text: str, sections: list[_Line], subs: list["_SubItem"], with_subs: set[int]
) -> list[Item]:
    """An item per sub-item, each ending where the next sub-item or section begins."""
    section_starts = [line.start for line in sections]
    items: list[Item] = []
    for index, sub in enumerate(subs):
        end = subs[index + 1].start if index + 1 < len(subs) else len(text)
        # the next section's heading ends the last sub-item above it
        following = bisect.bisect_right(section_starts, sub.start)
        if following < len(section_starts):
            end = min(end, section_starts[following])
        items.append(_sub_item(text, sub, _trim_end(text, sub.body, end), len(items) + 1))
    for number in with_subs:
        first = next(i for i, sub in enumerate(subs) if sub.section == number)
        last = max(i for i, sub in enumerate(subs) if sub.section == number)
        heading = (section_starts[number], subs[first].start)
        _share_departments(text, heading, items[first : last + 1])
    return items


def _sections_and_sub_items(
    lines: list[_Line], heading: re.Pattern[str]
) -> tuple[list[_Line], list[_SubItem], int]:
    """The section lines (一、二、… in order), the sub-items counted 1, 2, … in each, and how
    many sub-items numbered 1 stand where no section begins."""
    sections: list[_Line] = []
    subs: list[_SubItem] = []
    unexplained = 0
    expected = 1
    for line in lines:
        section = heading.match(line.text)
        if section and ordinal(section.group(1)) == len(sections) + 1:
            sections.append(line)
            expected = 1
            inline = SUB_ITEM_INLINE.search(line.text, section.end())
            if inline:
                start, body = line.start + inline.start(), line.start + inline.end()
                subs.append(_SubItem(len(sections) - 1, 1, start, body))
                expected = 2
            continue
        match = SUB_ITEM.match(line.text)
        if match is None and expected > 1:
            match = SUB_ITEM_FIGURE.match(line.text)
        number = ordinal(match.group(1)) if match else None
        if number == 1 and expected > 1:
            unexplained += 1
        if match is None or number != expected:
            continue
        lead = len(line.text) - len(line.text.lstrip())
        subs.append(
            _SubItem(len(sections) - 1, expected, line.start + lead, line.start + match.end())
        )
        expected += 1
    return sections, subs, unexplained


def _sub_item(text: str, sub: _SubItem, end: int, number: int) -> Item:
    """One sub-item: its target, and the result written after it on its line or below it."""
    item = Item(number=number, span=(sub.start, end))
    line_end = text.find("\n", sub.body, end)
    line_end = end if line_end < 0 else line_end
    result = RESULT_AFTER.search(text, sub.body, line_end)
    if result:
        # 募集见习岗位325个 完成330个,完成率101.54%: the cell after the target is its result
        item.promise = [(sub.body, result.start())]
        item.completion = [(result.end(), end)]
    else:
        # a line of its own labelled 完成情况： reports on the sub-item, as under a plain item
        label = next(
            (
                found
                for found in COMPLETION_LINE.finditer(text, line_end, end)
                if found.start() > sub.body
            ),
            None,
        )
        item.promise = [(sub.body, label.start() if label else end)]
        if label:
            item.completion = [(label.end(), end)]
    finish_item(text, item)
    return item


def _share_departments(text: str, heading: Span, items: list[Item]) -> None:
    """Departments named for a whole section go to each of its sub-items that names none.

    They stand in the section's heading (一、就业促进行动（责任单位：区人社局）) or on a line
    of their own after its last sub-item, which that sub-item would otherwise keep alone.
    """
    section = Item(number=0, span=heading)
    cut_departments(text, section, heading[0], heading[1])
    last = items[-1]
    first_line_end = text.find("\n", last.span[0], last.span[1])
    below = (
        len(items) > 1
        and first_line_end >= 0
        and bool(last.department_spans)
        and all(start >= first_line_end for start, _end in last.department_spans)
    )
    if not section.departments and below:
        section.departments = list(last.departments)
    if not section.departments:
        return
    for item in items:
        if not item.departments:
            item.departments = list(section.departments)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return end


def _line_style(lines: list[_Line]) -> tuple[str, list[tuple[_Line, int, int]]]:
    """The numbering style whose markers at line starts count 1, 2, 3… most often.

    A style whose count starts again at 1 is a lower level ((一)(二)… under 一、二、): when a
    style that does not start again opens the list before it, that one is the list's.
    """
    best: tuple[str, list[tuple[_Line, int, int]]] = ("", [])
    restarting: set[str] = set()
    counted: dict[str, list[tuple[_Line, int, int]]] = {}
    for style, pattern in LINE_STYLES.items():
        found: list[tuple[_Line, int, int]] = []
        expected = 1
        for line in lines:
            stripped = line.text.lstrip()
            match = pattern.match(stripped)
            if not match:
                continue
            number = ordinal(match.group(1))
            if number is None:
                continue
            if number == 1 and found:
                restarting.add(style)
            if number != expected and not (style == "jian" and number > expected):
                continue
            indent = len(line.text) - len(stripped)
            found.append((line, number, indent + match.end()))
            expected = number + 1
        counted[style] = found
        if len(found) > len(best[1]) or (style == "jian" and found and len(found) >= len(best[1])):
            best = (style, found)
        if style == "jian" and found:
            break  # 第N件 is unmistakable; it wins when present
    if best[0] in restarting:
        upper = [
            (style, found)
            for style, found in counted.items()
            if len(found) >= 2
            and style not in restarting
            and found[0][0].start < best[1][0][0].start
        ]
        if upper:
            best = max(upper, key=lambda entry: len(entry[1]))
    if len(best[1]) >= 2 or (best[0] == "jian" and best[1]):
        return best
    return ("", [])


def _line_items(text: str, lines: list[_Line], starts: list[tuple[_Line, int, int]]) -> list[Item]:
    items = []
    start_lines = [entry[0].start for entry in starts]
    line_starts = [ln.start for ln in lines]  # in order: an item's lines are one slice
    for index, (line, number, marker_end) in enumerate(starts):
        end = start_lines[index + 1] if index + 1 < len(starts) else len(text)
        lines_in = lines[
            bisect.bisect_left(line_starts, line.start) : bisect.bisect_left(line_starts, end)
        ]
        body = [ln for ln in lines_in if ln.text.strip()]
        item = Item(number=number, span=(line.start, end))
        first = True
        in_completion = False
        named_below: int | None = None
        for ln in body:
            start = ln.start + (marker_end if first else 0)
            if named_below is not None:
                start, named_below = named_below, None
            elif not first and DEPARTMENT_FIELD.fullmatch(ln.text.strip() + "\n"):
                named_below = start  # 责任单位： alone on its line: the names are on the next
                continue
            label = COMPLETION_LABEL.match(ln.text.lstrip())
            if label and not first:
                in_completion = True
                start = ln.start + len(ln.text) - len(ln.text.lstrip()) + label.end()
                item.completion.append((start, ln.end))
            elif in_completion:
                item.completion.append((start, ln.end))
            else:
                item.promise.append((start, ln.end))
            first = False
        finish_item(text, item)
        items.append(item)
    return items


def _shi_items(text: str) -> list[Item]:
    """Provincial style: 一是…；二是…, numbered inside running text."""
    found = []
    expected = 1
    for match in INLINE_SHI.finditer(text):
        if ordinal(match.group(1)) == expected:
            found.append(match)
            expected += 1
    if len(found) < 2:
        return []
    items = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else _paragraph_end(text, match)
        item = Item(number=index + 1, span=(match.start(), end), promise=[(match.end(), end)])
        finish_item(text, item)
        items.append(item)
    return items


INLINE_PAREN = re.compile(r"（\s*(\d{1,2})\s*）")


def _inline_paren_items(text: str) -> list[Item]:
    """A work report's list run together in one paragraph: （1）…。 （2）…。 （3）…"""
    found: list[re.Match[str]] = []
    expected = 1
    for match in INLINE_PAREN.finditer(text):
        if int(match.group(1)) == expected:
            found.append(match)
            expected += 1
    if len(found) < 3:
        return []
    items = []
    for index, match in enumerate(found):
        if index + 1 < len(found):
            end = found[index + 1].start()
        else:
            # the last item ends with its sentence, before the page's footer
            stop = re.search(r"[。；](?=\s|$)|\n", text[match.end() :])
            end = match.end() + stop.end() if stop else len(text)
        item = Item(number=index + 1, span=(match.start(), end), promise=[(match.end(), end)])
        finish_item(text, item)
        items.append(item)
    return items


def _paragraph_end(text: str, match: re.Match[str]) -> int:
    end = text.find("\n\n", match.end())
    return len(text) if end < 0 else end


def _cells(line: _Line) -> list[Span]:
    separator = "|" if line.text.count("|") >= 2 else "\t"
    spans, offset = [], line.start
    for cell in line.text.split(separator):
        lead = len(cell) - len(cell.lstrip())
        spans.append((offset + lead, offset + len(cell.rstrip())))
        offset += len(cell) + 1
    return spans


def _cell_rows(lines: list[_Line]) -> list[Row]:
    """The lines of a pipe or tab table, each with its cells."""
    return [
        Row(ln.start, ln.end, ln.text, _cells(ln))
        for ln in lines
        if ln.text.count("|") >= 2 or ln.text.count("\t") >= 2
    ]


def _table(text: str, rows: list[Row], padded: bool = False) -> list[Item]:
    """Rows of a table under a header that names the columns. A `padded` table (pipe or tab
    lines) fills each row out to the header's width with empty cells."""
    if len(rows) < 3:
        return []
    # PDF and Word copies leave spaces inside the words of a header: 项 目 名 称
    header_index = next(
        (
            i
            for i, row in enumerate(rows)
            if len(TABLE_HEADER.findall(re.sub(r"\s+", "", row.text))) >= 2
        ),
        None,
    )
    if header_index is None:
        return []
    header = [re.sub(r"\s+", "", text[s:e]) for s, e in rows[header_index].cells]
    body = rows[header_index + 1 :]
    kinds = _unit_or_department([column_kind(name) for name in header], body, text)
    if "title" not in kinds and "target" not in kinds:
        return []
    if "votes" in kinds:
        return []  # a rating's table (满意, 基本满意, 不满意): its figures are votes cast
    units = {
        i: unit.group(0).strip("（）").strip()
        for i, name in enumerate(header)
        if kinds[i] in {"target", "completion"} and (unit := NAME_UNIT.search(name))
    }
    whole_only = _whole_rows_only(text, body, kinds)
    caption = _caption(text, rows[header_index].start) if "title" not in kinds else None
    items: list[Item] = []
    # the stored copy may end inside the last row: its cells stop short, its line unclosed
    cut_row = (
        body[-1]
        if body
        and rows[header_index].text.rstrip().endswith("|")
        and not body[-1].text.rstrip().endswith("|")
        and not text[body[-1].end :].strip()
        else None
    )
    shared_rate = _shared_rate(text, body, kinds)
    header_filled = max((i + 1 for i, name in enumerate(header) if name), default=0)
    for row in body:
        cells = row.cells
        values = [text[s:e] for s, e in cells]
        if all(re.fullmatch(r"[-:\s]*", value) for value in values):
            continue  # the markdown rule under the header
        filled = [i for i, value in enumerate(values) if value.strip()]
        if items and "number" in kinds and filled == [kinds.index("number")]:
            # | 新增学位810个 | | | |: the row's merged cells left out, its one own cell (the
            # second target of the row above) moved into the first column
            lone = cells[filled[0]]
            if ordinal(text[lone[0] : lone[1]].strip()) is None:
                _continue_row(text, items[-1], lambda _name: None, lone, "", {})
                continue
        if padded and filled and filled[-1] + 1 < header_filled:
            # | 2 | 新改扩建村卫生室5家。 | 已完成建设并投入使用。 | |: a row short of the header's
            # cells, a merged cell above it (项目分类) left out and the row padded at its end: its
            # cells are placed by what they hold
            values = values[: filled[-1] + 1]
        found = _row_columns(values, kinds, cut=row is cut_row)
        if found is None:
            continue
        columns = found
        place = columns.get("place")
        if whole_only and (place is None or not WHOLE_ROW.fullmatch(values[place].strip())):
            continue  # a district's row: a part of the whole jurisdiction's, read instead
        header_unit = next(
            (units[columns[k]] for k in ("target", "completion") if columns.get(k) in units), ""
        )

        def cell(
            name: str, columns: dict[str, int] = columns, cells: list[Span] = cells
        ) -> Span | None:
            if name not in columns:
                return None
            start, end = cells[columns[name]]
            return (
                (start, cells[columns[f"{name}_end"]][1])
                if f"{name}_end" in columns
                else (start, end)
            )

        number_span = cell("number")
        number = ordinal(text[number_span[0] : number_span[1]]) if number_span else None
        title = _title_cell(cell, columns, cells)
        if caption is not None and whole_only:
            title = caption  # | 全市 | 30000 | 32100 |: the table's caption names the figures
        if "number" in kinds and number is None and not items:
            continue  # a second header line (截至6月底进展 | 7月工作计划) or a caption
        if "number" in kinds and number is None and items:
            # a second line of the item above, its number cell left out: | 新增800张… | 810 | 101% | |
            if title is not None:
                _continue_row(text, items[-1], cell, title, header_unit, columns)
            continue
        if title is None or LABEL_CELL.fullmatch(text, title[0], title[1]):
            continue  # | 索引号： | 1137…/2022-04772 | 成文日期： |: the page's record, not a row
        item = Item(number=number or len(items) + 1, span=(row.start, row.end))
        item.title, item.title_span = text[title[0] : title[1]].strip(), title
        row_cells = _table_row(text, cell, title, header_unit)
        row_cells.forced = FORCED in columns
        _own_rate(text, row_cells, shared_rate)
        item.rows.append(row_cells)
        item.promise = [row_cells.promise]
        if row_cells.completion:
            item.completion = [row_cells.completion]
        row_cells.remark = _remark(text, cell, row_cells.completion)
        if row_cells.remark:
            item.completion.append(row_cells.remark)
        _row_departments(text, item, cell)
        items.append(item)
    return items


# 完成率达100%: the rate a result cell states of its own row
OWN_RATE = re.compile(r"完成率(?:达到|达|为)?\s*(\d+(?:\.\d+)?\s*%)")


def _shared_rate(text: str, rows: list[Row], kinds: list[str]) -> str | None:
    """The one value a percent column holds on every row (two or more): a merged cell."""
    if "percent" not in kinds:
        return None
    index = kinds.index("percent")
    values = {
        re.sub(r"\s+", "", text[row.cells[index][0] : row.cells[index][1]])
        for row in rows
        if index < len(row.cells)
    }
    filled = [row for row in rows if index < len(row.cells)]
    return values.pop() if len(values) == 1 and len(filled) >= 2 else None


def _own_rate(text: str, row: TableRow, shared: str | None) -> None:
    """A row whose result cell states its own rate (完成率达100%) beside a percent cell merged
    over the whole project (72% on every row): the row's own rate is its stated percent."""
    if shared is None or row.percent is None or row.completion is None:
        return
    if re.sub(r"\s+", "", text[row.percent[0] : row.percent[1]]) != shared:
        return
    rates = list(OWN_RATE.finditer(text, *row.completion))
    if len({rate.group(1) for rate in rates}) == 1:
        row.percent = rates[0].span(1)


def _whole_rows_only(text: str, rows: list[Row], kinds: list[str]) -> bool:
    """A table of places (| 地区 | … |) with a row for the whole jurisdiction (全市, 合计)."""
    if "place" not in kinds:
        return False
    index = kinds.index("place")
    return any(
        index < len(row.cells)
        and WHOLE_ROW.fullmatch(text[row.cells[index][0] : row.cells[index][1]].strip())
        for row in rows
    )


def _caption(text: str, header_start: int) -> Span | None:
    """The line just above a table's header, when it is a caption (no cells of its own)."""
    end = text.rfind("\n", 0, header_start)
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)
    if end <= 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end]
    if not line.strip() or "|" in line or "\t" in line or len(line.strip()) > 60:
        return None
    lead = len(line) - len(line.lstrip())
    return (start + lead, start + len(line.rstrip()))


def _title_cell(
    cell: Callable[[str], Span | None], columns: dict[str, int], cells: list[Span]
) -> Span | None:
    title = cell("title") or cell("target")
    if title is not None and "title_end" in columns:
        # a group title and the indicator's own name, in two cells: one title
        title = (title[0], cells[columns["title_end"]][1])
    return title


def _unit_or_department(kinds: list[str], rows: list[Row], text: str) -> list[str]:
    """A column headed 单位 counts (万人, 公里) or names who is responsible: its cells tell."""
    kinds = list(kinds)
    for index, kind in enumerate(kinds):
        if kind != "unit":
            continue
        values = [
            text[row.cells[index][0] : row.cells[index][1]].strip()
            for row in rows
            if index < len(row.cells)
        ]
        values = [v for v in values if v]
        if values and sum(1 for v in values if department_like(v)) > len(values) / 2:
            kinds[index] = "lead"
    return kinds


REALIGN_MARGIN = 2.0
FORCED = "forced"  # a row read in place although its cells do not fit the header


def _row_columns(values: list[str], kinds: list[str], cut: bool = False) -> dict[str, int] | None:
    """Which cell of the row is in which column, by name (number, title, target, …).

    A row as long as its header is read cell by cell, unless its cells plainly belong
    elsewhere (a row missing its target cell, a leader's name where the target should be):
    then the cells are aligned with the columns by what they hold (layouts.align). A row
    the copy cut off (`cut`) is read in place, its last cells lost, unless its cells align far
    better (a cut row that also lost its first cell, as the rows under a group cell do).
    """
    trimmed = list(values)
    while trimmed and not trimmed[-1].strip():
        trimmed.pop()
    placed: list[list[int]] | None = None
    columns: dict[str, int] = {}
    forced = len(trimmed) > len(kinds)
    if len(values) == len(kinds) or forced:
        # more cells than columns: read them in place, the extra cells left out, unless
        # they align far better (a group title beside the name); document.DOUBTS "misaligned"
        placed = [[i] if i < len(values) else [] for i in range(len(kinds))]
    if cut and len(values) < len(kinds):
        placed = [[i] if i < len(values) else [] for i in range(len(kinds))]
    aligned = align(trimmed, kinds)
    if aligned is not None and (
        placed is None
        or _score(aligned, values, kinds)
        > positional_score(values[: len(kinds)], kinds) + REALIGN_MARGIN
    ):
        placed, forced = aligned, False
    if placed is None:
        placed = [[i] if i < len(values) else [] for i in range(len(kinds))]
    if forced:
        columns[FORCED] = 1
    for index, (kind, taken) in enumerate(zip(kinds, placed, strict=True)):
        if not taken:
            continue
        if kind == "title" and len(taken) == 2:
            columns["title_end"] = taken[1]
        filled = bool(values[taken[0]].strip())
        if kind == "target" and "title" not in kinds and "target" in kinds[index + 1 :]:
            # 主要任务 then 全年目标任务: the first names the task, the second is the target
            columns.setdefault("title", taken[0])
            continue
        if kind == "lead" and "lead" in columns:
            kind = "co"  # 牵头单位 then 责任单位: the second names the others who take part
        if kind in {"lead", "co"} and len(taken) > 1 and kind not in columns:
            columns[f"{kind}_end"] = taken[-1]  # its names, a cell each
        if kind in {"completion", "target"} and kind in columns:
            # of several progress columns (1-10月, 1-11月) the last filled is the latest; but
            # a verdict beside the figures (| 新增托位1155个 | 超额完成 |) does not replace them
            if filled and (
                kind == "target"
                or HAS_FIGURE.search(values[taken[0]])
                or not HAS_FIGURE.search(values[columns[kind]])
            ):
                columns[kind] = taken[0]
            continue
        columns.setdefault(kind, taken[0])
    return columns


def _score(placed: list[list[int]], values: list[str], kinds: list[str]) -> float:
    return sum(
        fit(kind, values[i]) for kind, taken in zip(kinds, placed, strict=True) for i in taken
    )


# a cell that holds a figure (a verdict such as 超额完成 holds none)
HAS_FIGURE = re.compile(r"\d")
# a cell that labels the value beside it (索引号：, 发布机构:) as a page's record does
LABEL_CELL = re.compile(r"\s*[\u4e00-\u9fff]{2,8}\s*[：:]\s*")
LEADING_RATE = re.compile(r"\s*(\d+(?:\.\d+)?\s*%)\s*(?:[（(]|$)")
BARE_RATE = re.compile(r"\s*\d+(?:\.\d+)?\s*%\s*")


def _table_row(
    text: str, cell: Callable[[str], Span | None], title: Span, header_unit: str = ""
) -> TableRow:
    """The cells of one indicator: the target cell, else the title when it holds the figure.

    A target cell that holds only a rate (100%) while the title states the figures
    (月均分别达到300元/人、140元/人) says how far the work is, not what was promised; one
    without any figure (| 新改扩建公办中小学校1所 | 室内安装、装修及场外施工 |) names a stage.
    """
    target = cell("target")
    if target and target[0] < title[1] and target[1] > title[0]:
        target = None  # the title column is the task column itself
    if target is not None and (
        not text[target[0] : target[1]].strip()
        or (
            (
                BARE_RATE.fullmatch(text, target[0], target[1])
                or not HAS_FIGURE.search(text, target[0], target[1])
            )
            and HAS_FIGURE.search(text, title[0], title[1])
        )
    ):
        target = None
    unit_cell = cell("unit")
    unit = header_unit  # 目标任务（人）: the header says what the column's figures count
    if unit_cell:
        found = UNIT_CELL.fullmatch(text[unit_cell[0] : unit_cell[1]].strip())
        if found:
            unit = found.group(0).split("/")[0]
    completion, percent = cell("completion"), cell("percent")
    if percent is None and completion is not None:
        # | 当前进度 | 80%（新区实验幼儿园进度滞后） |: a progress cell that opens on a rate states
        # how far the row is, as a percent column would
        rate = LEADING_RATE.match(text, completion[0], completion[1])
        if rate:
            percent = rate.span(1)
    return TableRow(
        promise=target or title,
        completion=completion,
        percent=percent,
        title=title,
        unit=unit,
    )


def _remark(text: str, cell: Callable[[str], Span | None], completion: Span | None) -> Span | None:
    """A 备注 cell with the figures of a result cell that says only how far (| 100% | … |
    城市低保：300.1元/月 |); beside an empty or a counted result it is only a remark."""
    remark = cell("remark")
    if remark is None or department_like(text[remark[0] : remark[1]]):
        return None
    if completion is None or not BARE_RATE.fullmatch(text, completion[0], completion[1]):
        return None
    return remark if re.search(r"\d", text[remark[0] : remark[1]]) else None


def _row_departments(text: str, item: Item, cell: Callable[[str], Span | None]) -> None:
    """责任单位 and 配合单位 cells, or a 备注 cell that only names departments."""
    remark = cell("remark")
    spans: list[tuple[str, Span | None]] = [("lead", cell("lead")), ("co", cell("co"))]
    if remark and department_like(text[remark[0] : remark[1]]):
        spans.append(("lead" if cell("lead") is None else "co", remark))
    for role, span in spans:
        if not span:
            continue
        names = _without_heads(split_names(text[span[0] : span[1]]))
        for i, name in enumerate(names):
            add_department(item, name, "lead" if role == "lead" and i == 0 else "co")
        if names:
            item.department_spans.append(span)


def _without_heads(names: list[str]) -> list[str]:
    """| 市民政局 伍泽国 |: a department's head named after it is a person, not a department."""
    return [
        name
        for index, name in enumerate(names)
        if not (
            index
            and PERSON.fullmatch(name)
            and not department_like(name)
            and department_like(names[index - 1])
        )
    ]


def _continue_row(
    text: str,
    item: Item,
    cell: Callable[[str], Span | None],
    title: Span,
    header_unit: str,
    columns: dict[str, int],
) -> None:
    """The cells of a continuation row join the item above as one more promise and result."""
    row = _table_row(text, cell, title, header_unit)
    row.forced = FORCED in columns
    item.span = (item.span[0], max(item.span[1], row.promise[1], title[1]))
    item.promise.append(row.promise)
    if row.completion:
        item.completion.append(row.completion)
    row.remark = _remark(text, cell, row.completion)
    if row.remark:
        item.completion.append(row.remark)
    item.rows.append(row)
    _row_departments(text, item, cell)


def _district_items(text: str, tables: list[DistrictTable]) -> list[Item]:
    """A table of places gives one project per table, an indicator per column group."""
    items = []
    for number, table in enumerate(tables, start=1):
        item = Item(number=number, span=table.span)
        if table.titles:
            item.title_span = (table.titles[0][0], table.titles[-1][1])
            item.title = "".join(text[s:e].strip() for s, e in table.titles)
        item.rows = list(table.rows)
        item.promise = [row.promise for row in table.rows]
        item.completion = [row.completion for row in table.rows if row.completion]
        for index, (start, end) in enumerate(table.departments):
            for name in split_names(text[start:end]):
                role = "lead" if index == 0 and not item.departments else "co"
                item.departments.append((name, role))
            item.department_spans.append((start, end))
        items.append(item)
    return items


# “新开工提标加固海塘18.4公里”（市水利局）: a project quoted by name, its department after it
QUOTED_PROJECT = re.compile(r"“([^“”\n]{4,40})”\s*[（(]([^（）()\n]{2,20})[）)]")


def _quoted_projects(text: str, preamble: Span, first: int) -> list[Item]:
    """Projects a report quotes above its table, each with its department in brackets.

    A summary before the table names the projects that lagged or stood out (“老旧小区改造”
    （市住建局）); the table below may not hold them, so each is an item of its own. Two or
    more are needed, so that a lone quotation in a lead paragraph is left alone.
    """
    found = [
        match
        for match in QUOTED_PROJECT.finditer(text, *preamble)
        if department_like(match.group(2))
    ]
    if len(found) < 2:
        return []
    items = []
    for number, match in enumerate(found, start=first):
        item = Item(number=number, span=(match.start(), match.end()))
        item.title, item.title_span = match.group(1).strip(), match.span(1)
        item.promise = [match.span(1)]
        # what the sentence says of the projects it quotes (…等5个项目…但均能如期完成) is their
        # report: their own figures stay what was promised
        stop = text.find("。", match.end(), preamble[1])
        stop = preamble[1] if stop < 0 else stop
        tail = max(other.end() for other in found if other.end() <= stop)
        item.completion = [(tail, stop)]
        item.departments = [(match.group(2).strip(), "lead")]
        item.department_spans = [match.span(2)]
        items.append(item)
    return items


def _glued_table_departments(text: str, items: list[Item]) -> None:
    """Departments of a table copied without separators go to the item they stand in."""
    starts = [item.span[0] for item in items]
    for position, names in glued_departments(text):
        index = bisect.bisect_right(starts, position) - 1
        if index < 0:
            continue
        for name in names:
            add_department(items[index], name, "lead")


def _form_items(text: str, found: list[Form]) -> list[Item]:
    """A progress form per project: its own task is the promise, else its name."""
    items = []
    for number, form in enumerate(found, start=1):
        item = Item(number=number, span=form.span)
        item.title, item.title_span = text[form.title[0] : form.title[1]].strip(), form.title
        # 我市任务 beside a province's item: the place's share is what it promised
        item.promise = [form.target or form.title]
        item.completion = [form.completion] if form.completion else []
        finish_item(text, item)
        items.append(item)
    return items


def finish_item(text: str, item: Item) -> None:
    """Departments out of the promise, inline progress split off, the title from the first clause."""
    promise: list[Span] = []
    for start, end in item.promise:
        promise += cut_departments(text, item, start, end)
    item.promise = []
    for start, end in promise:
        label = INLINE_LABEL.search(text, start, end)
        if label:
            # 新增普惠托位400个。完成情况：新增502个: the label opens the report mid-line
            item.promise.append((start, label.start()))
            item.completion.insert(0, (label.end(), end))
            continue
        progress = INLINE_PROGRESS.search(text, start, end)
        if progress and progress.start() > start:
            item.promise.append((start, progress.start()))
            item.completion.insert(0, (progress.start(), end))
        else:
            item.promise.append((start, end))
    item.promise = [(s, e) for s, e in item.promise if text[s:e].strip()]
    if not item.title and item.promise:
        start, end = item.promise[0]
        while start < end and text[start] in " \t":
            start += 1
        clause = re.search(r"[，。；：！\n]", text[start:end])
        title_end = start + clause.start() if clause else end
        item.title, item.title_span = text[start:title_end].strip(), (start, title_end)
        if not item.title:
            item.title = f"{item.number}"
