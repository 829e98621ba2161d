"""The one rate limiter of the project: the open-data API, downloads, participation, logins.

A sliding window made of slices: a window of W seconds is cut into SLICES slices, each
counted under its own key, and a request is counted against the current slice and the
SLICES before it. Those always cover at least the last W seconds, so no W-second span ever
lets more than the limit through (a fixed window let 320 through 300 per 60 s). A request
takes its place first (one atomic increment) and gives it back if over the limit, so
concurrent requests cannot all slip in under the last free place.

Counts live in a Django cache. The hot scopes (the API, downloads, look-ups while typing)
use the `ratelimit` cache: Redis in production, shared by every app server; on the embedded
default the cache's own SQLite file (core/sqlite_cache.py), shared by every worker on the
machine, so that a read of the API never writes to the main database. The other scopes, rare and worth counting exactly (posting
suggestions, failed logins), use the shared default cache on every deployment.

Rules are `settings.RATE_LIMITS = {scope: (requests, seconds)}`.
"""

import ipaddress
import math
import time
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import UserFacingError, bilingual
from minsheng.core.sqlite_cache import SQLiteCache

SLICES = 6
FAST_SCOPES = frozenset({"api", "download", "similar"})
FAST_CACHE = "ratelimit"

TOO_MANY = _(
    "Too many requests from your address: at most %(limit)s in %(window)s seconds. Try again in %(wait)s seconds."
)
TOO_MANY_MINUTES = _("Too many requests. Please wait %(minutes)s minutes and try again.")


def rule(scope: str) -> tuple[int, int]:
    """(requests allowed, window in seconds) of a scope."""
    allowed, window = settings.RATE_LIMITS[scope]
    return int(allowed), int(window)


def _store(scope: str) -> BaseCache:
    if scope in FAST_SCOPES and FAST_CACHE in settings.CACHES:
        return caches[FAST_CACHE]
    return caches["default"]


def _keys(scope: str, client: str, now: float, window: int) -> tuple[list[str], float]:
    size = window / SLICES
    current = int(now // size)
    return [f"rate:{scope}:{client}:{i}" for i in range(current - SLICES, current + 1)], size


def _add(store: BaseCache, key: str, delta: int, timeout: int) -> int:
    """Add `delta` to a counter atomically; create it with `timeout` if it is not there."""
    if isinstance(store, SQLiteCache):
        return store.add_to(key, delta, timeout)
    if isinstance(store, DatabaseCache):
        # The database cache's incr is a read and a write; in one transaction, which on
        # SQLite (BEGIN IMMEDIATE) holds the write lock, no other worker comes between.
        with transaction.atomic():
            value = int(store.get(key) or 0) + delta
            store.set(key, value, timeout=timeout)
            return value
    try:
        return store.incr(key, delta)
    except ValueError:  # not there yet (or just expired)
        if store.add(key, delta, timeout=timeout):
            return delta
        return store.incr(key, delta)


def hit(scope: str, client: str) -> int | None:
    """Count one request of `client` in `scope`: None if it may go ahead, else seconds to wait."""
    allowed, window = rule(scope)
    store = _store(scope)
    now = time.time()
    keys, size = _keys(scope, client, now, window)
    timeout = window + math.ceil(size) + 1
    mine = _add(store, keys[-1], 1, timeout)
    earlier = store.get_many(keys[:-1])
    if mine + sum(int(value) for value in earlier.values()) <= allowed:
        return None
    _add(store, keys[-1], -1, timeout)  # refused requests do not use up the window
    return _wait(keys, {**earlier, keys[-1]: mine}, size, now)


def blocked(scope: str, client: str) -> int | None:
    """Like `hit` without counting: seconds to wait if the limit is already used up, else None."""
    allowed, window = rule(scope)
    store = _store(scope)
    now = time.time()
    keys, size = _keys(scope, client, now, window)
    counts = store.get_many(keys)
    if sum(int(value) for value in counts.values()) < allowed:
        return None
    return _wait(keys, counts, size, now)


def _wait(keys: list[str], counts: dict[str, Any], size: float, now: float) -> int:
    """Seconds until the oldest counted slice leaves the window."""
    oldest = next((i for i, key in enumerate(keys) if counts.get(key)), len(keys) - 1)
    first = int(now // size) - SLICES
    leaves_at = (first + oldest + SLICES + 1) * size
    return max(1, math.ceil(leaves_at - now))


def client_key(request: HttpRequest) -> str:
    """Who is counted: a signed-in account, else the client address (an IPv6 /64 is one client)."""
    from minsheng.audit.middleware import client_ip

    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"u:{user.pk}"
    return f"ip:{address_key(client_ip(request))}"


def address_key(address: str | None) -> str:
    try:
        parsed = ipaddress.ip_address(address or "")
    except ValueError:
        return "unknown"
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address) + "/64"
    return str(parsed)


def too_many_message(scope: str, wait: int) -> str:
    """The 429 answer's text, in both languages."""
    allowed, window = rule(scope)
    return bilingual(TOO_MANY, limit=allowed, window=window, wait=wait)


# The platform's own actions (the demo's load, a command) come from no web client: they are not
# counted, or reloading the demo a few times in ten minutes would use up a resident's limit.
PLATFORM = ""


def enforce(scope: str, client: str) -> None:
    """Count one action; raise UserFacingError (both languages) once the limit is used up.

    A web client is always named (client_key: an account or an address); PLATFORM is never
    limited."""
    if client == PLATFORM:
        return
    wait = hit(scope, client)
    if wait is not None:
        raise UserFacingError([bilingual(TOO_MANY_MINUTES, minutes=max(1, math.ceil(wait / 60)))])
