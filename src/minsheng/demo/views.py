from django.conf import settings
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from minsheng.demo import selectors
from minsheng.demo.models import DemoAccount


def _demo_on() -> None:
    if not getattr(settings, "MINSHENG_DEMO", False):
        raise Http404


@require_POST
def sign_in(request: HttpRequest, key: str) -> HttpResponse:
    """One-click sign-in as a demo account; exists only while the demo is on."""
    _demo_on()
    account = get_object_or_404(DemoAccount.objects.select_related("user"), key=key)
    if not account.user.is_active:
        raise Http404
    login(request, account.user, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponseRedirect(selectors.landing_url(account.user))


def tour(request: HttpRequest) -> HttpResponse:
    """演示导览: what to try as each role. Shown while the demo is on."""
    _demo_on()
    return render(request, "demo/tour.html", {"accounts": selectors.demo_accounts()})
