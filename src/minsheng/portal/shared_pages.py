"""Whole portal pages shared by every anonymous visitor, served before most of the stack runs.

The home page, a plan and a project are the same for every visitor who is not signed in,
given the path, the known filters, the language and the text size. The first such visitor's
page is kept under the site stamp (public_cache); later visitors get it from
`SharedPageMiddleware`, which sits right after the CSRF middleware: no URL resolution, no
view, no authentication, one cache round trip for the stamp. The headers the inner
middleware added (CSP, X-Frame-Options, the demo label, Vary) are kept with the page, so a
shared answer carries the same headers as the page it copies. Each answer gets the
visitor's own CSRF token in place of a placeholder.

Only views decorated with `shared_page` are kept, and only when they mark their response
shareable (`_respond` does so when the filters were all valid), so other pages and
made-up queries add no entries.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

from minsheng.portal import public_cache
from minsheng.portal.filters import known_filters

# Stands in for the visitor's CSRF token in a kept page; replaced on every response.
CSRF_PLACEHOLDER = "portal-csrf-token-placeholder-7f3a9c"
LARGE_TEXT_COOKIE = "minsheng_text"
# Set per response by the outer middleware (CommonMiddleware, sessions, cookies).
NOT_KEPT = {"content-length", "set-cookie"}


def cookie_anonymous(request: HttpRequest) -> bool:
    """No session and no message waiting: the visitor sees what everyone sees.

    Read from the cookies alone, so that it can be asked before authentication runs; a
    signed-in visitor always carries the session cookie.
    """
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def large_text(request: HttpRequest) -> bool:
    return request.COOKIES.get(LARGE_TEXT_COOKIE) == "large"


def _parts(request: HttpRequest) -> tuple[object, ...]:
    filters = known_filters(request.GET)
    # "shared-page": entries kept as (html, headers); older releases kept bare html as "page".
    return ("shared-page", request.path, filters, translation.get_language(), large_text(request))


def shared_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a portal view whose anonymous page may be kept and shared (see the module)."""
    view.shared_page = True  # type: ignore[attr-defined]
    return view


def _is_shared_view(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and getattr(match.func, "shared_page", False)


class SharedPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "GET" or request.GET.get("q") or not cookie_anonymous(request):
            return self.get_response(request)
        parts = _parts(request)
        token, kept = public_cache.lookup(public_cache.SITE, parts)
        if kept is not None:
            html, headers = kept
            response = HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)))
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        html = getattr(response, "shareable_html", None)
        if response.status_code == 200 and html is not None and _is_shared_view(request):
            headers = tuple(
                (name, value) for name, value in response.items() if name.lower() not in NOT_KEPT
            )
            public_cache.store(public_cache.SITE, parts, token, (html, headers))
        return response
