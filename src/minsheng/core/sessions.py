"""Signed-in sessions end after a while without a request, and after a working day at most.

等保 level 3 asks that a signed-in session end after 30 minutes idle. The session keeps when
it began and when it was last seen; the last-seen time is refreshed at most once a minute, so
that a busy clerk's pages do not each write the session. Anonymous visitors are left alone.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

STARTED = "minsheng_signed_in_at"
SEEN = "minsheng_seen_at"
REFRESH = 60


@receiver(user_logged_in)
def start_clock(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    """Mark the session's start at sign-in, so that the first page after it writes nothing."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED] = now
        request.session[SEEN] = now
        request.session.set_expiry(settings.SESSION_IDLE_TIMEOUT)


class SignedInSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Without a session cookie nobody is signed in: no session read at all.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> None:
        session = request.session
        now = int(time.time())
        started = session.get(STARTED)
        seen = session.get(SEEN)
        if started is None or seen is None:
            session[STARTED] = started or now
            session[SEEN] = now
            session.set_expiry(settings.SESSION_IDLE_TIMEOUT)
            return
        idle = now - seen > settings.SESSION_IDLE_TIMEOUT
        if idle or now - started > settings.SIGNED_IN_SESSION_MAX_AGE:
            logout(request)
            messages.info(
                request,
                _("You were signed out after %(minutes)s minutes without activity.")
                % {"minutes": settings.SESSION_IDLE_TIMEOUT // 60}
                if idle
                else _("Your session has ended; please sign in again."),
            )
            return
        if now - seen >= REFRESH:
            session[SEEN] = now
            session.set_expiry(settings.SESSION_IDLE_TIMEOUT)
