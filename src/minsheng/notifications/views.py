"""One's own notification channels, and a resident following a suggestion by its code."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from minsheng.core import ratelimit
from minsheng.core.i18n import UserFacingError
from minsheng.notifications import selectors, services
from minsheng.notifications.models import Channel
from minsheng.participation.views.identity import client_key


class PreferenceForm(forms.Form):
    by_email = forms.BooleanField(label=_("by e-mail"), required=False)
    by_sms = forms.BooleanField(label=_("by SMS"), required=False)
    phone = forms.CharField(label=_("mobile phone"), max_length=20, required=False)


class FollowForm(forms.Form):
    channel = forms.ChoiceField(label=_("Tell me by"), choices=Channel.choices)
    address = forms.CharField(label=_("e-mail address or mobile number"), max_length=254)


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    for field, texts in error.message_dict.items():
        form.add_error(field if field in form.fields else None, texts)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """In-app messages always; e-mail and SMS as the person chooses."""
    user: Any = request.user
    current = services.preference_of(user)
    form = PreferenceForm(
        request.POST or None,
        initial={"by_email": current.by_email, "by_sms": current.by_sms, "phone": current.phone},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.preference_set(actor=user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "email": user.email},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    """查询码: anyone with a suggestion's code sees where it stands and may ask to be told."""
    code = (request.GET.get("code") or request.POST.get("code") or "").strip()[:20]
    suggestion = None
    if code:
        try:
            ratelimit.enforce("follow", client_key(request))
        except UserFacingError as error:
            messages.error(request, str(error))
            return render(request, "notifications/follow.html", {"code": code}, status=429)
        suggestion = selectors.suggestion_by_code(code)
    form = FollowForm(request.POST or None)
    if request.method == "POST" and suggestion is not None and form.is_valid():
        try:
            services.suggestion_follow(suggestion=suggestion, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("We will tell you when it is answered."))
            return redirect(f"{request.path}?code={code}")
    return render(
        request,
        "notifications/follow.html",
        {"code": code, "suggestion": suggestion, "form": form, "searched": bool(code)},
        status=400 if form.errors else 200,
    )
