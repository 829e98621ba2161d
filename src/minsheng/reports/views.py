"""The office page: choose a plan, a document, a format and a style, and download the file.

Generation runs inside the request: the demo plan's PDF takes about a second, and a
100-project plan a few seconds (benchmarks/report_benchmark.py), which is acceptable for
the office's occasional use; a background job with progress is left for larger plans.
"""

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from minsheng.reports.document import Kind, Style
from minsheng.reports.forms import ReportForm
from minsheng.reports.generate import Format, generate
from minsheng.reports.permissions import can_generate_reports


@login_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    if not can_generate_reports(request.user):
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        output = generate(
            data["plan"],
            kind=Kind(data["kind"]),
            fmt=Format(data["format"]),
            style=Style(data["style"]),
            as_of=data["as_of"],
        )
        response = HttpResponse(output.content, content_type=output.content_type)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(output.filename)}"
        return response
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/index.html", {"form": form}, status=status)
