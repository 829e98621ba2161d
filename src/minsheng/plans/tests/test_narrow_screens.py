"""Every office page fits a 360 px phone: nothing makes the page scroll sideways.

Wide tables may scroll inside their own box (.table-scroll); the page itself must not.
"""

from datetime import date
from pathlib import Path

import pytest

from minsheng.accounts.models import Role
from minsheng.plans.choices import PlanState
from minsheng.progress.models import ReportState
from minsheng.testing import make_report, make_user

PASSWORD = "correct horse battery staple"
WIDTH = 360
SEED = Path(__file__).resolve().parents[2] / "ingest" / "tests" / "data" / "qingdao_2025_report.txt"

# The elements sticking out past the viewport, for a message that says what to fix.
OVERFLOW_SCRIPT = """
() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    const inside = el.parentElement && el.parentElement.closest('.table-scroll, .ingest-source');
    if (box.right > width + 1 && !inside) {
      wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') +
                ' ' + Math.round(box.right));
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('.table-scroll, .ingest-source')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.right > width + 1) {
      wide.push('text in ' + node.parentElement.tagName.toLowerCase() + ' "' +
                node.textContent.trim().slice(0, 30) + '" ' + Math.round(box.right));
    }
  }
  return {scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 8)};
}
"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": WIDTH, "height": 740})
    yield context.new_page()
    context.close()


def _log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def _fits(page, url):
    page.goto(url)
    measured = page.evaluate(OVERFLOW_SCRIPT)
    return measured["scroll"] <= WIDTH, measured


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_office_pages_fit_a_360_px_screen(phone, live_server, demo_plan):
    demo_plan.state = PlanState.IN_PROGRESS
    demo_plan.save()
    office = make_user(Role.OFFICE, username="office", jurisdiction=demo_plan.jurisdiction)
    project = demo_plan.projects.order_by("number").first()
    indicator = project.indicators.first()
    report = make_report(
        indicator=indicator,
        value=indicator.target,
        as_of=date(2025, 9, 30),
        state=ReportState.SUBMITTED,
        narrative="前三季度完成情况" * 20,
    )
    _log_in(phone, live_server, office.username)
    pages = {
        "cockpit": "/office/cockpit/?as_of=2025-07-01",
        "review queue": "/report/review/",
        "review detail": f"/report/{report.pk}/",
        "ingest": "/ingest/",
        "set-up list": "/setup/",
        "set-up plan": f"/setup/{demo_plan.pk}/",
        "set-up project": f"/setup/projects/{project.pk}/",
        "set-up indicator": f"/setup/indicators/{indicator.pk}/",
        "carry-over": "/setup/carry-over/",
    }
    too_wide = {}
    for name, path in pages.items():
        fits, measured = _fits(phone, live_server.url + path)
        if not fits:
            too_wide[name] = measured
    # The ingest page once a document is read: the widest of them all.
    phone.goto(live_server.url + "/ingest/")
    phone.fill("#id_text", SEED.read_text(encoding="utf-8"))
    phone.click("button[value=read]")
    phone.wait_for_selector(".project")
    measured = phone.evaluate(OVERFLOW_SCRIPT)
    if measured["scroll"] > WIDTH:
        too_wide["ingest, read"] = measured
    assert too_wide == {}
