from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from minsheng.core.health import healthz

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # A display preference, like portal:text_size: no CSRF token, so that a public page carries
    # none and sets no cookie (see portal/shared_pages.py for what a forged switch can do).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("accounts/", include("minsheng.accounts.urls")),
    path("audit/", include("minsheng.audit.urls")),
    path("report/", include("minsheng.progress.urls")),
    path("office/", include("minsheng.supervision.urls")),
    path("ingest/", include("minsheng.ingest.urls")),
    path("setup/", include("minsheng.plans.urls")),
    path("reports/", include("minsheng.reports.urls")),
    path("participate/", include("minsheng.participation.urls")),
    path("demo/", include("minsheng.demo.urls")),
    path("notifications/", include("minsheng.notifications.urls")),
    path("", include("minsheng.portal.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Error pages in the reader's language with a way back (minsheng/core/views.py).
handler403 = "minsheng.core.views.permission_denied"
handler404 = "minsheng.core.views.page_not_found"
handler500 = "minsheng.core.views.server_error"
