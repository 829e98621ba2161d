"""In a real browser: the office asks for the PDF, watches the job finish and downloads it.

No worker runs here: the web process starts the job itself after commit, as under `make run`.
"""

import json
import re

import pytest

from minsheng.accounts.models import Role
from minsheng.plans.demo import DEMO_PLAN_PATH, load_demo_plan
from minsheng.testing import make_user


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.REPORT_JOBS_START_IN_WEB = True  # no worker beside this server: it runs the job
    return load_demo_plan(json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8")))


@pytest.mark.browser
def test_the_office_requests_a_pdf_sees_it_finish_and_downloads_it(live_server, page, demo):
    make_user(Role.OFFICE, username="office", password="correct horse battery staple", plan=demo)
    page.goto(f"{live_server.url}/accounts/login/?next=/reports/")
    page.fill("input[name=username]", "office")
    page.fill("input[name=password]", "correct horse battery staple")
    page.click("#main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/reports/")
    page.select_option("select[name=format]", "pdf")
    page.fill("input[name=as_of]", "2025-12-31")
    page.click("form.report-form button[type=submit]")
    page.wait_for_url(re.compile(r"/reports/jobs/\d+/$"))
    assert page.locator("progress#job-progress").count() == 1
    # The page refreshes itself every 2 s until the job is done.
    page.wait_for_selector(".job-status[data-state=done]", timeout=60_000)
    assert page.locator("progress#job-progress").get_attribute("value") == "100"
    with page.expect_download() as download_info:
        page.click("a.download")
    download = download_info.value
    assert download.suggested_filename == "qingdao-2025-report-press-2025-12-31.pdf"
    assert download.path().read_bytes().startswith(b"%PDF")
