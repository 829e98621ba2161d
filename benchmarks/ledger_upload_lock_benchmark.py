"""Ledger upload benchmark: how long a large upload holds the database's write lock.

Issue 13 point 3: the upload used to run entirely inside one write transaction (on SQLite
the write lock is taken at BEGIN IMMEDIATE), so reading and checking the file also held it.
Now the file is read and checked first, and only the writing holds the lock. Prints the
whole upload's time (the lock time before the change, the reference) beside the time spent
inside the write transaction, on a throw-away SQLite database (or DATABASE_URL).
    .venv/bin/python benchmarks/ledger_upload_lock_benchmark.py [ROWS]
"""

import io
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

from django.core.management import call_command  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from minsheng.accounts.models import Role  # noqa: E402
from minsheng.progress import ledger, selectors  # noqa: E402
from minsheng.progress.models import ReportingPeriod  # noqa: E402
from minsheng.testing import (  # noqa: E402
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
    period = ReportingPeriod(
        plan=plan, starts_on=plan.start, ends_on=plan.start, deadline=plan.start
    )
    workbook = load_workbook(
        io.BytesIO(ledger.build_ledger(plan, subjects, title="bench", period=period))
    )
    sheet = workbook.active
    for row in range(ledger.FIRST_ROW, ledger.FIRST_ROW + len(subjects)):
        sheet.cell(row=row, column=ledger.VALUE).value = 10
        sheet.cell(row=row, column=ledger.AS_OF).value = plan.start
    data = io.BytesIO()
    workbook.save(data)

    inside = []
    save_rows = ledger._save_rows

    def timed_save_rows(*args, **kwargs):
        start = time.perf_counter()
        try:
            return save_rows(*args, **kwargs)
        finally:
            inside.append(time.perf_counter() - start)

    ledger._save_rows = timed_save_rows
    data.seek(0)
    start = time.perf_counter()
    saved = ledger.import_ledger(actor=reporter, plan=plan, upload=data)
    total = time.perf_counter() - start
    print(f"rows saved: {len(saved)}")
    print(f"whole upload (the write-lock time before this change): {total:.2f} s")
    print(f"inside the write transaction now:                      {inside[0]:.2f} s")
    print(f"write lock held for {inside[0] / total:.0%} of the upload")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
