from django.urls import URLPattern, URLResolver, path

from minsheng.progress import views

app_name = "progress"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("new/<str:kind>/<int:pk>/", views.report_new, name="new"),
    path("<int:pk>/", views.report_detail, name="report"),
    path("<int:pk>/edit/", views.report_edit, name="edit"),
    path("<int:pk>/submit/", views.report_submit, name="submit"),
    path("<int:pk>/approve/", views.report_approve, name="approve"),
    path("<int:pk>/return/", views.report_return, name="return"),
    path("review/", views.review_queue, name="review"),
    path("review/approve/", views.review_bulk_approve, name="bulk_approve"),
    path("evidence/<int:pk>/<str:size>/", views.evidence_file, name="evidence"),
    path(
        "public/evidence/<int:pk>/<str:size>/",
        views.public_evidence_file,
        name="public_evidence",
    ),
    path("missing/", views.missing, name="missing"),
    path("periods/", views.periods_set, name="periods"),
    path("ledger/", views.ledger_download, name="ledger"),
    path("ledger/plan/", views.ledger_export, name="ledger_export"),
    path("ledger/upload/", views.ledger_upload, name="ledger_upload"),
]
