"""Cockpit latency: the Qingdao demo plan and a synthetic plan of 100 projects × 10 indicators ×
10 districts × 12 monthly reports (120,000 approved reports), on a fresh SQLite database
(or DATABASE_URL). Prints the median of several renders of the whole page and of the
selector alone, with the number of SQL queries.

    PYTHONPATH=src python benchmarks/cockpit_benchmark.py [--runs 5]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minsheng.settings")
os.environ.setdefault("MINSHENG_DATA_DIR", tempfile.mkdtemp(prefix="minsheng-bench-"))

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from minsheng.accounts.models import Role, User  # noqa: E402
from minsheng.plans.choices import DepartmentRole, JurisdictionLevel, PlanState  # noqa: E402
from minsheng.plans.models import (  # noqa: E402
    Allocation,
    Department,
    Domain,
    Indicator,
    Jurisdiction,
    Plan,
    Project,
    ProjectDepartment,
    SchedulePoint,
)
from minsheng.progress import ledger_store  # noqa: E402
from minsheng.progress.models import ProgressReport, ReportState  # noqa: E402
from minsheng.supervision.selectors import cockpit  # noqa: E402

AS_OF = date(2025, 7, 1)
MONTH_ENDS = [
    date(2025, m, d)
    for m, d in [
        (1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30),
        (7, 31), (8, 31), (9, 30), (10, 31), (11, 30), (12, 31),
    ]
]  # fmt: skip


def synthetic_plan(projects: int = 100, indicators: int = 10, districts: int = 10) -> Plan:
    """The synthetic plan, built once: a PostgreSQL database keeps it between runs."""
    existing = Plan.objects.filter(jurisdiction__slug="bench", year=2025).first()
    if existing is not None:
        return existing
    city = Jurisdiction.objects.create(name="基准市", slug="bench", level=JurisdictionLevel.CITY)
    places = [
        Jurisdiction.objects.create(
            name=f"基准区{n}", slug=f"bench-{n}", level=JurisdictionLevel.DISTRICT, parent=city
        )
        for n in range(districts)
    ]
    departments = [Department.objects.create(jurisdiction=city, name=f"市局{n}") for n in range(20)]
    domains = list(Domain.objects.all())
    plan = Plan.objects.create(
        jurisdiction=city, year=2025, title="基准清单", state=PlanState.IN_PROGRESS
    )
    made = Project.objects.bulk_create(
        Project(plan=plan, number=n + 1, title=f"项目{n + 1}", domain=domains[n % len(domains)])
        for n in range(projects)
    )
    ProjectDepartment.objects.bulk_create(
        ProjectDepartment(
            project=p, department=departments[i % 20], role=DepartmentRole.LEAD, order=0
        )
        for i, p in enumerate(made)
    )
    made_indicators = Indicator.objects.bulk_create(
        Indicator(project=p, order=k, name=f"指标{p.number}-{k}", target=Decimal(1200), unit="个")
        for p in made
        for k in range(indicators)
    )
    SchedulePoint.objects.bulk_create(
        SchedulePoint(indicator=i, date=day, cumulative_percent=Decimal(percent))
        for n, i in enumerate(made_indicators)
        if n % 2 == 0
        for day, percent in [(MONTH_ENDS[2], 20), (MONTH_ENDS[5], 50), (MONTH_ENDS[8], 80)]
    )
    allocations = Allocation.objects.bulk_create(
        Allocation(indicator=i, jurisdiction=place, target=Decimal(120))
        for i in made_indicators
        for place in places
    )
    reports = (
        ProgressReport(
            indicator_id=a.indicator_id,
            allocation=a,
            as_of=day,
            value=Decimal(min(120, (month + 1) * (6 + n % 7))),
            state=ReportState.APPROVED,
        )
        for n, a in enumerate(allocations)
        for month, day in enumerate(MONTH_ENDS)
    )
    batch: list[ProgressReport] = []
    for report in reports:
        batch.append(report)
        if len(batch) == 5000:
            ProgressReport.objects.bulk_create(batch)
            batch = []
    ProgressReport.objects.bulk_create(batch)
    # Written around the approval service: the current state is computed once, here.
    ledger_store.refresh_plans([plan.pk])
    return plan


def measure(label: str, plan: Plan, client: Client, runs: int) -> None:
    url = f"/office/cockpit/?plan={plan.pk}&as_of={AS_OF.isoformat()}"
    page_times, selector_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        cockpit(plan, as_of=AS_OF)
        selector_times.append(time.perf_counter() - start)
    queries: list[str] = []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        queries.append(sql)
        return execute(sql, params, many, context)

    # Django empties its own query log at each request, so count with a wrapper.
    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        page_times.append(time.perf_counter() - start)
    print(
        f"{label}: page {statistics.median(page_times) * 1000:.0f} ms, "
        f"selector {statistics.median(selector_times) * 1000:.0f} ms "
        f"(median of {runs}), {len(queries)} queries, {len(response.content) // 1024} KiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--if-empty", verbosity=0)
    demo = Plan.objects.get(jurisdiction__name="青岛市", year=2025)
    start = time.perf_counter()
    bench = synthetic_plan()
    print(
        f"synthetic plan: {Indicator.objects.filter(project__plan=bench).count()} indicators, "
        f"{Allocation.objects.filter(indicator__project__plan=bench).count()} allocations, "
        f"{ProgressReport.objects.filter(indicator__project__plan=bench).count()} reports, "
        f"built in {time.perf_counter() - start:.1f} s on {connection.vendor}"
    )
    office, _created = User.objects.get_or_create(
        username="bench-office", defaults={"role": Role.OFFICE}
    )
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        client = Client()
        client.force_login(office)
        measure("demo (Qingdao 2025, 15 projects)", demo, client, args.runs)
        measure("synthetic (100×10×10×12)", bench, client, args.runs)


if __name__ == "__main__":
    main()
