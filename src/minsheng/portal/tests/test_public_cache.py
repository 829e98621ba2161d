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


def test_the_language_switch_works_from_a_cached_page(demo_plan):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.get("/")
    browser.get("/")
    response = browser.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert "Overview" in browser.get("/").content.decode()


def test_the_text_size_switch_works_from_a_cached_page(demo_plan):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.get("/")
    response = browser.post("/text-size/", {"size": "large", "next": "/"})
    assert response.status_code == 302
    assert "large-text" in browser.get("/").content.decode()


def test_the_switches_redirect_only_within_the_site(demo_plan):
    from django.test import Client

    response = Client().post("/text-size/", {"size": "large", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_other_forms_still_need_their_csrf_token(demo_plan):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/accounts/login/", {"username": "x", "password": "y"}
    )
    assert response.status_code == 403


def test_a_signed_in_visitor_never_gets_the_anonymous_page(client, demo_plan):
    from minsheng.testing import make_user

    client.get("/")
    client.force_login(make_user(username="wanghong"))
    assert "wanghong" in client.get("/").content.decode()


def test_a_plan_taken_back_to_drafting_disappears_at_once(
    client, demo_plan, django_capture_on_commit_callbacks
):
    from minsheng.plans.choices import PlanState

    assert client.get("/api/plans/2025/qingdao").status_code == 200
    assert client.get("/2025/qingdao/3/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        demo_plan.state = PlanState.DRAFTING
        demo_plan.save()
    assert client.get("/api/plans/2025/qingdao").status_code == 404
    assert client.get("/2025/qingdao/3/").status_code == 404


def test_a_cached_page_needs_no_database_query(client, demo_plan, django_assert_num_queries):
    client.get("/2025/qingdao/3/")
    client.cookies.clear()
    # The stamp is read from the cache (its own file, or Redis), never from the database.
    with django_assert_num_queries(0):
        assert client.get("/2025/qingdao/3/").status_code == 200


def test_a_cached_api_answer_needs_no_database_query(client, demo_plan, django_assert_num_queries):
    client.get("/api/plans/2025/qingdao/projects")
    # The stamps and the answer come from the cache, the rate-limit counter is kept there.
    with django_assert_num_queries(0):
        assert client.get("/api/plans/2025/qingdao/projects").status_code == 200


def test_approval_through_the_review_service_refreshes_the_page(
    client, django_capture_on_commit_callbacks
):
    # The service writes with UPDATE … WHERE version (no post_save); its own signal must do.
    from minsheng.accounts.models import Role
    from minsheng.progress.services import progress_report_approve
    from minsheng.testing import make_user

    plan = make_plan()
    project = make_project(plan)
    url = f"/2025/{plan.jurisdiction.slug}/{project.number}/"
    report = make_report(indicator=make_indicator(project), value=4321, state=ReportState.SUBMITTED)
    assert "4321个" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        progress_report_approve(
            actor=make_user(Role.OFFICE, plan=plan), report=report, expected_version=report.version
        )
    assert "4321个" in client.get(url).content.decode()
