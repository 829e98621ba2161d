"""The access matrix with its jurisdiction dimension: role × action × where the plan stands.

Every user sits in 青岛市. The plans: 青岛市's own, 市南区's (a child), 山东省's (the parent)
and 烟台市's (a sibling). Each cell asks the app's permission function once and compares with
the table below; every cell is its own test.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from minsheng.accounts.models import Role, User
from minsheng.accounts.permissions import can_manage_user
from minsheng.audit.models import AuditRecord
from minsheng.audit.permissions import readable_records
from minsheng.audit.services import record_change
from minsheng.participation.permissions import can_manage
from minsheng.plans.choices import JurisdictionLevel, PlanState
from minsheng.plans.models import Indicator, Jurisdiction, Plan
from minsheng.plans.vocabulary import ensure_default_domains
from minsheng.progress import permissions as progress
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.reports.permissions import can_generate_reports
from minsheng.supervision import permissions as supervision
from minsheng.supervision.models import SupervisionNotice
from minsheng.testing import make_indicator, make_plan, make_project, make_report, make_user

RELATIONS = ["own", "child", "parent", "sibling"]
ROLES = [Role.OFFICE, Role.SUPERVISOR, Role.AUDITOR, Role.OBSERVER]
BELOW = {"own", "child"}
OWN = {"own"}
NONE: set[str] = set()


@dataclass
class Place:
    jurisdiction: Jurisdiction
    plan: Plan
    indicator: Indicator
    submitted: ProgressReport
    approved: ProgressReport
    notice: SupervisionNotice
    record: AuditRecord
    resident: User  # a district reporter account living there


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _place(jurisdiction: Jurisdiction) -> Place:
    plan = make_plan(jurisdiction=jurisdiction, state=PlanState.IN_PROGRESS)
    project = make_project(plan)
    indicator = make_indicator(project)
    other = make_indicator(project, name="改造老旧小区")
    department = project.project_departments.get().department
    notice = SupervisionNotice.objects.create(
        plan=plan,
        number=1,
        project=project,
        department=department,
        reason="进度滞后",
        required_action="加快推进",
        reply_deadline=date(2025, 7, 10),
    )
    return Place(
        jurisdiction=jurisdiction,
        plan=plan,
        indicator=indicator,
        submitted=make_report(indicator=indicator, value=10, state=ReportState.SUBMITTED),
        approved=make_report(indicator=other, value=5, state=ReportState.APPROVED),
        notice=notice,
        record=record_change(actor=None, action="plan.update", instance=plan, after={}),
        resident=make_user(Role.DISTRICT_REPORTER, jurisdiction=jurisdiction),
    )


@pytest.fixture
def places(db: Any) -> dict[str, Place]:
    ensure_default_domains()
    shandong = Jurisdiction.objects.create(
        name="山东省", slug="shandong", level=JurisdictionLevel.PROVINCE
    )
    qingdao = Jurisdiction.objects.create(
        name="青岛市", slug="qingdao", level=JurisdictionLevel.CITY, parent=shandong
    )
    shinan = Jurisdiction.objects.create(
        name="市南区", slug="shinan", level=JurisdictionLevel.DISTRICT, parent=qingdao
    )
    yantai = Jurisdiction.objects.create(
        name="烟台市", slug="yantai", level=JurisdictionLevel.CITY, parent=shandong
    )
    return {
        "own": _place(qingdao),
        "child": _place(shinan),
        "parent": _place(shandong),
        "sibling": _place(yantai),
    }


ACTIONS = {
    "view a submitted report": lambda u, p: progress.can_view_report(u, p.submitted),
    "view an approved report": lambda u, p: progress.can_view_report(u, p.approved),
    "view evidence-free item": lambda u, p: progress.in_scope(u, p.indicator),
    "file a report": lambda u, p: progress.can_report(u, p.indicator),
    "approve a report": lambda u, p: progress.can_approve_report(u, p.submitted),
    "export the plan ledger": lambda u, p: progress.can_export_plan_ledger(u, p.plan),
    "see missing reports": lambda u, p: progress.can_view_missing(u, p.plan),
    "set reporting periods": lambda u, p: progress.can_manage_periods(u, p.plan),
    "open the cockpit": lambda u, p: supervision.can_view_cockpit(u, p.plan),
    "open the province cockpit": lambda u, p: supervision.can_view_province_cockpit(
        u, p.jurisdiction
    ),
    "issue a notice": lambda u, p: supervision.can_issue_notice(u, p.plan),
    "view a notice": lambda u, p: supervision.can_view_case(u, p.notice),
    "close a notice": lambda u, p: supervision.can_escalate(u, p.notice),
    "run participation": lambda u, p: can_manage(u, p.plan),
    "generate the year-end report": lambda u, p: can_generate_reports(u, p.plan),
    "read an audit record": lambda u, p: readable_records(
        u, AuditRecord.objects.filter(pk=p.record.pk)
    ).exists(),
    "manage a user account": lambda u, p: can_manage_user(u, p.resident),
}

# Where each role may do each action; anything not listed: nowhere.
ALLOWED: dict[str, dict[str, set[str]]] = {
    Role.OFFICE: {
        "view a submitted report": BELOW,
        "view an approved report": BELOW,
        "view evidence-free item": BELOW,
        "file a report": OWN,
        "approve a report": OWN,
        "export the plan ledger": BELOW,
        "see missing reports": BELOW,
        "set reporting periods": OWN,
        "open the cockpit": BELOW,
        "open the province cockpit": BELOW,
        "issue a notice": BELOW,
        "view a notice": BELOW,
        "close a notice": OWN,
        "run participation": OWN,
        "generate the year-end report": BELOW,
        "manage a user account": BELOW,
    },
    Role.SUPERVISOR: {
        "view a submitted report": BELOW,
        "view an approved report": BELOW,
        "view evidence-free item": BELOW,
        "export the plan ledger": BELOW,
        "see missing reports": BELOW,
        "open the cockpit": BELOW,
        "open the province cockpit": BELOW,
        "view a notice": BELOW,
    },
    Role.AUDITOR: {"read an audit record": BELOW},
    Role.OBSERVER: {"view an approved report": BELOW},
}

CELLS = [(role, action, relation) for role in ROLES for action in ACTIONS for relation in RELATIONS]


def test_the_matrix_has_a_cell_for_every_role_action_and_relation() -> None:
    assert len(CELLS) == len(ROLES) * len(ACTIONS) * len(RELATIONS) == 272


@pytest.mark.parametrize(("role", "action", "relation"), CELLS)
def test_cell(places: dict[str, Place], role: str, action: str, relation: str) -> None:
    user = make_user(role, jurisdiction=places["own"].jurisdiction)
    expected = relation in ALLOWED[role].get(action, NONE)
    assert ACTIONS[action](user, places[relation]) is expected
