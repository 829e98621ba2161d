"""Ledger upload benchmark: how long a large upload holds the database's write lock.

Issue 13 point 3: on SQLite the write lock is taken at BEGIN IMMEDIATE and held until
COMMIT, and a clerk's save waits at most the busy timeout for it. The upload reads and
checks the whole file with no transaction open, then writes every row in one short
transaction (`progress.drafts.drafts_save`: a few bulk queries). Prints, measured in the
same run: the whole upload, the time inside its write transaction, and as the reference a
single draft saved through the ordinary service (one clerk's save), with the busy timeout.
    .venv/bin/python benchmarks/ledger_upload_lock_benchmark.py [ROWS]
"""

import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("MINSHENG_DATA_DIR", tempfile.mkdtemp(prefix="minsheng-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minsheng.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from minsheng.accounts.models import Role  # noqa: E402
from minsheng.progress import drafts, ledger, selectors, services  # noqa: E402
from minsheng.testing import (  # noqa: E402
    filled_ledger,
    make_department,
    make_indicator,
    make_plan,
    make_project,
    make_user,
)


def main(rows: int) -> None:
    call_command("migrate", verbosity=0)
    plan = make_plan()
    department = make_department(plan.jurisdiction, name="市人力资源社会保障局")
    project = make_project(plan, lead=department)
    for number in range(rows):
        make_indicator(project, name=f"指标{number}", target=Decimal(1000), unit="人")
    reporter = make_user(Role.DEPARTMENT_REPORTER, department=department)
    subjects = selectors.reportable_subjects(reporter, plan)
    data = filled_ledger(plan, subjects)

    inside = []
    save = drafts.drafts_save

    def timed_save(*args, **kwargs):
        start = time.perf_counter()
        try:
            return save(*args, **kwargs)
        finally:
            inside.append(time.perf_counter() - start)

    drafts.drafts_save = timed_save
    data.seek(0)
    start = time.perf_counter()
    saved = ledger.import_ledger(actor=reporter, plan=plan, upload=data)
    total = time.perf_counter() - start
    # The reference: one draft saved through the ordinary service, in its own transaction.
    extra = make_indicator(project, name="参照指标", target=Decimal(1000), unit="人")
    start = time.perf_counter()
    services.progress_report_create(
        actor=reporter, subject=extra, as_of=plan.start, value=Decimal(5)
    )
    single = time.perf_counter() - start
    busy = settings.DATABASES["default"].get("OPTIONS", {}).get("init_command", "")
    timeout = busy.split("busy_timeout=")[1].split(";")[0] if "busy_timeout=" in busy else "?"
    print(f"rows saved: {len(saved)}")
    print(f"whole upload (read, check, write):        {total:7.3f} s")
    print(f"write lock held (the write transaction):  {inside[0]:7.3f} s")
    print(f"one draft saved by a clerk (reference):   {single:7.3f} s")
    print(f"SQLite busy timeout:                      {timeout} ms")
    print(
        f"lock held for {inside[0] / total:.0%} of the upload, {inside[0] / single:.1f}× one draft save"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
