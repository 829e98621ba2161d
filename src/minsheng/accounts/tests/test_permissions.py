import pytest
from django.contrib.auth.models import AnonymousUser

from minsheng.accounts import permissions
from minsheng.accounts.models import Role
from minsheng.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_public_holds_no_role():
    anonymous = AnonymousUser()
    predicates = [
        permissions.is_office,
        permissions.is_supervisor,
        permissions.is_auditor,
        permissions.is_observer,
        permissions.is_reporter,
        permissions.is_department_reporter,
        permissions.is_district_reporter,
    ]
    assert not any(predicate(anonymous) for predicate in predicates)


def test_a_department_reporter_is_a_reporter_but_not_a_district_one():
    user = make_user(Role.DEPARTMENT_REPORTER)
    assert permissions.is_reporter(user) and permissions.is_department_reporter(user)
    assert not permissions.is_district_reporter(user)


def test_a_deactivated_office_user_loses_the_role():
    user = make_user(Role.OFFICE, is_active=False)
    assert not permissions.is_office(user)


def test_the_auditor_reads_nothing_internal():
    assert not permissions.can_read_internal(make_user(Role.AUDITOR))
