"""The whole round in a real browser: report with a photo, return, fix, resubmit, approve, public."""

import pytest
from playwright.sync_api import expect

from minsheng.accounts.models import Role
from minsheng.plans.choices import PlanState
from minsheng.plans.models import Department
from minsheng.progress.models import Evidence, ProgressReport, ReportState
from minsheng.progress.tests.images import jpeg_with_gps
from minsheng.testing import make_user

PASSWORD = "correct horse battery staple"


def _log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(base + "/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_reported_value_reaches_the_public_page_only_after_review(
    domains, live_server, browser, page, demo_plan, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    demo_plan.state = PlanState.IN_PROGRESS
    demo_plan.save()
    bureau = Department.objects.get(name="市人力资源社会保障局")
    make_user(Role.DEPARTMENT_REPORTER, department=bureau, username="renshe")
    make_user(Role.OFFICE, username="bangongting", plan=demo_plan)
    photo = tmp_path / "site.jpg"
    photo.write_bytes(jpeg_with_gps())
    base = live_server.url

    # The department reporter reports 扶持创业 with a photo and submits.
    _log_in(page, base, "renshe")
    page.goto(base + "/report/")
    row = page.locator("tr", has_text="扶持创业")
    assert "3.84万人" in row.inner_text() and "128%" in row.inner_text()
    row.get_by_role("link", name="填报", exact=True).click()
    page.fill("#id_as_of", "2025-12-31")
    page.fill("#id_value", "39000")
    page.set_input_files("#id_evidence", str(photo))
    page.fill("#id_caption", "创业孵化基地现场")
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_role("button", name="提交审核").click()
    # expect waits for the page the POST leads to; inner_text would read the one before it
    expect(page.locator(".state")).to_have_text("已提交")

    # The public project page (cached for anonymous visitors) still shows the approved value.
    before = browser.new_context(locale="zh-CN").new_page()
    before.goto(base + "/2025/qingdao/1/")
    assert "3.84万人" in before.locator("tr", has_text="扶持创业").inner_text()

    # The office returns it with a comment; nothing public changes.
    office = browser.new_context(locale="zh-CN").new_page()
    _log_in(office, base, "bangongting")
    office.goto(base + "/report/review/")
    item = office.locator(".review-item", has_text="扶持创业")
    assert "3.84万人" in item.locator(".previous-value").inner_text()
    assert "3.9万人" in item.locator(".reported-value").inner_text()
    assert item.locator("ul.evidence img").count() == 1
    item.get_by_label("审核意见").fill("请补充孵化基地名称")
    with office.expect_navigation():
        item.get_by_role("button", name="退回并附意见").click()
    office.goto(base + "/")
    assert "3.9万人" not in office.content()

    # The reporter sees the comment, fixes the value and resubmits.
    page.goto(base + "/report/")
    page.locator("tr", has_text="扶持创业").get_by_role("link").click()
    assert "请补充孵化基地名称" in page.locator(".review-comment").inner_text()
    page.get_by_role("link", name="编辑").click()
    page.fill("#id_value", "39100")
    page.fill("#id_narrative", "市级创业孵化基地新增扶持")
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_role("button", name="重新提交").click()
    expect(page.locator(".state")).to_have_text("已提交")

    # The office approves; the public page shows the new value.
    office.goto(base + "/report/review/")
    # the review page posts to itself: waiting for its URL alone would not wait for the POST
    with office.expect_navigation():
        office.locator(".review-item", has_text="扶持创业").get_by_role(
            "button", name="审核通过"
        ).click()
    public = browser.new_context(locale="zh-CN").new_page()
    public.goto(base + "/2025/qingdao/1/")
    assert "3.91万人" in public.locator("tr", has_text="扶持创业").inner_text()

    report = ProgressReport.objects.get(
        indicator__name="扶持创业", state=ReportState.APPROVED, value=39100
    )
    evidence = Evidence.objects.get(report=report)
    assert b"GPS" not in (settings.MEDIA_ROOT / evidence.file.name).read_bytes()
