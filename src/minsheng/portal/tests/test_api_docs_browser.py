"""The Swagger UI at /api/docs draws the API under its own Content-Security-Policy."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_draw_the_operations_without_a_policy_violation(live_server, page):
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(f"{live_server.url}/api/docs")
    # Swagger UI draws the operations only when its scripts ran and the OpenAPI file loaded.
    page.get_by_text("/api/plans/{year}/{jurisdiction}", exact=True).wait_for(timeout=15000)
    assert refused == []
