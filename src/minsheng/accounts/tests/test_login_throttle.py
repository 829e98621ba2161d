"""Login throttling beyond one account from one address (issue 13, point 13)."""

import pytest
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.testing import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _small_limits(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "login-address": (6, 900),
        "login-account": (4, 900),
    }


def _login(client, username, password, address):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_one_address_trying_many_accounts_is_stopped(client):
    user = make_user(Role.OFFICE)
    for n in range(6):
        _login(client, f"guess{n}", "wrong", "198.51.100.7")
    response = _login(client, user.username, PASSWORD, "198.51.100.7")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_one_account_tried_from_many_addresses_is_stopped(client):
    user = make_user(Role.OFFICE)
    for n in range(4):
        _login(client, user.username, "wrong", f"198.51.100.{n + 10}")
    response = _login(client, user.username, PASSWORD, "198.51.100.99")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_few_failures_do_not_stop_the_right_password(client):
    user = make_user(Role.OFFICE)
    for n in range(2):
        _login(client, user.username, "wrong", f"198.51.100.{n + 30}")
    assert _login(client, user.username, PASSWORD, "198.51.100.40").status_code == 302
