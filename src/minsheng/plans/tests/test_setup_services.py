"""Plan set-up services: the rules of each transition, the split over districts, carry-over."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from minsheng.audit.models import AuditRecord
from minsheng.core.i18n import UserFacingError
from minsheng.participation.models import Candidate
from minsheng.plans import services
from minsheng.plans.choices import DepartmentRole, PlanState
from minsheng.plans.models import Allocation, Indicator, Milestone, Plan, ProjectDepartment
from minsheng.progress.permissions import can_report
from minsheng.testing import (
    make_department,
    make_indicator,
    make_milestone,
    make_project,
    make_report,
)


def _audited(action, instance):
    return AuditRecord.objects.filter(action=action, object_id=str(instance.pk)).get()


def test_a_new_plan_starts_in_drafting_and_is_audited(setup_world):
    plan = services.plan_create(
        actor=setup_world.office, jurisdiction=setup_world.city, year=2026, title="2026年市办实事"
    )
    assert plan.state == PlanState.DRAFTING
    assert _audited("plan.create", plan).actor == setup_world.office


def test_an_office_cannot_start_a_plan_for_another_city(setup_world):
    with pytest.raises(PermissionDenied):
        services.plan_create(
            actor=setup_world.other_office,
            jurisdiction=setup_world.city,
            year=2026,
            title="2026年市办实事",
        )


def test_the_province_reads_but_does_not_run_a_city_plan(setup_world):
    with pytest.raises(PermissionDenied):
        services.plan_transition(
            actor=setup_world.province_office, plan=setup_world.plan, to_state=PlanState.PUBLISHED
        )


def test_a_second_plan_for_the_same_year_is_refused(setup_world):
    with pytest.raises(UserFacingError):
        services.plan_create(
            actor=setup_world.office, jurisdiction=setup_world.city, year=2025, title="又一个"
        )


def test_publishing_is_refused_while_an_indicator_lacks_a_target(setup_world):
    make_indicator(setup_world.project, name="改造老旧小区", target=Decimal(0))
    with pytest.raises(UserFacingError) as error:
        services.plan_transition(
            actor=setup_world.office, plan=setup_world.plan, to_state=PlanState.PUBLISHED
        )
    assert any("改造老旧小区" in message for message in error.value.messages)
    assert Plan.objects.get(pk=setup_world.plan.pk).state == PlanState.DRAFTING


def test_publishing_is_refused_while_a_project_lacks_a_lead_department(setup_world):
    ProjectDepartment.objects.filter(project=setup_world.project).delete()
    with pytest.raises(UserFacingError) as error:
        services.plan_transition(
            actor=setup_world.office, plan=setup_world.plan, to_state=PlanState.PUBLISHED
        )
    assert "牵头单位" in error.value.messages[0] and "lead department" in error.value.messages[0]


def test_publishing_a_complete_plan_is_audited_with_both_states(setup_world):
    plan = services.plan_transition(
        actor=setup_world.office, plan=setup_world.plan, to_state=PlanState.PUBLISHED
    )
    record = _audited("plan.transition", plan)
    assert (record.before, record.after) == ({"state": "drafting"}, {"state": "published"})


def test_a_plan_cannot_skip_from_drafting_to_closed(setup_world):
    with pytest.raises(UserFacingError):
        services.plan_transition(
            actor=setup_world.office, plan=setup_world.plan, to_state=PlanState.CLOSED
        )


def test_closing_freezes_reporting(setup_world):
    setup_world.plan.state = PlanState.IN_PROGRESS
    setup_world.plan.save()
    assert can_report(setup_world.reporter, setup_world.indicator)
    services.plan_transition(
        actor=setup_world.office, plan=setup_world.plan, to_state=PlanState.CLOSED
    )
    indicator = Indicator.objects.select_related("project__plan").get(pk=setup_world.indicator.pk)
    assert not can_report(setup_world.reporter, indicator)


def test_a_closed_plan_cannot_be_edited(setup_world):
    setup_world.plan.state = PlanState.CLOSED
    setup_world.plan.save()
    with pytest.raises(PermissionDenied):
        services.indicator_create(
            actor=setup_world.office,
            project=setup_world.project,
            name="新增充电桩",
            target=Decimal(100),
            unit="个",
            comparator="gte",
        )


def test_shares_that_add_up_exactly_are_stored(setup_world):
    a, b, c = setup_world.districts
    shares = {a: Decimal("3333.3"), b: Decimal("3333.3"), c: Decimal("3333.4")}
    services.allocations_set(
        actor=setup_world.office, indicator=setup_world.indicator, shares=shares
    )
    stored = dict(
        Allocation.objects.filter(indicator=setup_world.indicator).values_list(
            "jurisdiction__name", "target"
        )
    )
    assert stored == {
        "市南区": Decimal("3333.3"),
        "市北区": Decimal("3333.3"),
        "李沧区": Decimal("3333.4"),
    }


def test_shares_that_miss_the_target_are_refused_in_both_languages(setup_world):
    a, b, _c = setup_world.districts
    with translation.override("en"), pytest.raises(UserFacingError) as error:
        services.allocations_set(
            actor=setup_world.office,
            indicator=setup_world.indicator,
            shares={a: Decimal(6000), b: Decimal("3999.99")},
        )
    message = error.value.messages[0]
    assert "9999.99个" in message and "1万个" in message
    assert "必须" in message and "must add up exactly" in message
    assert not Allocation.objects.exists()


def test_a_share_for_a_district_of_another_city_is_refused(setup_world):
    from minsheng.testing import make_district

    elsewhere = make_district(setup_world.province, name="芝罘区")
    with pytest.raises(UserFacingError):
        services.allocations_set(
            actor=setup_world.office,
            indicator=setup_world.indicator,
            shares={elsewhere: Decimal(10000)},
        )


def test_the_target_of_a_split_indicator_cannot_leave_its_shares_behind(setup_world):
    a, b, _c = setup_world.districts
    services.allocations_set(
        actor=setup_world.office,
        indicator=setup_world.indicator,
        shares={a: Decimal(6000), b: Decimal(4000)},
    )
    with pytest.raises(UserFacingError):
        services.indicator_update(
            actor=setup_world.office, indicator=setup_world.indicator, target=Decimal(12000)
        )


def test_a_schedule_may_not_fall(setup_world):
    with pytest.raises(UserFacingError):
        services.schedule_set(
            actor=setup_world.office,
            indicator=setup_world.indicator,
            points=[(date(2025, 3, 31), Decimal(40)), (date(2025, 6, 30), Decimal(30))],
        )


def test_a_schedule_is_stored_by_date(setup_world):
    points = [(date(2025, 6, 30), Decimal(50)), (date(2025, 3, 31), Decimal(20))]
    services.schedule_set(actor=setup_world.office, indicator=setup_world.indicator, points=points)
    stored = list(setup_world.indicator.schedule_points.values_list("date", "cumulative_percent"))
    assert stored == sorted(points)


def test_a_project_gets_its_lead_and_co_departments(setup_world):
    services.project_update(
        actor=setup_world.office,
        project=setup_world.project,
        lead=setup_world.co,
        co=[setup_world.lead],
        title="新增公共停车位1万个",
    )
    roles = set(
        ProjectDepartment.objects.filter(project=setup_world.project).values_list(
            "department__name", "role"
        )
    )
    assert roles == {("市公安局", DepartmentRole.LEAD), ("市交通运输局", DepartmentRole.CO)}


def test_a_published_plan_keeps_its_projects(setup_world):
    services.plan_transition(
        actor=setup_world.office, plan=setup_world.plan, to_state=PlanState.PUBLISHED
    )
    setup_world.project.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.project_delete(actor=setup_world.office, project=setup_world.project)


def _finished_and_unfinished(world):
    """Project 1 (10000 个) reached 4000; project 2 met its target and its milestone."""
    world.plan.state = PlanState.CLOSED
    world.plan.save()
    make_report(indicator=world.indicator, value=4000, as_of=date(2025, 12, 31))
    done = make_project(world.plan, lead=world.lead, title="建设口袋公园")
    parks = make_indicator(done, name="建设口袋公园", target=Decimal(50), unit="处")
    make_report(indicator=parks, value=50, as_of=date(2025, 11, 30))
    centre = make_milestone(world.project, name="建成智慧停车平台")
    return done, centre


def test_carrying_over_keeps_only_unfinished_projects_with_what_is_left(setup_world):
    _finished_and_unfinished(setup_world)
    result = services.plan_create_from_previous(
        actor=setup_world.office, previous=setup_world.plan, year=2026, title="2026年市办实事"
    )
    assert (result.plan.state, result.projects) == (PlanState.DRAFTING, 1)
    carried = Indicator.objects.get(project__plan=result.plan)
    assert (carried.name, carried.target, carried.baseline) == ("新增公共停车位", 6000, 4000)
    assert Milestone.objects.filter(project__plan=result.plan, name="建成智慧停车平台").exists()
    lead = ProjectDepartment.objects.get(project__plan=result.plan, role=DepartmentRole.LEAD)
    assert lead.department == setup_world.lead


def test_carrying_over_as_candidates_fills_the_new_plans_candidates(setup_world):
    _finished_and_unfinished(setup_world)
    result = services.plan_create_from_previous(
        actor=setup_world.office,
        previous=setup_world.plan,
        year=2026,
        title="2026年市办实事",
        carry_as=services.CARRY_AS_CANDIDATES,
    )
    candidate = Candidate.objects.get(plan=result.plan)
    assert (candidate.title, candidate.lead_department) == ("新增公共停车位", setup_world.lead)
    assert not result.plan.projects.exists()


def test_carrying_over_is_audited(setup_world):
    result = services.plan_create_from_previous(
        actor=setup_world.office, previous=setup_world.plan, year=2026, title="2026年市办实事"
    )
    record = _audited("plan.create_from_previous", result.plan)
    assert record.after["previous"] == setup_world.plan.pk


def test_a_split_over_districts_is_audited_with_the_shares(setup_world):
    a, b, _c = setup_world.districts
    services.allocations_set(
        actor=setup_world.office,
        indicator=setup_world.indicator,
        shares={a: Decimal(6000), b: Decimal(4000)},
    )
    record = _audited("indicator.allocate", setup_world.indicator)
    assert record.after == {"allocations": {f"district:{a.pk}": "6000", f"district:{b.pk}": "4000"}}


def test_an_indicator_change_is_audited_before_and_after(setup_world):
    services.indicator_update(
        actor=setup_world.office, indicator=setup_world.indicator, target=Decimal(12000)
    )
    record = _audited("indicator.update", setup_world.indicator)
    assert (record.before["target"], record.after["target"]) == ("10000.0000", "12000")


def test_a_department_of_another_city_gets_no_share(setup_world):
    other = make_department(setup_world.province, name="省交通运输厅")
    with pytest.raises(UserFacingError):
        services.allocations_set(
            actor=setup_world.office,
            indicator=setup_world.indicator,
            shares={other: Decimal(10000)},
        )
