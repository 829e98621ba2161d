"""Charts for the PDF, Word and HTML outputs, as PNG bytes drawn by matplotlib.

Chinese labels need a CJK font: WenQuanYi Micro Hei (installed at the system level) first,
then Noto CJK; matplotlib's default would draw empty boxes.
"""

import io
from decimal import Decimal
from functools import cache

import matplotlib

matplotlib.use("Agg")  # no display: charts are files

from matplotlib import font_manager
from matplotlib import pyplot as plt

CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
)
BAR = "#b3261e"  # the red of government reports
DONE = "#2e7d32"


@cache
def cjk_family() -> str | None:
    """The first installed CJK font family, or None when there is none."""
    for family in CJK_FAMILIES:
        try:
            font_manager.findfont(
                font_manager.FontProperties(family=family), fallback_to_default=False
            )
        except ValueError:
            continue
        return family
    return None


def _figure(height: float) -> tuple[plt.Figure, plt.Axes]:
    family = cjk_family()
    if family:
        plt.rcParams["font.family"] = [family]
    plt.rcParams["axes.unicode_minus"] = False
    return plt.subplots(figsize=(7.0, height), dpi=110)


def _png(figure: plt.Figure) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()


def horizontal_bars(title: str, bars: list[tuple[str, Decimal]]) -> bytes:
    """A horizontal bar chart of percents (0–100+), one bar a row, first row at the top."""
    height = min(max(1.6, 0.2 * len(bars) + 1.0), 12.0)
    figure, axes = _figure(height)
    labels = [label for label, _value in bars][::-1]
    values = [float(value) for _label, value in bars][::-1]
    colours = [DONE if value >= 100 else BAR for value in values]
    axes.barh(range(len(values)), values, color=colours, height=0.6)
    axes.set_yticks(range(len(values)))
    axes.set_yticklabels(labels, fontsize=8 if len(bars) > 30 else 9)
    axes.set_xlim(0, max([100.0, *values]) * 1.12)
    axes.axvline(100, color="#555555", linewidth=0.8, linestyle="--")
    axes.set_xlabel("%")
    axes.set_title(title, fontsize=11)
    if len(bars) <= 40:
        for index, value in enumerate(values):
            axes.text(value + 1, index, f"{value:g}%", va="center", fontsize=7)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return _png(figure)
