from decimal import Decimal

import pytest

from minsheng.plans.choices import PlanState
from minsheng.progress.models import Evidence, EvidenceKind, ReportState
from minsheng.testing import make_indicator, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db


def get_json(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_openapi_description_is_served(client):
    description = get_json(client, "/api/openapi.json")
    assert description["openapi"].startswith("3.")
    assert "/api/plans/{year}/{jurisdiction}/projects" in description["paths"]


def test_plans_lists_only_public_plans(client, demo_plan):
    make_plan(year=2026, title="2026年草稿清单", state=PlanState.DRAFTING)
    data = get_json(client, "/api/plans")
    assert [plan["title"] for plan in data["items"]] == ["2025年市办实事"]
    assert data["count"] == 1


def test_a_draft_plan_is_not_found_in_the_api(client):
    plan = make_plan(year=2026, state=PlanState.DRAFTING)
    response = client.get(f"/api/plans/2026/{plan.jurisdiction.slug}")
    assert response.status_code == 404
    assert "Not found" in response.json()["detail"]


def test_a_plan_tells_its_status_counts_and_downloads(client, demo_plan):
    data = get_json(client, "/api/plans/2025/qingdao")
    assert data["project_count"] == 15
    assert sum(item["projects"] for item in data["status_counts"]) == 15
    assert data["downloads"]["csv"] == "/2025/qingdao/download.csv"


def test_projects_are_paginated(client, demo_plan):
    data = get_json(client, "/api/plans/2025/qingdao/projects?page=2&page_size=10")
    assert data["count"] == 15 and len(data["items"]) == 5
    assert data["items"][0]["number"] == 11


def test_projects_filter_by_words(client, demo_plan):
    data = get_json(client, "/api/plans/2025/qingdao/projects?q=停车位")
    assert [item["number"] for item in data["items"]] == [3]


def test_a_project_has_exact_figures(client, demo_plan):
    data = get_json(client, "/api/plans/2025/qingdao/projects/3")
    road = data["indicators"][0]
    assert road["target"] == 600 and road["actual"] == 778.55 and road["percent"] == 129.8
    assert road["status"] == "exceeded"


def test_indicators_filter_by_status(client, demo_plan):
    data = get_json(client, "/api/plans/2025/qingdao/indicators?status=exceeded&page_size=100")
    assert data["count"] > 0
    assert {item["status"] for item in data["items"]} == {"exceeded"}


def test_history_gives_each_approved_value_and_the_schedule(client):
    plan = make_plan()
    indicator = make_indicator(make_project(plan), target=Decimal(1000))
    make_report(indicator=indicator, value=250)
    make_report(indicator=indicator, value=999, state=ReportState.SUBMITTED)
    url = f"/api/plans/2025/{plan.jurisdiction.slug}/indicators/{indicator.pk}/history"
    data = get_json(client, url)
    assert data["actual"] == [{"date": "2025-06-30", "actual": 250, "percent": 25}]
    assert data["planned"][0] == {"date": "2025-01-01", "percent": 0}
    assert data["planned"][-1] == {"date": "2025-12-31", "percent": 100}


def test_draft_figures_never_reach_the_api(client):
    plan = make_plan()
    indicator = make_indicator(make_project(plan))
    make_report(indicator=indicator, value=4321, state=ReportState.DRAFT)
    text = client.get(f"/api/plans/2025/{plan.jurisdiction.slug}/projects/1").content.decode()
    assert "4321" not in text


def test_evidence_metadata_leaves_out_unapproved_reports(client):
    plan = make_plan()
    project = make_project(plan)
    indicator = make_indicator(project)
    draft = make_report(indicator=indicator, value=1, state=ReportState.SUBMITTED)
    Evidence.objects.create(project=project, kind=EvidenceKind.PHOTO, caption="公开照片")
    Evidence.objects.create(project=project, report=draft, kind=EvidenceKind.PHOTO, caption="待审")
    data = get_json(client, f"/api/plans/2025/{plan.jurisdiction.slug}/evidence")
    assert [item["caption"] for item in data["items"]] == ["公开照片"]


def test_answers_carry_an_etag_and_last_modified(client, demo_plan):
    response = client.get("/api/plans/2025/qingdao/projects")
    assert response["ETag"] and response["Last-Modified"]


def test_a_client_with_a_fresh_copy_gets_304(client, demo_plan):
    etag = client.get("/api/plans/2025/qingdao/projects")["ETag"]
    response = client.get("/api/plans/2025/qingdao/projects", headers={"if-none-match": etag})
    assert response.status_code == 304


def test_an_approved_report_changes_the_etag(client, demo_plan, django_capture_on_commit_callbacks):
    etag = client.get("/api/plans/2025/qingdao/projects")["ETag"]
    indicator = demo_plan.projects.get(number=3).indicators.first()
    with django_capture_on_commit_callbacks(execute=True):
        make_report(indicator=indicator, value=800)
    assert client.get("/api/plans/2025/qingdao/projects")["ETag"] != etag


def test_a_year_out_of_range_is_refused_with_422(client):
    assert client.get("/api/plans/1999/qingdao").status_code == 422


def test_too_many_requests_get_429_with_retry_after(client, demo_plan, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (3, 60), "download": (3, 60)}
    codes = [client.get("/api/plans").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = client.get("/api/plans")
    assert int(response["Retry-After"]) >= 1
    assert "Too many requests" in response.json()["detail"]


def test_the_rate_limit_counts_each_address_apart(client, demo_plan, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (1, 60), "download": (1, 60)}
    assert client.get("/api/plans", REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.get("/api/plans", REMOTE_ADDR="10.0.0.2").status_code == 200
    assert client.get("/api/plans", REMOTE_ADDR="10.0.0.1").status_code == 429


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(client, demo_plan, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (1, 60), "download": (1, 60)}
    client.get("/api/plans")
    response = client.get("/api/plans", headers={"x-forwarded-for": "203.0.113.9"})
    assert response.status_code == 429
