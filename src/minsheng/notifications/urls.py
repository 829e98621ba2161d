from django.urls import path

from minsheng.notifications import views

app_name = "notifications"
urlpatterns = [
    path("preferences/", views.preferences, name="preferences"),
    path("follow/", views.follow, name="follow"),
]
