"""Every page answers, and checks who is asking."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.participation import services
from minsheng.participation.tests.builders import make_candidate, make_window, office, open_ballot
from minsheng.testing import make_project, make_user

pytestmark = pytest.mark.django_db

OFFICE_PAGES = ["office", "window_new", "moderation", "visit_new"]


def test_the_participation_index_answers_the_public(client):
    make_window()
    response = client.get(reverse("participation:index"))
    assert response.status_code == 200
    assert "2026年市办实事项目征集" in response.content.decode()


@pytest.mark.parametrize("name", OFFICE_PAGES)
def test_office_pages_refuse_the_public_and_other_roles(client, name):
    assert client.get(reverse(f"participation:{name}")).status_code == 403
    client.force_login(make_user(Role.DEPARTMENT_REPORTER))
    assert client.get(reverse(f"participation:{name}")).status_code == 403


@pytest.mark.parametrize("name", OFFICE_PAGES)
def test_office_pages_answer_the_office(client, name):
    client.force_login(office(make_window()))
    assert client.get(reverse(f"participation:{name}")).status_code == 200


def test_the_candidates_page_shows_the_office_the_plans_candidates(client):
    window = make_window()
    make_candidate(window.plan, title="新增公共停车泊位")
    client.force_login(office(window))
    for name in ["candidates", "ballot_new"]:
        response = client.get(reverse(f"participation:{name}", args=[window.plan.pk]))
        assert response.status_code == 200
    assert (
        "新增公共停车泊位"
        in client.get(reverse("participation:candidates", args=[window.plan.pk])).content.decode()
    )


def test_an_unpublished_ballot_is_hidden_from_the_public(client):
    ballot, *_ = open_ballot()
    assert client.get(reverse("participation:ballot", args=[ballot.pk])).status_code == 404


def test_a_deputy_on_the_roll_sees_the_voting_form_and_votes_once_through_the_web(client):
    ballot, (a, b, *_), roll, _office = open_ballot()
    client.force_login(roll[0])
    page = client.get(reverse("participation:ballot", args=[ballot.pk])).content.decode()
    assert 'name="choice"' in page
    client.post(reverse("participation:vote", args=[ballot.pk]), {"choice": [a.pk, b.pk]})
    page = client.get(reverse("participation:ballot", args=[ballot.pk])).content.decode()
    assert 'name="choice"' not in page
    ballot.refresh_from_db()
    assert ballot.cast_count == 1


def test_a_deputy_not_on_the_roll_cannot_post_a_vote(client):
    ballot, (a, *_), _roll, _office = open_ballot()
    client.force_login(make_user(Role.OBSERVER))
    assert (
        client.post(reverse("participation:vote", args=[ballot.pk]), {"choice": [a.pk]}).status_code
        == 403
    )


def test_the_public_cannot_act_on_a_ballot(client):
    ballot, *_ = open_ballot()
    response = client.post(reverse("participation:ballot_action", args=[ballot.pk, "close"]))
    assert response.status_code == 403


def test_the_tally_is_not_shown_before_publication_to_deputies(client):
    ballot, (a, *_), roll, actor = open_ballot(voters=1)
    services.ballot_cast(actor=roll[0], ballot=ballot, choices=[a.pk])
    services.ballot_close(actor=actor, ballot=ballot)
    client.force_login(roll[0])
    assert (
        'id="tally"'
        not in client.get(reverse("participation:ballot", args=[ballot.pk])).content.decode()
    )
    services.ballot_publish(actor=actor, ballot=ballot)
    client.logout()
    page = client.get(reverse("participation:ballot", args=[ballot.pk])).content.decode()
    assert 'id="tally"' in page and a.title in page


def test_the_vetting_page_is_for_appointed_experts_only(client):
    window = make_window()
    client.force_login(make_user())
    assert client.get(reverse("participation:vetting", args=[window.plan.pk])).status_code == 403
    user = make_user()
    services.expert_appoint(actor=office(window.plan), plan=window.plan, user=user)
    client.force_login(user)
    assert client.get(reverse("participation:vetting", args=[window.plan.pk])).status_code == 200


def test_the_replies_page_is_for_reporters_and_the_office(client):
    assert client.get(reverse("participation:replies")).status_code == 403
    client.force_login(make_user(Role.DEPARTMENT_REPORTER))
    assert client.get(reverse("participation:replies")).status_code == 200


def test_a_project_page_takes_suggestions_and_a_visit_page_registrations(client):
    project = make_project()
    assert client.get(reverse("participation:project", args=[project.pk])).status_code == 200
    visit = services.visit_create(
        actor=office(project),
        title="观摩",
        place="某地",
        starts_at=timezone.now() + timedelta(days=1),
        capacity=5,
        projects=[project],
    )
    response = client.post(
        reverse("participation:visit", args=[visit.pk]),
        {"participant_type": "cppcc", "name": "赵委员"},
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_the_admin_lists_suggestions_and_shows_ballots_read_only(client):
    ballot, *_ = open_ballot()
    admin = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get("/admin/participation/suggestion/").status_code == 200
    assert client.get(f"/admin/participation/ballot/{ballot.pk}/change/").status_code == 200
    assert client.post(f"/admin/participation/ballot/{ballot.pk}/delete/").status_code == 403


def test_an_expert_finds_the_scoring_page_from_the_index(client):
    window = make_window()
    user = make_user()
    services.expert_appoint(actor=office(window.plan), plan=window.plan, user=user)
    client.force_login(user)
    page = client.get(reverse("participation:index")).content.decode()
    assert reverse("participation:vetting", args=[window.plan.pk]) in page
