"""Fixtures shared by every app's tests: the demo plan, and a real browser."""

import copy
import json
import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests state facts, not speeds (speed lives in benchmarks/): no per-example deadline,
# which a loaded CI machine would otherwise trip at random.
hypothesis_settings.register_profile("minsheng", deadline=None)
hypothesis_settings.load_profile("minsheng")

# Playwright's sync API runs an event loop in the test thread; Django's guard against
# database calls from async code would otherwise refuse the test's own queries.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Put the migrated domain vocabulary back after a test that flushes the database.

    Transactional tests (every live-server browser test) end by emptying all tables, the
    rows a data migration loaded included; the next test on this worker expects them.
    """
    result = yield
    # After the session's last test the test database is already gone: nothing to restore.
    if nextitem is not None and _flushes_database(item):
        from pytest_django.plugin import blocking_manager_key

        from minsheng.plans.vocabulary import ensure_default_domains

        with item.config.stash[blocking_manager_key].unblock():
            ensure_default_domains()
    return result


def _flushes_database(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    if "live_server" in names or "transactional_db" in names:
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.fixture
def demo_plan(db: Any) -> Any:
    """The Qingdao 2025 plan, loaded from the project's own data file."""
    from minsheng.plans.demo import DEMO_PLAN_PATH, load_demo_plan

    return load_demo_plan(json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8")))


@pytest.fixture(scope="session", autouse=True)
def _connections_closed_after_each_request() -> None:
    """Every connection is closed at the end of its request, as CONN_MAX_AGE=0 has it.

    The live server answers the browser in threads that a kept-alive socket keeps alive; with
    the platform's persistent connections (CONN_MAX_AGE) they would hold their PostgreSQL
    sessions past the last test, and dropping the test database would find it "being accessed
    by other users". The settings dict is shared by every thread's connection.
    """
    from django.db import connections

    for alias in connections.settings:
        connections.settings[alias]["CONN_MAX_AGE"] = 0


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright (its own browser download does not work here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _own_cache_namespace(settings: Any) -> None:
    """Each test starts with an empty cache of its own.

    With Redis (as in production and the second CI run) the cache outlives a test's database
    transaction and is shared by the parallel workers: cached pages and rate-limit counters
    of one test would leak into the next (process-memory rate counters too). A fresh key
    prefix per test and cache keeps them apart.
    """
    caches = copy.deepcopy(settings.CACHES)
    prefix = f"test-{uuid.uuid4().hex}"
    for alias, config in caches.items():
        config["KEY_PREFIX"] = f"{prefix}-{alias}"
    settings.CACHES = caches


@pytest.fixture(autouse=True)
def _plain_static_files(settings: Any) -> None:
    """Tests run without `collectstatic`, so static URLs are served unhashed from the apps."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
