"""Small builders for tests: a plan with the parts a test needs, and one user per role.

Each builder makes the least that is valid and takes keyword overrides, so a test states the
facts it depends on and nothing else.
"""

from datetime import date
from decimal import Decimal
from itertools import count
from typing import Any

from minsheng.accounts.models import Role, User
from minsheng.plans.choices import Comparator, DepartmentRole, JurisdictionLevel, PlanState
from minsheng.plans.models import (
    Allocation,
    Department,
    Domain,
    Indicator,
    Jurisdiction,
    Milestone,
    Plan,
    Project,
    ProjectDepartment,
)
from minsheng.progress import ledger_store
from minsheng.progress.models import ProgressReport, ReportState

_serial = count(1)


def make_jurisdiction(**overrides: Any) -> Jurisdiction:
    n = next(_serial)
    fields = {"name": f"测试市{n}", "slug": f"city-{n}", "level": JurisdictionLevel.CITY}
    return Jurisdiction.objects.create(**{**fields, **overrides})


def make_district(city: Jurisdiction, **overrides: Any) -> Jurisdiction:
    n = next(_serial)
    fields = {"name": f"测试区{n}", "slug": f"district-{n}", "level": JurisdictionLevel.DISTRICT}
    return Jurisdiction.objects.create(parent=city, **{**fields, **overrides})


def make_department(jurisdiction: Jurisdiction | None = None, **overrides: Any) -> Department:
    return Department.objects.create(
        jurisdiction=jurisdiction or make_jurisdiction(),
        **{"name": f"市测试局{next(_serial)}", **overrides},
    )


def make_plan(**overrides: Any) -> Plan:
    fields: dict[str, Any] = {
        "year": 2025,
        "title": "2025年市办实事",
        "state": PlanState.IN_PROGRESS,
    }
    fields.update(overrides)
    fields.setdefault("jurisdiction", make_jurisdiction())
    return Plan.objects.create(**fields)


def make_project(
    plan: Plan | None = None, *, lead: Department | None = None, **overrides: Any
) -> Project:
    plan = plan or make_plan()
    number = overrides.pop("number", plan.projects.count() + 1)
    project = Project.objects.create(
        plan=plan,
        number=number,
        domain=overrides.pop("domain", Domain.objects.get(name="就业")),
        **{"title": f"测试项目{number}", **overrides},
    )
    department = lead or make_department(plan.jurisdiction)
    ProjectDepartment.objects.create(
        project=project, department=department, role=DepartmentRole.LEAD
    )
    return project


def make_indicator(project: Project | None = None, **overrides: Any) -> Indicator:
    fields: dict[str, Any] = {
        "name": "新增公共停车位",
        "target": Decimal(10000),
        "unit": "个",
        "comparator": Comparator.AT_LEAST,
    }
    fields.update(overrides)
    return Indicator.objects.create(project=project or make_project(), **fields)


def make_milestone(project: Project | None = None, **overrides: Any) -> Milestone:
    return Milestone.objects.create(
        project=project or make_project(), **{"name": "建成浮山全民健身中心", **overrides}
    )


def make_allocation(indicator: Indicator, district: Jurisdiction, target: Decimal) -> Allocation:
    return Allocation.objects.create(indicator=indicator, jurisdiction=district, target=target)


def make_report(
    *,
    value: Decimal | int | None = None,
    as_of: date = date(2025, 6, 30),
    state: str = ReportState.APPROVED,
    **overrides: Any,
) -> ProgressReport:
    report = ProgressReport.objects.create(
        value=None if value is None else Decimal(value), as_of=as_of, state=state, **overrides
    )
    if state == ReportState.APPROVED:
        # As the approval service does: the current state follows what is approved.
        ledger_store.refresh_subject_of(report)
    return report


def make_province(**overrides: Any) -> Jurisdiction:
    n = next(_serial)
    fields = {"name": f"测试省{n}", "slug": f"province-{n}", "level": JurisdictionLevel.PROVINCE}
    return Jurisdiction.objects.create(**{**fields, **overrides})


def make_user(role: str = "", *, plan: Plan | None = None, **overrides: Any) -> User:
    """A user of a role. `plan=` places the user in the plan's jurisdiction (管辖范围): an
    office, supervisor, auditor or observer without a jurisdiction sees nothing internal."""
    n = next(_serial)
    if plan is not None and "jurisdiction" not in overrides:
        overrides["jurisdiction"] = plan.jurisdiction
    if role == Role.DEPARTMENT_REPORTER and "department" not in overrides:
        overrides["department"] = make_department()
    if role == Role.DISTRICT_REPORTER and "jurisdiction" not in overrides:
        overrides["jurisdiction"] = make_district(make_jurisdiction())
    return User.objects.create_user(
        username=overrides.pop("username", f"{role or 'user'}{n}"),
        password=overrides.pop("password", "correct horse battery staple"),
        role=role,
        **overrides,
    )


def filled_ledger(plan: Plan, subjects: list[Any], *, value: int = 10) -> Any:
    """The plan's Excel ledger for `subjects` with every row filled (value, dated the plan's
    first day), as a clerk uploads it: an open binary file at its start."""
    import io

    from openpyxl import load_workbook

    from minsheng.progress import ledger
    from minsheng.progress.models import ReportingPeriod

    period = ReportingPeriod(
        plan=plan, starts_on=plan.start, ends_on=plan.start, deadline=plan.start
    )
    sheet_file = ledger.build_ledger(plan, subjects, title="台账", period=period)
    workbook = load_workbook(io.BytesIO(sheet_file))
    sheet: Any = workbook.active
    for row in range(ledger.FIRST_ROW, ledger.FIRST_ROW + len(subjects)):
        sheet.cell(row=row, column=ledger.VALUE).value = value
        sheet.cell(row=row, column=ledger.AS_OF).value = plan.start
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    return data
