import importlib
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """Many deputies per test: a fast hasher keeps user creation cheap (tests only)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def restore_migrated_domains(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """A transactional test ends by emptying every table, including the domains a data
    migration loads; later tests in this process expect them, so a module of such tests
    puts them back when it is done (a module fixture is torn down after the flush)."""
    yield
    from minsheng.plans.models import Domain

    with django_db_blocker.unblock():
        migration = importlib.import_module("minsheng.plans.migrations.0002_domains")
        for order, (name, slug) in enumerate(migration.DOMAINS, start=1):
            Domain.objects.get_or_create(name=name, defaults={"slug": slug, "order": order})
