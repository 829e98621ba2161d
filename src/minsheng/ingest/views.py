"""The office page: read a document, check the extracted plan against its source, save a draft."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from minsheng.core.i18n import UserFacingError
from minsheng.ingest.forms import COMPARATOR_CHOICES, UNIT_CHOICES, DocumentForm
from minsheng.ingest.messages import error_message
from minsheng.ingest.parser import IngestError, ParsedDocument, decode_document, parse_text
from minsheng.ingest.permissions import can_ingest
from minsheng.ingest.selectors import finding_rows, project_rows, source_pieces, unsure_rows
from minsheng.ingest.services import existing_plan, plan_draft_create, progress_drafts_create
from minsheng.plans.choices import UNITS, Comparator
from minsheng.plans.permissions import can_view_plan


@login_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    """Paste or upload (read), then correct and save (save)."""
    if not can_ingest(request.user):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("action") == "save":
        return _save(request)
    form = DocumentForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        try:
            text = form.cleaned_data["text"]
            upload = form.cleaned_data.get("file")
            if upload is not None:
                text = decode_document(upload.read(), filename=upload.name)
            document = parse_text(
                text,
                jurisdiction=form.cleaned_data.get("jurisdiction") or None,
                year=form.cleaned_data.get("year"),
            )
        except IngestError as error:
            _ask(form, error, text if upload is not None else None)
        else:
            context |= _result(document)
    return render(request, "ingest/index.html", context)


def _ask(form: DocumentForm, error: IngestError, decoded: str | None) -> None:
    """A missing year or place is asked for beside its field; the text stays on the page."""
    field_name = {"no_year": "year", "no_jurisdiction": "jurisdiction"}.get(error.code)
    if decoded is not None and field_name:
        # an uploaded file cannot come back in the form, so its text does
        data = dict(form.data.items())
        data["text"] = decoded
        form.data = data
    form.add_error(field_name, error_message(error))


def _result(document: ParsedDocument, errors: list[str] | None = None) -> dict[str, Any]:
    pieces, links = source_pieces(document)
    projects = project_rows(document, links)
    return {
        "document": document,
        "pieces": pieces,
        "projects": projects,
        "unsure": unsure_rows(projects),
        "findings": finding_rows(document, links),
        "unit_choices": UNIT_CHOICES,
        "comparator_choices": COMPARATOR_CHOICES,
        "save_errors": errors or [],
    }


def _save(request: HttpRequest) -> HttpResponse:
    """Re-read the same source, apply the office's corrections, and save a draft plan."""
    source = request.POST.get("source", "")
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        year = 0
    try:
        document = parse_text(
            source, jurisdiction=request.POST.get("jurisdiction") or None, year=year or None
        )
    except IngestError as error:
        form = DocumentForm()
        form.add_error(None, error_message(error))
        return render(request, "ingest/index.html", {"form": form}, status=400)
    data = document.to_interchange()
    errors = _apply_corrections(request.POST, data)
    if not errors:
        try:
            existing = existing_plan(data, actor=request.user)
            if existing is not None:
                reports = progress_drafts_create(
                    actor=request.user, document=document, plan=existing, data=data
                )
                message = _(
                    "“%(title)s” exists and was left unchanged; %(count)s figures were saved "
                    "as draft progress reports for review."
                ) % {"title": existing.title, "count": len(reports)}
            else:
                plan = plan_draft_create(actor=request.user, document=document, data=data)
                message = _("Saved the draft plan “%(title)s” with %(count)s projects.") % {
                    "title": plan.title,
                    "count": plan.projects.count(),
                }
        except UserFacingError as error:
            errors = error.messages
        else:
            messages.success(request, message)
            # A new draft is set up next in the office's own pages (plans/views.py).
            if existing is None and can_view_plan(request.user, plan):
                return redirect("plans:detail", pk=plan.pk)
            return redirect("ingest:index")
    context = {"form": DocumentForm()} | _result(document, errors)
    return render(request, "ingest/index.html", context, status=400)


def _apply_corrections(post: Any, data: dict[str, Any]) -> list[str]:
    errors = []
    for p_index, project in enumerate(data["projects"]):
        for i_index, indicator in enumerate(project["indicators"]):
            key = f"p{p_index}-i{i_index}"
            if f"{key}-target" not in post:
                continue
            name = post.get(f"{key}-name", "").strip()
            if name:
                indicator["name"] = name[:200]
            try:
                target = Decimal(post.get(f"{key}-target", ""))
                if target < 0 or not target.is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                errors.append(
                    _("Project %(number)s: “%(value)s” is not a target number.")
                    % {"number": project["number"], "value": post.get(f"{key}-target", "")}
                )
                continue
            indicator["target"] = int(target) if target == target.to_integral() else float(target)
            unit = post.get(f"{key}-unit")
            if unit in UNITS:
                indicator["unit"] = unit
            comparator = post.get(f"{key}-comparator")
            if comparator in Comparator.values:
                indicator["comparator"] = comparator
    return errors
