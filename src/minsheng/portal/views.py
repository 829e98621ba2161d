"""The public portal: the current plan, every project with its figures and evidence, downloads.

Pages are rendered once per plan stamp and language (public_cache) and wrapped per request in
base.html, which carries the visitor's CSRF token and navigation. Only public plans and approved
figures reach these templates (selectors).
"""

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from minsheng.plans.models import Plan
from minsheng.portal import downloads, public_cache, ratelimit
from minsheng.portal.filters import ProjectFilterForm, matches, status_counts
from minsheng.portal.presenters import indicator_charts, timeline
from minsheng.portal.selectors import (
    approved_timeline,
    current_plan,
    public_evidence,
    public_ledger,
    public_plan,
    public_project,
    sibling_plans,
)

LARGE_TEXT_COOKIE = "minsheng_text"
LARGE_TEXT_MAX_AGE = 365 * 24 * 60 * 60


def _shell(request: HttpRequest, page: dict[str, Any], *, charts: bool = False) -> HttpResponse:
    """Wrap a cached page body in base.html for this visitor."""
    context = {
        "page_title": page["title"],
        # Rendered by our own autoescaping templates (see _plan_body and _project_body).
        "page_body": mark_safe(page["body"]),  # noqa: S308
        "large_text": request.COOKIES.get(LARGE_TEXT_COOKIE) == "large",
        "charts": charts,
    }
    return render(request, "portal/page.html", context)


def _plan_page(request: HttpRequest, plan: Plan, *, is_home: bool) -> HttpResponse:
    def build() -> dict[str, str]:
        ledger = public_ledger(plan)
        form = ProjectFilterForm(request.GET or None, ledger=ledger)
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

    if request.GET.get("q"):
        # Free text would fill the cache with one-off entries; searches are rendered fresh.
        return _shell(request, build())
    parts = ("plan", translation.get_language(), is_home, request.GET.urlencode())
    return _shell(request, public_cache.cached(plan.pk, parts, build))


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The newest public plan: its projects, status counts and a progress bar for each."""
    plan = current_plan()
    if plan is None:
        return _shell(
            request,
            {
                "title": "",
                "body": render_to_string("portal/_nothing_yet.html", {}, request=None),
            },
        )
    return _plan_page(request, plan, is_home=True)


@require_GET
def plan_detail(request: HttpRequest, year: int, jurisdiction: str) -> HttpResponse:
    """One public plan, at its stable address (/2025/qingdao/)."""
    return _plan_page(request, public_plan(year, jurisdiction), is_home=False)


@require_GET
def project_detail(request: HttpRequest, year: int, jurisdiction: str, number: int) -> HttpResponse:
    """One project (/2025/qingdao/3/): indicators with charts, milestones, evidence, timeline."""
    plan = public_plan(year, jurisdiction)
    row = public_project(plan, number)

    def build() -> dict[str, str]:
        project = row.project
        context = {
            "plan": plan,
            "row": row,
            "charts": indicator_charts(plan, row),
            "evidence": [item for item in public_evidence(plan) if item.project_id == project.pk],
            "timeline": timeline(approved_timeline(project)),
        }
        return {
            "title": f"{project.title} · {plan.title}",
            "body": render_to_string("portal/_project_body.html", context, request=None),
        }

    parts = ("project", number, translation.get_language())
    return _shell(request, public_cache.cached(plan.pk, parts, build), charts=True)


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
    wait = ratelimit.retry_after(request, scope="download")
    if wait is not None:
        response = HttpResponse(
            ratelimit.too_many_message(wait), status=429, content_type="text/plain; charset=utf-8"
        )
        response["Retry-After"] = str(wait)
        return response
    plan = public_plan(year, jurisdiction)
    return downloads.response(plan, fmt)
