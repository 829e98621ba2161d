"""The office page: only the office generates, and the download is the generated file."""

import pytest
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.testing import make_user

pytestmark = pytest.mark.django_db
URL = "/reports/"


def form_data(plan, **overrides):
    return {
        "plan": plan.pk,
        "kind": "year_end",
        "format": "md",
        "style": "press",
        "as_of": "2025-12-31",
        **overrides,
    }


def test_the_page_is_named_reports_index():
    assert reverse("reports:index") == URL


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


@pytest.mark.parametrize(
    "role",
    [
        Role.DEPARTMENT_REPORTER,
        Role.DISTRICT_REPORTER,
        Role.SUPERVISOR,
        Role.AUDITOR,
        Role.OBSERVER,
    ],
)
def test_anyone_but_the_office_is_refused(client, demo_plan, role):
    client.force_login(make_user(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data(demo_plan)).status_code == 403


def test_the_office_sees_the_form(client, demo_plan):
    client.force_login(make_user(Role.OFFICE))
    response = client.get(URL)
    assert response.status_code == 200
    assert "青岛市 · 2025年市办实事" in response.content.decode()


def test_the_office_downloads_the_markdown_report(client, demo_plan):
    client.force_login(make_user(Role.OFFICE))
    response = client.post(URL, form_data(demo_plan))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        "attachment; filename*=UTF-8''qingdao-2025-report"
    )
    assert "扶持创业3.84万人，占年计划的128%" in response.content.decode("utf-8")


def test_the_office_downloads_the_official_pdf(client, demo_plan):
    client.force_login(make_user(Role.OFFICE))
    response = client.post(URL, form_data(demo_plan, format="pdf", style="official"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_bad_date_is_shown_as_an_error_and_keeps_the_choices(client, demo_plan):
    client.force_login(make_user(Role.OFFICE))
    response = client.post(URL, form_data(demo_plan, as_of="2025-13-01", format="docx"))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    assert '<option value="docx" selected>' in page


def test_an_unknown_format_is_refused(client, demo_plan):
    client.force_login(make_user(Role.OFFICE))
    assert client.post(URL, form_data(demo_plan, format="exe")).status_code == 400
