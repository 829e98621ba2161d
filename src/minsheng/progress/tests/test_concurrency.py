"""Two people saving the same report at the same moment, on real database connections."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection

from minsheng.progress import services
from minsheng.progress.models import ProgressReport


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's shared in-memory test database locks tables instead of waiting; "
    "run with DATABASE_URL=postgres://… (the two-session view test covers SQLite)",
)
def test_two_simultaneous_saves_from_one_version_keep_exactly_one(world):
    report = services.progress_report_create(
        actor=world.reporter_a,
        subject=world.indicator_a,
        as_of=date(2025, 6, 30),
        value=Decimal(5000),
    )
    seen = report.version
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def save(actor, value):
        start.wait()
        try:
            services.progress_report_update(
                actor=actor,
                report=report,
                expected_version=seen,
                as_of=date(2025, 6, 30),
                value=value,
            )
            outcomes.append("saved")
        except services.ReportConflict:
            outcomes.append("conflict")
        except Exception as error:
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(world.reporter_a, Decimal(6000))),
        threading.Thread(target=save, args=(world.office, Decimal(7000))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = ProgressReport.objects.get(pk=report.pk)
    assert sorted(outcomes) == ["conflict", "saved"]
    assert stored.version == seen + 1
    assert stored.value in (Decimal(6000), Decimal(7000))
