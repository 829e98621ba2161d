"""Figures that count the list itself, not work it promises: its projects, sub-items and their share.

A progress report counts its own programme by pace (已完成…的项目25个，占比达62.5%); a plan counts
its parts (民生工程子项目134个). Both the plan reader (extract.py) and the report reader
(results.py) leave such figures out, by these same words.
"""

import re

# 省级, 市定, 重点: which government's list, or which part of it
# (办好30件便民惠民实事: 便民 and 利民 qualify the list too)
QUALIFIER = r"(?:省级|市级|区级|县级|年度|重点|省市|省定|市定|县定|区定|具体|便民|利民)*"
# 民生实事, 民心工程, 民生大事, 事项: the list's own items
# 为民办实事项目, 为群众拟办实事项目, 重点民生项目: the same, named by whom they serve
LIST_NOUN = (
    r"(?:(?:民生|民心|惠民|为民)(?:实事|工程|大事|项目)|为(?:民|群众|人民)拟?办实事|实事|大事|事项)"
)
# 30件40个重点民生实事项目, 20个子项, 9个指标, 15件市定民生大事: the list's items after their count
PARTS_AFTER = re.compile(QUALIFIER + rf"(?:{LIST_NOUN}|小项|分项|子项|大项|项目|指标)")
# 民生工程子项目134个, 民生工程建设类项目131个, …以上的项目25个: the programme counted by its parts
PARTS_BEFORE = re.compile(
    # 已开工事项65件 is the list by stage; 新增一网通办事项200项 is new work
    # 计划实施重点民生项目共46个, 已开工项目45个: the programme's projects, by stage (新开工项目1个
    # is one more work begun)
    r"(?:子项目|子项|小项|分项|(?:开工|完成|推进|实施)的?事项|已(?:开工|完成|实施)的?项目"
    r"|(?:实事|民生)[\u4e00-\u9fff]{0,6}?项目"
    r"|的(?:实事)?项目)(?:共|共有|合计)?\s*$"
    # 65件民生实事已完成26件, 15件市定民生大事已完成3件: a part of the list just counted
    rf"|\d\s*[件项个]{QUALIFIER}(?:{LIST_NOUN}|项目|工程)[^，。；\d]{{0,6}}$"
    # 其余17件按进度推进中: the rest of the list
    r"|其余\s*$"
)
# 20件民生大事，已完成3件: the list just counted, by the stage its items reached
STAGE_OF_LIST_BEFORE = re.compile(
    rf"\d\s*[件项个]{QUALIFIER}{LIST_NOUN}[，,]?\s*(?:其中)?(?:已|均|共|全部)*(?:完成|开工|办结|推进)\s*$"
)
# 项目25个，占比达62.5%: the share of the programme those projects are
# 已开工事项65件（含政策类），开工率达100%: the pace of the programme those projects are
SHARE_OF_PARTS_BEFORE = re.compile(
    r"(?:项目|实事|事项|子项)[^。；\d]{0,6}?\d+\s*[个项件](?:[（(][^）)]{0,10}[）)])?\s*[，,]?\s*"
    r"(?:占(?:比|总数的|全部的)?|开工率|完工率|完成率)(?:达到|达|为)?\s*$"
)

# 达到时序进度（91.67%）以上的项目: the timetable's pace the projects are measured by
PACE_BEFORE = re.compile(r"(?:时序|序时|时间)进度\s*[（(]?\s*$")


# 30件40个重点民生实事项目: the list counted twice, in 件 and in the 个 of its projects
# 由21个部门（单位）具体组织实施, 共38家单位参与, 12个部门牵头: the offices that carry the list
# out, counted, not the work
OFFICES_AFTER = re.compile(r"(?:责任|牵头|成员|参与|相关|承办|职能)?(?:部门|单位)")
COUNTED_AGAIN_AFTER = re.compile(r"\s*[\d一二三四五六七八九十百]+\s*个")


def counts_the_programme(unit: str, before: str, sentence_before: str, after: str = "") -> bool:
    """A count of the list's own projects (before: its clause up to the figure; after: from
    the figure on) or their share (sentence_before: its sentence up to the figure)."""
    if (
        unit == "件"
        and (again := COUNTED_AGAIN_AFTER.match(after))
        and PARTS_AFTER.match(after, again.end())
    ):
        return True
    if OFFICES_AFTER.match(after):
        return True
    if unit in {"个", "项", "件"}:
        return bool(PARTS_BEFORE.search(before) or STAGE_OF_LIST_BEFORE.search(sentence_before))
    return unit == "%" and bool(
        SHARE_OF_PARTS_BEFORE.search(sentence_before) or PACE_BEFORE.search(sentence_before)
    )
