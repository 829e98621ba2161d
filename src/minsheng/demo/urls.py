from django.urls import path

from minsheng.demo import views

app_name = "demo"
urlpatterns = [
    path("tour/", views.tour, name="tour"),
    path("sign-in/<str:key>/", views.sign_in, name="sign_in"),
]
