from django.urls import path

from minsheng.participation.views import office, public, roles

app_name = "participation"
urlpatterns = [
    path("", public.index, name="index"),
    path("solicitations/<int:pk>/", public.window_detail, name="window"),
    path("solicitations/<int:pk>/similar/", public.similar, name="similar"),
    path("suggestions/<int:pk>/support/", public.support, name="support"),
    path("mine/", public.mine, name="mine"),
    path("mine/<int:pk>/delete-contact/", public.delete_contact, name="delete_contact"),
    path("ballots/<int:pk>/", public.ballot_detail, name="ballot"),
    path("ballots/<int:pk>/vote/", public.vote, name="vote"),
    path("visits/<int:pk>/", public.visit_detail, name="visit"),
    path("visits/rate/<str:token>/", public.rate, name="rate"),
    path("projects/<int:pk>/", public.project_detail, name="project"),
    path("vetting/<int:plan_id>/", roles.vetting, name="vetting"),
    path("replies/", roles.replies, name="replies"),
    path("office/", office.dashboard, name="office"),
    path("office/solicitations/new/", office.window_new, name="window_new"),
    path("office/solicitations/<int:pk>/import/", office.window_import, name="window_import"),
    path("office/moderation/", office.moderation, name="moderation"),
    path("office/plans/<int:plan_id>/candidates/", office.candidates, name="candidates"),
    path("office/plans/<int:plan_id>/ballots/new/", office.ballot_new, name="ballot_new"),
    path("office/ballots/<int:pk>/<str:action>/", office.ballot_action, name="ballot_action"),
    path("office/visits/new/", office.visit_new, name="visit_new"),
    path("office/visits/<int:pk>/publish/", office.visit_publish, name="visit_publish"),
    path("office/suggestions/<int:pk>/assign/", office.assign, name="assign"),
    path("office/suggestions/<int:pk>/notice/", office.to_notice, name="to_notice"),
]
