"""Per-plan cache stamps: everything public about a plan is cached under its stamp.

A stamp is a random token and the time it was issued, kept in Django's shared cache (the
database table or Redis, never one process's memory), so every app server sees the same one.
Pages and API answers of a plan are cached under keys that contain the stamp's token, and
ETag/Last-Modified headers are made from it. Changing anything public about a plan issues a
new stamp; the old entries are never read again and expire on their own.

Other apps call `invalidate_plan(plan_id)` after a write that changes what the public sees
(approving a report, editing the plan). The portal also listens to saves and deletes of the
ledger's models (see `apps.PortalConfig.ready`), so a forgotten call cannot leave a stale
page; bulk `QuerySet.update()` sends no signal, so code using it must call `invalidate_plan`.
"""

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction

# Rendered pages and API answers live a day at most; a new stamp makes them unreachable sooner.
ENTRY_TIMEOUT = 24 * 60 * 60
SITE = "site"

T = TypeVar("T")

# An entry's key holds the token of the stamp it was built under and is never rewritten, so
# a copy in the worker's own memory cannot go stale: a new stamp means new keys. The copy
# spares reading and unpickling a whole page from the shared cache on every visit; only the
# stamp (a few bytes) is read from the shared cache each time.
LOCAL_ENTRIES = 256
_local: OrderedDict[str, Any] = OrderedDict()
_local_lock = threading.Lock()


def _remembered(key: str) -> Any:
    with _local_lock:
        value = _local.get(key)
        if value is not None:
            _local.move_to_end(key)
        return value


def _remember(key: str, value: Any) -> None:
    with _local_lock:
        _local[key] = value
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)


@dataclass(frozen=True)
class Stamp:
    token: str
    issued_at: datetime

    @property
    def etag(self) -> str:
        return f'"{self.token}"'


def _key(scope: int | str) -> str:
    return f"portal:stamp:{scope}"


def _new_value() -> tuple[str, float]:
    return secrets.token_hex(8), time.time()


def stamp(scope: int | str) -> Stamp:
    """The current stamp of a plan (by id) or of the whole site (`SITE`)."""
    value = cache.get(_key(scope))
    if value is None:
        cache.add(_key(scope), _new_value(), timeout=None)
        value = cache.get(_key(scope)) or _new_value()
    token, issued = value
    # HTTP dates have whole seconds; Last-Modified must not be later than the truth.
    return Stamp(token=token, issued_at=datetime.fromtimestamp(int(issued), tz=UTC))


def _issue(plan_id: int) -> None:
    cache.set_many({_key(plan_id): _new_value(), _key(SITE): _new_value()}, timeout=None)


def invalidate_plan(plan_id: int) -> None:
    """Drop every cached public page and API answer of a plan once the current transaction commits.

    After commit, so that no reader can cache the old data again between the bump and the commit.
    """
    transaction.on_commit(lambda: _issue(plan_id), robust=True)


def entry_key(scope: int | str, token: str, parts: tuple[object, ...]) -> str:
    # Hashed, so that any query string gives a short key every cache backend accepts.
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"portal:entry:{scope}:{token}:{digest}"


def cached(
    scope: int | str, parts: tuple[object, ...], build: Callable[[], T], *, token: str = ""
) -> T:
    """`build()`'s result, cached under the scope's current stamp and `parts`.

    `token`, when the caller has just read the scope's stamp, spares reading it again.
    """
    key = entry_key(scope, token or stamp(scope).token, parts)
    value = _remembered(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, timeout=ENTRY_TIMEOUT)
        _remember(key, value)
    return value


def lookup(scope: int | str, parts: tuple[object, ...]) -> tuple[str, Any]:
    """(current stamp token, value or None) for the hottest path: whole pages.

    The value is stored beside the token it was built under (see `store`); a value built
    under an older stamp does not count. A worker that served it before answers from memory.
    """
    token = stamp(scope).token
    local_key = entry_key(scope, token, parts)
    value = _remembered(local_key)
    if value is not None:
        return token, value
    entry = cache.get(entry_key(scope, "tagged", parts))
    if entry is not None and entry[0] == token:
        _remember(local_key, entry[1])
        return token, entry[1]
    return token, None


def store(scope: int | str, parts: tuple[object, ...], token: str, value: Any) -> None:
    """Keep a value built under the stamp `token` (read before building it) for `lookup`."""
    cache.set(entry_key(scope, "tagged", parts), (token, value), timeout=ENTRY_TIMEOUT)
    _remember(entry_key(scope, token, parts), value)
