from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from minsheng.core.health import healthz

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
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
