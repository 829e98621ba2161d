"""Generation time per format for the Qingdao 2025 demo and a 100-project synthetic plan.

Run from the project root: PYTHONPATH=src .venv/bin/python benchmarks/report_benchmark.py
It uses a throw-away SQLite database in a temporary folder. The first run of each format
includes loading its library (WeasyPrint, python-docx, matplotlib and the fonts); the warm
figure is the best of the following runs. CPU seconds are printed beside wall-clock seconds:
on a shared, loaded machine they are the steadier figure.

References measured in the same run, since wall times on a loaded machine say little alone:
WeasyPrint writing a fixed one-paragraph Chinese page (warm; the floor of any PDF), and, in
fresh processes, `python -c pass` beside the whole `minsheng report … --format pdf --style
press` command on the demo (target: under 2 s wall).
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

DATA_DIR = tempfile.mkdtemp(prefix="minsheng-report-bench-")
os.environ["MINSHENG_DATA_DIR"] = DATA_DIR
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minsheng.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from minsheng.plans.demo import DEMO_PLAN_PATH, load_demo_plan  # noqa: E402
from minsheng.plans.interchange import import_plan  # noqa: E402
from minsheng.reports.document import Kind, Style  # noqa: E402
from minsheng.reports.generate import Format, generate  # noqa: E402

YEAR_END = date(2025, 12, 31)
WARM_RUNS = 3
UNITS = ["人", "个", "公里", "处", "户"]
DOMAINS = ["就业", "居住", "教育", "医疗", "养老", "环境", "交通出行", "公共安全"]


def synthetic_plan(projects: int = 100) -> dict:
    """A plan of `projects` items, four indicators and a milestone each, mostly exceeded."""
    data = json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8"))
    data["jurisdiction"] = {
        "name": "合成市",
        "slug": "synthetic",
        "code": "999900",
        "level": "city",
    }
    data["districts"] = []
    data["projects"] = []
    for number in range(1, projects + 1):
        indicators = []
        for order in range(4):
            target = 1000 * (order + 1) + number
            actual = target * (90 + (number * 7 + order * 13) % 60) // 100
            indicators.append(
                {
                    "name": f"合成指标{number}-{order + 1}",
                    "target": target,
                    "unit": UNITS[(number + order) % len(UNITS)],
                    "comparator": "gte",
                    "actual": actual,
                    "actual_as_of": "2025-12-31",
                }
            )
        data["projects"].append(
            {
                "number": number,
                "title": f"合成项目第{number}件",
                "domain": DOMAINS[number % len(DOMAINS)],
                "description": "",
                "departments": [{"name": f"市合成局{number % 17 + 1}", "role": "lead"}],
                "indicators": indicators,
                "milestones": [
                    {
                        "name": f"建成合成设施{number}",
                        "done": number % 9 != 0,
                        "done_date": "2025-12-31",
                    }
                ],
                "evidence": [{"caption": f"合成项目第{number}件现场。"}],
            }
        )
    return data


def time_format(
    plan, fmt: Format, style: Style, kind: Kind = Kind.YEAR_END
) -> tuple[float, float, float, int]:
    """(first wall s, best warm wall s, best warm CPU s, bytes)."""
    walls, cpus, size = [], [], 0
    for _run in range(1 + WARM_RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        output = generate(plan, kind=kind, fmt=fmt, style=style, as_of=YEAR_END)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        size = len(output.content)
    return walls[0], min(walls[1:]), min(cpus[1:]), size


SMALL_PAGE = (
    "<html lang='zh-Hans'><body style=\"font-family: 'Noto Serif CJK SC', 'WenQuanYi Micro Hei'\">"
    "<h1>年终捷报</h1><p>2025年，青岛市共实施15件市办实事，全部办妥。</p></body></html>"
)


def weasyprint_floor() -> tuple[float, float]:
    """(best wall s, best CPU s) of WeasyPrint writing SMALL_PAGE, after a first warm-up run."""
    from minsheng.reports.writers.pdf import _html_class

    html = _html_class()
    walls, cpus = [], []
    for _run in range(1 + WARM_RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        html(string=SMALL_PAGE).write_pdf()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls[1:]), min(cpus[1:])


def fresh_processes(runs: int = 3) -> tuple[float, float]:
    """Median wall s of `python -c pass` and of the press PDF command, in fresh processes."""
    env = {**os.environ, "MINSHENG_DATA_DIR": DATA_DIR}
    minsheng = str(Path(sys.executable).with_name("minsheng"))
    press = [minsheng, "report", "--jurisdiction", "qingdao", "--year", "2025",
             "--format", "pdf", "--style", "press", "-o", str(Path(DATA_DIR) / "press.pdf")]  # fmt: skip
    empty, command = [], []
    for _run in range(runs):
        for code, times in (([sys.executable, "-c", "pass"], empty), (press, command)):
            start = time.perf_counter()
            subprocess.run(code, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(empty), statistics.median(command)


def main() -> None:
    call_command("migrate", verbosity=0)
    demo = load_demo_plan(json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8")))
    synthetic = import_plan(synthetic_plan(100))
    print(f"report benchmark (SQLite in {DATA_DIR}; warm = best of {WARM_RUNS})")
    floor_wall, floor_cpu = weasyprint_floor()
    empty, command = fresh_processes()
    print(
        f"reference: WeasyPrint, one-paragraph page  {floor_wall:.3f} s wall, {floor_cpu:.3f} s cpu"
    )
    print(f"reference: python -c pass (fresh process)  {empty:.3f} s")
    print(f"minsheng report … --format pdf --style press (fresh process, demo)  {command:.3f} s"
          "   target < 2 s")  # fmt: skip
    print(
        f"{'plan':<16}{'kind':<10}{'style':<10}{'format':<8}"
        f"{'first s':>9}{'warm s':>9}{'cpu s':>8}{'bytes':>10}"
    )
    for name, plan in (("demo (15)", demo), ("synthetic (100)", synthetic)):
        for style in (Style.PRESS, Style.OFFICIAL):
            for fmt in (Format.MARKDOWN, Format.HTML, Format.DOCX, Format.PDF):
                first, warm, cpu, size = time_format(plan, fmt, style)
                print(
                    f"{name:<16}{'year_end':<10}{style:<10}{fmt:<8}{first:>9.3f}{warm:>9.3f}{cpu:>8.3f}{size:>10}"
                )
        first, warm, cpu, size = time_format(plan, Format.PDF, Style.OFFICIAL, Kind.BULLETIN)
        print(
            f"{name:<16}{'bulletin':<10}{'official':<10}{'pdf':<8}{first:>9.3f}{warm:>9.3f}{cpu:>8.3f}{size:>10}"
        )


if __name__ == "__main__":
    main()
