"""The cast of the plan set-up tests: a city with three districts and its office, a sibling
city's office, the province's office above, and a department reporter."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from minsheng.accounts.models import Role, User
from minsheng.plans.choices import JurisdictionLevel, PlanState
from minsheng.plans.models import Department, Indicator, Jurisdiction, Plan, Project
from minsheng.testing import (
    make_department,
    make_district,
    make_indicator,
    make_jurisdiction,
    make_plan,
    make_project,
    make_user,
)


@dataclass
class SetupWorld:
    province: Jurisdiction
    city: Jurisdiction
    districts: list[Jurisdiction]
    plan: Plan
    lead: Department
    co: Department
    project: Project
    indicator: Indicator
    office: User
    province_office: User
    other_office: User
    reporter: User


@pytest.fixture
def setup_world(db: Any, settings: Any) -> SetupWorld:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    province = make_jurisdiction(name="山东省", level=JurisdictionLevel.PROVINCE)
    city = make_jurisdiction(name="青岛市", parent=province)
    sibling = make_jurisdiction(name="烟台市", parent=province)
    districts = [make_district(city, name=name) for name in ("市南区", "市北区", "李沧区")]
    plan = make_plan(jurisdiction=city, state=PlanState.DRAFTING)
    lead = make_department(city, name="市交通运输局")
    co = make_department(city, name="市公安局")
    project = make_project(plan, lead=lead, title="新增公共停车位")
    indicator = make_indicator(project, name="新增公共停车位", target=Decimal(10000), unit="个")
    return SetupWorld(
        province=province,
        city=city,
        districts=districts,
        plan=plan,
        lead=lead,
        co=co,
        project=project,
        indicator=indicator,
        office=make_user(Role.OFFICE, username="office", jurisdiction=city),
        province_office=make_user(Role.OFFICE, username="province", jurisdiction=province),
        other_office=make_user(Role.OFFICE, username="yantai", jurisdiction=sibling),
        reporter=make_user(Role.DEPARTMENT_REPORTER, username="transport", department=lead),
    )
