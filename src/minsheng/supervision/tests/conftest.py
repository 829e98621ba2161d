from datetime import date

import pytest
import time_machine

from minsheng.accounts.models import Role
from minsheng.testing import make_department, make_indicator, make_plan, make_project, make_user

MID_YEAR = date(2025, 7, 1)


@pytest.fixture
def mid_year():
    """Time stands at 1 July 2025, 10:00 in Qingdao."""
    with time_machine.travel("2025-07-01 10:00 +0800", tick=False) as traveller:
        yield traveller


@pytest.fixture
def plan(db):
    return make_plan()


@pytest.fixture
def department(plan):
    return make_department(plan.jurisdiction, name="市住房城乡建设局")


@pytest.fixture
def project(plan, department):
    return make_project(plan, lead=department)


@pytest.fixture
def indicator(project):
    return make_indicator(project)


@pytest.fixture
def office(plan):
    return make_user(
        Role.OFFICE, username="office", email="office@example.org", jurisdiction=plan.jurisdiction
    )


@pytest.fixture
def reporter(department):
    return make_user(
        Role.DEPARTMENT_REPORTER,
        username="housing",
        department=department,
        email="housing@example.org",
    )


@pytest.fixture
def outsider(plan):
    return make_user(
        Role.DEPARTMENT_REPORTER,
        username="outsider",
        department=make_department(plan.jurisdiction),
    )
