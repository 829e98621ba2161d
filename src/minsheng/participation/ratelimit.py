"""Per-client rate limits kept in Django's cache (shared by every worker, never one process).

A fixed window: the first hit in a window creates the counter with the window as its
lifetime, later hits increment it. Limits are read from settings so deployments can tune
them: PARTICIPATION_RATE_LIMITS = {"submit": (5, 600), "support": (30, 600), ...}.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import UserFacingError, bilingual

DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "submit": (5, 600),  # five suggestions or comments per ten minutes
    "support": (30, 600),
    "register": (10, 600),
    "rate": (30, 600),
    "similar": (300, 600),  # look-ups while typing: generous, but not a free database scan
    "follow": (30, 600),  # tracking-code look-ups (notifications.views.follow)
}


def limit_for(action: str) -> tuple[int, int]:
    limits = {**DEFAULT_LIMITS, **getattr(settings, "PARTICIPATION_RATE_LIMITS", {})}
    return limits[action]


def hit(action: str, client: str) -> None:
    """Count one `action` by `client`; refuse it once the window's limit is used up."""
    allowed, seconds = limit_for(action)
    key = f"participation:rate:{action}:{client}"
    if cache.add(key, 1, timeout=seconds):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=seconds)
            count = 1
    if count > allowed:
        raise UserFacingError(
            [
                bilingual(
                    _("Too many requests. Please wait %(minutes)s minutes and try again."),
                    minutes=seconds // 60,
                )
            ]
        )
