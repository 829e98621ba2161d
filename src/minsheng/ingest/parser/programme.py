"""Figures that count the list itself, not work it promises: its projects, sub-items and their share.

A progress report counts its own programme by pace (已完成…的项目25个，占比达62.5%); a plan counts
its parts (民生工程子项目134个). Both the plan reader (extract.py) and the report reader
(results.py) leave such figures out, by these same words.
"""

import re

# 30件40个重点民生实事项目, 20个子项, 9个指标, 10个事项: the list's own items after their count
PARTS_AFTER = re.compile(
    r"(?:省级|市级|区级|县级|年度|重点|省市)*"
    r"(?:(?:民生|民心|惠民|为民)(?:实事|工程|大事)|小项|分项|子项|大项|项目|实事|事项|大事|指标)"
)
# 民生工程子项目134个, 民生工程建设类项目131个, …以上的项目25个: the programme counted by its parts
PARTS_BEFORE = re.compile(
    # 已开工事项65件 is the list by stage; 新增一网通办事项200项 is new work
    r"(?:子项目|子项|小项|分项|(?:开工|完成|推进|实施)的?事项|(?:实事|民生)[\u4e00-\u9fff]{0,6}?项目|的(?:实事)?项目)\s*$"
    # 65件民生实事已完成26件: a part of the list just counted
    r"|\d\s*[件项个](?:重点)?(?:民生|为民|惠民)?(?:实事|事项|项目|工程)[^，。；\d]{0,6}$"
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
    if unit in {"个", "项", "件"}:
        return bool(PARTS_BEFORE.search(before))
    return unit == "%" and bool(
        SHARE_OF_PARTS_BEFORE.search(sentence_before) or PACE_BEFORE.search(sentence_before)
    )
