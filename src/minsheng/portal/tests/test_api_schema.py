"""schemathesis generates requests from the API's own OpenAPI description (/api/openapi.json, read
through the WSGI app) and checks every answer: no server error, and it matches the description."""

from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@schema.parametrize()
@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_own_description(case: Any, demo_plan: Any, settings: Any) -> None:
    # The generator sends hundreds of requests from one address; the limit is tested elsewhere.
    settings.PORTAL_RATE_LIMIT = (10**9, 60)
    case.call_and_validate()
