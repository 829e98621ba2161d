from datetime import date
from decimal import Decimal

import pytest

from minsheng.plans.choices import PlanState
from minsheng.plans.models import Domain
from minsheng.progress.models import Evidence, EvidenceKind, ReportState
from minsheng.testing import (
    make_allocation,
    make_district,
    make_indicator,
    make_milestone,
    make_plan,
    make_project,
    make_report,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_plan():
    plan = make_plan(year=2025)
    project = make_project(plan, title="新增公共停车位项目")
    indicator = make_indicator(project, target=Decimal(10000))
    return plan, project, indicator


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_plan_has_a_stable_readable_address(client, demo_plan):
    text = page(client, "/2025/qingdao/")
    assert "2025年市办实事" in text
    assert 'href="/2025/qingdao/3/"' in text


def test_home_counts_projects_by_status(client, demo_plan):
    text = page(client, "/")
    assert 'class="counts"' in text
    assert "超额完成" in text


def test_every_project_has_a_progress_bar(client, demo_plan):
    text = page(client, "/")
    assert text.count('role="progressbar"') == 15


def test_the_project_page_shows_each_indicator_with_target_actual_percent_and_status(
    client, demo_plan
):
    text = page(client, "/2025/qingdao/3/")
    assert "养护提升“四好农村路”" in text
    assert "600公里" in text and "778.55公里" in text and "129.8%" in text
    assert "1.34万个" in text
    assert "超额完成" in text


def test_the_project_page_names_its_departments(client, demo_plan):
    text = page(client, "/2025/qingdao/3/")
    assert "市交通运输局" in text and "牵头单位" in text


def test_the_project_page_shows_evidence_captions(client, demo_plan):
    text = page(client, "/2025/qingdao/3/")
    assert "崂山区东麦窑村进村路养护提升后焕然一新。" in text


def test_the_project_page_lists_approved_reports(client, demo_plan):
    text = page(client, "/2025/qingdao/3/")
    assert '<time datetime="2025-12-31">' in text


def test_the_project_page_carries_chart_data_for_every_indicator(client, demo_plan):
    text = page(client, "/2025/qingdao/3/")
    assert text.count('data-chart="indicator-') == 5
    assert "echarts.min.js" in text


def test_an_unknown_project_is_not_found(client, demo_plan):
    assert client.get("/2025/qingdao/99/").status_code == 404


def test_a_draft_plan_is_not_on_the_home_page(client, small_plan):
    make_plan(year=2026, title="2026年草稿清单", state=PlanState.DRAFTING)
    text = page(client, "/")
    assert "2026年草稿清单" not in text


def test_a_draft_plan_has_no_public_address(client):
    plan = make_plan(year=2026, state=PlanState.DRAFTING)
    assert client.get(f"/2026/{plan.jurisdiction.slug}/").status_code == 404


def test_a_plan_being_voted_on_is_not_public(client):
    plan = make_plan(year=2026, state=PlanState.VOTING)
    assert client.get(f"/2026/{plan.jurisdiction.slug}/").status_code == 404


@pytest.mark.parametrize("state", [ReportState.DRAFT, ReportState.SUBMITTED, ReportState.RETURNED])
def test_a_report_that_is_not_approved_never_shows(client, small_plan, state):
    plan, project, indicator = small_plan
    make_report(indicator=indicator, value=7777, state=state, narrative="内部草稿说明")
    text = page(client, f"/2025/{plan.jurisdiction.slug}/{project.number}/")
    assert "7777" not in text and "内部草稿说明" not in text


def test_the_review_comment_of_an_approved_report_never_shows(client, small_plan):
    plan, project, indicator = small_plan
    make_report(indicator=indicator, value=5000, review_comment="内部审核意见：数字偏高")
    text = page(client, f"/2025/{plan.jurisdiction.slug}/{project.number}/")
    assert "5000个" in text
    assert "内部审核意见" not in text


def test_evidence_of_a_report_not_yet_approved_never_shows(client, small_plan):
    plan, project, indicator = small_plan
    draft = make_report(indicator=indicator, value=10, state=ReportState.SUBMITTED)
    approved = make_report(indicator=indicator, value=20)
    Evidence.objects.create(
        project=project, report=draft, kind=EvidenceKind.PHOTO, caption="待审照片"
    )
    Evidence.objects.create(
        project=project, report=approved, kind=EvidenceKind.PHOTO, caption="已审照片"
    )
    text = page(client, f"/2025/{plan.jurisdiction.slug}/{project.number}/")
    assert "已审照片" in text and "待审照片" not in text


def test_past_years_are_one_click_away(client, small_plan):
    plan, _project, _indicator = small_plan
    make_plan(
        year=2024, jurisdiction=plan.jurisdiction, title="2024年市办实事", state=PlanState.CLOSED
    )
    text = page(client, "/")
    assert f'href="/2024/{plan.jurisdiction.slug}/"' in text


def test_an_early_milestone_says_completed_early(client, small_plan):
    plan, project, _indicator = small_plan
    milestone = make_milestone(project, due_date=date(2025, 12, 31))
    make_report(milestone=milestone, done=True, as_of=date(2025, 9, 30))
    text = page(client, f"/2025/{plan.jurisdiction.slug}/{project.number}/")
    assert "提前完成" in text and "2025-09-30" in text


def test_the_domain_filter_keeps_only_that_domain(client, demo_plan):
    domain = Domain.objects.get(name="交通出行")
    text = page(client, "/?domain=" + domain.slug)
    assert text.count('class="card"') == demo_plan.projects.filter(domain=domain).count() < 15
    assert "改善城乡出行条件" in text


def test_the_search_box_finds_projects_by_indicator_name(client, demo_plan):
    text = page(client, "/?q=停车位")
    assert "改善城乡出行条件" in text
    assert text.count('class="card"') == 1


def test_the_status_filter_keeps_only_that_status(client, small_plan):
    plan, _project, indicator = small_plan
    other = make_project(plan, title="另一个项目")
    make_indicator(other)
    make_report(indicator=indicator, value=20000)
    text = page(client, "/?status=exceeded")
    assert "新增公共停车位项目" in text and "另一个项目" not in text


def test_the_department_filter_keeps_that_departments_projects(client, small_plan):
    plan, project, _indicator = small_plan
    make_project(plan, title="另一个项目")
    department = project.project_departments.get().department
    text = page(client, f"/?department={department.pk}")
    assert "新增公共停车位项目" in text and "另一个项目" not in text


def test_the_district_filter_keeps_projects_allocated_to_that_district(client, small_plan):
    plan, _project, indicator = small_plan
    district = make_district(plan.jurisdiction, name="市南区", slug="shinan")
    make_allocation(indicator, district, Decimal(10000))
    make_project(plan, title="另一个项目")
    text = page(client, "/?district=shinan")
    assert "新增公共停车位项目" in text and "另一个项目" not in text


def test_an_unknown_filter_value_is_ignored(client, demo_plan):
    text = page(client, "/?status=nonsense&domain=%3Cscript%3E")
    assert text.count('class="card"') == 15


def test_search_text_is_escaped(client, demo_plan):
    text = page(client, "/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)" not in text


def test_english_is_one_switch_away(client, demo_plan):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    text = page(client, "/")
    assert "Overview" in text and "exceeded" in text


def test_large_text_mode_is_remembered(client, demo_plan):
    response = client.post("/text-size/", {"size": "large", "next": "/2025/qingdao/3/"})
    assert response.status_code == 302 and response["Location"] == "/2025/qingdao/3/"
    assert 'class="portal large-text"' in page(client, "/2025/qingdao/3/")


def test_large_text_mode_can_be_switched_off(client, demo_plan):
    client.post("/text-size/", {"size": "large", "next": "/"})
    client.post("/text-size/", {"size": "normal", "next": "/"})
    assert "large-text" not in page(client, "/").split("<body", 1)[1].split(">", 1)[0]


def test_the_text_size_switch_never_redirects_off_site(client):
    response = client.post("/text-size/", {"size": "large", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_an_evidence_link_that_is_not_a_web_address_is_not_a_link(client, small_plan):
    plan, project, _indicator = small_plan
    Evidence.objects.create(
        project=project, kind=EvidenceKind.LINK, caption="可疑链接", url="javascript:alert(1)"
    )
    text = page(client, f"/2025/{plan.jurisdiction.slug}/{project.number}/")
    assert "可疑链接" in text and "javascript:" not in text


def test_an_evidence_caption_is_escaped(client, small_plan):
    plan, project, _indicator = small_plan
    Evidence.objects.create(project=project, kind=EvidenceKind.PHOTO, caption="<b>现场</b>")
    text = page(client, f"/2025/{plan.jurisdiction.slug}/{project.number}/")
    assert "&lt;b&gt;现场&lt;/b&gt;" in text


def test_a_finished_project_says_when_it_finished(client, small_plan):
    plan, project, indicator = small_plan
    make_report(indicator=indicator, value=10000, as_of=date(2025, 10, 15))
    text = page(client, f"/2025/{plan.jurisdiction.slug}/{project.number}/")
    assert "完成于2025-10-15" in text and "提前完成" in text


def test_an_unfinished_project_gives_no_finishing_date(client, small_plan):
    plan, project, indicator = small_plan
    make_report(indicator=indicator, value=5000, as_of=date(2025, 10, 15))
    assert "完成于" not in page(client, f"/2025/{plan.jurisdiction.slug}/{project.number}/")


def test_chinese_plan_data_is_marked_as_chinese_on_english_pages(client, demo_plan):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    text = page(client, "/2025/qingdao/3/")
    assert '<html lang="en">' in text
    assert '<span lang="zh-Hans">改善城乡出行条件</span>' in text
