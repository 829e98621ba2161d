from django.urls import URLPattern, URLResolver, path

from minsheng.supervision import views

app_name = "supervision"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("cockpit/", views.cockpit, name="cockpit"),
    path("province/", views.province_cockpit, name="province_cockpit"),
    path("notices/new/", views.notice_new, name="notice_new"),
    path("help/new/", views.assistance_new, name="assistance_new"),
    path("notifications/", views.notifications, name="notifications"),
    path("notice/<int:pk>/document.<str:fmt>", views.notice_download, name="notice_download"),
    path("<str:kind>/", views.case_list, name="cases"),
    path("<str:kind>/<int:pk>/", views.case_detail, name="case"),
    path("<str:kind>/<int:pk>/<str:verb>/", views.case_act, name="case_act"),
    path("<str:kind>/<int:pk>/evidence/<int:step>/", views.step_evidence, name="step_evidence"),
]
