"""Public pages and API answers are cached under known parameters only (issue 13, point 14)."""

import contextlib
import secrets
import sqlite3

import pytest
from django.conf import settings
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def cache_entries() -> int:
    """How many entries this test's cache namespace holds, in the cache file or Redis."""
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    if hasattr(cache, "keys"):  # django-redis
        return len(cache.keys("*"))
    with contextlib.closing(sqlite3.connect(settings.CACHES["default"]["LOCATION"])) as file:
        query = "SELECT COUNT(*) FROM cache_entry WHERE key LIKE ?"
        return int(file.execute(query, [f"{prefix}:%"]).fetchone()[0])


def made_up_queries(n: int) -> list[str]:
    names = ["utm_source", "x", "domain", "status", "department", "district", "page_size"]
    return [f"{names[i % len(names)]}={secrets.token_hex(6)}&z{i}={i}" for i in range(n)]


def test_made_up_query_strings_add_no_page_cache_entries(client, demo_plan):
    client.get("/2025/qingdao/")
    client.get("/2025/qingdao/?domain=warm")  # keeps the plan's filter values, once per stamp
    before = cache_entries()
    for query in made_up_queries(40):
        assert client.get(f"/2025/qingdao/?{query}").status_code == 200
    assert cache_entries() == before


def test_a_made_up_filter_value_shows_the_plan_unfiltered(client, demo_plan):
    whole = client.get("/2025/qingdao/").content.decode()
    made_up = client.get("/2025/qingdao/?domain=nonexistent").content.decode()
    assert made_up.count('<li class="card">') == whole.count('<li class="card">') > 1


def test_a_real_filter_is_still_cached_and_filters(client, demo_plan):
    client.get("/2025/qingdao/?status=done")
    before = cache_entries()
    client.get("/2025/qingdao/?status=done&utm_source=mail")
    assert cache_entries() == before


def test_made_up_query_strings_add_no_api_cache_entries(client, demo_plan):
    client.get("/api/plans/2025/qingdao/projects")
    client.get("/api/plans/2025/qingdao/projects?domain=warm")
    before = cache_entries()
    for query in made_up_queries(40):
        client.get(f"/api/plans/2025/qingdao/projects?{query.replace('page_size', 'pg')}")
    # Only the rate-limit counters of this client may be added.
    assert cache_entries() <= before + 2
