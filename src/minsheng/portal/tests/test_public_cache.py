import pytest

from minsheng.portal import public_cache
from minsheng.progress.models import ReportState
from minsheng.testing import make_indicator, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db


def test_a_page_is_built_once_per_stamp(demo_plan):
    calls = []
    public_cache.cached(demo_plan.pk, ("x",), lambda: calls.append(1) or "a")
    assert public_cache.cached(demo_plan.pk, ("x",), lambda: calls.append(1) or "b") == "a"
    assert calls == [1]


def test_invalidating_a_plan_issues_a_new_stamp(demo_plan, django_capture_on_commit_callbacks):
    before = public_cache.stamp(demo_plan.pk)
    with django_capture_on_commit_callbacks(execute=True):
        public_cache.invalidate_plan(demo_plan.pk)
    assert public_cache.stamp(demo_plan.pk).token != before.token


def test_invalidating_waits_for_the_commit(demo_plan, django_capture_on_commit_callbacks):
    before = public_cache.stamp(demo_plan.pk)
    with django_capture_on_commit_callbacks(execute=False):
        public_cache.invalidate_plan(demo_plan.pk)
        assert public_cache.stamp(demo_plan.pk) == before


def test_approving_a_report_refreshes_the_project_page(client, django_capture_on_commit_callbacks):
    plan = make_plan()
    project = make_project(plan)
    indicator = make_indicator(project)
    url = f"/2025/{plan.jurisdiction.slug}/{project.number}/"
    report = make_report(indicator=indicator, value=1234, state=ReportState.SUBMITTED)
    assert "1234个" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        report.state = ReportState.APPROVED
        report.save()
    assert "1234个" in client.get(url).content.decode()


def test_a_change_to_one_plan_leaves_another_plans_stamp(django_capture_on_commit_callbacks):
    first, second = make_plan(), make_plan()
    before = public_cache.stamp(second.pk)
    with django_capture_on_commit_callbacks(execute=True):
        make_project(first)
    assert public_cache.stamp(second.pk) == before
