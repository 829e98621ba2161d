"""Malformed ids posted to participation pages are a 404, never a server error (issue 13, point 5)."""

import pytest
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.participation import services
from minsheng.participation.tests.builders import make_window, office
from minsheng.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("raw", ["abc", "²"])
def test_moderating_a_suggestion_id_that_is_not_a_number_is_not_found(client, raw):
    client.force_login(office())
    response = client.post(reverse("participation:moderation"), {"suggestion": raw})
    assert response.status_code == 404


def test_scoring_a_candidate_id_that_is_not_a_number_is_not_found(client):
    window = make_window()
    expert = make_user()
    services.expert_appoint(actor=office(window.plan), plan=window.plan, user=expert)
    client.force_login(expert)
    response = client.post(
        reverse("participation:vetting", args=[window.plan.pk]), {"candidate": "x"}
    )
    assert response.status_code == 404


def test_answering_a_reply_id_that_is_not_a_number_is_not_found(client):
    client.force_login(make_user(Role.DEPARTMENT_REPORTER))
    response = client.post(reverse("participation:replies"), {"reply": "²"})
    assert response.status_code == 404
