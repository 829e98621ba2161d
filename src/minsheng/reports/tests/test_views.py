"""The office page: only the office generates, and the download is the generated file."""

import pytest
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.reports.models import ReportJob
from minsheng.reports.services import report_job_run
from minsheng.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
    client.force_login(make_user(role, plan=demo_plan))
    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data(demo_plan)).status_code == 403


def test_the_office_sees_the_form(client, demo_plan):
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    response = client.get(URL)
    assert response.status_code == 200
    assert "青岛市 · 2025年市办实事" in response.content.decode()


def submitted_job(client, plan, **overrides):
    response = client.post(URL, form_data(plan, **overrides))
    job = ReportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:job", args=[job.pk])
    return job


def test_submitting_the_form_queues_a_job_and_shows_its_page(client, demo_plan):
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    job = submitted_job(client, demo_plan)
    assert (job.state, job.format, job.requested_by.role) == ("queued", "md", Role.OFFICE)
    page = client.get(reverse("reports:job", args=[job.pk])).content.decode()
    assert '<progress id="job-progress" max="100" value="0">' in page
    assert '<meta http-equiv="refresh" content="2">' in page


def test_a_finished_job_offers_the_download_and_stops_refreshing(client, demo_plan):
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    job = submitted_job(client, demo_plan)
    report_job_run(job)
    page = client.get(reverse("reports:job", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert reverse("reports:download", args=[job.pk]) in page
    assert 'value="100"' in page


def test_the_office_downloads_the_markdown_report(client, demo_plan):
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    job = submitted_job(client, demo_plan)
    report_job_run(job)
    response = client.get(reverse("reports:download", args=[job.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="qingdao-2025-report')
    assert "扶持创业3.84万人，占年计划的128%" in b"".join(response.streaming_content).decode()


def test_the_office_downloads_the_official_pdf(client, demo_plan):
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    job = submitted_job(client, demo_plan, format="pdf", style="official")
    report_job_run(job)
    response = client.get(reverse("reports:download", args=[job.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_unfinished_job_has_no_download(client, demo_plan):
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    job = submitted_job(client, demo_plan)
    assert client.get(reverse("reports:download", args=[job.pk])).status_code == 404


def test_the_index_lists_recent_jobs(client, demo_plan):
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    job = submitted_job(client, demo_plan)
    page = client.get(URL).content.decode()
    assert reverse("reports:job", args=[job.pk]) in page


def test_a_failed_job_shows_its_message(client, demo_plan, settings, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("x")
    settings.MEDIA_ROOT = blocked
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    job = submitted_job(client, demo_plan)
    report_job_run(job)
    page = client.get(reverse("reports:job", args=[job.pk])).content.decode()
    assert 'class="error" role="alert"' in page
    assert "NotADirectoryError" in page


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
@pytest.mark.parametrize("view", ["reports:job", "reports:download"])
def test_anyone_but_the_office_is_refused_every_job_view(client, demo_plan, role, view):
    office = make_user(Role.OFFICE, plan=demo_plan)
    client.force_login(office)
    job = submitted_job(client, demo_plan)
    report_job_run(job)
    client.force_login(make_user(role, plan=demo_plan))
    assert client.get(reverse(view, args=[job.pk])).status_code == 403


@pytest.mark.parametrize("view", ["reports:job", "reports:download"])
def test_an_anonymous_visitor_gets_no_job_view(client, demo_plan, view):
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    job = submitted_job(client, demo_plan)
    report_job_run(job)
    client.logout()
    response = client.get(reverse(view, args=[job.pk]))
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_a_bad_date_is_shown_as_an_error_and_keeps_the_choices(client, demo_plan):
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    response = client.post(URL, form_data(demo_plan, as_of="2025-13-01", format="docx"))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    assert '<option value="docx" selected>' in page


def test_an_unknown_format_is_refused(client, demo_plan):
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    assert client.post(URL, form_data(demo_plan, format="exe")).status_code == 400
