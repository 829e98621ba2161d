"""In a real browser: the office logs in, asks for the Markdown report and gets the file."""

import json

import pytest

from minsheng.accounts.models import Role
from minsheng.plans.demo import DEMO_PLAN_PATH, load_demo_plan
from minsheng.testing import make_user


@pytest.fixture
def demo(transactional_db):
    return load_demo_plan(json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8")))


@pytest.mark.browser
def test_the_office_downloads_the_report_from_the_page(live_server, page, demo):
    make_user(Role.OFFICE, username="office", password="correct horse battery staple")
    page.goto(f"{live_server.url}/accounts/login/?next=/reports/")
    page.fill("input[name=username]", "office")
    page.fill("input[name=password]", "correct horse battery staple")
    page.click("#main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/reports/")
    page.select_option("select[name=format]", "md")
    page.fill("input[name=as_of]", "2025-12-31")
    with page.expect_download() as download_info:
        page.click("form.report-form button[type=submit]")
    download = download_info.value
    assert download.suggested_filename == "qingdao-2025-report-press-2025-12-31.md"
    text = download.path().read_text(encoding="utf-8")
    assert "新增公共停车位1.34万个" in text
