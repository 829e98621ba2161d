"""Pages of the office's supervision: the cockpit, notices, help requests and notifications.

Views are thin: each checks permission first, parses a form and calls one selector or service.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from minsheng.accounts.permissions import is_office, is_supervisor
from minsheng.accounts.scope import scope_of
from minsheng.core.ids import object_or_404
from minsheng.plans.models import Plan, Project
from minsheng.plans.selectors import running_plan
from minsheng.supervision import permissions, services
from minsheng.supervision.forms import (
    AssistanceForm,
    CockpitFilterForm,
    CommentForm,
    EscalateForm,
    NoticeForm,
    ProvinceFilterForm,
    ReplyForm,
)
from minsheng.supervision.models import Assistance, Case, Notification, SupervisionNotice
from minsheng.supervision.province import province_cockpit as province_cockpit_data
from minsheng.supervision.selectors import cockpit as cockpit_data

# The cockpit lists the riskiest items first; past this many, filters narrow the list.
RISKY_ROWS = 200

KINDS: dict[str, type[SupervisionNotice] | type[Assistance]] = {
    "notice": SupervisionNotice,
    "assistance": Assistance,
}


def _plans(user: Any) -> Any:
    """The plans the user's cockpit and notice form may show: their jurisdiction and below."""
    return (
        scope_of(user).filter(Plan.objects.select_related("jurisdiction")).order_by("-year", "id")
    )


def _default_plan(user: Any) -> Plan | None:
    """The running plan of the user's own jurisdiction, else the running one they see."""
    home = scope_of(user).home_id
    own = running_plan(user) if home is None else _own_running_plan(user, home)
    return own or running_plan(user)


def _own_running_plan(user: Any, home_id: int) -> Plan | None:
    plan = running_plan(user)
    if plan is not None and plan.jurisdiction_id == home_id:
        return plan
    return next((p for p in _plans(user) if p.jurisdiction_id == home_id), None)


@login_required
def cockpit(request: HttpRequest) -> HttpResponse:
    """驾驶舱: counts, the items at risk, departments ranked, open notices and charts."""
    if not permissions.can_view_cockpit(request.user):
        raise PermissionDenied
    plans = _plans(request.user)
    form = CockpitFilterForm(request.GET or None, plans=plans)
    plan = form.cleaned_data.get("plan") if form.is_valid() else None
    plan = plan or _default_plan(request.user)
    if plan is None:
        return render(request, "supervision/cockpit.html", {"form": form, "data": None})
    form = CockpitFilterForm(request.GET or None, plan=plan, plans=plans)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {
            name: form.cleaned_data.get(name) for name in ("department", "domain", "district")
        }
    as_of = (form.cleaned_data.get("as_of") if form.is_valid() else None) or timezone.localdate()
    data = cockpit_data(plan, as_of=as_of, **filters)
    # The plan box shows the plan whose figures are on the page, chosen or defaulted.
    if form.is_bound:
        shown = request.GET.copy()
        shown["plan"] = str(plan.pk)
        form.data = shown
    else:
        form.initial["plan"] = plan.pk
    return render(
        request,
        "supervision/cockpit.html",
        {
            "form": form,
            "data": data,
            "risky": data.risky[:RISKY_ROWS],
            "today": timezone.localdate(),
            "can_issue": permissions.can_issue_notice(request.user, plan),
        },
    )


@login_required
def province_cockpit(request: HttpRequest) -> HttpResponse:
    """省级驾驶舱: the province's cities ranked, what lags, what is overdue, open notices."""
    form = ProvinceFilterForm(request.GET or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    province = chosen.get("province") or getattr(request.user, "jurisdiction", None)
    if province is None or not permissions.can_view_province_cockpit(request.user, province):
        raise Http404
    today = timezone.localdate()
    data = province_cockpit_data(
        province, year=chosen.get("year") or today.year, as_of=chosen.get("as_of") or today
    )
    return render(request, "supervision/province.html", {"form": form, "data": data})


def _case_or_404(request: HttpRequest, kind: str, pk: int) -> SupervisionNotice | Assistance:
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    case: SupervisionNotice | Assistance = get_object_or_404(  # type: ignore[assignment]
        model.objects.select_related(
            "plan", "project", "department", "indicator", "milestone", "allocation"
        ),
        pk=pk,
    )
    # Someone else's case does not exist, as far as the visitor can tell.
    if not permissions.can_view_case(request.user, case):
        raise Http404
    return case


@login_required
def case_list(request: HttpRequest, kind: str) -> HttpResponse:
    """Open and closed notices (or help requests): all for the office, one's own for a department."""
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    user: Any = request.user
    cases: Any = model.objects.select_related("plan", "project", "department").order_by(
        "state", "reply_deadline"
    )
    if is_office(user) or is_supervisor(user):
        seen = scope_of(user).filter(cases, "plan__jurisdiction")
        if model is SupervisionNotice:
            # Notices the office sent down the tree are listed with its own.
            seen = seen | scope_of(user).filter(cases, "issuer")
        cases = seen
    else:
        if not user.department_id:
            raise PermissionDenied
        cases = cases.filter(department_id=user.department_id)
        if model is SupervisionNotice:
            cases = cases.filter(addressee__isnull=True)
    cases = cases.distinct()
    return render(
        request,
        "supervision/case_list.html",
        {
            "kind": kind,
            "cases": list(cases[:500]),
            "today": timezone.localdate(),
            "can_issue": permissions.can_issue_notice(user),
            "can_raise": permissions.can_raise_assistance(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def notice_new(request: HttpRequest) -> HttpResponse:
    """The office writes a notice; the cockpit links here with the item filled in."""
    if not permissions.can_issue_notice(request.user):
        raise PermissionDenied
    wanted = request.GET.get("plan", "")
    plans = _plans(request.user)
    plan = object_or_404(plans, wanted) if wanted else None
    plan = plan or _default_plan(request.user)
    if plan is None or not permissions.can_issue_notice(request.user, plan):
        raise Http404
    initial = {key: request.GET.get(key) for key in ("project", "indicator", "department")}
    form = NoticeForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            notice = services.notice_issue(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Notice %(notice)s issued.") % {"notice": notice})
            return redirect("supervision:case", kind="notice", pk=notice.pk)
    return render(request, "supervision/case_new.html", {"form": form, "kind": "notice"})


@login_required
@require_http_methods(["GET", "POST"])
def assistance_new(request: HttpRequest) -> HttpResponse:
    """A department asks the office for help with one of its projects."""
    user: Any = request.user
    if not permissions.can_raise_assistance(user):
        raise PermissionDenied
    projects = Project.objects.filter(project_departments__department_id=user.department_id)
    form = AssistanceForm(request.POST or None, projects=projects.order_by("plan", "number"))
    if request.method == "POST" and form.is_valid():
        try:
            request_ = services.assistance_raise(actor=user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Help request %(case)s sent.") % {"case": request_})
            return redirect("supervision:case", kind="assistance", pk=request_.pk)
    return render(request, "supervision/case_new.html", {"form": form, "kind": "assistance"})


def _add_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _detail(
    request: HttpRequest, case: Case, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    user = request.user
    forms = forms or {}
    context = {
        "case": case,
        "kind": "notice" if isinstance(case, SupervisionNotice) else "assistance",
        "steps": list(case.steps.select_related("actor")),  # type: ignore[attr-defined]
        "today": timezone.localdate(),
        "overdue": case.is_overdue(timezone.localdate()),
        "can_acknowledge": permissions.can_acknowledge(user, case),
        "can_reply": permissions.can_reply(user, case),
        "can_close": permissions.can_close(user, case),
        "can_escalate": permissions.can_escalate(user, case),
        "can_download": isinstance(case, SupervisionNotice)
        and permissions.can_download_notice(user, case),
        "reply_form": forms.get("reply") or ReplyForm(),
        "close_form": forms.get("close") or CommentForm(),
        "escalate_form": forms.get("escalate")
        or EscalateForm(initial={"reply_deadline": services.default_deadline()}),
    }
    return render(request, "supervision/case_detail.html", context, status=status)


@login_required
def case_detail(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    return _detail(request, _case_or_404(request, kind, pk))


@login_required
def step_evidence(request: HttpRequest, kind: str, pk: int, step: int) -> FileResponse:
    """A reply's evidence file, to those who may see the case; never from a media URL."""
    case = _case_or_404(request, kind, pk)
    found = get_object_or_404(case.steps.all(), pk=step)
    if not found.evidence:
        raise Http404
    response = FileResponse(found.evidence.open("rb"), as_attachment=True)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
@require_POST
def case_act(request: HttpRequest, kind: str, pk: int, verb: str) -> HttpResponse:
    """One step on a case: acknowledge, reply, close or escalate; a refused step changes nothing."""
    case = _case_or_404(request, kind, pk)
    form: Any = None
    try:
        if verb == "acknowledge":
            services.case_acknowledge(actor=request.user, case=case)
        elif verb == "reply":
            form = ReplyForm(request.POST, request.FILES)
            if not form.is_valid():
                return _detail(request, case, {"reply": form}, status=400)
            services.case_reply(
                actor=request.user,
                case=case,
                measures=form.cleaned_data["measures"],
                evidence=form.cleaned_data["evidence"],
            )
        elif verb == "close":
            form = CommentForm(request.POST)
            form.is_valid()
            services.case_close(
                actor=request.user, case=case, comment=form.cleaned_data.get("comment", "")
            )
        elif verb == "escalate":
            form = EscalateForm(request.POST)
            if not form.is_valid():
                return _detail(request, case, {"escalate": form}, status=400)
            services.case_escalate(actor=request.user, case=case, **form.cleaned_data)
        else:
            raise Http404
    except ValidationError as error:
        bound = form or ReplyForm(request.POST)
        _add_errors(bound, error)
        return _detail(request, case, {verb: bound}, status=400)
    messages.success(request, _("Saved."))
    return redirect("supervision:case", kind=kind, pk=pk)


@login_required
def notice_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The 督办单 as a 公文 in PDF or DOCX, with its 红头 and 发文字号."""
    from minsheng.reports.generate import CONTENT_TYPES, Format
    from minsheng.reports.generate import render as render_document
    from minsheng.supervision.gongwen import notice_document

    if fmt not in {Format.PDF, Format.DOCX}:
        raise Http404
    notice = _case_or_404(request, "notice", pk)
    if not isinstance(notice, SupervisionNotice) or not permissions.can_download_notice(
        request.user, notice
    ):
        raise Http404
    content = render_document(notice_document(notice), Format(fmt))
    response = HttpResponse(content, content_type=CONTENT_TYPES[Format(fmt)])
    name = f"notice-{notice.plan.year}-{notice.number}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    """One's own in-app notifications; posting marks them all read."""
    user: Any = request.user
    mine = Notification.objects.filter(recipient=user)
    if request.method == "POST":
        mine.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("supervision:notifications")
    return render(request, "supervision/notifications.html", {"notifications": list(mine[:200])})


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The office and supervisors land on the cockpit; departments on their notices."""
    if permissions.can_view_cockpit(request.user):
        return redirect("supervision:cockpit")
    return redirect("supervision:cases", kind="notice")
