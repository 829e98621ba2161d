"""Charts for the PDF, Word and HTML outputs, as PNG bytes drawn by matplotlib.

Chinese labels need a CJK font: WenQuanYi Micro Hei (installed at the system level) first,
then Noto CJK, then the Noto file of the pip package mplfonts; matplotlib's default would draw
empty boxes. The file is registered with matplotlib by path (`cjk_family`).
"""

import glob
import io
import shutil
import subprocess
from decimal import Decimal
from functools import cache
from pathlib import Path

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
# Where Debian's packages put these fonts, for a machine without fontconfig's fc-list.
CJK_FONT_GLOBS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK*.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK*.ttc",
    "/usr/share/fonts/**/*CJK*SC*.otf",
)
BAR = "#b3261e"  # the red of government reports
DONE = "#2e7d32"


def _fontconfig_files() -> list[str]:
    """Font files fontconfig says cover Chinese, in CJK_FAMILIES order; [] without fc-list."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        listing = subprocess.run(  # noqa: S603 (fixed arguments, no user input)
            [fc_list, ":lang=zh", "file", "family"],
            capture_output=True,
            check=True,
            text=True,
            timeout=20,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found: dict[str, str] = {}
    for line in listing.splitlines():
        path, _sep, families = line.partition(": ")
        for family in families.split(","):
            found.setdefault(family.strip(), path.strip())
    return [found[family] for family in CJK_FAMILIES if family in found]


def _packaged_files() -> list[str]:
    """The Noto CJK file shipped by the pip package mplfonts, where `make run` could not use apt."""
    try:
        import mplfonts
    except ImportError:
        return []
    folder = Path(mplfonts.__file__).parent / "fonts"
    return [str(path) for path in sorted(folder.glob("NotoSansCJK*.otf"))]


def cjk_font_file() -> str | None:
    """The path of an installed CJK font file, looked up now (not from matplotlib's cache)."""
    candidates = [
        *_fontconfig_files(),
        *(
            path
            for pattern in CJK_FONT_GLOBS
            for path in sorted(glob.glob(pattern, recursive=True))
        ),
        *_packaged_files(),
    ]
    return next((path for path in candidates if Path(path).is_file()), None)


@cache
def cjk_family() -> str | None:
    """Register the CJK font file with matplotlib and return its family name; None without one.

    matplotlib's font cache may have been built before the font was installed, so the file is
    added explicitly rather than looked up by family name.
    """
    path = cjk_font_file()
    if path is None:
        return None
    font_manager.fontManager.addfont(path)
    return str(font_manager.FontProperties(fname=path).get_name())


def _figure(height: float) -> tuple[plt.Figure, plt.Axes]:
    family = cjk_family()
    if family:
        # DejaVu Sans (matplotlib's own) draws what the CJK font lacks, such as "−".
        plt.rcParams["font.family"] = [family, "DejaVu Sans"]
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
