"""The open-data API under /api/: read-only JSON about public plans, described at /api/openapi.json.

Only public plans and approved figures, as on the portal. Every answer is cached under its
plan's stamp and carries an ETag and Last-Modified from it, so clients and caches revalidate
with If-None-Match / If-Modified-Since and get 304. Requests are rate limited per address
(core/ratelimit.py); over the limit the answer is 429 with Retry-After and a message in both languages.
"""

import functools
import json
import math
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition
from ninja import NinjaAPI, Path, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import Throttled
from ninja.openapi.docs import Swagger
from ninja.throttling import BaseThrottle
from pydantic import Field

from minsheng.core import ratelimit
from minsheng.core.i18n import bilingual
from minsheng.plans.interchange import json_number
from minsheng.plans.models import Plan
from minsheng.plans.selectors import public_plans
from minsheng.portal import public_cache
from minsheng.portal.filters import FILTER_NAMES, filter_values, matches, status_counts
from minsheng.portal.selectors import (
    indicator_histories,
    jurisdiction_tree,
    planned_curve,
    public_evidence,
    public_ledger,
    public_plan,
    public_project,
)
from minsheng.progress.selectors import IndicatorRow, MilestoneRow, ProjectRow

Number = int | float
SLUG = r"^[-a-z0-9_]+$"
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
NOT_FOUND = _("Not found: no public plan, project or indicator at this address.")


# The docs page loads django-ninja's bundled Swagger UI from our own static files only.
DOCS_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


def docs_policy(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The docs view with a Content-Security-Policy that allows nothing from outside."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = DOCS_POLICY
        return response

    return wrapped


class BundledSwagger(Swagger):
    """Ninja's Swagger UI page from its bundled template and our static files.

    Ninja renders that template only when it is an installed app, else a page that loads
    the UI from a CDN; it is not one here (settings.NINJA_FILES says why), so the page is
    rendered from the template found through TEMPLATES' DIRS.
    """

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        # No cookie authentication on the open-data API: Swagger sends no CSRF header.
        context = {"swagger_settings": json.dumps(self.settings, indent=1), "api": api}
        return render(request, self.template, {**context, "add_csrf": False})


class RateThrottle(BaseThrottle):
    """Ninja's hook onto the portal's shared-cache rate limit."""

    def __init__(self) -> None:
        self.wait_seconds: int | None = None

    def allow_request(self, request: HttpRequest) -> bool:
        self.wait_seconds = ratelimit.hit("api", ratelimit.client_key(request))
        return self.wait_seconds is None

    def wait(self) -> float | None:
        return self.wait_seconds


api = NinjaAPI(
    title="Minsheng open data",
    version="1",
    description=(
        "Public livelihood-project plans (民生实事), their projects, indicators, approved "
        "progress and evidence metadata. Only approved figures. Decimal figures are JSON "
        "numbers in the indicator's unit."
    ),
    urls_namespace="portal:api",
    docs=BundledSwagger(),
    docs_url="/docs",
    docs_decorator=docs_policy,
    throttle=[RateThrottle()],
)


class Error(Schema):
    detail: str


class InvalidInput(Schema):
    detail: list[dict[str, Any]]


@api.exception_handler(Throttled)
def too_many(request: HttpRequest, exc: Throttled) -> HttpResponse:
    wait = math.ceil(exc.wait or 1)
    return api.create_response(
        request, {"detail": ratelimit.too_many_message("api", wait)}, status=429
    )


ERRORS: dict[int, Any] = {404: Error, 422: InvalidInput, 429: Error}


# --- schemas -----------------------------------------------------------------------------


class PlanOut(Schema):
    jurisdiction: str
    jurisdiction_slug: str
    year: int
    title: str
    state: str
    url: str = Field(description="The plan's page on the portal")
    api_url: str
    downloads: dict[str, str]


class StatusCount(Schema):
    status: str
    projects: int


class PlanDetail(PlanOut):
    summary: str
    project_count: int
    status_counts: list[StatusCount]


class DepartmentOut(Schema):
    id: int
    name: str
    role: str


class IndicatorOut(Schema):
    id: int
    project_number: int
    name: str
    comparator: str
    target: Number
    unit: str
    baseline: Number | None
    due_date: date | None
    actual: Number | None
    actual_as_of: date | None
    percent: Number | None = Field(description="Percent of plan, one decimal")
    expected_percent: Number = Field(description="What the schedule asks for by today")
    status: str
    met_on: date | None


class MilestoneOut(Schema):
    name: str
    due_date: date | None
    done: bool
    done_on: date | None
    status: str


class ProjectOut(Schema):
    number: int
    title: str
    domain: str
    status: str
    percent: Number | None
    departments: list[DepartmentOut]
    url: str


class ProjectDetail(ProjectOut):
    description: str
    completion_summary: str
    indicators: list[IndicatorOut]
    milestones: list[MilestoneOut]


class PlannedPoint(Schema):
    date: date
    percent: Number


class ActualPoint(Schema):
    date: date
    actual: Number
    percent: Number


class HistoryOut(Schema):
    indicator: IndicatorOut
    planned: list[PlannedPoint]
    actual: list[ActualPoint]


class EvidenceOut(Schema):
    id: int
    project_number: int
    kind: str
    caption: str
    url: str
    file_url: str
    created_at: datetime


class Page(Schema):
    count: int
    page: int
    page_size: int


class PlanPage(Page):
    items: list[PlanOut]


class ProjectPage(Page):
    items: list[ProjectOut]


class IndicatorPage(Page):
    items: list[IndicatorOut]


class EvidencePage(Page):
    items: list[EvidenceOut]


class Paging(Schema):
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class ProjectFilters(Paging):
    domain: str | None = Field(None, max_length=30, description="Domain URL name")
    department: int | None = Field(None, ge=1, le=2**31 - 1, description="Department id")
    district: str | None = Field(None, max_length=60, description="District URL name")
    status: str | None = Field(None, max_length=20)
    q: str | None = Field(None, max_length=100, description="Words in title, text or indicators")


class IndicatorFilters(Paging):
    status: str | None = Field(None, max_length=20)
    domain: str | None = Field(None, max_length=30)
    project: int | None = Field(None, ge=1, le=32767, description="Project number")


class EvidenceFilters(Paging):
    project: int | None = Field(None, ge=1, le=32767, description="Project number")


# --- conversions -------------------------------------------------------------------------


def _n(value: Any) -> Number | None:
    return json_number(value)


def _plan_urls(plan: Plan) -> dict[str, Any]:
    args = {"year": plan.year, "jurisdiction": plan.jurisdiction.slug}
    return {
        "url": reverse("portal:plan", kwargs=args),
        "api_url": f"/api/plans/{plan.year}/{plan.jurisdiction.slug}",
        "downloads": {
            fmt: reverse("portal:download", kwargs={**args, "fmt": fmt})
            for fmt in ("json", "csv", "xlsx")
        },
    }


def plan_out(plan: Plan) -> PlanOut:
    return PlanOut(
        jurisdiction=plan.jurisdiction.name,
        jurisdiction_slug=plan.jurisdiction.slug,
        year=plan.year,
        title=plan.title,
        state=plan.state,
        **_plan_urls(plan),
    )


def indicator_out(project_number: int, item: IndicatorRow) -> IndicatorOut:
    indicator = item.indicator
    return IndicatorOut(
        id=indicator.pk,
        project_number=project_number,
        name=indicator.name,
        comparator=indicator.comparator,
        target=_n(indicator.target) or 0,
        unit=indicator.unit,
        baseline=_n(indicator.baseline),
        due_date=indicator.due_date,
        actual=_n(item.actual),
        actual_as_of=item.actual_as_of,
        percent=_n(item.percent),
        expected_percent=_n(item.assessment.expected_percent) or 0,
        status=item.status.value,
        met_on=item.met_on,
    )


def milestone_out(item: MilestoneRow) -> MilestoneOut:
    return MilestoneOut(
        name=item.milestone.name,
        due_date=item.milestone.due_date,
        done=item.done,
        done_on=item.done_on,
        status=item.status.value,
    )


def _project_fields(plan: Plan, row: ProjectRow) -> dict[str, Any]:
    project = row.project
    return {
        "number": project.number,
        "title": project.title,
        "domain": project.domain.name,
        "status": row.status.value,
        "percent": _n(row.percent),
        "departments": [
            DepartmentOut(id=link.department_id, name=link.department.name, role=link.role)
            for link in row.departments
        ],
        "url": reverse(
            "portal:project",
            kwargs={
                "year": plan.year,
                "jurisdiction": plan.jurisdiction.slug,
                "number": project.number,
            },
        ),
    }


def _window(items: list[Any], paging: Paging) -> tuple[int, list[Any]]:
    start = (paging.page - 1) * paging.page_size
    return len(items), items[start : start + paging.page_size]


def _json(body: bytes) -> HttpResponse:
    return HttpResponse(body, content_type="application/json; charset=utf-8")


def _cached(
    request: HttpRequest,
    scope: int | str,
    build: Callable[[], Schema],
    query: Schema | None = None,
) -> HttpResponse:
    """The answer for this address and query, built once per stamp (searches: every time).

    The key is the path and the validated query parameters (`query`), never the raw query
    string: made-up parameters are ignored, and a filter value the plan does not have is
    answered fresh rather than kept, so nobody can fill the cache with one-off entries.
    """
    params = query.model_dump() if query is not None else {}
    if params.get("q") or not _known_values(scope, params):
        return _json(build().model_dump_json().encode())
    parts = (request.path, tuple(sorted(params.items())))
    body = public_cache.cached(
        scope,
        parts,
        lambda: build().model_dump_json().encode(),
        token=_scope_stamp(request, scope).token,
    )
    return _json(body)


def _known_values(scope: int | str, params: dict[str, Any]) -> bool:
    given = {name: str(params[name]) for name in FILTER_NAMES if params.get(name) not in (None, "")}
    if not given or not isinstance(scope, int):
        return True
    values = public_cache.cached(
        scope, ("filter-values",), lambda: filter_values(public_ledger(_plan_by_id(scope)))
    )
    return all(value in values[name] for name, value in given.items())


# --- conditional requests ----------------------------------------------------------------


def _plan_id(request: HttpRequest, year: Any, jurisdiction: Any) -> int:
    """The id of the public plan at this address; 404 if there is none.

    Kept in the cache under the site stamp (which changes with any plan) and once per request,
    so that a cached answer needs no database query at all.
    """
    memo: dict[tuple[int, str], int] = request.__dict__.setdefault("_portal_plan_ids", {})
    key = (int(year), str(jurisdiction))
    if key not in memo:

        def find() -> int:
            try:
                return public_plan(*key).pk
            except Http404:
                return 0

        memo[key] = public_cache.cached(
            public_cache.SITE,
            ("plan-id", *key),
            find,
            token=_scope_stamp(request, public_cache.SITE).token,
        )
    if not memo[key]:
        raise Http404
    return memo[key]


def _plan_by_id(plan_id: int) -> Plan:
    return Plan.objects.select_related("jurisdiction").get(pk=plan_id)


def _scope_stamp(request: HttpRequest, scope: int | str) -> public_cache.Stamp:
    """A scope's stamp, read once per request (validators and the answer share it)."""
    memo: dict[int | str, public_cache.Stamp] = request.__dict__.setdefault("_portal_stamps", {})
    if scope not in memo:
        memo[scope] = public_cache.stamp(scope)
    return memo[scope]


def _stamp(request: HttpRequest, kwargs: dict[str, Any]) -> public_cache.Stamp | None:
    if "jurisdiction" not in kwargs:
        return _scope_stamp(request, public_cache.SITE)
    try:
        plan_id = _plan_id(request, kwargs["year"], kwargs["jurisdiction"])
    except (Http404, ValueError, TypeError):  # unknown or malformed: no validators
        return None
    return _scope_stamp(request, plan_id)


def _etag(request: HttpRequest, **kwargs: Any) -> str | None:
    stamp = _stamp(request, kwargs)
    return None if stamp is None else stamp.etag


def _last_modified(request: HttpRequest, **kwargs: Any) -> datetime | None:
    stamp = _stamp(request, kwargs)
    return None if stamp is None else stamp.issued_at


revalidated = decorate_view(condition(etag_func=_etag, last_modified_func=_last_modified))


# --- endpoints ---------------------------------------------------------------------------


class JurisdictionNode(Schema):
    name: str
    slug: str
    level: str
    children: list["JurisdictionNode"]


@api.get("/jurisdictions", response={200: list[JurisdictionNode], **ERRORS}, tags=["plans"])
def list_jurisdictions(request: HttpRequest) -> Any:
    """The jurisdiction tree (province → city → district); a province's cities' plans are
    listed under /plans by their jurisdiction slugs."""
    return jurisdiction_tree()


class Index(Schema):
    title: str
    message: str
    docs: str
    openapi: str
    plans: str


@api.get("/", response=Index, include_in_schema=False)
def index(request: HttpRequest) -> Index:
    """/api/ itself: where the documentation and the OpenAPI file are, in Chinese and English."""
    docs = reverse("portal:api:openapi-view")
    openapi = reverse("portal:api:openapi-json")
    return Index(
        title="民生实事开放数据接口 · Minsheng open data API",
        message=(
            f"接口文档见 {docs}，OpenAPI 描述文件见 {openapi}。"
            f" API documentation: {docs}; OpenAPI description: {openapi}."
        ),
        docs=docs,
        openapi=openapi,
        plans=reverse("portal:api:list_plans"),
    )


@api.get("/plans", response={200: PlanPage, **ERRORS}, tags=["plans"])
@revalidated
def list_plans(request: HttpRequest, paging: Query[Paging]) -> HttpResponse:
    """Public plans, newest first."""

    def build() -> PlanPage:
        count, items = _window(public_plans(), paging)
        return PlanPage(
            count=count,
            page=paging.page,
            page_size=paging.page_size,
            items=[plan_out(plan) for plan in items],
        )

    return _cached(request, public_cache.SITE, build, paging)


YEAR = Path(..., ge=2000, le=2100, examples=[2025])
JURISDICTION = Path(..., pattern=SLUG, max_length=60, examples=["qingdao"])


@api.get("/plans/{year}/{jurisdiction}", response={200: PlanDetail, **ERRORS}, tags=["plans"])
@revalidated
def get_plan(
    request: HttpRequest, year: int = YEAR, jurisdiction: str = JURISDICTION
) -> HttpResponse:
    """One plan with its status counts."""
    plan_id = _plan_id(request, year, jurisdiction)

    def build() -> PlanDetail:
        plan = _plan_by_id(plan_id)
        ledger = public_ledger(plan)
        return PlanDetail(
            **plan_out(plan).model_dump(),
            summary=plan.summary,
            project_count=len(ledger),
            status_counts=[
                StatusCount(status=status.value, projects=count)
                for status, count in status_counts(ledger)
            ],
        )

    return _cached(request, plan_id, build)


@api.get(
    "/plans/{year}/{jurisdiction}/projects",
    response={200: ProjectPage, **ERRORS},
    tags=["projects"],
)
@revalidated
def list_projects(
    request: HttpRequest,
    filters: Query[ProjectFilters],
    year: int = YEAR,
    jurisdiction: str = JURISDICTION,
) -> HttpResponse:
    """A plan's projects with status and percent; filter by domain, department, district, status, words."""
    plan_id = _plan_id(request, year, jurisdiction)

    def build() -> ProjectPage:
        plan = _plan_by_id(plan_id)
        criteria = {
            name: str(value)
            for name, value in filters.model_dump(exclude={"page", "page_size"}).items()
            if value not in (None, "")
        }
        rows = [row for row in public_ledger(plan) if matches(row, criteria)]
        count, items = _window(rows, filters)
        return ProjectPage(
            count=count,
            page=filters.page,
            page_size=filters.page_size,
            items=[ProjectOut(**_project_fields(plan, row)) for row in items],
        )

    return _cached(request, plan_id, build, filters)


@api.get(
    "/plans/{year}/{jurisdiction}/projects/{number}",
    response={200: ProjectDetail, **ERRORS},
    tags=["projects"],
)
@revalidated
def get_project(
    request: HttpRequest,
    year: int = YEAR,
    jurisdiction: str = JURISDICTION,
    number: int = Path(..., ge=1, le=32767),
) -> HttpResponse:
    """One project with every indicator and milestone."""
    plan_id = _plan_id(request, year, jurisdiction)

    def build() -> ProjectDetail:
        plan = _plan_by_id(plan_id)
        row = public_project(plan, number)
        return ProjectDetail(
            **_project_fields(plan, row),
            description=row.project.description,
            completion_summary=row.project.completion_summary,
            indicators=[indicator_out(number, item) for item in row.indicators],
            milestones=[milestone_out(item) for item in row.milestones],
        )

    return _cached(request, plan_id, build)


@api.get(
    "/plans/{year}/{jurisdiction}/indicators",
    response={200: IndicatorPage, **ERRORS},
    tags=["indicators"],
)
@revalidated
def list_indicators(
    request: HttpRequest,
    filters: Query[IndicatorFilters],
    year: int = YEAR,
    jurisdiction: str = JURISDICTION,
) -> HttpResponse:
    """Every indicator of a plan with target, actual, percent and status."""
    plan_id = _plan_id(request, year, jurisdiction)

    def build() -> IndicatorPage:
        plan = _plan_by_id(plan_id)
        found = [
            indicator_out(row.project.number, item)
            for row in public_ledger(plan)
            if filters.project in (None, row.project.number)
            and filters.domain in (None, "", row.project.domain.slug)
            for item in row.indicators
            if filters.status in (None, "", item.status.value)
        ]
        count, items = _window(found, filters)
        return IndicatorPage(
            count=count, page=filters.page, page_size=filters.page_size, items=items
        )

    return _cached(request, plan_id, build, filters)


def _find_indicator(plan: Plan, indicator_id: int) -> tuple[int, IndicatorRow]:
    for row in public_ledger(plan):
        for item in row.indicators:
            if item.indicator.pk == indicator_id:
                return row.project.number, item
    raise Http404


@api.get(
    "/plans/{year}/{jurisdiction}/indicators/{indicator_id}/history",
    response={200: HistoryOut, **ERRORS},
    tags=["indicators"],
)
@revalidated
def indicator_history(
    request: HttpRequest,
    year: int = YEAR,
    jurisdiction: str = JURISDICTION,
    indicator_id: int = Path(..., ge=1, le=2**62),
) -> HttpResponse:
    """An indicator's approved cumulative actual after each report, beside its planned schedule."""
    plan_id = _plan_id(request, year, jurisdiction)

    def build() -> HistoryOut:
        plan = _plan_by_id(plan_id)
        number, item = _find_indicator(plan, indicator_id)
        history = indicator_histories(plan, [item.indicator])[item.indicator.pk]
        return HistoryOut(
            indicator=indicator_out(number, item),
            planned=[
                PlannedPoint(date=day, percent=_n(percent) or 0)
                for day, percent in planned_curve(plan, item.indicator)
            ],
            actual=[
                ActualPoint(
                    date=point.as_of, actual=_n(point.actual) or 0, percent=_n(point.percent) or 0
                )
                for point in history
            ],
        )

    return _cached(request, plan_id, build)


@api.get(
    "/plans/{year}/{jurisdiction}/evidence",
    response={200: EvidencePage, **ERRORS},
    tags=["evidence"],
)
@revalidated
def list_evidence(
    request: HttpRequest,
    filters: Query[EvidenceFilters],
    year: int = YEAR,
    jurisdiction: str = JURISDICTION,
) -> HttpResponse:
    """Evidence metadata (captions, kinds, links) of approved reports and of the plan itself."""
    plan_id = _plan_id(request, year, jurisdiction)

    def build() -> EvidencePage:
        plan = _plan_by_id(plan_id)
        found = [
            EvidenceOut(
                id=item.pk,
                project_number=item.project.number,
                kind=item.kind,
                caption=item.caption,
                url=item.url,
                file_url=reverse("progress:public_evidence", args=[item.pk, "file"])
                if item.file
                else "",
                created_at=item.created_at,
            )
            for item in public_evidence(plan)
            if filters.project in (None, item.project.number)
        ]
        count, items = _window(found, filters)
        return EvidencePage(
            count=count, page=filters.page, page_size=filters.page_size, items=items
        )

    return _cached(request, plan_id, build, filters)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": bilingual(NOT_FOUND)}, status=404)
