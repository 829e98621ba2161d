from django.urls import URLPattern, URLResolver, path

from minsheng.audit import views

app_name = "audit"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("export.csv", views.export, name="export"),
]
