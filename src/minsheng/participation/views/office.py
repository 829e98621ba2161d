"""The office's pages: solicitations, moderation, candidates and rubric, ballots, visits,
assigning replies. Every view checks can_manage first; every change goes through a service."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.accounts.scope import scope_of
from minsheng.core.i18n import UserFacingError
from minsheng.core.ids import object_or_404
from minsheng.participation import selectors, services
from minsheng.participation.forms import (
    AssignForm,
    BallotForm,
    CandidateForm,
    CriterionForm,
    ExpertForm,
    ImportForm,
    ModerationForm,
    RunoffForm,
    VisitForm,
    WindowForm,
    narrow_to_scope,
)
from minsheng.participation.models import (
    Ballot,
    Criterion,
    Expert,
    Reply,
    SiteVisit,
    SolicitationWindow,
    Suggestion,
)
from minsheng.participation.permissions import can_manage
from minsheng.participation.views.public import show_errors
from minsheng.plans.models import Plan

View = Callable[..., HttpResponse]


def _own(request: HttpRequest, queryset: Any, lookup: str) -> Any:
    """What the office runs (its own jurisdiction's plans); anything else is 404 here.

    A suggestion belongs to its window's plan, or (a comment on a running project) to its
    project's: "window__plan__jurisdiction" asks both.
    """
    own = scope_of(request.user)
    found = own.governed(queryset, lookup)
    if "window__plan__jurisdiction" in lookup:
        found = found | own.governed(
            queryset, lookup.replace("window__plan__jurisdiction", "project__plan__jurisdiction")
        )
    return found.distinct()


def office_only(view: View) -> View:
    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_manage(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


@office_only
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "participation/office/dashboard.html",
        {
            "windows": _own(
                request, SolicitationWindow.objects.select_related("plan"), "plan__jurisdiction"
            ).annotate(n=Count("suggestions")),
            "pending": _own(
                request, selectors.moderation_queue(), "window__plan__jurisdiction"
            ).count(),
            "plans": _own(request, Plan.objects.all(), "jurisdiction").annotate(
                n=Count("candidates")
            ),
            "ballots": _own(request, Ballot.objects.select_related("plan"), "plan__jurisdiction"),
            "visits": _own(request, SiteVisit.objects.all(), "projects__plan__jurisdiction"),
            "replies": _own(
                request,
                Reply.objects.select_related("department", "suggestion__project").filter(
                    answered_at__isnull=True
                ),
                "suggestion__window__plan__jurisdiction",
            ),
            "unassigned": _own(
                request,
                Suggestion.objects.filter(
                    project__isnull=False, state="published", reply__isnull=True
                ).select_related("project"),
                "window__plan__jurisdiction",
            ),
        },
    )


@office_only
def window_new(request: HttpRequest) -> HttpResponse:
    form = narrow_to_scope(WindowForm(request.POST or None), request.user)
    if request.method == "POST" and form.is_valid():
        try:
            window = services.window_create(actor=request.user, **form.cleaned_data)
        except UserFacingError as error:
            show_errors(request, error)
        else:
            messages.success(request, _("The solicitation is set up."))
            return redirect("participation:window", pk=window.pk)
    return render(
        request, "participation/office/form.html", {"form": form, "title": _("New solicitation")}
    )


@office_only
def window_import(request: HttpRequest, pk: int) -> HttpResponse:
    window = get_object_or_404(
        _own(request, SolicitationWindow.objects.all(), "plan__jurisdiction"), pk=pk
    )
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            saved = services.suggestions_import(
                actor=request.user, window=window, upload=upload, name=upload.name
            )
        except UserFacingError as error:
            show_errors(request, error)
        else:
            messages.success(request, _("%(n)s suggestions imported.") % {"n": len(saved)})
            return redirect("participation:window", pk=window.pk)
    return render(
        request,
        "participation/office/form.html",
        {
            "form": form,
            "title": _("Import suggestions: %(topic)s") % {"topic": window.topic},
            "upload": True,
            "help": _(
                "Columns: 领域, 区, 建议内容, 联系人, 联系电话, 来源 (热线 or 线下). Nothing is saved unless every row is valid."
            ),
        },
    )


@office_only
def moderation(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        suggestion = object_or_404(
            _own(request, Suggestion.objects.all(), "window__plan__jurisdiction"),
            request.POST.get("suggestion"),
        )
        form = ModerationForm(request.POST)
        if form.is_valid():
            try:
                services.suggestion_moderate(
                    actor=request.user,
                    suggestion=suggestion,
                    publish=form.cleaned_data["decision"] == "publish",
                    reason=form.cleaned_data["reason"],
                )
            except UserFacingError as error:
                show_errors(request, error)
        return redirect("participation:moderation")
    return render(
        request,
        "participation/office/moderation.html",
        {
            "queue": _own(request, selectors.moderation_queue(), "window__plan__jurisdiction")[
                :100
            ],
            "form": ModerationForm(),
        },
    )


@office_only
def candidates(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The plan's candidates with suggestion counts and expert scores; add candidates, the
    rubric's criteria and experts."""
    plan = get_object_or_404(_own(request, Plan.objects.all(), "jurisdiction"), pk=plan_id)
    forms: dict[str, Any] = {
        "candidate": CandidateForm(plan=plan, prefix="candidate"),
        "criterion": CriterionForm(prefix="criterion"),
        "expert": narrow_to_scope(ExpertForm(prefix="expert"), request.user),
    }
    if request.method == "POST":
        which = request.POST.get("form")
        try:
            if which == "candidate":
                forms["candidate"] = candidate_form = CandidateForm(
                    request.POST, plan=plan, prefix="candidate"
                )
                if candidate_form.is_valid():
                    services.candidate_create(
                        actor=request.user, plan=plan, **candidate_form.cleaned_data
                    )
                    return redirect("participation:candidates", plan_id=plan.pk)
            elif which == "criterion":
                forms["criterion"] = criterion_form = CriterionForm(
                    request.POST, prefix="criterion"
                )
                if criterion_form.is_valid():
                    services.criterion_create(
                        actor=request.user, plan=plan, **criterion_form.cleaned_data
                    )
                    return redirect("participation:candidates", plan_id=plan.pk)
            elif which == "expert":
                forms["expert"] = expert_form = narrow_to_scope(
                    ExpertForm(request.POST, prefix="expert"), request.user
                )
                if expert_form.is_valid():
                    services.expert_appoint(
                        actor=request.user, plan=plan, **expert_form.cleaned_data
                    )
                    return redirect("participation:candidates", plan_id=plan.pk)
        except UserFacingError as error:
            show_errors(request, error)
    return render(
        request,
        "participation/office/candidates.html",
        {
            "plan": plan,
            "rows": selectors.candidate_rows(plan.pk),
            "criteria": Criterion.objects.filter(plan=plan),
            "experts": Expert.objects.filter(plan=plan).select_related("user"),
            "forms": forms,
        },
    )


@office_only
def ballot_new(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(_own(request, Plan.objects.all(), "jurisdiction"), pk=plan_id)
    form = narrow_to_scope(BallotForm(request.POST or None, plan=plan), request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ballot = services.ballot_create(
                actor=request.user, plan=plan, **{**data, "candidates": list(data["candidates"])}
            )
        except UserFacingError as error:
            show_errors(request, error)
        else:
            return redirect("participation:ballot", pk=ballot.pk)
    return render(
        request, "participation/office/form.html", {"form": form, "title": _("New ballot")}
    )


@office_only
@require_POST
def ballot_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    ballot = get_object_or_404(_own(request, Ballot.objects.all(), "plan__jurisdiction"), pk=pk)
    try:
        if action == "open":
            services.ballot_open(actor=request.user, ballot=ballot)
        elif action == "close":
            services.ballot_close(actor=request.user, ballot=ballot)
        elif action == "publish":
            services.ballot_publish(actor=request.user, ballot=ballot)
        elif action != "runoff":
            raise Http404
        else:
            form = RunoffForm(request.POST)
            if not form.is_valid():
                raise UserFacingError([_("Give the run-off's opening and closing times.")])
            runoff = services.ballot_create_runoff(
                actor=request.user, ballot=ballot, **form.cleaned_data
            )
            return redirect("participation:ballot", pk=runoff.pk)
    except UserFacingError as error:
        show_errors(request, error)
    return redirect("participation:ballot", pk=ballot.pk)


@office_only
def visit_new(request: HttpRequest) -> HttpResponse:
    form = narrow_to_scope(VisitForm(request.POST or None), request.user)
    if request.method == "POST" and form.is_valid():
        try:
            visit = services.visit_create(actor=request.user, **form.cleaned_data)
        except UserFacingError as error:
            show_errors(request, error)
        else:
            return redirect("participation:visit", pk=visit.pk)
    return render(
        request, "participation/office/form.html", {"form": form, "title": _("New site visit")}
    )


@office_only
@require_POST
def visit_publish(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_object_or_404(
        _own(request, SiteVisit.objects.all(), "projects__plan__jurisdiction"), pk=pk
    )
    services.visit_publish_results(actor=request.user, visit=visit)
    return redirect("participation:visit", pk=pk)


@office_only
@require_POST
def to_notice(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = get_object_or_404(
        _own(request, Suggestion.objects.select_related("project"), "window__plan__jurisdiction"),
        pk=pk,
    )
    try:
        notice = services.suggestion_to_notice(actor=request.user, suggestion=suggestion)
    except UserFacingError as error:
        show_errors(request, error)
        return redirect("participation:office")
    return redirect("supervision:case", kind="notice", pk=notice.pk)


@office_only
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = get_object_or_404(
        _own(request, Suggestion.objects.select_related("project"), "window__plan__jurisdiction"),
        pk=pk,
    )
    form = narrow_to_scope(AssignForm(request.POST), request.user)
    if form.is_valid():
        try:
            services.reply_assign(actor=request.user, suggestion=suggestion, **form.cleaned_data)
        except UserFacingError as error:
            show_errors(request, error)
    return redirect("participation:office")
