"""Login throttling beyond axes' lock of one account from one address.

Axes locks a user name after repeated failures from one address. This adds the two wider
limits (issue 13): one address failing on many accounts (password spraying) and one account
failing from many addresses (a distributed guess), counted by the project's one rate limiter
in the shared cache ("login-address" and "login-account" in settings.RATE_LIMITS). A refused
attempt is shown axes' lockout page.
"""

from typing import Any

from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest

from minsheng.audit.middleware import client_ip
from minsheng.core import ratelimit


def _keys(request: HttpRequest | None, username: str | None) -> list[tuple[str, str]]:
    keys = []
    if request is not None:
        keys.append(("login-address", ratelimit.address_key(client_ip(request))))
    if username:
        keys.append(("login-account", username.strip().casefold()[:150]))
    return keys


class LoginThrottleBackend:
    """An authentication backend that authenticates nobody and refuses throttled attempts."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, **kwargs: Any
    ) -> None:
        for scope, key in _keys(request, username):
            if ratelimit.blocked(scope, key) is not None:
                if request is not None:
                    # axes' middleware turns this into its lockout page (HTTP 429).
                    request.axes_locked_out = True  # type: ignore[attr-defined]
                    request.axes_credentials = {"username": username}  # type: ignore[attr-defined]
                raise PermissionDenied
        return None

    # No get_user: sessions never name this backend (force_login picks the first that has one).


@receiver(user_login_failed)
def count_failure(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    for scope, key in _keys(request, credentials.get("username")):
        ratelimit.hit(scope, key)
