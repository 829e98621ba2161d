"""Start-up: a worker's `django.setup()` and the demo's press PDF from the command, in fresh
processes, beside `python -c pass` and `import django` measured in the same run (the machine's
own speed). Also lists the heavy libraries that `django.setup()` imported (there should be none).

    python benchmarks/startup_benchmark.py [--runs 5]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from minsheng.core.startup import HEAVY_LIBRARIES

ROOT = Path(__file__).resolve().parent.parent
# A web worker's first request also loads the URLconf, and with it every view module.
FIRST_REQUEST = (
    "import time; t = time.perf_counter(); import django; django.setup(); "
    "from django.urls import get_resolver; get_resolver().url_patterns; "
    "print(time.perf_counter() - t)"
)
SETUP = (
    "import time, sys; t = time.perf_counter(); import django; django.setup(); "
    "print(time.perf_counter() - t); "
    f"print(','.join(m for m in {HEAVY_LIBRARIES!r} if m in sys.modules))"
)


def run(code: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(code, env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="minsheng-startup-")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "minsheng.settings",
        "MINSHENG_DATA_DIR": data,
    }
    python = sys.executable
    minsheng = str(Path(python).with_name("minsheng"))
    run([minsheng, "migrate", "--verbosity", "0"], env)
    run([minsheng, "load_demo", "--if-empty", "--verbosity", "0"], env)
    pdf = str(Path(data) / "press.pdf")
    press = [
        minsheng, "report", "--jurisdiction", "qingdao", "--year", "2025",
        "--format", "pdf", "--style", "press", "-o", pdf,
    ]  # fmt: skip
    empty, django_import, setup_wall, setup_inside, pdf_wall = [], [], [], [], []
    first_request = []
    heavy = ""
    for _ in range(args.runs):
        empty.append(run([python, "-c", "pass"], env)[0])
        django_import.append(run([python, "-c", "import django.db.models"], env)[0])
        wall, out = run([python, "-c", SETUP], env)
        setup_wall.append(wall)
        inside, heavy = [*out.splitlines(), ""][:2]
        setup_inside.append(float(inside))
        pdf_wall.append(run(press, env)[0])
        first_request.append(float(run([python, "-c", FIRST_REQUEST], env)[1]))

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.0f} ms"

    print(f"median of {args.runs} fresh processes")
    print(f"python -c pass (reference)             {ms(empty)}")
    print(f"import django.db.models (reference)    {ms(django_import)}")
    print(f"django.setup() inside the process      {ms(setup_inside)}   target < 1500 ms")
    print(f"python + django.setup() wall            {ms(setup_wall)}")
    print(f"django.setup() + URLconf (first request) {ms(first_request)}")
    print(f"minsheng report … --format pdf (press) {ms(pdf_wall)}   target < 2000 ms")
    print(f"heavy libraries imported by setup: {heavy or 'none'}")


if __name__ == "__main__":
    main()
