"""Issue 13 point 12: the Content-Security-Policy allows no inline script or style anywhere.

The header is read on the site's kinds of pages; a real browser then loads the pages with
the most styling (progress bars, ECharts charts, the API's Swagger UI) and reports every
policy violation it sees.
"""

import json
from typing import Any

import pytest

PAGES = ["/", "/accounts/login/", "/admin/login/", "/api/docs", "/2025/qingdao/3/"]

# Collects every violation the page reports, before any of the page's own scripts run.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def qingdao(transactional_db: Any) -> Any:
    from minsheng.plans.demo import DEMO_PLAN_PATH, load_demo_plan
    from minsheng.plans.vocabulary import ensure_default_domains

    ensure_default_domains()
    return load_demo_plan(json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8")))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", PAGES)
def test_no_page_allows_unsafe_inline(client, qingdao, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pages_render_in_the_browser_without_a_policy_violation(live_server, page, qingdao):
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(COLLECT_VIOLATIONS)
    seen = {}
    for path in ("/", "/2025/qingdao/3/", "/api/docs"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        if path == "/2025/qingdao/3/":
            page.locator("div.chart svg").first.wait_for()  # ECharts has drawn
            page.locator("div.chart").first.hover()  # and shown a tooltip
        seen[path] = page.evaluate("window.__cspViolations")
    assert seen == {"/": [], "/2025/qingdao/3/": [], "/api/docs": []}
    assert [text for text in console if "Content Security Policy" in text] == []
