"""Layouts that number their items without a marker at the start of each line.

- a table pasted one cell per line ("序号 |" then "1 |", or cells between blank lines, as a
  Word or web table copies), whose rows are told apart by their running numbers;
- a list run together in one paragraph: "这十件实事是：1.新修…。2.引入…。3.完成…";
- a plan that numbers nothing: each paragraph is an item, a "：A；B；C" list one item a clause.

Every function returns spans in the text; structure.py turns them into items.
"""

import re
from dataclasses import dataclass

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

    The header is the run of cells from 序号 to the cell before "1"; a row starts at the cell
    holding the next row number. A row one cell longer than the header carries a group title
    in its second cell, which is left out; rows without a number continue the row above.
    """
    if not any("序" in line and re.sub(r"[\s|]+", "", line) == "序号" for _s, _e, line in lines):
        return []
    cells = _stacked_cells(lines)
    words = [text[s:e].strip() for s, e in cells]
    first = next((i for i, w in enumerate(words) if re.sub(r"\s+", "", w) == "序号"), None)
    if first is None:
        return []
    one = next((i for i in range(first + 1, len(words)) if words[i] == "1"), None)
    if one is None or not 3 <= one - first <= 12:
        return []
    header = cells[first:one]
    if sum(1 for s, e in header if HEADER_WORDS.search(re.sub(r"\s+", "", text[s:e]))) < 2:
        return []
    width = len(header)
    unit_column = next(
        (i for i, (s, e) in enumerate(header) if "单位" in text[s:e] and i > 1), None
    )
    starts = [one]
    expected = 2
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
        if len(group) == width + 1 or _group_title(text, group, unit_column):
            group = [group[0], *group[2:]]
        rows.append(_row(text, group[:width]))
        rest = group[width:]
        # rows without a number continue the row above: one cell short (the number)
        while len(rest) >= width - 1 and width > 2:
            rows.append(_row(text, [(rest[0][0], rest[0][0]), *rest[: width - 1]]))
            rest = rest[width - 1 :]
    return rows if len(rows) >= 3 else []


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
