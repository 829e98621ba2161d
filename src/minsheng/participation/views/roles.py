"""Pages for experts (scoring) and departments (answering suggestions)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from minsheng.accounts.permissions import is_office, is_reporter
from minsheng.accounts.scope import scope_of
from minsheng.core.i18n import UserFacingError
from minsheng.core.ids import object_or_404
from minsheng.participation import services
from minsheng.participation.forms import AnswerForm
from minsheng.participation.models import Candidate, Criterion, Expert, Reply, Score
from minsheng.participation.permissions import can_answer, can_score
from minsheng.participation.views.public import show_errors
from minsheng.plans.models import Plan


def vetting(request: HttpRequest, plan_id: int) -> HttpResponse:
    """An expert scores each candidate of the plan on every criterion of the rubric."""
    plan = get_object_or_404(Plan, pk=plan_id)
    if not can_score(request.user, plan.pk):
        raise PermissionDenied
    criteria = list(Criterion.objects.filter(plan=plan))
    if request.method == "POST":
        candidate = object_or_404(Candidate, request.POST.get("candidate"), plan=plan)
        values = {c.pk: request.POST.get(f"criterion-{c.pk}", "") for c in criteria}
        try:
            services.scores_submit(actor=request.user, candidate=candidate, values=values)
        except UserFacingError as error:
            show_errors(request, error)
        else:
            messages.success(request, _("Scores saved for %(title)s.") % {"title": candidate.title})
        return redirect("participation:vetting", plan_id=plan.pk)
    expert = Expert.objects.get(plan=plan, user_id=int(request.user.pk or 0))
    mine: dict[int, dict[int, object]] = {}
    for score in Score.objects.filter(expert=expert):
        mine.setdefault(score.candidate_id, {})[score.criterion_id] = score.value
    candidates = (
        Candidate.objects.filter(plan=plan).select_related("domain").prefetch_related("suggestions")
    )
    rows = [
        (candidate, [(c, mine.get(candidate.pk, {}).get(c.pk, "")) for c in criteria])
        for candidate in candidates
    ]
    return render(
        request, "participation/vetting.html", {"plan": plan, "rows": rows, "criteria": criteria}
    )


def replies(request: HttpRequest) -> HttpResponse:
    """A department's suggestions to answer, oldest deadline first."""
    if not (is_reporter(request.user) or is_office(request.user)):
        raise PermissionDenied
    if request.method == "POST":
        reply = object_or_404(Reply, request.POST.get("reply"))
        if not can_answer(request.user, reply):
            raise Http404
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                services.reply_answer(
                    actor=request.user, reply=reply, text=form.cleaned_data["text"]
                )
            except UserFacingError as error:
                show_errors(request, error)
            else:
                messages.success(request, _("Your reply is published."))
        return redirect("participation:replies")
    queue = Reply.objects.select_related("suggestion__project", "department")
    if is_office(request.user):
        own = scope_of(request.user)
        queue = own.governed(queue, "suggestion__window__plan__jurisdiction") | own.governed(
            queue, "suggestion__project__plan__jurisdiction"
        )
    else:
        queue = queue.filter(department_id=getattr(request.user, "department_id", None) or 0)
    return render(
        request, "participation/replies.html", {"replies": queue.order_by("answered_at", "due_on")}
    )
