"""The office page: choose a plan, a document, a format and a style; the report is a job.

Submitting the form queues a ReportJob and redirects to its page, which refreshes every
2 s while the job runs and offers the file once it is done. A worker (`minsheng
run_report_jobs`) runs the jobs; the web process also starts a job itself right after
commit, for a set-up that has no worker (see docs/reports.md).
"""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from minsheng.accounts.scope import scope_of
from minsheng.reports.document import Kind, Style
from minsheng.reports.forms import ReportForm
from minsheng.reports.generate import Format
from minsheng.reports.models import ReportJob
from minsheng.reports.permissions import can_generate_reports
from minsheng.reports.selectors import recent_jobs
from minsheng.reports.services import report_job_request


def _jobs(request: HttpRequest) -> Any:
    """Report jobs of plans in the user's scope; another jurisdiction's job is 404."""
    return scope_of(request.user).filter(
        ReportJob.objects.select_related("plan__jurisdiction"), "plan__jurisdiction"
    )


def _require_office(request: HttpRequest) -> None:
    if not can_generate_reports(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    form = ReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = report_job_request(
            actor=request.user,
            plan=data["plan"],
            kind=Kind(data["kind"]),
            fmt=Format(data["format"]),
            style=Style(data["style"]),
            as_of=data["as_of"],
            start_after_commit=True,
        )
        return redirect("reports:job", pk=job.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "jobs": recent_jobs(user=request.user)}
    return render(request, "reports/index.html", context, status=status)


@login_required
@require_GET
def job(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    report_job = get_object_or_404(_jobs(request), pk=pk)
    return render(request, "reports/job.html", {"job": report_job})


@login_required
@require_GET
def download(request: HttpRequest, pk: int) -> FileResponse:
    """The job's file, to the office only: it is never served from a public media URL."""
    _require_office(request)
    report_job = get_object_or_404(_jobs(request), pk=pk)
    if report_job.state != ReportJob.State.DONE or not report_job.file:
        raise Http404
    return FileResponse(
        report_job.file.open("rb"),
        as_attachment=True,
        filename=report_job.filename,
        content_type=report_job.content_type,
    )
