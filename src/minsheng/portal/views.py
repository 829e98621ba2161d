"""The public portal: the current plan, every project with its figures and evidence, downloads.

Pages are rendered once per plan stamp and language (public_cache) and wrapped per request in
base.html, which carries the visitor's CSRF token and navigation. Only public plans and approved
figures reach these templates (selectors).
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from minsheng.core import ratelimit
from minsheng.core.views import too_many_requests
from minsheng.plans.models import Plan
from minsheng.portal import downloads, public_cache, selectors
from minsheng.portal.filters import (
    ProjectFilterForm,
    filter_values,
    known_filters,
    matches,
    status_counts,
)
from minsheng.portal.presenters import finished_on, indicator_charts, timeline
from minsheng.portal.selectors import (
    approved_timeline,
    current_plan,
    public_evidence,
    public_ledger,
    public_plan,
    public_project,
    sibling_plans,
)
from minsheng.portal.shared_pages import (
    LARGE_TEXT_COOKIE,
    large_text,
    shared_page,
)

LARGE_TEXT_MAX_AGE = 365 * 24 * 60 * 60


Build = Callable[[], dict[str, str]]


def _shell_context(page: dict[str, str], *, large_text: bool, charts: bool) -> dict[str, Any]:
    return {
        "page_title": page["title"],
        # Rendered by our own autoescaping templates (_plan_body.html, _project_body.html).
        "page_body": mark_safe(page["body"]),  # noqa: S308
        "large_text": large_text,
        "charts": charts,
    }


def _anonymous(request: HttpRequest) -> bool:
    """A visitor whose page is the same as everyone's: not signed in, no message waiting."""
    return "messages" not in request.COOKIES and not request.user.is_authenticated


def _respond(
    request: HttpRequest,
    scope: int | str,
    parts: tuple[object, ...],
    build: Build,
    *,
    charts: bool = False,
    cache: bool = True,
    share: bool = True,
) -> HttpResponse:
    """A portal page: its body cached per plan stamp and language, wrapped in base.html.

    For anonymous visitors the whole page is the same for everyone (it holds no CSRF token:
    the language and text-size switches need none), for SharedPageMiddleware to keep.
    Signed-in visitors get base.html rendered for them.
    """
    parts = (*parts, translation.get_language())

    def page() -> dict[str, str]:
        return public_cache.cached(scope, ("body", *parts), build) if cache else build()

    if not (cache and _anonymous(request)):
        context = _shell_context(page(), large_text=large_text(request), charts=charts)
        return render(request, "portal/page.html", context)

    context = _shell_context(page(), large_text=large_text(request), charts=charts)
    html = render_to_string("portal/page.html", context, request=request)
    response = HttpResponse(html)
    if share:
        response.shareable_html = html  # type: ignore[attr-defined]  # kept by SharedPageMiddleware
    return response


def _plan_page(request: HttpRequest, plan: Plan, *, is_home: bool) -> HttpResponse:
    # Free text would fill the cache with one-off entries; searches are rendered fresh.
    searching = bool(request.GET.get("q"))
    given = known_filters(request.GET)
    valid = given if searching else _valid_filters(plan, given)

    def build() -> dict[str, str]:
        ledger = public_ledger(plan)
        data = request.GET if searching else dict(valid)
        form = ProjectFilterForm(data or None, ledger=ledger)
        criteria = form.criteria()
        rows = [row for row in ledger if matches(row, criteria)]
        context = {
            "plan": plan,
            "years": sibling_plans(plan),
            "ledger": ledger,
            "rows": rows,
            "counts": status_counts(ledger),
            "form": form,
            "filtered": bool(criteria),
            "is_home": is_home,
        }
        return {
            "title": f"{plan.jurisdiction.name} · {plan.title}",
            "body": render_to_string("portal/_plan_body.html", context, request=None),
        }

    parts = ("plan", is_home, valid)
    # A page asked with an unknown filter value shows the plan unfiltered, built and cached
    # under the valid filters; the whole page is kept for later visitors only when all were valid.
    return _respond(request, plan.pk, parts, build, cache=not searching, share=valid == given)


def _valid_filters(plan: Plan, given: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The given filters whose values exist on this plan (the values are cached per stamp)."""
    if not given:
        return ()
    values = public_cache.cached(
        plan.pk, ("filter-values",), lambda: filter_values(public_ledger(plan))
    )
    return tuple((name, value) for name, value in given if value in values[name])


@require_GET
@shared_page
def home(request: HttpRequest) -> HttpResponse:
    """The newest public plan: its projects, status counts and a progress bar for each."""
    plan = current_plan()
    if plan is None:

        def nothing() -> dict[str, str]:
            return {"title": "", "body": render_to_string("portal/_nothing_yet.html", {})}

        return _respond(request, public_cache.SITE, ("nothing",), nothing)
    return _plan_page(request, plan, is_home=True)


@require_GET
@shared_page
def plan_detail(request: HttpRequest, year: int, jurisdiction: str) -> HttpResponse:
    """One public plan, at its stable address (/2025/qingdao/)."""
    return _plan_page(request, public_plan(year, jurisdiction), is_home=False)


@require_GET
@shared_page
def project_detail(request: HttpRequest, year: int, jurisdiction: str, number: int) -> HttpResponse:
    """One project (/2025/qingdao/3/): indicators with charts, milestones, evidence, timeline."""
    plan = public_plan(year, jurisdiction)

    def build() -> dict[str, str]:
        row = public_project(plan, number)
        project = row.project
        context = {
            "plan": plan,
            "row": row,
            "charts": indicator_charts(plan, row),
            "finished_on": finished_on(row),
            "evidence": [item for item in public_evidence(plan) if item.project_id == project.pk],
            "timeline": timeline(approved_timeline(project)),
        }
        return {
            "title": f"{project.title} · {plan.title}",
            "body": render_to_string("portal/_project_body.html", context, request=None),
        }

    return _respond(request, plan.pk, ("project", number), build, charts=True)


@csrf_exempt  # a display preference: see the set_language route in minsheng/urls.py
@require_POST
def text_size(request: HttpRequest) -> HttpResponse:
    """Switch large text (适老化) on or off for this browser; back to where the visitor was."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("portal:home")
    response = HttpResponseRedirect(target)
    if request.POST.get("size") == "large":
        response.set_cookie(
            LARGE_TEXT_COOKIE, "large", max_age=LARGE_TEXT_MAX_AGE, samesite="Lax", httponly=True
        )
    else:
        response.delete_cookie(LARGE_TEXT_COOKIE, samesite="Lax")
    return response


@require_GET
def plan_download(request: HttpRequest, year: int, jurisdiction: str, fmt: str) -> HttpResponse:
    """The plan with approved actuals as interchange JSON, CSV or XLSX; rate limited per address."""
    wait = ratelimit.hit("download", ratelimit.client_key(request))
    if wait is not None:
        return too_many_requests(request, wait)
    plan = public_plan(year, jurisdiction)
    return downloads.response(plan, fmt)


@require_GET
def region(request: HttpRequest, jurisdiction: str) -> HttpResponse:
    """A province's page: its cities' public plans side by side, each with its status counts."""
    place, plans = selectors.region(jurisdiction)
    return render(request, "portal/region.html", {"place": place, "plans": plans})
