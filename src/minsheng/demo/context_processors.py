from typing import Any

from django.conf import settings
from django.http import HttpRequest


def demo(request: HttpRequest) -> dict[str, Any]:
    """`demo_mode` for the banner on every page and the login page's list of demo accounts."""
    return {"demo_mode": bool(getattr(settings, "MINSHENG_DEMO", False))}
