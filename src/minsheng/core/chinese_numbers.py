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


_MULTIPLIERS = (
    ("千万", Decimal(10_000_000)),
    ("百万", Decimal(1_000_000)),
    ("万", WAN),
    ("亿", YI),
)
# Full-width digits and signs as people type them with a Chinese input method.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．，－％", "0123456789.,-%")


def parse_chinese_number(text: str, unit: str = "") -> Decimal | None:
    """Read a figure as people write it in the unit shown: "3.5万" → 35000, "1,200" → 1200.

    A trailing unit equal to `unit` is allowed ("3.5万人" with unit 人); 万 and 亿 multiply
    exactly, so "1.23456万" is 12345.6, never rounded. Anything else (letters, two numbers,
    another unit) is None: the caller says the figure was not understood.
    """
    value = text.strip().translate(_HALF_WIDTH).replace(" ", "")
    if unit and unit != "%" and value.endswith(unit):
        value = value[: -len(unit)]
    elif unit == "%" and value.endswith("%"):
        value = value[:-1]
    multiplier = Decimal(1)
    for suffix, factor in _MULTIPLIERS:
        if value.endswith(suffix):
            multiplier, value = factor, value[: -len(suffix)]
            break
    if not value or not _plain_figure(value):
        return None
    return Decimal(value.replace(",", "")) * multiplier


def _plain_figure(value: str) -> bool:
    digits = value[1:] if value.startswith("-") else value
    whole, _dot, fraction = digits.partition(".")
    groups = whole.split(",")
    if not whole or not all(group.isdigit() for group in groups):
        return False
    if len(groups) > 1 and not all(len(group) == 3 for group in groups[1:]):
        return False
    return (fraction == "" and "." not in digits) or fraction.isdigit()
