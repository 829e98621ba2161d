"""A chart as PNG bytes drawn by matplotlib, for Word (which shows no SVG); see charts.py.

Chinese labels need a CJK font: WenQuanYi Micro Hei (installed at the system level) first,
then Noto CJK, then the Noto file of the pip package mplfonts; matplotlib's default would draw
empty boxes. The file is registered with matplotlib by path (`cjk_family`). The figure is built
without pyplot (no global state, a second less to import).
"""

import glob
import io
import shutil
import subprocess
from functools import cache
from pathlib import Path

from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from minsheng.reports.charts import TARGET_LINE, axis_limit, colour
from minsheng.reports.document import Chart

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


def png(chart: Chart) -> bytes:
    """The chart as PNG bytes: one horizontal bar a row, first row at the top."""
    family = cjk_family()
    # DejaVu Sans (matplotlib's own) draws what the CJK font lacks, such as "−".
    fonts = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    with rc_context({"font.family": fonts}):  # text finds its font when drawn: savefig stays inside
        return _draw(chart)


def _draw(chart: Chart) -> bytes:
    bars = chart.bars
    height = min(max(1.6, 0.2 * len(bars) + 1.0), 12.0)
    figure = Figure(figsize=(7.0, height), dpi=110)
    FigureCanvasAgg(figure)
    axes = figure.subplots()
    labels = [label for label, _value in bars][::-1]
    values = [float(value) for _label, value in bars][::-1]
    axes.barh(range(len(values)), values, color=[colour(v) for v in values], height=0.6)
    axes.set_yticks(range(len(values)))
    axes.set_yticklabels(labels, fontsize=8 if len(bars) > 30 else 9)
    axes.set_xlim(0, axis_limit(values))
    axes.axvline(100, color=TARGET_LINE, linewidth=0.8, linestyle="--")
    axes.set_xlabel("%")
    axes.set_title(chart.title, fontsize=11)
    if len(bars) <= 40:
        for index, value in enumerate(values):
            axes.text(value + 1, index, f"{value:g}%", va="center", fontsize=7)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
