from django.urls import path

from minsheng.portal import views
from minsheng.portal.api import api

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("api/", api.urls),
    path("text-size/", views.text_size, name="text_size"),
    path("region/<slug:jurisdiction>/", views.region, name="region"),
    path("<int:year>/<slug:jurisdiction>/", views.plan_detail, name="plan"),
    path("<int:year>/<slug:jurisdiction>/<int:number>/", views.project_detail, name="project"),
    path(
        "<int:year>/<slug:jurisdiction>/download.<str:fmt>",
        views.plan_download,
        name="download",
    ),
]
