"""督办 down the hierarchy: a province office sends a notice to a city's office, which answers."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.plans.choices import JurisdictionLevel
from minsheng.plans.models import Jurisdiction
from minsheng.supervision import permissions, services
from minsheng.supervision.models import CaseState
from minsheng.testing import make_plan, make_project, make_user


@pytest.fixture
def shandong(db):
    province = Jurisdiction.objects.create(
        name="山东省", slug="shandong", level=JurisdictionLevel.PROVINCE
    )
    cities = {
        name: Jurisdiction.objects.create(
            name=name, slug=slug, level=JurisdictionLevel.CITY, parent=province
        )
        for name, slug in (("青岛市", "qingdao"), ("烟台市", "yantai"))
    }
    plans = {name: make_plan(jurisdiction=city) for name, city in cities.items()}
    plans["山东省"] = make_plan(jurisdiction=province, title="2025年省办实事")
    offices = {
        name: make_user(Role.OFFICE, jurisdiction=j, username=f"office-{j.slug}")
        for name, j in {**cities, "山东省": province}.items()
    }
    return plans, offices


def _issue(actor, plan):
    project = make_project(plan)
    return services.notice_issue(
        actor=actor,
        project=project,
        department=project.project_departments.get().department,
        reason="停车位建设进度滞后",
        required_action="七日内报送整改措施",
        reply_deadline=timezone.localdate() + timedelta(days=7),
    )


def test_a_province_notice_on_a_city_plan_is_addressed_to_that_citys_office(shandong):
    plans, offices = shandong
    notice = _issue(offices["山东省"], plans["青岛市"])
    assert (notice.issuer.name, notice.addressee.name) == ("山东省", "青岛市")


def test_the_city_office_acknowledges_and_replies_and_the_province_closes(shandong):
    plans, offices = shandong
    notice = _issue(offices["山东省"], plans["青岛市"])
    notice = services.case_acknowledge(actor=offices["青岛市"], case=notice)
    notice = services.case_reply(actor=offices["青岛市"], case=notice, measures="已增派施工队伍")
    notice = services.case_close(actor=offices["山东省"], case=notice, comment="同意销号")
    assert notice.state == CaseState.CLOSED


def test_the_city_office_cannot_close_the_provinces_notice(shandong):
    plans, offices = shandong
    notice = _issue(offices["山东省"], plans["青岛市"])
    services.case_acknowledge(actor=offices["青岛市"], case=notice)
    notice = services.case_reply(actor=offices["青岛市"], case=notice, measures="已整改")
    assert not permissions.can_close(offices["青岛市"], notice)


def test_a_sibling_city_neither_sees_nor_answers_the_notice(shandong):
    plans, offices = shandong
    notice = _issue(offices["山东省"], plans["青岛市"])
    assert not permissions.can_view_case(offices["烟台市"], notice)
    with pytest.raises(PermissionDenied):
        services.case_acknowledge(actor=offices["烟台市"], case=notice)


def test_a_city_cannot_send_a_notice_to_its_province(shandong):
    plans, offices = shandong
    with pytest.raises(PermissionDenied):
        _issue(offices["青岛市"], plans["山东省"])


def test_a_city_cannot_send_a_notice_to_a_sibling(shandong):
    plans, offices = shandong
    with pytest.raises(PermissionDenied):
        _issue(offices["青岛市"], plans["烟台市"])


def test_the_sibling_gets_404_for_the_notice_page(shandong, client):
    plans, offices = shandong
    notice = _issue(offices["山东省"], plans["青岛市"])
    client.force_login(offices["烟台市"])
    url = reverse("supervision:case", kwargs={"kind": "notice", "pk": notice.pk})
    assert client.get(url).status_code == 404


def test_the_city_office_finds_the_notice_in_its_list(shandong, client):
    plans, offices = shandong
    _issue(offices["山东省"], plans["青岛市"])
    client.force_login(offices["青岛市"])
    page = client.get(reverse("supervision:cases", kwargs={"kind": "notice"})).content.decode()
    assert "停车位" in page or "督办" in page
