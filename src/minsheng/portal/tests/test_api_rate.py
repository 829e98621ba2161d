"""The API's limit slides: no burst across a minute boundary (issue 13, point 13)."""

import pytest
import time_machine

pytestmark = pytest.mark.django_db

MINUTE_START = 1_767_225_600


def test_a_burst_across_a_minute_boundary_is_held_to_the_limit(client, demo_plan, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (30, 60)}
    settings.PORTAL_RATE_LIMIT = (30, 60)  # the name the fixed window read
    with time_machine.travel(MINUTE_START + 59, tick=False) as traveller:
        codes = [client.get("/api/plans").status_code for _ in range(30)]
        traveller.move_to(MINUTE_START + 61)
        codes += [client.get("/api/plans").status_code for _ in range(5)]
    assert codes.count(200) == 30 and codes[-5:] == [429] * 5
