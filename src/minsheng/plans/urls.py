from django.urls import URLPattern, URLResolver, path

from minsheng.plans import views

app_name = "plans"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("new/", views.plan_new, name="new"),
    path("carry-over/", views.plan_carry, name="carry"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/state/", views.plan_transition, name="transition"),
    path("<int:plan_pk>/projects/new/", views.project_new, name="project_new"),
    path("projects/<int:pk>/", views.project_edit, name="project"),
    path("projects/<int:pk>/delete/", views.project_delete, name="project_delete"),
    path("projects/<int:project_pk>/indicators/new/", views.indicator_new, name="indicator_new"),
    path("indicators/<int:pk>/", views.indicator_edit, name="indicator"),
    path("indicators/<int:pk>/delete/", views.indicator_delete, name="indicator_delete"),
    path("projects/<int:project_pk>/milestones/new/", views.milestone_new, name="milestone_new"),
    path("milestones/<int:pk>/", views.milestone_edit, name="milestone"),
    path(
        "indicators/<int:pk>/move/", views.item_move, {"kind": "indicator"}, name="indicator_move"
    ),
    path(
        "milestones/<int:pk>/move/", views.item_move, {"kind": "milestone"}, name="milestone_move"
    ),
]
