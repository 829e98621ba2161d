"""A small running plan with one person per role: the cast of the progress tests.

Department A leads project 1 (an indicator and a milestone), department B leads project 2,
and project 3's indicator is split between two districts. Each reporter answers for its own.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from minsheng.accounts.models import Role, User
from minsheng.plans.models import (
    Allocation,
    Department,
    Indicator,
    Jurisdiction,
    Milestone,
    Plan,
)
from minsheng.plans.vocabulary import ensure_default_domains
from minsheng.testing import (
    make_allocation,
    make_department,
    make_district,
    make_indicator,
    make_milestone,
    make_plan,
    make_project,
    make_report,
    make_user,
)

LAST_APPROVED = Decimal(4000)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """Seven users per test: a deliberately slow hash would dominate the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def domains(db: Any) -> None:
    """The domain vocabulary again: a transactional test before this one may have flushed
    the rows the migration put there."""
    ensure_default_domains()


@dataclass
class World:
    plan: Plan
    department_a: Department
    department_b: Department
    district: Jurisdiction
    other_district: Jurisdiction
    indicator_a: Indicator
    milestone_a: Milestone
    indicator_b: Indicator
    split: Indicator
    allocation: Allocation
    other_allocation: Allocation
    office: User
    reporter_a: User
    reporter_b: User
    district_reporter: User
    supervisor: User
    auditor: User
    observer: User

    def users(self) -> dict[str, Any]:
        return {
            "office": self.office,
            "reporter_a": self.reporter_a,
            "reporter_b": self.reporter_b,
            "district_reporter": self.district_reporter,
            "supervisor": self.supervisor,
            "auditor": self.auditor,
            "observer": self.observer,
        }


@pytest.fixture
def world(domains: None) -> World:
    plan = make_plan()
    city = plan.jurisdiction
    department_a = make_department(city, name="市人力资源社会保障局")
    department_b = make_department(city, name="市住房城乡建设局")
    district, other_district = (
        make_district(city, name="市南区"),
        make_district(city, name="市北区"),
    )
    project_a = make_project(plan, lead=department_a)
    project_b = make_project(plan, lead=department_b)
    project_c = make_project(plan, lead=department_b)
    indicator_a = make_indicator(project_a, name="扶持创业", target=Decimal(30000), unit="人")
    milestone_a = make_milestone(project_a, name="建成就业服务中心")
    indicator_b = make_indicator(project_b, name="改造老旧小区", target=Decimal(500), unit="个")
    split = make_indicator(project_c, name="新增公共停车位", target=Decimal(10000), unit="个")
    allocation = make_allocation(split, district, Decimal(6000))
    other_allocation = make_allocation(split, other_district, Decimal(4000))
    make_report(indicator=indicator_a, value=LAST_APPROVED, as_of=date(2025, 3, 31))
    return World(
        plan=plan,
        department_a=department_a,
        department_b=department_b,
        district=district,
        other_district=other_district,
        indicator_a=indicator_a,
        milestone_a=milestone_a,
        indicator_b=indicator_b,
        split=split,
        allocation=allocation,
        other_allocation=other_allocation,
        office=make_user(Role.OFFICE, username="office", jurisdiction=city),
        reporter_a=make_user(Role.DEPARTMENT_REPORTER, department=department_a, username="rep_a"),
        reporter_b=make_user(Role.DEPARTMENT_REPORTER, department=department_b, username="rep_b"),
        district_reporter=make_user(
            Role.DISTRICT_REPORTER, jurisdiction=district, username="rep_district"
        ),
        supervisor=make_user(Role.SUPERVISOR, username="supervisor", jurisdiction=city),
        auditor=make_user(Role.AUDITOR, username="auditor", jurisdiction=city),
        observer=make_user(Role.OBSERVER, username="observer", jurisdiction=city),
    )
