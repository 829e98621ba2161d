"""The reports' bar charts: what they show (scale, colours) and how HTML and PDF draw them.

HTML and PDF draw a chart as SVG written here: vector, sharp at any print size, its Chinese
labels set by WeasyPrint (or the browser) in the page's own CJK fonts, and free of matplotlib,
which took most of a PDF's time to import and lay out. Word cannot show SVG: its PNG is drawn by
matplotlib from the same scale and colours (`chart_png`).
"""

from xml.sax.saxutils import escape

from minsheng.reports.document import Chart

BAR = "#b3261e"  # the red of government reports
DONE = "#2e7d32"
TARGET_LINE = "#555555"
FONTS = "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Source Han Sans SC', sans-serif"
WIDTH = 700
ROW = 20  # px a bar's row, as matplotlib's 0.2 inch at 100 dpi
TOP = 34  # the title's band
BOTTOM = 34  # the axis, its ticks and the "%" label


def colour(percent: float) -> str:
    """Green once the target is reached, red below it."""
    return DONE if percent >= 100 else BAR


def axis_limit(percents: list[float]) -> float:
    """The x axis runs to 100 % or the largest bar, with room for the bar's label."""
    return max([100.0, *percents]) * 1.12


def ticks(limit: float) -> list[int]:
    step = 20 if limit <= 140 else 50 if limit <= 350 else 100
    return list(range(0, int(limit) + 1, step))


def _text_width(text: str, size: float) -> float:
    """An estimate of a label's width: CJK characters are square, others about half as wide."""
    return sum(size if ord(char) > 0x2E7F else size * 0.6 for char in text)


def svg(chart: Chart) -> str:
    """The chart as a standalone SVG document: one horizontal bar a row, first row on top."""
    percents = [float(value) for _label, value in chart.bars]
    labels = [label for label, _value in chart.bars]
    label_size = 8 if len(labels) > 30 else 9
    left = 12 + max([_text_width(label, label_size) for label in labels] or [0.0])
    right = 16.0
    height = TOP + BOTTOM + ROW * max(len(labels), 1)
    limit = axis_limit(percents)
    span = WIDTH - left - right

    def x(percent: float) -> float:
        return left + span * max(percent, 0.0) / limit

    bottom = height - BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="{FONTS}">',
        f'<text x="{WIDTH / 2:.1f}" y="20" font-size="11" text-anchor="middle">'
        f"{escape(chart.title)}</text>",
    ]
    for index, (label, percent) in enumerate(zip(labels, percents, strict=True)):
        middle = TOP + ROW * index + ROW / 2
        parts.append(
            f'<rect x="{left:.1f}" y="{middle - ROW * 0.3:.1f}" width="{x(percent) - left:.1f}" '
            f'height="{ROW * 0.6:.1f}" fill="{colour(percent)}"/>'
            f'<text x="{left - 6:.1f}" y="{middle + label_size * 0.35:.1f}" '
            f'font-size="{label_size}" text-anchor="end">{escape(label)}</text>'
        )
        if len(labels) <= 40:
            parts.append(
                f'<text x="{x(percent) + 3:.1f}" y="{middle + 2.5:.1f}" font-size="7">'
                f"{percent:g}%</text>"
            )
    parts.append(
        f'<line x1="{left:.1f}" y1="{bottom}" x2="{WIDTH - right:.1f}" y2="{bottom}" '
        'stroke="#000" stroke-width="0.8"/>'
        f'<line x1="{left:.1f}" y1="{TOP - 4}" x2="{left:.1f}" y2="{bottom}" '
        'stroke="#000" stroke-width="0.8"/>'
        f'<line x1="{x(100):.1f}" y1="{TOP - 4}" x2="{x(100):.1f}" y2="{bottom}" '
        f'stroke="{TARGET_LINE}" stroke-width="0.8" stroke-dasharray="4 3"/>'
    )
    for tick in ticks(limit):
        parts.append(
            f'<line x1="{x(tick):.1f}" y1="{bottom}" x2="{x(tick):.1f}" y2="{bottom + 4}" '
            'stroke="#000" stroke-width="0.8"/>'
            f'<text x="{x(tick):.1f}" y="{bottom + 14}" font-size="8" text-anchor="middle">'
            f"{tick}</text>"
        )
    parts.append(
        f'<text x="{left + span / 2:.1f}" y="{bottom + 28}" font-size="9" '
        'text-anchor="middle">%</text></svg>'
    )
    return "".join(parts)
