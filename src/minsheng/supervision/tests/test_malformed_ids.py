"""A malformed id in a supervision address is a 404, never a server error (issue 13, point 5)."""

import pytest
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.testing import make_user


@pytest.mark.parametrize("raw", ["abc", "²", "1;DROP"])
def test_a_notice_form_for_a_plan_id_that_is_not_a_number_is_not_found(client, plan, raw):
    client.force_login(make_user(Role.OFFICE, jurisdiction=plan.jurisdiction))
    response = client.get(reverse("supervision:notice_new"), {"plan": raw})
    assert response.status_code == 404
