"""The office's plan set-up pages: thin views that ask plans/permissions.py first, parse a form
and call one service. A plan outside the user's scope is 404; a plan in scope that the user may
not change (a district's, a closed one) is 403.
"""

from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from minsheng.accounts import scope
from minsheng.core.i18n import UserFacingError
from minsheng.core.ids import parse_id
from minsheng.plans import permissions, selectors, services
from minsheng.plans.choices import PlanState
from minsheng.plans.forms import (
    AllocationForm,
    CarryOverForm,
    DepartmentForm,
    IndicatorForm,
    MilestoneForm,
    PlanForm,
    PlanNewForm,
    ProjectForm,
    ScheduleForm,
)
from minsheng.plans.models import Indicator, Jurisdiction, Milestone, Plan, Project
from minsheng.progress.forms import PeriodsForm
from minsheng.progress.selectors import reporting_periods
from minsheng.progress.services import reporting_periods_set

PlanPartT = TypeVar("PlanPartT", Project, Indicator, Milestone)


def _section(request: HttpRequest) -> None:
    if not permissions.can_use_setup(request.user):
        raise PermissionDenied


def _plan(request: HttpRequest, pk: int) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("jurisdiction"), pk=pk)
    if not permissions.can_view_plan(request.user, plan):
        raise Http404
    return plan


def _changeable(request: HttpRequest, plan: Plan) -> None:
    if not permissions.can_change_plan(request.user, plan):
        raise PermissionDenied


def _show(request: HttpRequest, error: UserFacingError, form: Any = None) -> None:
    for message in error.messages:
        if form is not None:
            form.add_error(None, message)
        else:
            messages.error(request, message)


@dataclass
class Stale:
    """What the page shows when a save met a newer saved version: the rows that differ."""

    form: Any
    rows: list[tuple[str, str, str]]  # label, saved value, the editor's input


def _shown(field: Any, value: Any) -> str:
    """A value as the form's field shows it: a choice by its label, a list joined."""
    if isinstance(value, list | tuple):
        return "、".join(_shown(field, item) for item in value) or "—"
    choices = getattr(field, "choices", None)
    if choices is not None and value not in (None, ""):
        labels = {str(key): label for key, label in choices}
        return str(labels.get(str(getattr(value, "pk", value)), value))
    return "—" if value in (None, "") else str(value)


def _comparable(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return sorted(str(_comparable(item)) for item in value)
    return getattr(value, "pk", value)


def _stale(form: Any, saved: dict[str, Any]) -> Stale:
    """The fields where the saved part differs from what the editor sent, side by side."""
    rows = []
    for name, field in form.fields.items():
        if name not in saved:
            continue
        yours = form.cleaned_data.get(name)
        if _comparable(yours) != _comparable(saved[name]):
            rows.append((str(field.label), _shown(field, saved[name]), _shown(field, yours)))
    return Stale(form=form, rows=rows)


def _expected_version(request: HttpRequest) -> int | None:
    """The version of the part the editor opened (the form's hidden field)."""
    return parse_id(request.POST.get("version"))


def _governed(user: Any) -> Any:
    """The jurisdictions a user may start a plan for."""
    home = scope.scope_of(user).home_id
    everything = scope.scope_of(user).everything
    jurisdictions = Jurisdiction.objects.all()
    if everything:
        return jurisdictions
    return jurisdictions.filter(pk=home) if home is not None else jurisdictions.none()


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Every plan the office sees, newest first, with the way to start next year's."""
    _section(request)
    plans = selectors.setup_plans(request.user)
    return render(
        request,
        "plans/index.html",
        {
            "plans": [(plan, permissions.can_change_plan(request.user, plan)) for plan in plans],
            "can_create": _governed(request.user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_new(request: HttpRequest) -> HttpResponse:
    """A blank plan in state drafting."""
    _section(request)
    jurisdictions = _governed(request.user)
    form = PlanNewForm(request.POST or None, jurisdictions=jurisdictions)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(actor=request.user, **form.cleaned_data)
        except UserFacingError as error:
            _show(request, error, form)
        else:
            messages.success(request, _("Plan “%(title)s” started.") % {"title": plan.title})
            return redirect("plans:detail", pk=plan.pk)
    return render(
        request, "plans/form.html", {"form": form, "heading": _("New plan"), "back": "plans:index"}
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_carry(request: HttpRequest) -> HttpResponse:
    """Next year's plan from last year's, its unfinished projects carried over."""
    _section(request)
    previous_plans = Plan.objects.filter(
        pk__in=[
            plan.pk
            for plan in selectors.setup_plans(request.user)
            if permissions.can_create_plan(request.user, plan.jurisdiction)
        ]
    ).select_related("jurisdiction")
    source = previous_plans.filter(pk=request.GET.get("from") or 0).first() or (
        previous_plans.order_by("-year").first()
    )
    initial: dict[str, Any] = {}
    if source is not None:
        initial = {
            "previous": source.pk,
            "year": source.year + 1,
            "title": source.title.replace(str(source.year), str(source.year + 1))
            if str(source.year) in source.title
            else f"{source.year + 1}年{source.title}",
        }
    form = CarryOverForm(request.POST or None, plans=previous_plans, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.plan_create_from_previous(actor=request.user, **form.cleaned_data)
        except UserFacingError as error:
            _show(request, error, form)
        else:
            messages.success(
                request,
                _(
                    "Plan “%(title)s” started with %(projects)s projects and %(candidates)s "
                    "candidate projects carried over."
                )
                % {
                    "title": result.plan.title,
                    "projects": result.projects,
                    "candidates": result.candidates,
                },
            )
            return redirect("plans:detail", pk=result.plan.pk)
    return render(
        request,
        "plans/form.html",
        {"form": form, "heading": _("Next year's plan from last year's"), "back": "plans:index"},
    )


def _plan_values(plan: Plan) -> dict[str, Any]:
    fields = ("title", "summary", "yellow_margin", "red_margin")
    return {name: getattr(plan, name) for name in fields}


@login_required
@require_http_methods(["GET", "POST"])
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan's set-up: its fields, state, projects with their parts, departments, periods."""
    _section(request)
    plan = _plan(request, pk)
    can_change = permissions.can_change_plan(request.user, plan)
    plan_form = PlanForm(initial=_plan_values(plan))
    stale = None
    department_form = DepartmentForm()
    periods_form = PeriodsForm(initial={"months": 1, "deadline_days": 5})
    if request.method == "POST":
        _changeable(request, plan)
        action = request.POST.get("action")
        if action == "plan":
            plan_form = PlanForm(request.POST)
            if plan_form.is_valid():
                try:
                    services.plan_update(
                        actor=request.user,
                        plan=plan,
                        expected_version=_expected_version(request),
                        **plan_form.cleaned_data,
                    )
                except services.StaleEdit as error:
                    _show(request, error, plan_form)
                    stale = _stale(plan_form, _plan_values(error.current))
                except UserFacingError as error:
                    _show(request, error, plan_form)
                else:
                    messages.success(request, _("Plan saved."))
                    return redirect("plans:detail", pk=plan.pk)
        elif action == "department":
            department_form = DepartmentForm(request.POST)
            if department_form.is_valid():
                try:
                    department = services.department_create(
                        actor=request.user, plan=plan, name=department_form.cleaned_data["name"]
                    )
                except UserFacingError as error:
                    _show(request, error, department_form)
                else:
                    messages.success(
                        request, _("Department “%(name)s” added.") % {"name": department.name}
                    )
                    return redirect("plans:detail", pk=plan.pk)
        elif action == "periods":
            periods_form = PeriodsForm(request.POST)
            if periods_form.is_valid():
                try:
                    reporting_periods_set(
                        actor=request.user, plan=plan, **periods_form.cleaned_data
                    )
                except UserFacingError as error:
                    _show(request, error, periods_form)
                else:
                    messages.success(request, _("Reporting periods saved."))
                    return redirect("plans:detail", pk=plan.pk)
        else:
            raise Http404
    plan = selectors.setup_plan(plan)
    next_states = [PlanState(state) for state in services.TRANSITIONS.get(plan.state, ())]
    return render(
        request,
        "plans/detail.html",
        {
            "plan": plan,
            "can_change": can_change,
            "can_remove": permissions.can_remove_from_plan(request.user, plan),
            "can_transition": permissions.can_transition_plan(request.user, plan),
            "next_states": next_states,
            "problems": services.publish_problems(plan)
            if plan.state in {PlanState.DRAFTING, PlanState.VOTING}
            else [],
            "plan_form": plan_form,
            "stale": stale,
            "version": plan.version,
            "department_form": department_form,
            "periods_form": periods_form,
            "periods": reporting_periods(plan),
            "departments": plan.jurisdiction.departments.all(),
        },
    )


@require_POST
@login_required
def plan_transition(request: HttpRequest, pk: int) -> HttpResponse:
    _section(request)
    plan = _plan(request, pk)
    if not permissions.can_transition_plan(request.user, plan):
        raise PermissionDenied
    wanted = request.POST.get("to", "")
    try:
        plan = services.plan_transition(actor=request.user, plan=plan, to_state=wanted)
    except UserFacingError as error:
        _show(request, error)
    else:
        messages.success(
            request, _("The plan is now “%(state)s”.") % {"state": plan.get_state_display()}
        )
    return redirect("plans:detail", pk=plan.pk)


# ---------------------------------------------------------------------------------------
# Projects


def _readable(request: HttpRequest, model: type[PlanPartT], pk: int) -> PlanPartT:
    """A project, indicator or milestone with its plan, or 404 outside the reader's scope."""
    to_plan = "plan" if model is Project else "project__plan"
    part = get_object_or_404(model.objects.select_related(f"{to_plan}__jurisdiction"), pk=pk)
    plan = part.plan if isinstance(part, Project) else part.project.plan
    if not permissions.can_view_plan(request.user, plan):
        raise Http404
    return part


def _project(request: HttpRequest, pk: int) -> Project:
    return _readable(request, Project, pk)


@login_required
@require_http_methods(["GET", "POST"])
def project_new(request: HttpRequest, plan_pk: int) -> HttpResponse:
    _section(request)
    plan = _plan(request, plan_pk)
    _changeable(request, plan)
    form = ProjectForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = services.project_create(
                actor=request.user,
                plan=plan,
                number=data["number"],
                title=data["title"],
                domain=data["domain"],
                description=data["description"],
                lead=data["lead"],
                co=data["co"],
            )
        except UserFacingError as error:
            _show(request, error, form)
        else:
            messages.success(request, _("Project %(project)s added.") % {"project": project})
            return redirect("plans:project", pk=project.pk)
    return render(request, "plans/project.html", {"form": form, "plan": plan, "project": None})


def _project_values(project: Project) -> dict[str, Any]:
    links = list(project.project_departments.select_related("department"))
    return {
        "number": project.number,
        "title": project.title,
        "domain": project.domain_id,
        "description": project.description,
        "lead": next((link.department_id for link in links if link.role == "lead"), None),
        "co": [link.department_id for link in links if link.role == "co"],
    }


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _section(request)
    project = _project(request, pk)
    plan = project.plan
    form = ProjectForm(request.POST or None, plan=plan, initial=_project_values(project))
    stale = None
    if request.method == "POST":
        _changeable(request, plan)
        if form.is_valid():
            data = form.cleaned_data
            changes = {
                "title": data["title"],
                "domain": data["domain"],
                "description": data["description"],
            }
            if data["number"]:
                changes["number"] = data["number"]
            try:
                services.project_update(
                    actor=request.user,
                    project=project,
                    lead=data["lead"],
                    co=data["co"],
                    expected_version=_expected_version(request),
                    **changes,
                )
            except services.StaleEdit as error:
                _show(request, error, form)
                stale = _stale(form, _project_values(error.current))
            except UserFacingError as error:
                _show(request, error, form)
            else:
                messages.success(request, _("Project saved."))
                return redirect("plans:project", pk=project.pk)
    return render(
        request,
        "plans/project.html",
        {
            "form": form,
            "plan": plan,
            "project": project,
            "stale": stale,
            "version": project.version,
            "indicators": project.indicators.prefetch_related("allocations__jurisdiction"),
            "milestones": project.milestones.all(),
            "can_change": permissions.can_change_plan(request.user, plan),
            "can_remove": permissions.can_remove_from_plan(request.user, plan),
        },
    )


@require_POST
@login_required
def project_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _section(request)
    project = _project(request, pk)
    plan = project.plan
    if not permissions.can_remove_from_plan(request.user, plan):
        raise PermissionDenied
    try:
        services.project_delete(actor=request.user, project=project)
    except UserFacingError as error:
        _show(request, error)
        return redirect("plans:project", pk=project.pk)
    messages.success(request, _("Project deleted."))
    return redirect("plans:detail", pk=plan.pk)


# ---------------------------------------------------------------------------------------
# Indicators with their allocations and schedule


def _indicator(request: HttpRequest, pk: int) -> Indicator:
    return _readable(request, Indicator, pk)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_new(request: HttpRequest, project_pk: int) -> HttpResponse:
    _section(request)
    project = _project(request, project_pk)
    _changeable(request, project.plan)
    form = IndicatorForm(request.POST or None, initial={"unit": "个"})
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_create(
                actor=request.user, project=project, **form.cleaned_data
            )
        except UserFacingError as error:
            _show(request, error, form)
        else:
            messages.success(request, _("Indicator added. Split it over districts if needed."))
            return redirect("plans:indicator", pk=indicator.pk)
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "heading": _("New indicator of %(project)s") % {"project": project},
            "back_url": project.pk,
            "back": "plans:project",
        },
    )


def _indicator_values(indicator: Indicator) -> dict[str, Any]:
    fields = ("name", "comparator", "target", "unit", "baseline", "due_date")
    return {name: getattr(indicator, name) for name in fields}


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """An indicator's fields, its split over districts and departments (任务分解) and its schedule (进度计划)."""
    _section(request)
    indicator = _indicator(request, pk)
    plan = indicator.project.plan
    districts = services.allocation_districts(plan)
    initial = _indicator_values(indicator)
    stale = None
    post = request.POST if request.method == "POST" else None
    action = request.POST.get("action") if post else None
    form = IndicatorForm(post if action == "indicator" else None, initial=initial)
    allocation_form = AllocationForm(
        post if action == "allocations" else None,
        indicator=indicator,
        districts=districts,
        departments=list(plan.jurisdiction.departments.order_by("name")),
    )
    schedule_form = ScheduleForm(post if action == "schedule" else None, indicator=indicator)
    if post is not None:
        _changeable(request, plan)
        bound = {"indicator": form, "allocations": allocation_form, "schedule": schedule_form}
        chosen = bound.get(action or "")
        if chosen is None:
            raise Http404
        if chosen.is_valid():
            actor, opened = request.user, _expected_version(request)
            try:
                if action == "indicator":
                    services.indicator_update(
                        actor=actor,
                        indicator=indicator,
                        expected_version=opened,
                        **form.cleaned_data,
                    )
                elif action == "allocations":
                    services.allocations_set(
                        actor=actor,
                        indicator=indicator,
                        shares=allocation_form.shares(),
                        expected_version=opened,
                    )
                else:
                    services.schedule_set(
                        actor=actor,
                        indicator=indicator,
                        points=schedule_form.points(),
                        expected_version=opened,
                    )
            except services.StaleEdit as error:
                _show(request, error, chosen)
                if action == "indicator":
                    stale = _stale(form, _indicator_values(error.current))
            except UserFacingError as error:
                _show(request, error, chosen)
            else:
                messages.success(request, _("Indicator saved."))
                return redirect("plans:indicator", pk=indicator.pk)
    return render(
        request,
        "plans/indicator.html",
        {
            "indicator": indicator,
            "project": indicator.project,
            "plan": plan,
            "form": form,
            "allocation_form": allocation_form,
            "schedule_form": schedule_form,
            "stale": stale,
            "version": indicator.version,
            "can_change": permissions.can_change_plan(request.user, plan),
            "can_remove": permissions.can_remove_from_plan(request.user, plan),
        },
    )


@require_POST
@login_required
def indicator_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _section(request)
    indicator = _indicator(request, pk)
    if not permissions.can_remove_from_plan(request.user, indicator.project.plan):
        raise PermissionDenied
    try:
        services.indicator_delete(actor=request.user, indicator=indicator)
    except UserFacingError as error:
        _show(request, error)
        return redirect("plans:indicator", pk=indicator.pk)
    messages.success(request, _("Indicator deleted."))
    return redirect("plans:project", pk=indicator.project_id)


@require_POST
@login_required
def item_move(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """↑ or ↓ beside an indicator or milestone on its project's page."""
    _section(request)
    item: Indicator | Milestone
    if kind == "indicator":
        item = _readable(request, Indicator, pk)
    else:
        item = _readable(request, Milestone, pk)
    _changeable(request, item.project.plan)
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if step is None:
        raise Http404
    services.item_move(actor=request.user, item=item, step=step)
    return redirect(reverse("plans:project", args=[item.project_id]) + f"#{kind}-{item.pk}")


# ---------------------------------------------------------------------------------------
# Milestones


def _milestone(request: HttpRequest, pk: int) -> Milestone:
    return _readable(request, Milestone, pk)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_new(request: HttpRequest, project_pk: int) -> HttpResponse:
    _section(request)
    project = _project(request, project_pk)
    _changeable(request, project.plan)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.milestone_create(actor=request.user, project=project, **form.cleaned_data)
        except UserFacingError as error:
            _show(request, error, form)
        else:
            messages.success(request, _("Milestone added."))
            return redirect("plans:project", pk=project.pk)
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "heading": _("New milestone of %(project)s") % {"project": project},
            "back_url": project.pk,
            "back": "plans:project",
        },
    )


def _milestone_values(milestone: Milestone) -> dict[str, Any]:
    return {"name": milestone.name, "due_date": milestone.due_date}


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _section(request)
    milestone = _milestone(request, pk)
    plan = milestone.project.plan
    form = MilestoneForm(request.POST or None, initial=_milestone_values(milestone))
    stale = None
    if request.method == "POST":
        _changeable(request, plan)
        if request.POST.get("action") == "delete":
            if not permissions.can_remove_from_plan(request.user, plan):
                raise PermissionDenied
            try:
                services.milestone_delete(actor=request.user, milestone=milestone)
            except UserFacingError as error:
                _show(request, error)
            else:
                messages.success(request, _("Milestone deleted."))
                return redirect("plans:project", pk=milestone.project_id)
        elif form.is_valid():
            try:
                services.milestone_update(
                    actor=request.user,
                    milestone=milestone,
                    expected_version=_expected_version(request),
                    **form.cleaned_data,
                )
            except services.StaleEdit as error:
                _show(request, error, form)
                stale = _stale(form, _milestone_values(error.current))
            except UserFacingError as error:
                _show(request, error, form)
            else:
                messages.success(request, _("Milestone saved."))
                return redirect("plans:project", pk=milestone.project_id)
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "heading": str(milestone),
            "stale": stale,
            "version": milestone.version,
            "back_url": milestone.project_id,
            "back": "plans:project",
            "delete": permissions.can_remove_from_plan(request.user, plan),
            "readonly": not permissions.can_change_plan(request.user, plan),
        },
    )
