"""The project's one rate limiter (issue 13, point 13)."""

import json
import os
import subprocess
import sys
import threading

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minsheng.core import ratelimit
from minsheng.core.i18n import UserFacingError

pytestmark = pytest.mark.django_db

MINUTE_START = 1_767_225_600  # a whole minute (and a whole 10-second slice)


def _admitted(n: int, client: str = "ip:192.0.2.1") -> int:
    return sum(ratelimit.hit("api", client) is None for _ in range(n))


def test_the_window_slides_so_320_cannot_pass_a_limit_of_300_per_minute(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (300, 60)}
    with time_machine.travel(MINUTE_START + 59.5, tick=False) as traveller:
        first = _admitted(300)
        traveller.move_to(MINUTE_START + 60.5)
        second = _admitted(20)
    assert (first, second) == (300, 0)


def test_the_limit_comes_back_once_the_window_has_passed(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (300, 60)}
    with time_machine.travel(MINUTE_START + 1, tick=False) as traveller:
        _admitted(300)
        traveller.move_to(MINUTE_START + 72)
        assert _admitted(10) == 10


def test_the_answer_says_how_long_to_wait(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (1, 60)}
    with time_machine.travel(MINUTE_START + 5, tick=False):
        ratelimit.hit("api", "ip:192.0.2.2")
        assert 55 <= ratelimit.hit("api", "ip:192.0.2.2") <= 65


def test_the_platforms_own_actions_are_never_limited(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submit": (1, 600)}
    for _ in range(3):
        ratelimit.enforce("submit", ratelimit.PLATFORM)


def test_a_web_client_is_limited_by_the_same_rule(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submit": (1, 600)}
    ratelimit.enforce("submit", "ip:192.0.2.9")
    with pytest.raises(UserFacingError):
        ratelimit.enforce("submit", "ip:192.0.2.9")


def test_concurrent_requests_never_pass_more_than_the_limit(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (100, 60)}
    admitted: list[int] = []
    barrier = threading.Barrier(8)

    def burst() -> None:
        barrier.wait()
        admitted.append(_admitted(40, client="ip:192.0.2.3"))

    threads = [threading.Thread(target=burst) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(admitted) == 100


def test_counting_an_api_request_writes_nothing_to_the_database(settings):
    with CaptureQueriesContext(connection) as captured:
        for _ in range(5):
            ratelimit.hit("api", "ip:192.0.2.4")
    assert captured.captured_queries == [] or settings.CACHES["ratelimit"]["BACKEND"].endswith(
        "RedisCache"
    )


def test_one_ipv6_network_counts_as_one_client():
    assert ratelimit.address_key("2001:db8:1:2::5") == ratelimit.address_key("2001:db8:1:2::9")
    assert ratelimit.address_key("2001:db8:1:3::5") != ratelimit.address_key("2001:db8:1:2::5")
    assert ratelimit.address_key("not an address") == "unknown"


COUNT_IN_ANOTHER_PROCESS = """
import json, sys
import django
django.setup()
from django.conf import settings
settings.CACHES["ratelimit"] = json.loads(sys.argv[1])
from minsheng.core import ratelimit
for _ in range(int(sys.argv[2])):
    ratelimit.hit("api", "ip:192.0.2.5")
"""


def test_two_processes_count_against_one_limit_on_the_embedded_default(settings, tmp_path):
    # As two gunicorn workers on one machine: the same counter file, no Redis.
    counters = {
        "BACKEND": "minsheng.core.sqlite_cache.SQLiteCache",
        "LOCATION": str(tmp_path / "ratelimit.sqlite3"),
        "KEY_PREFIX": settings.CACHES["ratelimit"]["KEY_PREFIX"],
    }
    settings.CACHES = {**settings.CACHES, "ratelimit": counters}
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (5, 600)}
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "minsheng.settings"}
    env["RATE_LIMITS"] = "api=5/600"
    subprocess.run(
        [sys.executable, "-c", COUNT_IN_ANOTHER_PROCESS, json.dumps(counters), "3"],
        env=env,
        check=True,
    )
    assert _admitted(5, client="ip:192.0.2.5") == 2


def test_counting_an_api_request_on_the_embedded_default_leaves_the_main_database_alone(
    settings, tmp_path
):
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "minsheng.core.sqlite_cache.SQLiteCache",
            "LOCATION": str(tmp_path / "ratelimit.sqlite3"),
        },
    }
    with CaptureQueriesContext(connection) as captured:
        ratelimit.hit("api", "ip:192.0.2.6")
    assert (captured.captured_queries, (tmp_path / "ratelimit.sqlite3").is_file()) == ([], True)
