"""The Content-Security-Policy leaves every chart working in a real browser (issue 13, point 12)."""

import json
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_plan(transactional_db: Any) -> Any:
    from minsheng.plans.demo import DEMO_PLAN_PATH, load_demo_plan
    from minsheng.plans.vocabulary import ensure_default_domains

    ensure_default_domains()
    return load_demo_plan(json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8")))


def test_the_project_page_draws_its_charts_under_the_policy(page, live_server, demo_plan):
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    response = page.goto(f"{live_server.url}/2025/qingdao/3/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector("[data-chart][data-drawn='true'] svg")
    assert refused == []
