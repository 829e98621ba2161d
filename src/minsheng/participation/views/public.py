"""Public pages: solicitations, supports, a resident's suggestions, ballots' results,
site visits and ratings, suggestions on running projects."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from minsheng.accounts.permissions import is_reporter
from minsheng.core import ratelimit
from minsheng.core.i18n import UserFacingError
from minsheng.participation import selectors, services
from minsheng.participation.forms import CommentForm, RatingForm, RegistrationForm, SuggestionForm
from minsheng.participation.models import (
    Ballot,
    BallotState,
    Expert,
    Registration,
    SiteVisit,
    SolicitationWindow,
    Suggestion,
    SuggestionState,
)
from minsheng.participation.permissions import can_manage, can_manage_visit, can_vote
from minsheng.participation.views.identity import author_keys, client_key, person_key
from minsheng.plans.choices import PUBLIC_PLAN_STATES
from minsheng.plans.models import Project

SEEN_KEY = "participation_seen"


def show_errors(request: HttpRequest, error: UserFacingError) -> None:
    for message in error.local:
        messages.error(request, message)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Take part: open solicitations, ballots' results, site visits, my suggestions."""
    return render(
        request,
        "participation/index.html",
        {
            "windows": selectors.open_windows(),
            "ballots": selectors.published_ballots(),
            "visits": selectors.upcoming_visits(),
            "is_office": can_manage(request.user),
            "answers_replies": is_reporter(request.user),
            "scoring": (
                Expert.objects.filter(user_id=request.user.pk).select_related("plan")
                if request.user.is_authenticated
                else []
            ),
            "open_ballots": [
                b
                for b in Ballot.objects.filter(state=BallotState.OPEN)
                if can_vote(request.user, b)
            ],
        },
    )


def window_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A solicitation: the form (with similar suggestions while typing) and what others said."""
    window = get_object_or_404(SolicitationWindow.objects.select_related("plan"), pk=pk)
    form = SuggestionForm(request.POST or None, window=window)
    if request.method == "POST" and form.is_valid():
        try:
            suggestion = services.suggestion_submit(
                window=window,
                domain=form.cleaned_data["domain"],
                district=form.cleaned_data["district"],
                text=form.cleaned_data["text"],
                contact_name=form.cleaned_data["contact_name"],
                contact_phone=form.cleaned_data["contact_phone"],
                author=request.user,
                author_key=person_key(request),
                client=client_key(request),
            )
        except UserFacingError as error:
            show_errors(request, error)
        else:
            messages.success(
                request,
                _("Thank you. Your suggestion (code %(code)s) will appear once it is reviewed.")
                % {"code": suggestion.token},
            )
            return redirect("participation:mine")
    return render(
        request,
        "participation/window.html",
        {
            "window": window,
            "form": form,
            "suggestions": selectors.published_suggestions(window).order_by(
                "-support_count", "-created_at"
            )[:50],
            "is_open": window.is_open(),
        },
    )


@require_GET
def similar(request: HttpRequest, pk: int) -> HttpResponse:
    """The similar-suggestions box, as an HTML fragment fetched while the resident types."""
    window = get_object_or_404(SolicitationWindow, pk=pk)
    text = request.GET.get("text", "")[:2000]
    try:
        ratelimit.enforce("similar", client_key(request))
    except UserFacingError:
        return HttpResponse(status=429)
    matches = selectors.similar_suggestions(window, text) if len(text.strip()) >= 4 else []
    return render(request, "participation/_similar.html", {"matches": matches, "window": window})


@require_POST
def support(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = get_object_or_404(Suggestion.objects.select_related("window"), pk=pk)
    try:
        services.suggestion_support(
            suggestion=suggestion, supporter_key=person_key(request), client=client_key(request)
        )
    except UserFacingError as error:
        show_errors(request, error)
    else:
        messages.success(request, _("Thank you for your support."))
    if suggestion.window_id:
        return redirect("participation:window", pk=suggestion.window_id)
    return redirect("participation:project", pk=suggestion.project_id)


@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    """A resident's suggestions, each followed to the candidate, the ballot and the project."""
    trails = selectors.my_suggestions(author_keys=author_keys(request), user=request.user)
    # Tell the resident what moved since their last look (kept in their session).
    seen = request.session.get(SEEN_KEY, {})
    updated = {
        t.suggestion.pk for t in trails if seen.get(str(t.suggestion.pk)) not in (None, t.signature)
    }
    request.session[SEEN_KEY] = {str(t.suggestion.pk): t.signature for t in trails}
    return render(request, "participation/mine.html", {"trails": trails, "updated": updated})


@require_POST
def delete_contact(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = get_object_or_404(Suggestion, pk=pk)
    services.contact_delete(
        actor=request.user, suggestion=suggestion, owner_keys=author_keys(request)
    )
    messages.success(request, _("Your contact details have been deleted."))
    return redirect("participation:mine")


@require_GET
def ballot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A ballot: the voting form for a deputy on the roll; the tally once it is published."""
    ballot = get_object_or_404(Ballot.objects.select_related("plan"), pk=pk)
    office = can_manage(request.user, ballot.plan)
    voter = can_vote(request.user, ballot)
    if ballot.state != BallotState.PUBLISHED and not (office or voter):
        raise Http404
    has_voted = voter and ballot.participations.filter(voter_id=request.user.pk).exists()
    show_tally = ballot.state == BallotState.PUBLISHED or (
        office and ballot.state == BallotState.CLOSED
    )
    return render(
        request,
        "participation/ballot.html",
        {
            "ballot": ballot,
            "can_vote": voter and not has_voted and ballot.state == BallotState.OPEN,
            "has_voted": has_voted,
            "candidates": ballot.candidates.select_related("domain", "lead_department"),
            "lines": selectors.tally_lines(ballot) if show_tally else None,
            "runoffs": ballot.runoffs.all(),
            "is_office": office,
        },
    )


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = get_object_or_404(Ballot, pk=pk)
    if not can_vote(request.user, ballot):
        raise PermissionDenied
    try:
        choices = [int(value) for value in request.POST.getlist("choice")]
    except ValueError:
        choices = [-1]
    try:
        services.ballot_cast(actor=request.user, ballot=ballot, choices=choices)
    except UserFacingError as error:
        show_errors(request, error)
    else:
        messages.success(request, _("Your ballot has been cast."))
    return redirect("participation:ballot", pk=ballot.pk)


def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_object_or_404(SiteVisit, pk=pk)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.visit_register(
                visit=visit,
                participant_type=form.cleaned_data["participant_type"],
                name=form.cleaned_data["name"],
                registrant_key=person_key(request),
                client=client_key(request),
            )
        except UserFacingError as error:
            show_errors(request, error)
        else:
            messages.success(request, _("You are registered. Keep this page's rating link."))
            return redirect("participation:rate", token=registration.token)
    mine = Registration.objects.filter(visit=visit, registrant_key__in=author_keys(request)).first()
    return render(
        request,
        "participation/visit.html",
        {
            "visit": visit,
            "form": form,
            "mine": mine,
            "places_left": visit.capacity - visit.registrations.count(),
            "started": timezone.now() >= visit.starts_at,
            "results": selectors.visit_results(visit)
            if visit.results_published or can_manage_visit(request.user, visit)
            else None,
            "is_office": can_manage_visit(request.user, visit),
        },
    )


def rate(request: HttpRequest, token: str) -> HttpResponse:
    """A participant rates the visited projects; the link is their registration's token."""
    registration = get_object_or_404(Registration.objects.select_related("visit"), token=token)
    projects = registration.visit.projects.all()
    form = RatingForm(request.POST or None, projects=projects)
    if request.method == "POST" and form.is_valid():
        try:
            services.rating_submit(registration=registration, **form.cleaned_data)
        except UserFacingError as error:
            show_errors(request, error)
        else:
            messages.success(request, _("Thank you for your rating."))
            return redirect("participation:rate", token=token)
    rated = set(registration.ratings.values_list("project_id", flat=True))
    return render(
        request,
        "participation/rate.html",
        {"registration": registration, "form": form, "projects": projects, "rated": rated},
    )


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Suggestions on a running project, with the departments' replies, and a form for more."""
    project = get_object_or_404(
        Project.objects.select_related("plan", "domain"), pk=pk, plan__state__in=PUBLIC_PLAN_STATES
    )
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            suggestion = services.comment_submit(
                project=project,
                author=request.user,
                author_key=person_key(request),
                client=client_key(request),
                **form.cleaned_data,
            )
        except UserFacingError as error:
            show_errors(request, error)
        else:
            messages.success(
                request,
                _("Thank you. Your suggestion (code %(code)s) will appear once it is reviewed.")
                % {"code": suggestion.token},
            )
            return redirect("participation:mine")
    comments = (
        project.public_suggestions.filter(state=SuggestionState.PUBLISHED)
        .select_related("reply", "reply__department")
        .order_by("-created_at")
    )
    candidate = getattr(project, "candidate", None)
    return render(
        request,
        "participation/project.html",
        {
            "project": project,
            "form": form,
            "comments": comments,
            "origin": candidate.suggestions.filter(state=SuggestionState.PUBLISHED)
            if candidate
            else [],
        },
    )
