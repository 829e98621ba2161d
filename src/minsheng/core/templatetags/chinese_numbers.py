"""Template filters for numbers, loaded as builtins in every template."""

from decimal import Decimal

from django import template

from minsheng.core import chinese_numbers

register = template.Library()


@register.filter
def cn_number(value: Decimal | None) -> str:
    return chinese_numbers.format_chinese_number(value)


@register.filter
def cn_percent(value: Decimal | None) -> str:
    return chinese_numbers.format_percent(value)


@register.filter
def cn_quantity(value: Decimal | None, unit: str) -> str:
    return chinese_numbers.format_quantity(value, unit)
