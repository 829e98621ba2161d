"""Small things seen in a year's run: the ballot's label, the site-visit form, the expert's menu."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from minsheng.participation import services
from minsheng.participation.models import BallotState
from minsheng.participation.tests.builders import make_window, office, open_ballot
from minsheng.testing import make_project, make_user

pytestmark = pytest.mark.django_db


def test_an_open_ballot_reads_voting_not_to_be_handled():
    with translation.override("zh-hans"):
        assert str(BallotState.OPEN.label) == "投票中"


def test_the_office_dashboard_labels_an_open_ballot_as_voting(client):
    ballot, *_ = open_ballot()
    client.force_login(office(ballot.plan))
    page = client.get(reverse("participation:office")).content.decode()
    assert f"{ballot.title}</a> · 投票中" in page


def _visit(starts_in):
    project = make_project()
    return services.visit_create(
        actor=office(project.plan),
        title="走进市办实事·老年助餐",
        place="市南区某社区食堂",
        starts_at=timezone.now() + starts_in,
        capacity=5,
        projects=[project],
    )


def test_the_sign_up_form_is_gone_once_the_visit_has_started(client):
    visit = _visit(timedelta(hours=1))
    visit.starts_at = timezone.now() - timedelta(minutes=5)
    visit.save()
    page = client.get(reverse("participation:visit", args=[visit.pk])).content.decode()
    assert 'name="participant_type"' not in page
    assert 'id="registration-closed"' in page


def test_a_late_sign_up_is_refused_in_the_pages_language_only(client):
    visit = _visit(timedelta(hours=1))
    visit.starts_at = timezone.now() - timedelta(minutes=5)
    visit.save()
    response = client.post(
        reverse("participation:visit", args=[visit.pk]),
        {"participant_type": "cppcc", "name": "赵委员"},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["报名已截止：活动已经开始。"]


def test_the_experts_menu_links_to_the_scoring_page(client):
    window = make_window()
    expert = make_user()
    services.expert_appoint(actor=office(window.plan), plan=window.plan, user=expert)
    client.force_login(expert)
    page = client.get(reverse("portal:home")).content.decode()
    menu = page.split('<nav aria-label="', 1)[1].split("</nav>", 1)[0]
    assert reverse("participation:vetting", args=[window.plan.pk]) in menu
