from django.urls import URLPattern, URLResolver, path

from minsheng.ingest import views

app_name = "ingest"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
]
