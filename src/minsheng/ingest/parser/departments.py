"""The departments a document names: 责任单位 fields, their lists of names, and lists in prose.

A field (牵头单位：市民政局、市财政局) is cut out of the promise it sits in; a list in prose
(市发改委、教育局等牵头单位, 由市民政局牵头) is only read, since its sentence is still the text.
"""

import re
from typing import TYPE_CHECKING

from minsheng.ingest.parser.layouts import department_like

if TYPE_CHECKING:
    from minsheng.ingest.parser.structure import Item

Span = tuple[int, int]

# 牵头单位：, 责任部门：, 配合单位：… (部门 and 单位 are the same field); the leaders' fields name people
DEPARTMENT_FIELD = re.compile(
    r"(?P<label>(?:牵头|责任|分管)领导|(?P<kind>牵头|主责|主办|责任|承办|配合|协办|协同|参与)(?:单位|部门))"
    # or the label alone on its line, the names on the next: 责任单位\n文广旅局
    r"(?:\s*[：]\s*|[ \t]*\n[ \t]*)"
)
LEAD_KINDS = {"牵头", "主责", "主办"}
RESPONSIBLE_KINDS = {"责任", "承办"}
LEAD_MARK = re.compile(r"[（(]\s*牵头\s*[）)]?")


COUNTY_GOVERNMENTS = re.compile(r"各(?:区|县)[、（]?(?:市|县)?(?:[、]区)?(?:）?政府|）政府|$)")
# 相关街道, 各镇（街道）, 有关部门, 属地乡镇: every place or office concerned, not one department
EVERY_PLACE = re.compile(
    r"(?:各|相关|有关|各有关|各相关|属地)"
    r"(?:街道|镇|乡镇|镇街|镇（街道）|乡镇（街道）|部门|单位|区|县|县区|区县)"
)
# 责任单位：莲塘镇任务目标：… run together: the next field's label ends the names
NEXT_LABEL = re.compile(
    r"(?:任务目标|目标任务|年度目标|工作目标|建设内容|项目内容|主要内容|完成情况|进展情况|推进情况)\s*[：]"
)
# 10月底前, 新增床位500张: a deadline or a figure that a table's column put where names stand (10县市
# 人民政府 is a name)
NOT_A_NAME = re.compile(
    r"\d\s*[万亿]?(?:张|个|所|名|人|户|套|处|家|座|条|公里|米|亩|元|项|台|辆|%)|\d{1,2}\s*月|[年月]底前"
)
LOWER_GOVERNMENTS = re.compile(r"各(?:相关|有关)?[^、，；]{0,10}(?:人民政府|政府|管委会)")
NAME_BREAK = re.compile(r"[、，,；;\s]+|和(?=[市省区县])")


def split_names(value: str) -> list[str]:
    # 各区、市政府 are the district governments every item names, not a responsible department
    value = COUNTY_GOVERNMENTS.sub("", value)
    names = []
    for part in _top_level(value):
        part = part.strip("。. ")
        # a bracket that belongs to the name stays: 嘉兴经济技术开发区（国际商务区）
        # part[:1] of an empty part is "", which `in` finds in any string: test part first
        while part and part[:1] in "（(" and not re.search(r"[）)]", part):
            part = part[1:]
        while part and part[-1:] in "）)" and _unbalanced(part):
            part = part[:-1]
        if part.startswith("（") and part.endswith("）"):
            part = part[1:-1]
        # 各县（市）区人民政府, 各开发（度假）区管委会, 各相关乡镇政府: the governments below, as 各区、市政府
        every = EVERY_PLACE.fullmatch(part) or LOWER_GOVERNMENTS.fullmatch(part)
        if 1 < len(part) <= 40 and part not in {"无", "等"} and not every:
            names.append(part)
    return names


def _unbalanced(part: str) -> bool:
    return part.count("（") + part.count("(") < part.count("）") + part.count(")")


def _top_level(value: str) -> list[str]:
    """The names of a list, split at separators outside brackets: 市农办（市农业经济局）、市财政局."""
    parts, depth, start, position = [], 0, 0, 0
    while position < len(value):
        char = value[position]
        if char in "（(":
            depth += 1
        elif char in "）)" and depth:
            depth -= 1
        elif depth == 0 and (separator := NAME_BREAK.match(value, position)):
            parts.append(value[start:position])
            start = position = separator.end()
            continue
        position += 1
    parts.append(value[start:])
    return [part for part in parts if part]


def cut_departments(text: str, item: "Item", start: int, end: int) -> list[Span]:
    """Take 责任单位 fields (in brackets or run together) out of a promise span."""
    fields = list(DEPARTMENT_FIELD.finditer(text, start, end))
    if not fields:
        return [(start, end)]
    kept: list[Span] = []
    cursor = start
    index = 0
    lead_seen = any(field.group("kind") in LEAD_KINDS for field in fields)
    while index < len(fields):
        field_match = fields[index]
        block_start = field_match.start()
        if block_start > start and text[block_start - 1] == "（":
            block_start -= 1
        # a block of fields run together ends at a closing bracket, a full stop or a newline
        opened = text[block_start] == "（"
        block_end = index
        while (
            block_end + 1 < len(fields)
            and _closing(text, fields[block_end].end(), fields[block_end + 1].start(), opened)
            is None
        ):
            block_end += 1
        closing = _closing(text, fields[block_end].end(), end, opened)
        stop = closing if closing is not None else end
        # （责任单位：市人社局、市民政 and the page ends: the copy was cut inside the last name
        cut = opened and closing is None and not text[stop:].strip()
        for position in range(index, block_end + 1):
            label = fields[position].group("kind") or fields[position].group("label")
            value_end = fields[position + 1].start() if position < block_end else stop
            value = text[fields[position].end() : value_end]
            if cut and position == block_end:
                value = re.sub(r"[^、，,；;\s]*\s*$", "", value)
            _add_departments(item, label, value, lead_seen)
        kept.append((cursor, block_start))
        item.department_spans.append((block_start, stop + (1 if closing is not None else 0)))
        cursor = stop + (1 if closing is not None and text[stop] == "）" else 0)
        index = block_end + 1
    kept.append((cursor, end))
    return [(s, e) for s, e in kept if e > s]


def _closing(text: str, start: int, end: int, opened: bool) -> int | None:
    """Where a block of department fields ends: its own closing bracket, a full stop or a line end.

    A bracket inside a name (开发区（国际商务区）) is not the block's end.
    """
    depth = 0
    for position in range(start, end):
        char = text[position]
        if char in "。\n" or NEXT_LABEL.match(text, position):
            return position
        if char == "（":
            depth += 1
        elif char == "）":
            if depth:
                depth -= 1
            elif opened and not text.endswith("牵头", 0, position):
                return position
    return None


def add_department(item: "Item", name: str, role: str) -> None:
    """Name a department of the item once; a lead named after the item has one co-operates."""
    if NOT_A_NAME.search(name) or any(known == name for known, _role in item.departments):
        return
    if role == "lead" and any(r == "lead" for _n, r in item.departments):
        role = "co"
    item.departments.append((name, role))


def _add_departments(item: "Item", label: str, value: str, lead_seen: bool) -> None:
    if "领导" in label:
        return
    names = split_names(value)
    marked = [name for name in names if LEAD_MARK.search(name)]
    for name in names:
        clean = LEAD_MARK.sub("", name)
        if marked:
            role = "lead" if name == marked[0] else "co"
        elif label in LEAD_KINDS or (label in RESPONSIBLE_KINDS and not lead_seen):
            role = "lead"
        else:
            role = "co"
        if clean:
            add_department(item, clean, role)


# a list of names in prose, closed by the role it gives them: 市发改委、教育厅等…牵头单位,
# 由市民政局牵头, 市住建局、市城管局负责; 等 may carry a short clause (等30件实事牵头单位)
PROSE_ROLE = re.compile(
    # the lookahead fails at once where no role can start; without it every position tries 等
    r"(?=[等为作是牵主责承配协])"
    r"(?:等[^。，；、“”\n]{0,40}?)?(?:为|作为|是)?"
    r"(?P<kind>牵头|主责|责任|承办|配合|协办)(?:单位|部门)?(?!领导)"
)
WHOLE_GOVERNMENT = re.compile(r"[省市区县州](?:人民)?政府")
# where such a list may start: a sentence or clause boundary, a quote, 由 or 会上
PROSE_START = re.compile(r"[。，；：“”\n]|由|会上")


def prose_departments(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """Departments a sentence names as responsible, with their role ("lead" or "co").

    Every name of the list must read as a department's (市民政局, 妇联, 自治区发改委), so that
    各牵头部门 or 群众牵头 give nothing."""
    found: list[tuple[str, str]] = []
    for role_match in PROSE_ROLE.finditer(text, start, end):
        # a list of names starts within 200 characters of its role (26 offices of a province)
        window = max(start, role_match.start() - 200)
        boundary = max(
            (m.end() for m in PROSE_START.finditer(text, window, role_match.start())),
            default=None if window > start else start,
        )
        if boundary is None:
            continue
        chain = text[boundary : role_match.start()]
        # 和 joins two names only before a place (市民政局和市财政局), not inside 人力资源和社会保障厅
        names = re.split(r"、|和(?=[市省区县])", chain)
        if not chain or not all(name and department_like(name) for name in names):
            continue
        if WHOLE_GOVERNMENT.fullmatch(chain):
            continue  # 市政府承办的…代表议案: the government itself at work, not an office of the list
        role = "lead" if role_match.group("kind") in LEAD_KINDS | RESPONSIBLE_KINDS else "co"
        found += [(name, role if index == 0 else "co") for index, name in enumerate(names)]
    return found
