"""Put back the 领域 domains that a migration seeds, after this app's live-server test.

A live-server test runs in a real transaction and ends by flushing every table, which also
removes the rows that the data migration plans/0002_domains created; a later test that loads
a plan would then find no domains. The browser test here seeds them first (`seeded_domains`,
in case another app's live-server test ran before it), and this hook seeds them again after
its flush.
"""

from collections.abc import Iterator
from importlib import import_module
from typing import Any

import pytest

_saved: dict[str, Any] = {}


@pytest.fixture(autouse=True, scope="session")
def _remember_db_blocker(django_db_blocker: Any) -> None:
    _saved["blocker"] = django_db_blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    result = yield
    if "live_server" in getattr(item, "fixturenames", ()) and nextitem and "blocker" in _saved:
        from django.apps import apps

        domains = import_module("minsheng.plans.migrations.0002_domains")
        with _saved["blocker"].unblock():
            domains.add_domains(apps, None)
    return result


@pytest.fixture
def seeded_domains(transactional_db: Any) -> None:
    """The domains, whatever an earlier live-server test (of any app) flushed away."""
    from django.apps import apps

    import_module("minsheng.plans.migrations.0002_domains").add_domains(apps, None)
