"""Display helpers for warnings: computed values rounded for reading, never for counting."""

from decimal import ROUND_HALF_UP, Decimal

from django import template

from minsheng.core.templatetags.chinese_numbers import cn_number

register = template.Library()


@register.filter
def cn_approx(value: Decimal | None) -> str:
    """An expected value or gap for the eye: whole units from 100 up, else two decimals (17.4万)."""
    if value is None:
        return ""
    places = Decimal(1) if abs(value) >= 100 else Decimal("0.01")
    rounded = value.quantize(places, rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    else:
        rounded = rounded.normalize()  # 4.90 → 4.9; not whole, so never 1E+1
    return cn_number(rounded)
