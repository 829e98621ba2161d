"""Small helpers for the portal's templates."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.html import format_html

from minsheng.plans.completion import HUNDRED

register = template.Library()


@register.filter
def bar_width(percent: Decimal | None) -> str:
    """A progress bar's width in percent: 0 with no figure, at most 100, never localised.
    Past 100 the bar is full and `bar_over` marks it: the figure beside it says how far."""
    if percent is None:
        return "0"
    return format(max(Decimal(0), min(percent, HUNDRED)), "f")


@register.filter
def bar_step(percent: Decimal | None) -> int:
    """`bar_width` in whole percent (0–100), the bar's class (w0…w100 in portal.css): a
    stylesheet, not an inline style, draws it, since the CSP allows no inline style."""
    return int(Decimal(bar_width(percent)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@register.filter
def bar_over(percent: Decimal | None) -> bool:
    """Whether a bar stands past its target (a project at 200 %)."""
    return percent is not None and percent > HUNDRED


@register.filter
def bar_value(percent: Decimal | None) -> str:
    """The bar's value for assistive technology: the real percent, uncapped, never localised."""
    return "0" if percent is None else format(max(Decimal(0), percent), "f")


@register.filter
def bar_max(percent: Decimal | None) -> str:
    """The bar's scale: 100, or the percent itself when it goes beyond."""
    return format(max(HUNDRED, percent or HUNDRED), "f")


@register.filter
def domain_initial(name: str) -> str:
    """The first character of a domain (就业 → 就), shown as its icon."""
    return name[:1]


@register.filter
def web_link(url: str) -> str:
    """The URL if it is an http(s) address, else "" (a stored javascript: link never becomes one)."""
    return url if url.lower().startswith(("https://", "http://")) else ""


@register.filter
def zh(value: object) -> str:
    """Plan data is written in Chinese: mark it so on English pages too (WCAG 3.1.2)."""
    return format_html('<span lang="zh-Hans">{}</span>', value)
