"""A plan's jurisdiction is found or made within the importer's part of the tree (#11, #13)."""

import json

import pytest
from django.core.management import CommandError, call_command

from minsheng.accounts.models import Role
from minsheng.core.i18n import UserFacingError
from minsheng.plans.choices import JurisdictionLevel
from minsheng.plans.demo import DEMO_PLAN_PATH
from minsheng.plans.interchange import import_plan
from minsheng.plans.models import Jurisdiction
from minsheng.testing import make_jurisdiction, make_province, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def qingdao_plan() -> dict:
    data = json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8"))
    data["projects"] = data["projects"][:2]
    return data


@pytest.fixture
def shandong():
    return make_province(name="山东省")


def test_a_city_office_under_a_province_imports_into_its_own_city(shandong, qingdao_plan):
    qingdao = make_jurisdiction(name="青岛市", parent=shandong)
    office = make_user(Role.OFFICE, jurisdiction=qingdao)
    plan = import_plan(qingdao_plan, actor=office)
    assert plan.jurisdiction == qingdao
    assert Jurisdiction.objects.filter(name="青岛市").count() == 1


def test_a_new_city_is_made_under_the_importers_province(shandong, qingdao_plan):
    admin = make_user(Role.OFFICE, jurisdiction=shandong, is_superuser=True)
    plan = import_plan(qingdao_plan, actor=admin)
    assert (plan.jurisdiction.parent, plan.jurisdiction.level) == (shandong, JurisdictionLevel.CITY)


def test_a_name_outside_the_importers_jurisdiction_is_refused_in_both_languages(
    shandong, qingdao_plan
):
    make_jurisdiction(name="青岛市", parent=make_province(name="另一省"))
    office = make_user(Role.OFFICE, jurisdiction=shandong)
    with pytest.raises(UserFacingError) as refused:
        import_plan(qingdao_plan, actor=office)
    assert "不在您的管辖范围内" in refused.value.messages[0]
    assert "not within your jurisdiction" in refused.value.messages[0]


def test_an_ambiguous_name_is_refused_by_the_command(shandong, qingdao_plan, tmp_path):
    make_jurisdiction(name="青岛市", parent=shandong)
    make_jurisdiction(name="青岛市", parent=make_province(name="另一省"))
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(qingdao_plan, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command("import_plan", str(path))
    assert "多个" in str(refused.value) and "several jurisdictions" in str(refused.value)
