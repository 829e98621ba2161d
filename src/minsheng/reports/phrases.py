"""How a report says a figure: "扶持创业3.84万人，占年计划的128%", "起付标准降至800元".

Pure functions, no database. The report is a Chinese-language government document whatever
the reader's interface language, so its sentences are written here in Chinese; the numbers
come formatted by core.chinese_numbers and percents are recomputed by plans.completion.
"""

from datetime import date
from decimal import Decimal

from minsheng.core.chinese_numbers import format_percent, format_quantity
from minsheng.plans.choices import Comparator, Status

CHINESE_QUARTERS = {1: "一", 2: "二", 3: "三", 4: "四"}


def chinese_date(day: date) -> str:
    """2025-12-31 → "2025年12月31日"."""
    return f"{day.year}年{day.month}月{day.day}日"


def shows_percent(comparator: str, unit: str) -> bool:
    """Whether "占年计划的N%" adds information to an indicator's sentence.

    It does for counted promises (人、个、公里…). It does not for a "≤" standard ("降至800元":
    the new standard is the news, and a met one is always 100 %), nor for a rate measured in
    percent ("签约率达到90.97%": a percent of a percent only confuses), nor for a standard in
    yuan ("补助标准每人每年增加30元"). Sums in 万元 are counted money and keep it.
    """
    return comparator != Comparator.AT_MOST and unit not in {"%", "元"}


def indicator_sentence(
    *,
    name: str,
    unit: str,
    comparator: str,
    target: Decimal,
    actual: Decimal | None,
    percent: Decimal | None,
    status: str,
) -> str:
    """One indicator's clause of a 完成情况 paragraph, honest when the promise is not kept."""
    if actual is None:
        return f"{name}暂无经审核的完成数据"
    value = format_quantity(actual, unit)
    goal = format_quantity(target, unit)
    if comparator == Comparator.AT_MOST:
        if actual <= target:
            return f"{name}降至{value}"
        return f"{name}为{value}，尚未降至{goal}"
    if unit == "%":
        if status in (Status.COMPLETED, Status.EXCEEDED, Status.COMPLETED_EARLY):
            return f"{name}达到{value}"
        return f"{name}为{value}，年度目标{goal}{_pending(status)}"
    text = f"{_spaced(name)}{value}"
    if percent is not None and shows_percent(comparator, unit):
        text += f"，占年计划的{format_percent(percent)}"
    if status not in (Status.COMPLETED, Status.EXCEEDED, Status.COMPLETED_EARLY):
        text += f"，年度目标{goal}{_pending(status)}"
    return text


def _spaced(name: str) -> str:
    """ "增配AED" + "300台" reads as a model name "AED300"; a space keeps the number apart."""
    return name + " " if name and name[-1].isascii() and name[-1].isalnum() else name


def promise_sentence(*, name: str, unit: str, comparator: str, target: Decimal) -> str:
    """An indicator's promise as a plan states it: "新增公共停车位1万个以上", "起付标准降至800元"."""
    goal = format_quantity(target, unit)
    if comparator == Comparator.AT_MOST:
        return f"{name}降至{goal}"
    if comparator == Comparator.AT_LEAST:
        return f"{_spaced(name)}{goal}以上"
    return f"{_spaced(name)}{goal}"


def _pending(status: str) -> str:
    if status == Status.LAGGING:
        return "，进度滞后"
    if status == Status.ON_TRACK:
        return "，正按计划推进"
    return "，尚未开始"


def milestone_sentence(*, name: str, done: bool, early: bool, status: str) -> str:
    """A milestone as a statement: done ones read as done ("建成浮山全民健身中心")."""
    if done:
        return f"{name}，提前完成" if early else name
    if status == Status.LAGGING:
        return f"{name}，尚未完成，进度滞后"
    if status == Status.ON_TRACK:
        return f"{name}，正按计划推进"
    return f"{name}，尚未开始"


def completion_paragraph(clauses: list[str], narrative: str = "") -> str:
    """ "完成情况：a；b；c。narrative" — clauses joined as the seed joins them."""
    body = "；".join(clause.rstrip("。；，") for clause in clauses if clause)
    text = f"{body}。" if body else "暂无经审核的完成数据。"
    if narrative:
        text += narrative.strip()
    return text


def plan_label(title: str, year: int) -> str:
    """ "2025年市办实事" → "市办实事": how the list names its items in sentences."""
    label = title.removeprefix(f"{year}年").strip()
    return label or "民生实事"


def enumerate_chinese(items: list[str]) -> str:
    """["就业", "居住", "教育"] → "就业、居住、教育"."""
    return "、".join(items)
