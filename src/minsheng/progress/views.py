"""The reporting screens: thin views that ask permissions first and write through services.

Something outside the user's scope is 404 (a guessed id reveals nothing); an action the
user's role never has is 403.
"""

from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.accounts.permissions import is_office, is_reporter
from minsheng.core.i18n import UserFacingError
from minsheng.core.ids import object_or_404, parse_id
from minsheng.plans.models import Department, Plan
from minsheng.progress import ledger, permissions, selectors, services
from minsheng.progress.forms import LedgerUploadForm, PeriodsForm, ReportForm, ReturnForm
from minsheng.progress.models import Evidence, ProgressReport, ReportState


def _require_section(user: Any) -> None:
    if not permissions.can_use_progress(user):
        raise PermissionDenied


def _plan(request: HttpRequest) -> Plan | None:
    plans = selectors.reporting_plans(request.user)
    wanted = request.GET.get("plan")
    if parse_id(wanted):
        return next((plan for plan in plans if plan.pk == parse_id(wanted)), None) or (
            plans[0] if plans else None
        )
    return plans[0] if plans else None


def _visible_report(user: Any, pk: int) -> ProgressReport:
    report = get_object_or_404(
        ProgressReport.objects.select_related(
            "indicator__project__plan",
            "allocation__indicator__project__plan",
            "allocation__jurisdiction",
            "allocation__department",
            "milestone__project__plan",
            "reporter",
            "reviewer",
        ),
        pk=pk,
    )
    if not permissions.can_view_report(user, report):
        raise Http404
    return report


def _version(request: HttpRequest) -> int:
    raw = request.POST.get("version", "")
    version = parse_id(raw)
    if version is None:
        raise PermissionDenied
    return version


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """My indicators: target, last approved value, percent and the open report of each."""
    _require_section(request.user)
    plan = _plan(request)
    rows = selectors.subject_rows(request.user, plan) if plan else []
    period = selectors.find_period(plan, request.GET.get("period")) if plan else None
    return render(
        request,
        "progress/index.html",
        {
            "plan": plan,
            "rows": rows,
            "period": period,
            "periods": selectors.reporting_periods(plan) if plan else [],
            "can_review": permissions.can_review(request.user),
            "can_view_queue": permissions.can_view_review_queue(request.user),
            "can_view_missing": plan is not None
            and permissions.can_view_missing(request.user, plan),
            "can_export": plan is not None
            and permissions.can_export_plan_ledger(request.user, plan),
            "department": getattr(request.user, "department", None)
            if permissions.is_department_reporter(request.user)
            else None,
        },
    )


def _form_context(subject: Any, form: ReportForm, report: ProgressReport | None) -> dict[str, Any]:
    last = selectors.last_approved(subject, excluding=report.pk if report else None)
    row = selectors.subject_row(subject, last)
    return {
        "form": form,
        "subject": subject,
        "row": row,
        "last": last,
        "report": report,
        "percent": row.percent if last else None,
        "project": permissions.subject_project(subject),
    }


def _attach(request: HttpRequest, report: ProgressReport, form: ReportForm) -> None:
    upload = form.cleaned_data.get("evidence")
    if upload:
        services.evidence_attach(
            actor=request.user, report=report, upload=upload, caption=form.cleaned_data["caption"]
        )


@login_required
def report_new(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Start a report for an indicator, allocation or milestone."""
    _require_section(request.user)
    subject = selectors.find_subject(kind, pk)
    if subject is None or not permissions.in_scope(request.user, subject):
        raise Http404
    if not permissions.can_report(request.user, subject):
        raise PermissionDenied
    existing = selectors.open_report(subject)
    if existing is not None:
        return redirect("progress:report", pk=existing.pk)
    is_milestone = kind == "milestone"
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        is_milestone=is_milestone,
        subject=subject,
        prefix=None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                report = services.progress_report_create(
                    actor=request.user, subject=subject, **form.values()
                )
                _attach(request, report, form)
        except UserFacingError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Draft saved. Submit it when it is complete."))
            return redirect("progress:report", pk=report.pk)
    return render(request, "progress/report_form.html", _form_context(subject, form, None))


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request.user, pk)
    subject = permissions.report_subject(report)
    return render(
        request,
        "progress/report_detail.html",
        {
            "report": report,
            "subject": subject,
            "row": selectors.subject_row(subject),
            "last": selectors.last_approved(subject, excluding=report.pk),
            "evidence": list(report.evidence.all()),
            "can_edit": permissions.can_edit_report(request.user, report),
            "can_review": permissions.can_review_report(request.user, report),
            "can_approve": permissions.can_approve_report(request.user, report),
            "two_step": permissions.subject_plan(subject).two_step_review,
            "return_form": ReturnForm(initial={"version": report.version}),
        },
    )


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a draft or returned report; a stale save shows the conflict screen."""
    report = _visible_report(request.user, pk)
    if not permissions.can_edit_report(request.user, report):
        raise PermissionDenied
    subject = permissions.report_subject(report)
    initial = {
        "as_of": report.as_of,
        "value": report.value,
        "done": "yes" if report.done else "no",
        "narrative": report.narrative,
        "decrease_reason": report.decrease_reason,
        "version": report.version,
    }
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        is_milestone=report.milestone_id is not None,
        subject=subject,
    )
    if request.method == "POST" and form.is_valid():
        expected = form.cleaned_data.get("version") or 0
        try:
            with transaction.atomic():
                updated = services.progress_report_update(
                    actor=request.user, report=report, expected_version=expected, **form.values()
                )
                _attach(request, updated, form)
        except services.ReportConflict as conflict:
            return _conflict(request, report, conflict, form.values())
        except UserFacingError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("progress:report", pk=report.pk)
    return render(request, "progress/report_form.html", _form_context(subject, form, report))


def _conflict(
    request: HttpRequest,
    report: ProgressReport,
    conflict: services.ReportConflict,
    attempted: dict[str, Any] | None = None,
) -> HttpResponse:
    """Both versions side by side; the person's own values are offered again, not lost."""
    current = conflict.current
    blank = {"as_of": None, "value": None, "done": None, "narrative": "", "state": None}
    yours = {**blank, **(attempted or conflict.attempted)}
    if yours["state"]:
        yours["state"] = ReportState(yours["state"]).label
    retry = None
    if attempted is not None and permissions.can_edit_report(request.user, current):
        retry = ReportForm(
            initial={
                **yours,
                "done": "yes" if yours.get("done") else "no",
                "version": current.version,
            },
            is_milestone=current.milestone_id is not None,
            subject=permissions.report_subject(current),
        )
    return render(
        request,
        "progress/conflict.html",
        {"report": report, "current": current, "yours": yours, "retry": retry},
        status=409,
    )


@require_POST
@login_required
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request.user, pk)
    if not permissions.can_submit_report(request.user, report):
        raise PermissionDenied
    try:
        services.progress_report_submit(
            actor=request.user, report=report, expected_version=_version(request)
        )
    except services.ReportConflict as conflict:
        return _conflict(request, report, conflict)
    except UserFacingError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Submitted to the office for review."))
    return redirect("progress:report", pk=report.pk)


@require_POST
@login_required
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request.user, pk)
    if not permissions.can_review(request.user):
        raise PermissionDenied
    try:
        approved = services.progress_report_approve(
            actor=request.user, report=report, expected_version=_version(request)
        )
    except services.ReportConflict as conflict:
        return _conflict(request, report, conflict)
    except services.FourEyes as refusal:
        for message in refusal.messages:
            messages.error(request, message)
        return redirect("progress:report", pk=report.pk)
    if approved.state == ReportState.APPROVED:
        messages.success(request, _("Approved: the value now counts."))
    else:
        messages.success(request, _("Checked: a second office user approves it now."))
    return redirect("progress:review")


@require_POST
@login_required
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request.user, pk)
    if not permissions.can_review(request.user):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Comment: say what needs fixing."))
        return redirect("progress:report", pk=report.pk)
    try:
        services.progress_report_return(
            actor=request.user,
            report=report,
            expected_version=form.cleaned_data["version"],
            comment=form.cleaned_data["comment"],
        )
    except services.ReportConflict as conflict:
        return _conflict(request, report, conflict)
    except UserFacingError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("progress:report", pk=report.pk)
    messages.success(request, _("Returned to the department with your comment."))
    return redirect("progress:review")


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """Submitted reports with the previous approved value and the evidence, side by side.
    A supervisor reads the same queue without the buttons."""
    if not permissions.can_view_review_queue(request.user):
        raise PermissionDenied
    items = selectors.review_items(selectors.review_queue(request.user))
    for item in items:
        item["own"] = not permissions.can_approve_report(request.user, item["report"])
    return render(
        request,
        "progress/review_queue.html",
        {"items": items, "can_review": permissions.can_review(request.user)},
    )


@require_POST
@login_required
def review_bulk_approve(request: HttpRequest) -> HttpResponse:
    if not permissions.can_review(request.user):
        raise PermissionDenied
    versions: dict[int, int] = {}
    for token in request.POST.getlist("report"):
        pk, _sep, version = token.partition(":")
        report_id, number = parse_id(pk), parse_id(version)
        if report_id and number:
            versions[report_id] = number
    result = services.progress_report_bulk_approve(actor=request.user, versions=versions)
    messages.success(request, _("%(count)s reports approved.") % {"count": len(result.approved)})
    if result.own:
        messages.warning(
            request,
            _("Left for another office user (you wrote, submitted or checked them): %(reports)s")
            % {"reports": "; ".join(str(report) for report in result.own)},
        )
    if result.conflicts:
        messages.error(
            request,
            _(
                "%(count)s reports changed since you opened the queue and were left for a second look."
            )
            % {"count": len(result.conflicts)},
        )
    return redirect("progress:review")


@login_required
def evidence_file(request: HttpRequest, pk: int, size: str) -> FileResponse:
    """An evidence file or its thumbnail, served only to those who may see its report."""
    evidence = get_object_or_404(Evidence.objects.select_related("report", "project__plan"), pk=pk)
    if not permissions.can_view_evidence(request.user, evidence):
        raise Http404
    field = evidence.thumbnail if size == "thumb" else evidence.file
    if not field:
        raise Http404
    response = FileResponse(field.open("rb"), as_attachment=evidence.kind != "photo")
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# Public evidence never changes once its report is approved; an hour bounds how long a copy
# outlives a plan taken off the portal.
PUBLIC_EVIDENCE_MAX_AGE = 3600


def public_evidence_file(request: HttpRequest, pk: int, size: str) -> FileResponse:
    """A published evidence file for anyone, cacheable: its report approved, its plan public.

    Everything else (drafts, submitted reports, plans not yet published) is 404 here and
    is served only by `evidence_file`, which asks who is looking.
    """
    evidence = get_object_or_404(Evidence.objects.select_related("report", "project__plan"), pk=pk)
    if size not in ("file", "thumb") or not permissions.is_public_evidence(evidence):
        raise Http404
    field = evidence.thumbnail if size == "thumb" else evidence.file
    if not field:
        raise Http404
    response = FileResponse(field.open("rb"), as_attachment=evidence.kind != "photo")
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = f"public, max-age={PUBLIC_EVIDENCE_MAX_AGE}"
    return response


@login_required
def missing(request: HttpRequest) -> HttpResponse:
    """Late and missing reports for a period: which departments have not reported."""
    plan = _plan(request)
    if plan is None:
        _require_section(request.user)
        raise Http404
    if not permissions.can_view_missing(request.user, plan):
        raise PermissionDenied
    period = selectors.find_period(plan, request.GET.get("period"))
    return render(
        request,
        "progress/missing.html",
        {
            "plan": plan,
            "period": period,
            "periods": selectors.reporting_periods(plan),
            "missing": selectors.missing_reports(plan, period),
            "late": selectors.late_reports(plan, period),
            "periods_form": PeriodsForm(initial={"months": 1, "deadline_days": 5})
            if permissions.can_manage_periods(request.user, plan)
            else None,
        },
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@login_required
def ledger_download(request: HttpRequest) -> HttpResponse:
    """A department's (or district's) ledger for a period, pre-filled, to fill in."""
    _require_section(request.user)
    plan = _plan(request)
    if plan is None:
        raise Http404
    period = selectors.find_period(plan, request.GET.get("period"))
    user: Any = request.user
    wanted = request.GET.get("department", "")
    if wanted:
        department = object_or_404(Department.objects.select_related("jurisdiction"), wanted)
        if not permissions.can_download_ledger(user, department):
            raise Http404
        subjects = selectors.subjects_in_scope(plan, department_id=department.pk)
        holder = department.name
    elif permissions.is_department_reporter(user) or permissions.is_district_reporter(user):
        subjects = selectors.reportable_subjects(user, plan)
        holder = str(user.department or user.jurisdiction)
    else:
        raise Http404
    title = f"{holder} · {plan.title}"
    content = ledger.build_ledger(plan, subjects, title=title, period=period)
    return _xlsx(content, f"{holder}-{plan.year}-{period.key}.xlsx")


@login_required
def ledger_export(request: HttpRequest) -> HttpResponse:
    """The whole plan's ledger, for the office."""
    plan = _plan(request)
    if plan is None:
        _require_section(request.user)
        raise Http404
    if not permissions.can_export_plan_ledger(request.user, plan):
        raise PermissionDenied
    period = selectors.find_period(plan, request.GET.get("period"))
    subjects = selectors.subjects_in_scope(plan, everything=True)
    content = ledger.build_ledger(plan, subjects, title=plan.title, period=period)
    return _xlsx(content, f"{plan.jurisdiction.name}-{plan.year}-{period.key}.xlsx")


@login_required
def ledger_upload(request: HttpRequest) -> HttpResponse:
    """Upload a filled-in ledger: every row becomes a draft, or none does."""
    if not (is_reporter(request.user) or is_office(request.user)):
        raise PermissionDenied
    plan = _plan(request)
    if plan is None:
        raise Http404
    form = LedgerUploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    conflicts: list[ledger.RowConflict] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = ledger.import_ledger(
                actor=request.user, plan=plan, upload=form.cleaned_data["file"]
            )
        except ledger.LedgerError as error:
            problems, conflicts = error.messages, error.conflicts
        except UserFacingError as error:
            problems = error.messages
        else:
            messages.success(
                request,
                _("%(count)s rows saved as drafts. Check them and submit.") % {"count": len(saved)},
            )
            return redirect("progress:index")
    return render(
        request,
        "progress/ledger_upload.html",
        {"form": form, "problems": problems, "conflicts": conflicts, "plan": plan},
        status=409 if conflicts else 200,
    )


@require_POST
@login_required
def periods_set(request: HttpRequest) -> HttpResponse:
    """The office sets a plan's reporting cadence (monthly unless it says otherwise)."""
    plan = _plan(request)
    if plan is None or not permissions.can_manage_periods(request.user, plan):
        raise PermissionDenied
    form = PeriodsForm(request.POST)
    if form.is_valid():
        try:
            services.reporting_periods_set(actor=request.user, plan=plan, **form.cleaned_data)
        except UserFacingError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Reporting periods saved."))
    else:
        messages.error(request, _("Periods: choose 1, 2, 3, 6 or 12 months and 0–60 days."))
    return redirect(reverse("progress:missing") + f"?plan={plan.pk}")
