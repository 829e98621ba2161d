"""The auditor's screens: the trail, filtered, and its CSV export. Read only."""

import csv
import json
from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from minsheng.audit.permissions import can_read_audit, readable_records
from minsheng.audit.selectors import audit_records, changed_fields, filters_from

PAGE_SIZE = 50


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The audit trail, newest first, fifty to a page."""
    if not can_read_audit(request.user):
        raise PermissionDenied
    filters = filters_from(request.GET)
    records = readable_records(request.user, audit_records(**filters))
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/index.html",
        {
            "page": page,
            "rows": [(record, changed_fields(record.before, record.after)) for record in page],
            "filters": filters,
            "query": query.urlencode(),
        },
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ would run as a formula in Excel: quote it.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@require_GET
@login_required
def export(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered trail as CSV (UTF-8 with BOM, so Excel opens the Chinese correctly)."""
    if not can_read_audit(request.user):
        raise PermissionDenied
    records = readable_records(request.user, audit_records(**filters_from(request.GET)))
    writer = csv.writer(_Echo())
    header = [
        _("time"),
        _("actor"),
        _("action"),
        _("object type"),
        _("object id"),
        _("object"),
        _("before"),
        _("after"),
        _("IP address"),
    ]

    def rows() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(header)
        for record in records.iterator(chunk_size=500):
            yield writer.writerow(
                [
                    _cell(timezone.localtime(record.at).isoformat()),
                    _cell(record.actor_name),
                    _cell(record.action),
                    _cell(record.content_type.model if record.content_type else ""),
                    _cell(record.object_id),
                    _cell(record.object_repr),
                    _cell(json.dumps(record.before, ensure_ascii=False) if record.before else ""),
                    _cell(json.dumps(record.after, ensure_ascii=False) if record.after else ""),
                    _cell(record.ip_address),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
    return response
