"""A large ledger upload and a clerk's saves at once, on a real SQLite file (not a test).

Run by test_ledger_lock.py in a child process with its own data directory: pytest-django's
SQLite test database lives in shared-cache memory, whose table locks neither wait for the
busy timeout nor behave like the WAL file the site runs on. Here two connections (the
upload in a thread, the clerk in the main thread through the site) meet on the file's real
write lock. Prints the outcome as JSON.
"""

import json
import os
import sys
import threading
from decimal import Decimal

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from minsheng.accounts.models import Role  # noqa: E402
from minsheng.progress import ledger  # noqa: E402
from minsheng.progress.models import ProgressReport  # noqa: E402
from minsheng.testing import (  # noqa: E402
    filled_ledger,
    make_department,
    make_indicator,
    make_plan,
    make_project,
    make_user,
)

ROWS = int(os.environ.get("LEDGER_ROWS", "300"))


def upload_in_thread(reporter, plan, data, outcome):
    def run():
        try:
            outcome["saved"] = len(ledger.import_ledger(actor=reporter, plan=plan, upload=data))
        except ledger.LedgerError as error:
            outcome["refused"] = error.messages[:3]
        except Exception as error:  # reported to the test, which fails on it
            outcome["error"] = repr(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def save_draft(client, plan, subject, narrative) -> int:
    url = reverse("progress:new", args=["indicator", subject.pk])
    answer = client.post(
        url, {"as_of": plan.start.isoformat(), "value": "7", "narrative": narrative}
    )
    return answer.status_code


def main() -> None:
    call_command("migrate", verbosity=0)
    plan = make_plan()
    department = make_department(plan.jurisdiction, name="市人力资源社会保障局")
    project = make_project(plan, lead=department)
    reporter = make_user(Role.DEPARTMENT_REPORTER, department=department)

    def indicators(prefix: str, count: int):
        return [
            make_indicator(project, name=f"{prefix}{n}", target=Decimal(1000), unit="人")
            for n in range(count)
        ]

    ledger_items, clerk_items, second_ledger = (
        indicators("指标", ROWS),
        indicators("另报", 60),
        indicators("二", ROWS),
    )
    first, second = filled_ledger(plan, ledger_items), filled_ledger(plan, second_ledger)
    clerk = Client()
    clerk.force_login(reporter)
    result: dict = {}

    # 1. The clerk saves other items for as long as the upload runs.
    outcome: dict = {}
    upload = upload_in_thread(reporter, plan, first, outcome)
    answers = []
    for item in clerk_items:
        answers.append(save_draft(clerk, plan, item, "办事员的进展"))
        if not upload.is_alive():
            break
    upload.join()
    kept = ProgressReport.objects.filter(narrative="办事员的进展").count()
    result["beside"] = {"answers": answers, "kept": kept, "upload": outcome}

    # 2. The clerk saves an item of the ledger while it is being uploaded.
    outcome = {}
    upload = upload_in_thread(reporter, plan, second, outcome)
    answer = save_draft(clerk, plan, second_ledger[-1], "办事员先保存")
    upload.join()
    result["same_item"] = {
        "answer": answer,
        "upload": outcome,
        "reports": ProgressReport.objects.filter(indicator__in=second_ledger).count(),
        "narrative": ProgressReport.objects.filter(indicator=second_ledger[-1])
        .values_list("narrative", flat=True)
        .first(),
    }
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
