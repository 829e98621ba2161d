"""Rate limiting of the open-data API and downloads per client address, in the shared cache.

A fixed window per address: the count lives in Django's cache (database table or Redis), so
every app server counts the same requests. The address is REMOTE_ADDR, the socket peer; a
proxy in front must set it (X-Forwarded-For is not trusted, since anyone can send it).
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import bilingual

# Requests allowed per window, and the window in seconds; settings.PORTAL_RATE_LIMIT overrides.
DEFAULT_LIMIT = (300, 60)

TOO_MANY = _(
    "Too many requests from your address: at most %(limit)s in %(window)s seconds. Try again in %(wait)s seconds."
)


def limit() -> tuple[int, int]:
    return getattr(settings, "PORTAL_RATE_LIMIT", DEFAULT_LIMIT)


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def retry_after(request: HttpRequest, scope: str = "api") -> int | None:
    """Count this request; None if it may go ahead, else the seconds until the window ends."""
    allowed, window = limit()
    now = time.time()
    start = int(now // window) * window
    key = f"portal:rate:{scope}:{client_address(request)}:{start}"
    # One write per request on the usual path: add only when the window's counter is new.
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1 if cache.add(key, 1, timeout=window + 1) else cache.incr(key)
    if count <= allowed:
        return None
    return max(1, int(start + window - now) + 1)


def too_many_message(wait: int) -> str:
    allowed, window = limit()
    return bilingual(TOO_MANY, limit=allowed, window=window, wait=wait)
