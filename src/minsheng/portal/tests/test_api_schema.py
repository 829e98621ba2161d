"""schemathesis generates requests from the API's own OpenAPI description (/api/openapi.json, read
through the WSGI app) and checks every answer: no server error, and it matches the description."""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_tests_connection() -> Iterator[None]:
    """The WSGI handler closes connections after each request, as Django's test client avoids:
    inside the test's transaction that would close it (PostgreSQL) and lose the demo plan."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@schema.parametrize()
@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_own_description(case: Any, demo_plan: Any, settings: Any) -> None:
    # The generator sends hundreds of requests from one address; the limit is tested elsewhere.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (10**9, 60), "download": (10**9, 60)}
    case.call_and_validate()
