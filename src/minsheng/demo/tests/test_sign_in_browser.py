"""In a real browser, each demo account signs in from the login page and lands where its work is."""

from typing import Any

import pytest

from minsheng.demo.accounts import SPECS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANDING_PATHS = {
    "supervision:cockpit": "/office/cockpit/?plan={running}",
    "progress:index": "/report/",
    "audit:index": "/audit/",
    "participation:index": "/participate/",
    "portal:home": "/",
}


@pytest.fixture
def demo(transactional_db: Any, settings: Any, tmp_path: Any) -> Any:
    from minsheng.demo import builders
    from minsheng.plans.vocabulary import ensure_default_domains

    settings.MINSHENG_DEMO = True
    settings.MEDIA_ROOT = tmp_path
    ensure_default_domains()
    return builders.load()


def test_each_demo_account_signs_in_from_the_login_page(demo, live_server, browser):
    from minsheng.participation.models import Expert
    from minsheng.plans.models import Plan

    expert_plan = Expert.objects.get(user__username="demo-expert").plan_id
    running = Plan.objects.get(year=2026).pk
    landed = {}
    for spec in SPECS:
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        page.goto(live_server.url + "/accounts/login/")
        page.click(f'button[data-account="{spec.key}"]')
        page.wait_for_load_state()
        landed[spec.key] = (page.url.removeprefix(live_server.url), page.locator("h1").count() > 0)
        context.close()
    expected = {
        spec.key: (
            f"/participate/vetting/{expert_plan}/"
            if spec.landing == "participation:vetting"
            else LANDING_PATHS[spec.landing].format(running=running),
            True,
        )
        for spec in SPECS
    }
    assert landed == expected
