"""The one scope rule: own jurisdiction and below are seen; only the own one is governed."""

import pytest
from django.contrib.auth.models import AnonymousUser

from minsheng.accounts import scope
from minsheng.accounts.models import Role
from minsheng.plans.choices import JurisdictionLevel
from minsheng.testing import make_department, make_district, make_jurisdiction, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    province = make_jurisdiction(name="山东省", level=JurisdictionLevel.PROVINCE)
    qingdao = make_jurisdiction(name="青岛市", parent=province)
    yantai = make_jurisdiction(name="烟台市", parent=province)
    shinan = make_district(qingdao)
    return province, qingdao, yantai, shinan


def test_a_city_office_sees_its_district(tree):
    _, qingdao, _, shinan = tree
    assert scope.sees(make_user(Role.OFFICE, jurisdiction=qingdao), shinan.pk)


def test_a_city_office_does_not_govern_its_district(tree):
    _, qingdao, _, shinan = tree
    assert not scope.governs(make_user(Role.OFFICE, jurisdiction=qingdao), shinan.pk)


def test_a_city_office_does_not_see_a_sibling_city(tree):
    _, qingdao, yantai, _ = tree
    assert not scope.sees(make_user(Role.OFFICE, jurisdiction=qingdao), yantai.pk)


def test_a_city_office_does_not_see_its_province(tree):
    province, qingdao, _, _ = tree
    assert not scope.sees(make_user(Role.OFFICE, jurisdiction=qingdao), province.pk)


def test_a_province_office_sees_a_district_two_levels_down(tree):
    province, _, _, shinan = tree
    assert scope.sees(make_user(Role.OFFICE, jurisdiction=province), shinan.pk)


def test_a_user_without_jurisdiction_sees_nothing(tree):
    _, qingdao, _, _ = tree
    assert not scope.sees(make_user(Role.OFFICE), qingdao.pk)


def test_the_public_sees_nothing_internal(tree):
    _, qingdao, _, _ = tree
    assert not scope.sees(AnonymousUser(), qingdao.pk)


def test_a_deactivated_user_sees_nothing(tree):
    _, qingdao, _, _ = tree
    assert not scope.sees(make_user(Role.OFFICE, jurisdiction=qingdao, is_active=False), qingdao.pk)


def test_a_superuser_governs_everything(tree):
    _, _, yantai, _ = tree
    assert scope.governs(make_user(is_superuser=True), yantai.pk)


def test_a_department_reporter_belongs_to_its_departments_jurisdiction(tree):
    _, qingdao, _, _ = tree
    reporter = make_user(Role.DEPARTMENT_REPORTER, department=make_department(qingdao))
    assert scope.governs(reporter, qingdao.pk)


def test_filter_keeps_only_seen_rows(tree):
    from minsheng.plans.models import Jurisdiction

    _, qingdao, _, shinan = tree
    seen = scope.scope_of(make_user(Role.OFFICE, jurisdiction=qingdao)).filter(
        Jurisdiction.objects.all(), lookup="pk"
    )
    assert set(seen) == {qingdao, shinan}


@pytest.mark.parametrize(
    ("target", "expected"),
    [(1, "own"), (3, "child"), (0, "parent"), (2, "sibling")],
)
def test_relation_names_where_a_jurisdiction_stands(tree, target, expected):
    user = make_user(Role.OFFICE, jurisdiction=tree[1])
    assert scope.relation(user, tree[target]) == expected
