"""Error pages a person can read: in their language (Chinese by default), with a way back.

Django's own pages are bare English. These say what happened, link back to where the person
came from (when it was this site) and, after a refused form post (an expired page, a CSRF
failure), show what they typed so nothing is lost.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.template.exceptions import TemplateDoesNotExist
from django.utils.http import url_has_allowed_host_and_scheme

# Never shown back: secrets and Django's own token.
HIDDEN_FIELDS = ("csrfmiddlewaretoken", "password", "password1", "password2", "token")
MAX_KEPT_FIELDS = 30
MAX_KEPT_LENGTH = 10_000

FALLBACK_500 = "服务器出错了，请稍后再试。 / Server error: please try again later."


def _back(request: HttpRequest) -> str:
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return "/"


def kept_input(request: HttpRequest) -> list[tuple[str, str]]:
    """The text a refused form post carried, for the person to copy (no secrets, capped)."""
    if request.method != "POST":
        return []
    kept = []
    for name, values in request.POST.lists():
        if any(hidden in name.lower() for hidden in HIDDEN_FIELDS):
            continue
        text = "\n".join(value for value in values if value.strip())
        if text:
            kept.append((name, text[:MAX_KEPT_LENGTH]))
        if len(kept) == MAX_KEPT_FIELDS:
            break
    return kept


def _page(request: HttpRequest, status: int, **context: Any) -> HttpResponse:
    try:
        back = _back(request)
    except Exception:
        back = "/"
    body = loader.render_to_string(
        f"{status}.html", {"back": back, "kept": kept_input(request), **context}, request=request
    )
    return HttpResponse(body, status=status)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The form's page had expired (or was sent from elsewhere): say so, keep what was typed."""
    return _page(request, 403, expired=True)


def too_many_requests(request: HttpRequest, wait: int) -> HttpResponse:
    response = _page(request, 429, wait=wait)
    response["Retry-After"] = str(wait)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """500: rendered without the request (the database may be what failed), in both languages."""
    try:
        body = loader.get_template("500.html").render({"back": "/"})
    except (TemplateDoesNotExist, Exception):
        body = FALLBACK_500
    return HttpResponse(body, status=500)
