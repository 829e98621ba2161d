"""Ledger benchmark: how long the demo plan takes to load, read and export.

Runs on a throw-away SQLite database (or DATABASE_URL) and prints figures; no thresholds.
    .venv/bin/python benchmarks/ledger_benchmark.py
"""

import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("MINSHENG_DATA_DIR", tempfile.mkdtemp(prefix="minsheng-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minsheng.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from minsheng.plans.demo import DEMO_PLAN_PATH, load_demo_plan  # noqa: E402
from minsheng.plans.interchange import export_plan  # noqa: E402
from minsheng.plans.models import Plan  # noqa: E402
from minsheng.progress.selectors import plan_ledger  # noqa: E402


def timed(function, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    call_command("migrate", verbosity=0)
    Plan.objects.all().delete()
    data = json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8"))
    start = time.perf_counter()
    plan = load_demo_plan(data)
    print(
        f"import demo plan (15 projects, 49 indicators): {(time.perf_counter() - start) * 1000:.1f} ms"
    )
    with CaptureQueriesContext(connection) as queries:
        plan_ledger(plan)
    print(f"plan_ledger queries: {len(queries)}")
    for name, function in [
        ("plan_ledger", lambda: plan_ledger(plan)),
        ("export_plan", lambda: export_plan(plan)),
    ]:
        samples = timed(function, 50)
        print(
            f"{name}: median {statistics.median(samples):.2f} ms, "
            f"p95 {sorted(samples)[int(len(samples) * 0.95) - 1]:.2f} ms over {len(samples)} runs"
        )
    tracemalloc.start()
    export_plan(plan)
    _, peak = tracemalloc.get_traced_memory()
    print(f"export_plan peak memory: {peak / 1024:.0f} KiB")
    reset_queries()


if __name__ == "__main__":
    main()
