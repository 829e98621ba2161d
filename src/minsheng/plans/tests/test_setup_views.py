"""The plan set-up pages: who reaches them, and what a form post changes."""

from decimal import Decimal

import pytest
from django.urls import reverse

from minsheng.audit.models import AuditRecord
from minsheng.plans.choices import PlanState
from minsheng.plans.models import Allocation, Indicator, Plan
from minsheng.testing import make_indicator, make_milestone


def _pages(world):
    return [
        reverse("plans:index"),
        reverse("plans:new"),
        reverse("plans:carry"),
        reverse("plans:detail", args=[world.plan.pk]),
        reverse("plans:project", args=[world.project.pk]),
        reverse("plans:project_new", args=[world.plan.pk]),
        reverse("plans:indicator", args=[world.indicator.pk]),
        reverse("plans:indicator_new", args=[world.project.pk]),
        reverse("plans:milestone_new", args=[world.project.pk]),
    ]


def test_every_set_up_page_opens_for_the_office(client, setup_world):
    client.force_login(setup_world.office)
    for url in _pages(setup_world):
        assert client.get(url).status_code == 200, url


def test_a_reporter_is_refused_the_set_up_section(client, setup_world):
    client.force_login(setup_world.reporter)
    assert client.get(reverse("plans:index")).status_code == 403


def test_another_citys_office_finds_no_such_plan(client, setup_world):
    client.force_login(setup_world.other_office)
    assert client.get(reverse("plans:detail", args=[setup_world.plan.pk])).status_code == 404
    assert (
        client.get(reverse("plans:indicator", args=[setup_world.indicator.pk])).status_code == 404
    )


def test_the_province_reads_a_city_plan_without_changing_it(client, setup_world):
    client.force_login(setup_world.province_office)
    url = reverse("plans:detail", args=[setup_world.plan.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"action": "plan", "title": "改名", "yellow_margin": 5, "red_margin": 15}
    )
    assert response.status_code == 403
    assert Plan.objects.get(pk=setup_world.plan.pk).title == "2025年市办实事"


def test_a_share_typed_in_wan_is_stored_whole(client, setup_world):
    client.force_login(setup_world.office)
    a, b, c = setup_world.districts
    response = client.post(
        reverse("plans:indicator", args=[setup_world.indicator.pk]),
        {
            "action": "allocations",
            f"share_{a.pk}": "0.5万",
            f"share_{b.pk}": "3000个",
            f"share_{c.pk}": "2,000",
        },
    )
    assert response.status_code == 302
    stored = sorted(Allocation.objects.values_list("target", flat=True))
    assert stored == [Decimal(2000), Decimal(3000), Decimal(5000)]


def test_shares_that_miss_the_target_show_the_error_and_save_nothing(client, setup_world):
    client.force_login(setup_world.office)
    a, _b, _c = setup_world.districts
    response = client.post(
        reverse("plans:indicator", args=[setup_world.indicator.pk]),
        {"action": "allocations", f"share_{a.pk}": "9000"},
    )
    assert response.status_code == 200
    assert "9000个" in response.content.decode()
    assert not Allocation.objects.exists()


def test_an_indicator_target_typed_in_wan_with_its_unit_is_stored_whole(client, setup_world):
    client.force_login(setup_world.office)
    response = client.post(
        reverse("plans:indicator_new", args=[setup_world.project.pk]),
        {"name": "扶持创业", "comparator": "gte", "target": "3.5万人", "unit": "人"},
    )
    assert response.status_code == 302
    assert Indicator.objects.get(name="扶持创业").target == 35000


def test_publishing_from_the_page_is_audited(client, setup_world):
    client.force_login(setup_world.office)
    client.post(reverse("plans:transition", args=[setup_world.plan.pk]), {"to": "published"})
    assert Plan.objects.get(pk=setup_world.plan.pk).state == PlanState.PUBLISHED
    assert AuditRecord.objects.filter(action="plan.transition").count() == 1


def test_the_plan_page_lists_what_stops_publishing(client, setup_world):
    client.force_login(setup_world.office)
    setup_world.indicator.target = Decimal(0)
    setup_world.indicator.save()
    response = client.get(reverse("plans:detail", args=[setup_world.plan.pk]))
    assert 'id="publish-problems"' in response.content.decode()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_project_text_is_escaped(client, setup_world, language):
    setup_world.project.title = "<script>alert(1)</script>"
    setup_world.project.save()
    client.force_login(setup_world.office)
    response = client.get(
        reverse("plans:detail", args=[setup_world.plan.pk]), HTTP_ACCEPT_LANGUAGE=language
    )
    assert "<script>alert(1)" not in response.content.decode()


def test_the_plan_page_reads_in_a_fixed_number_of_queries(
    client, setup_world, django_assert_max_num_queries
):
    from minsheng.testing import make_indicator, make_project

    for _n in range(5):
        make_indicator(make_project(setup_world.plan, lead=setup_world.lead))
    client.force_login(setup_world.office)
    with django_assert_max_num_queries(30):
        client.get(reverse("plans:detail", args=[setup_world.plan.pk]))


def test_a_share_can_go_to_a_department(client, setup_world):
    client.force_login(setup_world.office)
    a, _b, _c = setup_world.districts
    response = client.post(
        reverse("plans:indicator", args=[setup_world.indicator.pk]),
        {
            "action": "allocations",
            f"share_{a.pk}": "6000",
            f"department_share_{setup_world.co.pk}": "4000",
        },
    )
    assert response.status_code == 302
    shares = {(s.jurisdiction_id, s.department_id): s.target for s in Allocation.objects.all()}
    assert shares == {(a.pk, None): Decimal(6000), (None, setup_world.co.pk): Decimal(4000)}


def test_saving_district_shares_keeps_a_department_share(client, setup_world):
    a, _b, _c = setup_world.districts
    Allocation.objects.create(
        indicator=setup_world.indicator, department=setup_world.co, target=Decimal(4000)
    )
    client.force_login(setup_world.office)
    client.post(
        reverse("plans:indicator", args=[setup_world.indicator.pk]),
        {
            "action": "allocations",
            f"share_{a.pk}": "6000",
            f"department_share_{setup_world.co.pk}": "4000",
        },
    )
    assert Allocation.objects.filter(department=setup_world.co).exists()


def test_the_department_boxes_open_when_a_department_holds_a_share(client, setup_world):
    Allocation.objects.create(
        indicator=setup_world.indicator, department=setup_world.co, target=Decimal(10000)
    )
    client.force_login(setup_world.office)
    page = client.get(reverse("plans:indicator", args=[setup_world.indicator.pk])).content
    assert b'<details id="department-shares" open>' in page


def _indicator_names(project):
    return list(project.indicators.order_by("order", "id").values_list("name", flat=True))


def test_an_indicator_moves_up_among_its_projects(client, setup_world):
    second = make_indicator(setup_world.project, name="新增充电桩", order=1)
    client.force_login(setup_world.office)
    response = client.post(reverse("plans:indicator_move", args=[second.pk]), {"direction": "up"})
    assert response.status_code == 302
    assert _indicator_names(setup_world.project) == ["新增充电桩", "新增公共停车位"]


def test_the_first_indicator_does_not_move_up(client, setup_world):
    make_indicator(setup_world.project, name="新增充电桩", order=1)
    client.force_login(setup_world.office)
    client.post(
        reverse("plans:indicator_move", args=[setup_world.indicator.pk]), {"direction": "up"}
    )
    assert _indicator_names(setup_world.project) == ["新增公共停车位", "新增充电桩"]


def test_a_milestone_move_is_audited(client, setup_world):
    first = make_milestone(setup_world.project, name="完成选址", order=0)
    make_milestone(setup_world.project, name="开工建设", order=1)
    client.force_login(setup_world.office)
    client.post(reverse("plans:milestone_move", args=[first.pk]), {"direction": "down"})
    record = AuditRecord.objects.get(action="milestone.move")
    assert (record.before, record.after) == ({"place": 1}, {"place": 2})


def test_another_citys_office_cannot_move_an_indicator(client, setup_world):
    client.force_login(setup_world.other_office)
    response = client.post(
        reverse("plans:indicator_move", args=[setup_world.indicator.pk]), {"direction": "down"}
    )
    assert response.status_code == 404
