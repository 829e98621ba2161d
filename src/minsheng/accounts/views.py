"""User management by each office over its own subtree, and the password pages.

Thin views: permission first (another jurisdiction's account is 404), then one service call.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.accounts import permissions, selectors, services
from minsheng.accounts.forms import ImportForm, UserForm
from minsheng.accounts.models import User
from minsheng.core.i18n import UserFacingError


def _require_office(request: HttpRequest) -> None:
    if not permissions.can_manage_users(request.user):
        raise PermissionDenied


def _managed(request: HttpRequest, pk: int) -> User:
    """An account the office manages; any other, as far as it can tell, does not exist."""
    account: User = get_object_or_404(selectors.users_in_scope(request.user), pk=pk)
    if not permissions.can_manage_user(request.user, account):
        raise PermissionDenied
    return account


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    search = request.GET.get("q", "").strip()[:50]
    accounts = selectors.users_in_scope(request.user, search=search)
    return render(
        request, "accounts/user_list.html", {"accounts": accounts[:500], "search": search}
    )


def _show(request: HttpRequest, error: UserFacingError, form: Any = None) -> None:
    for message in error.messages:
        if form is not None:
            form.add_error(None, message)
        else:
            messages.error(request, message)


@login_required
def user_new(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    form = UserForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.user_create(actor=request.user, **form.cleaned_data)
        except UserFacingError as error:
            _show(request, error, form)
        else:
            return render(
                request, "accounts/user_created.html", {"accounts": [created]}, status=201
            )
    return render(request, "accounts/user_form.html", {"form": form, "account": None})


@login_required
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    account = _managed(request, pk)
    initial = {
        "full_name": account.get_full_name(),
        "phone": account.phone,
        "email": account.email,
        "role": account.role,
        "jurisdiction": account.jurisdiction_id,
        "department": account.department_id,
    }
    form = UserForm(request.POST or None, actor=request.user, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(actor=request.user, user=account, **form.cleaned_data)
        except UserFacingError as error:
            _show(request, error, form)
        else:
            messages.success(request, _("Saved."))
            return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "account": account})


@require_POST
@login_required
def user_active(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    account = _managed(request, pk)
    active = request.POST.get("active") == "1"
    services.user_set_active(actor=request.user, user=account, active=active)
    if active:
        messages.success(request, _("%(user)s can sign in again.") % {"user": account})
    else:
        messages.success(request, _("%(user)s is deactivated.") % {"user": account})
    return redirect("accounts:users")


@require_POST
@login_required
def user_password_reset(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    account = _managed(request, pk)
    password = services.user_password_reset(actor=request.user, user=account)
    created = services.NewAccount(account, password)
    return render(request, "accounts/user_created.html", {"accounts": [created], "reset": True})


@login_required
def user_import(request: HttpRequest) -> HttpResponse:
    """Bulk import from an Excel sheet, all or nothing, with the problems by row."""
    _require_office(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            created = services.users_import(actor=request.user, upload=form.cleaned_data["file"])
        except UserFacingError as error:
            problems = error.messages
        else:
            return render(request, "accounts/user_created.html", {"accounts": created}, status=201)
    status = 400 if problems else 200
    return render(
        request,
        "accounts/user_import.html",
        {"form": form, "problems": problems, "columns": services.IMPORT_COLUMNS},
        status=status,
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's password (required after a temporary one); recorded in the trail."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.password_changed(user=form.user, how="password_change")
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The e-mailed reset link's form; the reset goes into the trail."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.password_changed(user=form.user, how="password_reset_by_email")
        return response
