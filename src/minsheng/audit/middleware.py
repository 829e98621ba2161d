"""Keeps the client address of the current request where the audit service can read it."""

from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

current_ip: ContextVar[str | None] = ContextVar("current_ip", default=None)


def client_ip(request: HttpRequest) -> str | None:
    # Behind a reverse proxy REMOTE_ADDR is the proxy; the deployment sets the proxy to
    # overwrite X-Real-IP, which is then trusted. Without a proxy the header is ignored.
    from django.conf import settings

    if settings.TRUST_X_REAL_IP:
        forwarded = request.headers.get("X-Real-IP")
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
