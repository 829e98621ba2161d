"""Province-scale cockpit: each figure beside a hand-written SQL aggregate of the same rows.

Sizes (10 districts × 12 monthly approved reports per indicator):
- a city at 100 and 1,000 indicators (1,000 → 10,000 allocations, 120,000 reports);
- a province of N cities × 100 indicators (default 100 → 1,000,000+ reports; PostgreSQL only
  unless --province-cities is given).

For each size it prints the SQL reference (latest approved value per allocation summed per
indicator, percent of target, and for the province the mean capped percent per city), the
selector and the page, their ratio, the peak Python memory of the page (tracemalloc) and the
number of queries. Data is built with INSERT … SELECT, so a run takes minutes, not hours; a
PostgreSQL database keeps it between runs.

    PYTHONPATH=src python benchmarks/province_benchmark.py [--runs 5] [--province-cities 100]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/minsheng_scale python benchmarks/province_benchmark.py
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minsheng.settings")
os.environ.setdefault("MINSHENG_DATA_DIR", tempfile.mkdtemp(prefix="minsheng-bench-"))

import django
import time_machine

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

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
from minsheng.progress import ledger_judged, ledger_store  # noqa: E402
from minsheng.progress.models import ProgressReport, ReportState  # noqa: E402
from minsheng.supervision.province import province_cockpit  # noqa: E402
from minsheng.supervision.selectors import cockpit  # noqa: E402

# "Today" for the run (time-machine): every report of the year is in, the state table holds.
TODAY = date(2025, 12, 31)
# A past day: the history is reduced in the database for it (the slower path, for reference).
PAST = date(2025, 7, 1)
AS_OF = TODAY
NOON_TODAY = "2025-12-31 12:00 +0800"
MONTH_ENDS = [
    "2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30",
    "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31",
]  # fmt: skip
DISTRICTS = 10


def insert_reports(plan_ids: list[int], every: int = 1) -> None:
    """Monthly (or every `every` months) approved reports per allocation, written by the
    database itself, then the current state of those plans computed once."""
    months = ", ".join(
        f"({n + 1}, '{day}')" for n, day in enumerate(MONTH_ENDS) if (n + 1) % every == 0
    )
    report = ProgressReport._meta.db_table
    allocation = Allocation._meta.db_table
    indicator = Indicator._meta.db_table
    project = Project._meta.db_table
    ids = ", ".join(str(pk) for pk in plan_ids)
    cast = "CAST(m.day AS DATE)" if connection.vendor == "postgresql" else "m.day"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH months(n, day) AS (VALUES {months})
            INSERT INTO {report} (indicator_id, allocation_id, as_of, value, narrative,
                decrease_reason, state, created_at, review_comment, version)
            SELECT a.indicator_id, a.id, {cast},
                CASE WHEN m.n * (6 + a.id %% 7) > 120 THEN 120 ELSE m.n * (6 + a.id %% 7) END,
                '', '', %s, %s, '', 1
            FROM {allocation} a JOIN {indicator} i ON i.id = a.indicator_id
            JOIN {project} p ON p.id = i.project_id CROSS JOIN months m
            WHERE p.plan_id IN ({ids})
            """,  # noqa: S608  (ids and constants only)
            [ReportState.APPROVED.value, timezone.now()],
        )
    ledger_store.refresh_plans(plan_ids)


def analyze() -> None:
    """Fresh statistics after a bulk load, as autovacuum would gather them."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def build_city(
    slug: str, name: str, projects: int, per_project: int, parent: Jurisdiction | None = None
) -> Plan:
    """A city plan: `projects` × `per_project` indicators, each split among 10 districts."""
    existing = Plan.objects.filter(jurisdiction__slug=slug, year=2025).first()
    if existing is not None:
        return existing
    city = Jurisdiction.objects.create(
        name=name, slug=slug, level=JurisdictionLevel.CITY, parent=parent
    )
    places = Jurisdiction.objects.bulk_create(
        Jurisdiction(
            name=f"{name}区{n}", slug=f"{slug}-{n}", level=JurisdictionLevel.DISTRICT, parent=city
        )
        for n in range(DISTRICTS)
    )
    departments = Department.objects.bulk_create(
        Department(jurisdiction=city, name=f"{name}局{n}") for n in range(20)
    )
    domains = list(Domain.objects.all())
    plan = Plan.objects.create(
        jurisdiction=city, year=2025, title=f"{name}民生实事", state=PlanState.IN_PROGRESS
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
    indicators = Indicator.objects.bulk_create(
        Indicator(project=p, order=k, name=f"指标{p.number}-{k}", target=Decimal(1200), unit="个")
        for p in made
        for k in range(per_project)
    )
    SchedulePoint.objects.bulk_create(
        SchedulePoint(indicator=i, date=date.fromisoformat(day), cumulative_percent=Decimal(pc))
        for n, i in enumerate(indicators)
        if n % 2 == 0
        for day, pc in [(MONTH_ENDS[2], 20), (MONTH_ENDS[5], 50), (MONTH_ENDS[8], 80)]
    )
    Allocation.objects.bulk_create(
        (
            Allocation(indicator=i, jurisdiction=place, target=Decimal(120))
            for i in indicators
            for place in places
        ),
        batch_size=5000,
    )
    return plan


def build_province(cities: int) -> Jurisdiction:
    slug = f"bench-province-{cities}"
    province = Jurisdiction.objects.filter(slug=slug).first()
    if province is not None:
        return province
    with transaction.atomic():
        province = Jurisdiction.objects.create(
            name=f"基准省{cities}", slug=slug, level=JurisdictionLevel.PROVINCE
        )
        plans = [
            build_city(f"{slug}-c{n}", f"省{cities}市{n}", 10, 10, parent=province)
            for n in range(cities)
        ]
        insert_reports([plan.pk for plan in plans])
    analyze()
    return province


def city_plan(indicators: int, every: int = 1) -> Plan:
    slug = f"bench-city-{indicators}" + (f"-every-{every}" if every != 1 else "")
    existing = Plan.objects.filter(jurisdiction__slug=slug, year=2025).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        plan = build_city(slug, f"基准市{indicators}-{every}", indicators // 10, 10)
        insert_reports([plan.pk], every)
    analyze()
    return plan


LATEST = """
    SELECT r.indicator_id, r.value FROM (
        SELECT pr.indicator_id, pr.value, ROW_NUMBER() OVER (
            PARTITION BY pr.allocation_id ORDER BY pr.as_of DESC, pr.id DESC) AS rn
        FROM progress_progressreport pr
        JOIN plans_indicator i ON i.id = pr.indicator_id
        JOIN plans_project p ON p.id = i.project_id
        WHERE p.plan_id IN ({plans}) AND pr.state = 'approved' AND pr.as_of <= %s
    ) r WHERE r.rn = 1
"""

CITY_SQL = """
    SELECT i.id, COALESCE(SUM(l.value), 0) AS actual,
        ROUND(100 * COALESCE(SUM(l.value), 0) / i.target, 1) AS percent
    FROM plans_indicator i JOIN plans_project p ON p.id = i.project_id
    LEFT JOIN ({latest}) l ON l.indicator_id = i.id
    WHERE p.plan_id IN ({plans}) GROUP BY i.id, i.target
"""

PROVINCE_SQL = """
    SELECT plan_id, AVG(CASE WHEN percent > 100 THEN 100 ELSE percent END) FROM (
        SELECT p.plan_id, 100 * COALESCE(SUM(l.value), 0) / i.target AS percent
        FROM plans_indicator i JOIN plans_project p ON p.id = i.project_id
        LEFT JOIN ({latest}) l ON l.indicator_id = i.id
        WHERE p.plan_id IN ({plans}) GROUP BY p.plan_id, i.id, i.target
    ) per_indicator GROUP BY plan_id ORDER BY 2 DESC
"""


def run_sql(template: str, plan_ids: list[int], as_of: date = AS_OF) -> list[Any]:
    plans = ", ".join(str(pk) for pk in plan_ids)
    sql = template.format(latest=LATEST.format(plans=plans), plans=plans)
    with connection.cursor() as cursor:
        cursor.execute(sql, [as_of])
        return list(cursor.fetchall())


def median_ms(action: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def page_figures(client: Client, url: str, runs: int) -> tuple[float, float, int]:
    queries: list[str] = []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    tracemalloc.start()
    client.get(url)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return median_ms(lambda: client.get(url), runs), peak, len(queries)


ROWS: list[tuple[str, ...]] = []


def report(label: str, sql_ms: float, selector_ms: float, page: tuple[float, float, int]) -> None:
    page_ms, peak, queries = page
    ROWS.append(
        (
            label,
            f"{sql_ms:.0f} ms",
            f"{selector_ms:.0f} ms ({selector_ms / sql_ms:.1f}×)",
            f"{page_ms:.0f} ms ({page_ms / sql_ms:.1f}×)",
            f"{peak:.1f} MiB",
            str(queries),
        )
    )
    print(" | ".join(ROWS[-1]), flush=True)


def city_row(office: User, plan: Plan, label: str, runs: int, as_of: date) -> None:
    office.jurisdiction = plan.jurisdiction
    office.save()
    client = Client()
    client.force_login(office)
    run_sql(CITY_SQL, [plan.pk], as_of)
    sql_ms = median_ms(lambda: run_sql(CITY_SQL, [plan.pk], as_of), runs)
    selector_ms = median_ms(lambda: cockpit(plan, as_of=as_of), runs)
    url = f"/office/cockpit/?plan={plan.pk}&as_of={as_of.isoformat()}"
    report(label, sql_ms, selector_ms, page_figures(client, url, runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--city-sizes", default="100,1000")
    parser.add_argument(
        "--reports-every",
        default="1,4",
        help="months between reports, per city size: 1 → 12 reports each, 4 → 3 each",
    )
    parser.add_argument("--past", action="store_true", help="also the biggest city on 1 July")
    parser.add_argument(
        "--province-cities",
        type=int,
        default=100 if connection.vendor == "postgresql" else 0,
        help="cities of 100 indicators in the province (0: skip)",
    )
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_demo", "--if-empty", verbosity=0)
    print(f"database: {connection.vendor}; today is {TODAY} (time-machine)")
    office, _ = User.objects.get_or_create(username="bench-office", defaults={"role": Role.OFFICE})
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    print("size | SQL reference | selector | page | peak page memory | page queries")
    sizes = [int(n) for n in args.city_sizes.split(",")]
    everies = [int(n) for n in args.reports_every.split(",")]
    with override_settings(STORAGES=storages), time_machine.travel(NOON_TODAY, tick=True):
        for size in sizes:
            for every in everies:
                start = time.perf_counter()
                plan = city_plan(size, every)
                reports = ProgressReport.objects.filter(indicator__project__plan=plan).count()
                print(
                    f"  (city {size}: {reports} reports, ready in "
                    f"{time.perf_counter() - start:.1f} s)"
                )
                label = f"city {size} indicators, {12 // every} reports each"
                city_row(office, plan, label, args.runs, TODAY)
        if args.past:
            plan = city_plan(sizes[-1])
            label = f"city {sizes[-1]} indicators on {PAST} (history SQL)"
            city_row(office, plan, label, args.runs, PAST)
        if args.province_cities:
            start = time.perf_counter()
            province = build_province(args.province_cities)
            plan_ids = list(
                Plan.objects.filter(jurisdiction__parent=province).values_list("pk", flat=True)
            )
            reports = ProgressReport.objects.filter(
                indicator__project__plan_id__in=plan_ids
            ).count()
            print(
                f"  (province {args.province_cities} cities: {reports} reports, "
                f"ready in {time.perf_counter() - start:.1f} s)"
            )
            office.jurisdiction = province
            office.save()
            client = Client()
            client.force_login(office)
            url = f"/office/province/?province={province.pk}&year=2025&as_of={AS_OF.isoformat()}"
            # The day's first read judges every item (the verdicts of yesterday are stale).
            ledger_store.forget(plans=plan_ids)
            first = median_ms(lambda: client.get(url), 1)
            print(f"  (province: the day's first page view, judging every item: {first:.0f} ms)")
            # With the morning job (minsheng judge_ledger) the first reader finds the verdicts.
            ledger_store.forget(plans=plan_ids)
            job = median_ms(lambda: ledger_judged.judge_running_plans(AS_OF), 1)
            after = median_ms(lambda: client.get(url), 1)
            print(
                f"  (province: the morning job judge_ledger {job:.0f} ms, "
                f"then the day's first page view {after:.0f} ms)"
            )
            run_sql(PROVINCE_SQL, plan_ids)
            sql_ms = median_ms(lambda: run_sql(PROVINCE_SQL, plan_ids), args.runs)
            selector_ms = median_ms(
                lambda: province_cockpit(province, year=2025, as_of=AS_OF), args.runs
            )
            report(
                f"province {args.province_cities}×100 indicators",
                sql_ms,
                selector_ms,
                page_figures(client, url, args.runs),
            )
    print("\n| size | SQL reference | selector | page | peak page memory | queries |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in ROWS:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
