"""A temporary password must be changed before anything else (first sign-in, after a reset)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


class PasswordChangeRequiredMiddleware:
    """Sends a user whose password is temporary to the change form; the form itself, signing
    out and static files stay reachable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "must_change_password", False)
        ):
            allowed = (
                reverse("accounts:password_change"),
                reverse("accounts:logout"),
                "/static/",
            )
            if not request.path.startswith(allowed):
                return redirect(reverse("accounts:password_change"))
        return self.get_response(request)
