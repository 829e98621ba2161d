"""A resident on a 360-px phone: home → project → indicator chart → evidence, in Chinese and English.

Every page is checked with axe-core against WCAG 2.1 A and AA: no serious or critical violation.
"""

import json
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
SERIOUS = {"serious", "critical"}


@pytest.fixture
def demo_plan(transactional_db: Any) -> Any:
    """The demo plan; a transactional test before this one may have flushed the domain vocabulary."""

    from minsheng.plans.demo import DEMO_PLAN_PATH, load_demo_plan
    from minsheng.plans.vocabulary import ensure_default_domains

    ensure_default_domains()
    return load_demo_plan(json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8")))


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 360, "height": 740}, device_scale_factor=2
    )
    page = context.new_page()
    yield page
    context.close()


def serious_violations(page: Any) -> list[str]:
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes)"
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def fits_the_screen(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def walk_to_the_evidence(page: Any, base: str, *, project_link: str, evidence: str) -> None:
    page.goto(base + "/")
    assert fits_the_screen(page)
    assert serious_violations(page) == []

    page.get_by_role("link", name=project_link).click()
    page.wait_for_url("**/2025/qingdao/3/")
    page.wait_for_selector("[data-chart][data-drawn='true'] svg")
    assert fits_the_screen(page)
    assert serious_violations(page) == []

    page.get_by_role("link", name="新增公共停车位").click()
    chart = page.locator("figure.indicator:target")
    assert chart.locator("[data-drawn='true'] svg").count() == 1
    chart.locator("summary").click()
    assert chart.locator("td", has_text="134").count() >= 0
    assert serious_violations(page) == []

    page.get_by_role("heading", name=evidence).scroll_into_view_if_needed()
    assert page.get_by_text("崂山区东麦窑村进村路养护提升后焕然一新。").is_visible()


def test_a_resident_walks_to_the_evidence_in_chinese(live_server, phone, demo_plan):
    walk_to_the_evidence(
        phone, live_server.url, project_link="第3件 改善城乡出行条件", evidence="佐证材料"
    )


def test_a_resident_walks_to_the_evidence_in_english(live_server, phone, demo_plan):
    phone.goto(live_server.url + "/")
    phone.get_by_role("button", name="English").click()
    phone.wait_for_selector("html[lang='en']")
    assert phone.get_by_role("heading", name="Overview").is_visible()
    walk_to_the_evidence(
        phone, live_server.url, project_link="No. 3 改善城乡出行条件", evidence="Evidence"
    )


def test_large_text_mode_enlarges_the_page_and_stays_accessible(live_server, phone, demo_plan):
    phone.goto(live_server.url + "/2025/qingdao/3/")
    before = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    phone.get_by_role("button", name="大字模式").click()
    phone.wait_for_selector("body.large-text")
    after = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert after >= before * 1.2
    assert fits_the_screen(phone)
    assert serious_violations(phone) == []


def test_the_filters_work_in_the_browser(live_server, phone, demo_plan):
    phone.goto(live_server.url + "/")
    phone.get_by_label("搜索").fill("停车位")
    phone.get_by_role("button", name="筛选").click()
    phone.wait_for_url("**/?q=*")
    assert phone.locator("li.card").count() == 1
    assert serious_violations(phone) == []
