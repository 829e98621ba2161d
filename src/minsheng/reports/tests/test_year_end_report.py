"""The report model reads approved data only and says plainly what is not done."""

from datetime import date
from decimal import Decimal

import pytest

from minsheng.plans.choices import Status
from minsheng.progress.models import Evidence, EvidenceKind, ReportState
from minsheng.reports.selectors import year_end_report
from minsheng.testing import make_indicator, make_milestone, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db
YEAR_END = date(2025, 12, 31)


@pytest.fixture
def plan():
    return make_plan()


def test_only_approved_reports_count(plan):
    indicator = make_indicator(make_project(plan), target=Decimal(100))
    make_report(indicator=indicator, value=60, as_of=date(2025, 6, 30))
    make_report(
        indicator=indicator, value=150, as_of=date(2025, 12, 1), state=ReportState.SUBMITTED
    )
    figure = year_end_report(plan, as_of=YEAR_END).indicators[0]
    assert figure.actual == Decimal(60)


def test_the_headline_does_not_claim_success_when_a_project_is_lagging(plan):
    done = make_indicator(make_project(plan), target=Decimal(100))
    make_report(indicator=done, value=100, as_of=YEAR_END)
    lagging = make_indicator(make_project(plan, title="建设停车场"), target=Decimal(100))
    make_report(indicator=lagging, value=40, as_of=YEAR_END)
    report = year_end_report(plan, as_of=YEAR_END)
    assert report.headline == "2025年市办实事完成情况：2件中1件实现年度目标"
    assert "2件市办实事中1件已实现年度目标，1件尚未完成（第2件）。" in report.lead
    assert "1项进度滞后" in report.lead


def test_the_lead_counts_exceeded_projects(plan):
    indicator = make_indicator(make_project(plan), target=Decimal(100))
    make_report(indicator=indicator, value=120, as_of=YEAR_END)
    report = year_end_report(plan, as_of=YEAR_END)
    assert report.headline == "年终捷报：1件市办实事全部办妥"
    assert "1件市办实事均已顺利实现年度目标，其中1件超额完成。" in report.lead


def test_an_unfinished_milestone_is_not_written_as_done(plan):
    milestone = make_milestone(make_project(plan))
    make_report(milestone=milestone, done=False, as_of=date(2025, 11, 30))
    project = year_end_report(plan, as_of=YEAR_END).projects[0]
    assert project.milestones[0].status == Status.ON_TRACK
    assert "建成浮山全民健身中心，正按计划推进" in project.completion_text


def test_the_narrative_comes_from_the_latest_approved_report(plan):
    indicator = make_indicator(make_project(plan), target=Decimal(100))
    make_report(
        indicator=indicator, value=50, as_of=date(2025, 6, 30), narrative="上半年进展顺利。"
    )
    make_report(indicator=indicator, value=100, as_of=YEAR_END, narrative="全面完成，群众满意。")
    make_report(
        indicator=indicator,
        value=100,
        as_of=YEAR_END,
        narrative="尚未审核的说法。",
        state=ReportState.SUBMITTED,
    )
    project = year_end_report(plan, as_of=YEAR_END).projects[0]
    assert project.completion_text.endswith("。全面完成，群众满意。")


def test_evidence_of_an_unapproved_report_is_left_out(plan):
    project = make_project(plan)
    indicator = make_indicator(project)
    pending = make_report(indicator=indicator, value=1, state=ReportState.SUBMITTED)
    Evidence.objects.create(project=project, kind=EvidenceKind.PHOTO, caption="公开的照片。")
    Evidence.objects.create(
        project=project, report=pending, kind=EvidenceKind.PHOTO, caption="待审核的照片。"
    )
    captions = [item.caption for item in year_end_report(plan, as_of=YEAR_END).projects[0].evidence]
    assert captions == ["公开的照片。"]


def test_reports_after_the_as_of_date_are_not_counted(plan):
    indicator = make_indicator(make_project(plan), target=Decimal(100))
    make_report(indicator=indicator, value=100, as_of=date(2026, 1, 15))
    figure = year_end_report(plan, as_of=YEAR_END).indicators[0]
    assert figure.actual is None
    assert figure.sentence.endswith("暂无经审核的完成数据")


def test_the_demo_report_is_read_in_a_fixed_number_of_queries(
    demo_plan, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14):
        year_end_report(demo_plan, as_of=YEAR_END)


def test_a_plan_without_projects_says_so(plan):
    report = year_end_report(plan, as_of=YEAR_END)
    assert report.lead == "截至2025年12月31日，2025年市办实事尚无项目。"
    assert report.subheadline == ""
