"""Whole portal pages shared by every anonymous visitor, served before most of the stack runs.

The home page, a plan and a project are the same for every visitor who is not signed in,
given the path, the known filters, the language and the text size. The first such visitor's
page is kept under the site stamp (public_cache); later visitors get it from
`SharedPageMiddleware`, which sits right after the CSRF middleware: no URL resolution, no
view, no authentication, one cache round trip for the stamp. The headers the inner
middleware added (CSP, X-Frame-Options, the demo label, Vary) are kept with the page, so a
shared answer carries the same headers as the page it copies.

A shared page holds nothing of its visitor: no CSRF token and no cookie. Its only forms, the
language and text-size switches, are exempt from CSRF checks: a forged switch can change
nothing but how a browser shows public pages (the redirect after it stays on this host),
and in exchange a resident reading the public list is given no cookie at all.

Only views decorated with `shared_page` are kept, and only when they mark their response
shareable (`_respond` does so when the filters were all valid), so other pages and
made-up queries add no entries.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from minsheng.portal import public_cache
from minsheng.portal.filters import FILTER_NAMES, known_filters

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
            response = HttpResponse(html)
            for name, value in headers:
                response[name] = value
            # The page is the anonymous one: a signed-in visitor's differs, so caches must ask.
            patch_vary_headers(response, ("Cookie",))
            return response
        response = self.get_response(request)
        html = getattr(response, "shareable_html", None)
        # A page asked with other parameters would keep them in its forms' "next" for everyone.
        plain = set(request.GET) <= set(FILTER_NAMES)
        if response.status_code == 200 and html is not None and plain and _is_shared_view(request):
            headers = tuple(
                (name, value) for name, value in response.items() if name.lower() not in NOT_KEPT
            )
            public_cache.store(public_cache.SITE, parts, token, (html, headers))
        return response
