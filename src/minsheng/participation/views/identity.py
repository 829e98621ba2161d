"""Who is asking: a person key for once-per-person rules, a client key for rate limits."""

import secrets

from django.http import HttpRequest

from minsheng.core import ratelimit

SESSION_KEY = "participation_person"


def person_key(request: HttpRequest) -> str:
    """A signed-in account, or a random id kept in this browser's session (survives login)."""
    if request.user.is_authenticated:
        return f"u:{request.user.pk}"
    return anonymous_key(request)


def anonymous_key(request: HttpRequest) -> str:
    if SESSION_KEY not in request.session:
        request.session[SESSION_KEY] = secrets.token_hex(16)
    return f"p:{request.session[SESSION_KEY]}"


def author_keys(request: HttpRequest) -> list[str]:
    """Every key this person may have written under: the account's and the browser's."""
    keys = [f"p:{request.session[SESSION_KEY]}"] if SESSION_KEY in request.session else []
    if request.user.is_authenticated:
        keys.append(f"u:{request.user.pk}")
    return keys


def client_key(request: HttpRequest) -> str:
    """Rate limits count per account or address, so clearing cookies does not reset them."""
    return ratelimit.client_key(request)
