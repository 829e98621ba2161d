"""Chinese number formatting as government reports print it: 38400 → "3.84万".

Pure functions, no Django. Values are exact: nothing is rounded away, so
12345.6 prints as "1.23456万", never as a rounded "1.23万".
"""

from decimal import Decimal

WAN = Decimal(10_000)
YI = Decimal(100_000_000)


def plain_decimal(value: Decimal) -> str:
    """Return a Decimal without exponent or trailing zeros: 778.550 → "778.55", 8148 → "8148"."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def format_chinese_number(value: Decimal | int | float | None) -> str:
    """Format a count as reports do: 350000 → "35万", 9640000000 → "96.4亿", 8148 → "8148"."""
    if value is None:
        return "—"
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    magnitude = abs(number)
    if magnitude >= YI:
        return plain_decimal(number / YI) + "亿"
    if magnitude >= WAN:
        return plain_decimal(number / WAN) + "万"
    return plain_decimal(number)


def format_percent(value: Decimal | None) -> str:
    """Format a percent of plan as the report prints it: 128.0 → "128%", 104.8 → "104.8%"."""
    if value is None:
        return "—"
    return plain_decimal(value) + "%"


def format_quantity(value: Decimal | None, unit: str) -> str:
    """A value with its unit: (13400, "个") → "1.34万个"; percentages are never scaled by 万."""
    if value is None:
        return "—"
    if unit == "%":
        return format_percent(value)
    return format_chinese_number(value) + unit
