"""Two office users edit the same part of a plan: the later save from an older page is refused,
keeps its input and shows the saved values beside it, never silently overwriting the other."""

from decimal import Decimal

import pytest
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.core.i18n import UserFacingError
from minsheng.plans import services
from minsheng.plans.models import Allocation, Indicator, Milestone, Plan, Project
from minsheng.testing import make_milestone, make_user


def _colleague(world):
    return make_user(Role.OFFICE, username="colleague", jurisdiction=world.city)


def _indicator_post(world, **changes):
    fields = {
        "action": "indicator",
        "name": world.indicator.name,
        "comparator": "gte",
        "target": "10000",
        "unit": "个",
        "version": "1",
    }
    return {**fields, **changes}


def test_a_save_from_an_older_indicator_page_is_refused(client, setup_world):
    services.indicator_update(
        actor=_colleague(setup_world), indicator=setup_world.indicator, target=Decimal(12000)
    )
    client.force_login(setup_world.office)
    response = client.post(
        reverse("plans:indicator", args=[setup_world.indicator.pk]),
        _indicator_post(setup_world, target="9000"),
    )
    assert response.status_code == 200
    assert Indicator.objects.get(pk=setup_world.indicator.pk).target == 12000


def test_the_refused_page_shows_the_saved_value_beside_the_input(client, setup_world):
    services.indicator_update(
        actor=_colleague(setup_world), indicator=setup_world.indicator, target=Decimal(12000)
    )
    client.force_login(setup_world.office)
    response = client.post(
        reverse("plans:indicator", args=[setup_world.indicator.pk]),
        _indicator_post(setup_world, target="9000"),
    )
    page = response.content.decode()
    assert "保存的" in page or "已被" in page
    rows = response.context["stale"].rows
    assert [(saved, yours) for _label, saved, yours in rows] == [("12000.0000", "9000")]


def test_the_refused_page_carries_the_new_version_so_a_second_save_is_deliberate(
    client, setup_world
):
    services.indicator_update(
        actor=_colleague(setup_world), indicator=setup_world.indicator, target=Decimal(12000)
    )
    client.force_login(setup_world.office)
    url = reverse("plans:indicator", args=[setup_world.indicator.pk])
    refused = client.post(url, _indicator_post(setup_world, target="9000"))
    assert 'name="version" value="2"' in refused.content.decode()
    again = client.post(url, _indicator_post(setup_world, target="9000", version="2"))
    assert again.status_code == 302
    assert Indicator.objects.get(pk=setup_world.indicator.pk).target == 9000


def test_a_save_from_the_current_page_goes_through(client, setup_world):
    client.force_login(setup_world.office)
    response = client.post(
        reverse("plans:indicator", args=[setup_world.indicator.pk]),
        _indicator_post(setup_world, target="9000"),
    )
    assert response.status_code == 302
    assert Indicator.objects.get(pk=setup_world.indicator.pk).version == 2


def test_shares_saved_from_an_older_page_are_refused(client, setup_world):
    a, b, _c = setup_world.districts
    services.indicator_update(
        actor=_colleague(setup_world), indicator=setup_world.indicator, name="新增停车泊位"
    )
    client.force_login(setup_world.office)
    response = client.post(
        reverse("plans:indicator", args=[setup_world.indicator.pk]),
        {"action": "allocations", f"share_{a.pk}": "5000", f"share_{b.pk}": "5000", "version": "1"},
    )
    assert response.status_code == 200
    assert not Allocation.objects.exists()


def test_saving_shares_makes_a_new_version_of_the_indicator(setup_world):
    a, b, _c = setup_world.districts
    services.allocations_set(
        actor=setup_world.office,
        indicator=setup_world.indicator,
        shares={a: Decimal(5000), b: Decimal(5000)},
    )
    assert Indicator.objects.get(pk=setup_world.indicator.pk).version == 2


def test_saving_a_schedule_makes_a_new_version_of_the_indicator(setup_world):
    services.schedule_set(
        actor=setup_world.office,
        indicator=setup_world.indicator,
        points=[(setup_world.plan.end, Decimal(100))],
    )
    assert Indicator.objects.get(pk=setup_world.indicator.pk).version == 2


def test_a_schedule_saved_from_an_older_page_is_refused(setup_world):
    services.indicator_update(
        actor=_colleague(setup_world), indicator=setup_world.indicator, name="新增停车泊位"
    )
    with pytest.raises(services.StaleEdit):
        services.schedule_set(
            actor=setup_world.office,
            indicator=setup_world.indicator,
            points=[(setup_world.plan.end, Decimal(100))],
            expected_version=1,
        )


def test_a_project_saved_from_an_older_page_is_refused(client, setup_world):
    services.project_update(
        actor=_colleague(setup_world),
        project=setup_world.project,
        lead=setup_world.lead,
        title="新增公共停车泊位",
    )
    client.force_login(setup_world.office)
    response = client.post(
        reverse("plans:project", args=[setup_world.project.pk]),
        {
            "number": "1",
            "title": "新增停车位",
            "domain": setup_world.project.domain_id,
            "lead": setup_world.lead.pk,
            "version": "1",
        },
    )
    assert response.status_code == 200
    assert Project.objects.get(pk=setup_world.project.pk).title == "新增公共停车泊位"


def test_a_milestone_saved_from_an_older_page_is_refused(client, setup_world):
    milestone = make_milestone(setup_world.project, name="完成选址")
    services.milestone_update(actor=_colleague(setup_world), milestone=milestone, name="完成规划")
    client.force_login(setup_world.office)
    response = client.post(
        reverse("plans:milestone", args=[milestone.pk]), {"name": "完成设计", "version": "1"}
    )
    assert response.status_code == 200
    assert Milestone.objects.get(pk=milestone.pk).name == "完成规划"


def test_plan_margins_saved_from_an_older_page_are_refused(client, setup_world):
    services.plan_update(actor=_colleague(setup_world), plan=setup_world.plan, title="新标题")
    client.force_login(setup_world.office)
    response = client.post(
        reverse("plans:detail", args=[setup_world.plan.pk]),
        {
            "action": "plan",
            "title": "旧页面的标题",
            "summary": "",
            "yellow_margin": "5",
            "red_margin": "15",
            "version": "1",
        },
    )
    assert response.status_code == 200
    assert Plan.objects.get(pk=setup_world.plan.pk).title == "新标题"


def test_the_refusal_is_bilingual(setup_world):
    services.indicator_update(
        actor=_colleague(setup_world), indicator=setup_world.indicator, target=Decimal(12000)
    )
    with pytest.raises(UserFacingError) as refused:
        services.indicator_update(
            actor=setup_world.office,
            indicator=setup_world.indicator,
            target=Decimal(9000),
            expected_version=1,
        )
    message = refused.value.messages[0]
    assert "保存" in message
    assert "saved by someone else" in message
