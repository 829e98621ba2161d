"""Every role walked through every view and action of progress reporting and the audit trail.

Each cell is its own test on a fresh database: a role, an action, and the answer expected —
done ("ok": a page, or a redirect onwards after a change), 403 (the role never may), 404 (the
object lies outside the person's scope, so a guessed id reveals nothing) or "login" (the
public is sent to the login form). Department A guessing department B's ids is in here.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from minsheng.progress import services
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.progress.tests.images import png
from minsheng.testing import make_indicator

ROLES = (
    "anonymous",
    "office",
    "reporter_a",
    "reporter_b",
    "district_reporter",
    "supervisor",
    "auditor",
    "observer",
)
DAY = "2025-06-30"


@dataclass
class Scene:
    world: Any
    draft_a: ProgressReport
    submitted_a: ProgressReport
    draft_b: ProgressReport
    draft_district: ProgressReport
    approved_a: ProgressReport
    evidence_id: int


@pytest.fixture
def scene(world, settings, tmp_path) -> Scene:
    settings.MEDIA_ROOT = tmp_path
    extra = make_indicator(world.indicator_a.project, name="免费体检", target=Decimal(25000))
    draft_a = services.progress_report_create(
        actor=world.reporter_a, subject=world.milestone_a, as_of=date(2025, 6, 30), done=False
    )
    evidence = services.evidence_attach(
        actor=world.reporter_a, report=draft_a, upload=io.BytesIO(png()), caption="施工现场"
    )
    submitted_a = services.progress_report_create(
        actor=world.reporter_a, subject=extra, as_of=date(2025, 6, 30), value=Decimal(100)
    )
    submitted_a = services.progress_report_submit(
        actor=world.reporter_a, report=submitted_a, expected_version=submitted_a.version
    )
    draft_b = services.progress_report_create(
        actor=world.reporter_b, subject=world.indicator_b, as_of=date(2025, 6, 30), value=Decimal(7)
    )
    draft_district = services.progress_report_create(
        actor=world.district_reporter,
        subject=world.allocation,
        as_of=date(2025, 6, 30),
        value=Decimal(50),
    )
    approved_a = ProgressReport.objects.get(state=ReportState.APPROVED, indicator=world.indicator_a)
    return Scene(world, draft_a, submitted_a, draft_b, draft_district, approved_a, evidence.pk)


@dataclass(frozen=True)
class Action:
    name: str
    method: str
    url: Callable[[Scene], str]
    expect: dict[str, Any]
    data: Callable[[Scene], dict[str, Any]] = lambda s: {}


def expect(default: Any, **roles: Any) -> dict[str, Any]:
    """Expected answer per role: `default` for every signed-in role not named."""
    table = dict.fromkeys(ROLES, default)
    table["anonymous"] = "login"
    table.update(roles)
    return table


OK = "ok"
EVERY_REPORTER = {"reporter_a": OK, "reporter_b": OK, "district_reporter": OK}
OFFICE_ONLY = expect(403, office=OK)


def new(kind: str, attr: str) -> Callable[[Scene], str]:
    def url(s: Scene) -> str:
        return reverse("progress:new", args=[kind, getattr(s.world, attr).pk])

    return url


def report_url(name: str, attr: str) -> Callable[[Scene], str]:
    return lambda s: reverse(f"progress:{name}", args=[getattr(s, attr).pk])


def version(attr: str, **extra: Any) -> Callable[[Scene], dict[str, Any]]:
    return lambda s: {"version": getattr(s, attr).version, **extra}


VALUE_FORM = {"as_of": DAY, "value": "5000"}

ACTIONS = [
    Action("public home", "GET", lambda s: "/", dict.fromkeys(ROLES, OK)),
    Action("progress index", "GET", lambda s: reverse("progress:index"),
           expect(403, office=OK, supervisor=OK, **EVERY_REPORTER)),
    Action("new report form, own indicator", "GET", new("indicator", "indicator_a"),
           expect(404, office=OK, reporter_a=OK, supervisor=403, auditor=403, observer=403)),
    Action("create report, own indicator", "POST", new("indicator", "indicator_a"),
           expect(404, office=OK, reporter_a=OK, supervisor=403, auditor=403, observer=403),
           lambda s: VALUE_FORM),
    Action("new report form, B's indicator (A guesses its id)", "GET", new("indicator", "indicator_b"),
           expect(404, office=OK, reporter_b=OK, supervisor=403, auditor=403, observer=403)),
    Action("create report, B's indicator (A guesses its id)", "POST", new("indicator", "indicator_b"),
           expect(404, office=OK, reporter_b=OK, supervisor=403, auditor=403, observer=403),
           lambda s: VALUE_FORM),
    Action("new report form, own district's allocation", "GET", new("allocation", "allocation"),
           expect(404, office=OK, district_reporter=OK, supervisor=403, auditor=403, observer=403)),
    Action("new report form, other district's allocation", "GET", new("allocation", "other_allocation"),
           expect(404, office=OK, supervisor=403, auditor=403, observer=403)),
    Action("new report form, indicator split into allocations", "GET", new("indicator", "split"),
           expect(404, office=403, reporter_b=403, supervisor=403, auditor=403, observer=403)),
    Action("read A's draft", "GET", report_url("report", "draft_a"),
           expect(404, office=OK, reporter_a=OK, supervisor=OK)),
    Action("read an approved report", "GET", report_url("report", "approved_a"),
           expect(404, office=OK, reporter_a=OK, supervisor=OK, observer=OK)),
    Action("edit form, A's draft", "GET", report_url("edit", "draft_a"),
           expect(404, office=OK, reporter_a=OK, supervisor=403)),
    Action("save A's draft", "POST", report_url("edit", "draft_a"),
           expect(404, office=OK, reporter_a=OK, supervisor=403),
           version("draft_a", as_of=DAY, done="yes")),
    Action("edit form, B's draft (A guesses its id)", "GET", report_url("edit", "draft_b"),
           expect(404, office=OK, reporter_b=OK, supervisor=403)),
    Action("save B's draft (A guesses its id)", "POST", report_url("edit", "draft_b"),
           expect(404, office=OK, reporter_b=OK, supervisor=403),
           version("draft_b", as_of=DAY, value="9")),
    Action("save the district's draft", "POST", report_url("edit", "draft_district"),
           expect(404, office=OK, district_reporter=OK, supervisor=403),
           version("draft_district", as_of=DAY, value="60")),
    Action("submit A's draft", "POST", report_url("submit", "draft_a"),
           expect(404, office=OK, reporter_a=OK, supervisor=403), version("draft_a")),
    Action("submit B's draft (A guesses its id)", "POST", report_url("submit", "draft_b"),
           expect(404, office=OK, reporter_b=OK, supervisor=403), version("draft_b")),
    Action("approve A's submitted report", "POST", report_url("approve", "submitted_a"),
           expect(404, office=OK, reporter_a=403, supervisor=403), version("submitted_a")),
    Action("return A's submitted report", "POST", report_url("return", "submitted_a"),
           expect(404, office=OK, reporter_a=403, supervisor=403),
           version("submitted_a", comment="请补充照片")),
    Action("review queue (a supervisor reads it)", "GET", lambda s: reverse("progress:review"),
           expect(403, office=OK, supervisor=OK)),
    Action("bulk approve", "POST", lambda s: reverse("progress:bulk_approve"), OFFICE_ONLY,
           lambda s: {"report": f"{s.submitted_a.pk}:{s.submitted_a.version}"}),
    Action("evidence photo of A's draft", "GET",
           lambda s: reverse("progress:evidence", args=[s.evidence_id, "file"]),
           expect(404, office=OK, reporter_a=OK, supervisor=OK)),
    Action("evidence thumbnail of A's draft", "GET",
           lambda s: reverse("progress:evidence", args=[s.evidence_id, "thumb"]),
           expect(404, office=OK, reporter_a=OK, supervisor=OK)),
    Action("late and missing reports", "GET", lambda s: reverse("progress:missing"),
           expect(403, office=OK, supervisor=OK)),
    Action("set reporting periods", "POST", lambda s: reverse("progress:periods"), OFFICE_ONLY,
           lambda s: {"months": "3", "deadline_days": "10"}),
    Action("own ledger download", "GET", lambda s: reverse("progress:ledger"),
           expect(403, office=404, supervisor=404, **EVERY_REPORTER)),
    Action("department A's ledger", "GET",
           lambda s: reverse("progress:ledger") + f"?department={s.world.department_a.pk}",
           expect(404, office=OK, supervisor=OK, reporter_a=OK, auditor=403, observer=403)),
    Action("whole plan ledger", "GET", lambda s: reverse("progress:ledger_export"),
           expect(403, office=OK, supervisor=OK)),
    Action("ledger upload form", "GET", lambda s: reverse("progress:ledger_upload"),
           expect(403, office=OK, **EVERY_REPORTER)),
    Action("audit trail", "GET", lambda s: reverse("audit:index"), expect(403, auditor=OK)),
    Action("audit trail CSV", "GET", lambda s: reverse("audit:export"), expect(403, auditor=OK)),
]  # fmt: skip

CELLS = [(action, role) for action in ACTIONS for role in ROLES]


def test_the_matrix_covers_every_role_and_action():
    assert len(ROLES) == 8 and len(ACTIONS) == 32
    assert len(CELLS) == 256


@pytest.mark.parametrize(
    ("action", "role"), CELLS, ids=[f"{action.name} · {role}" for action, role in CELLS]
)
def test_access(client, scene, action, role):
    if role != "anonymous":
        client.force_login(scene.world.users()[role])
    url = action.url(scene)
    response = client.get(url) if action.method == "GET" else client.post(url, action.data(scene))
    wanted = action.expect[role]
    if wanted == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif wanted == OK:
        # A page, or a redirect onwards (after a change, or to the item's open report).
        allowed = (200, 302) if action.method == "GET" else (302,)
        assert response.status_code in allowed, response.content.decode()[:2000]
        if response.status_code == 302:
            assert not response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == wanted


def test_department_a_guessing_b_s_report_changes_nothing(client, scene):
    client.force_login(scene.world.reporter_a)
    before = ProgressReport.objects.get(pk=scene.draft_b.pk)
    client.post(
        reverse("progress:edit", args=[before.pk]),
        {"version": before.version, "as_of": DAY, "value": "999"},
    )
    client.post(reverse("progress:submit", args=[before.pk]), {"version": before.version})
    after = ProgressReport.objects.get(pk=before.pk)
    assert (after.value, after.state, after.version) == (before.value, before.state, before.version)


def test_department_a_guessing_b_s_indicator_creates_no_report(client, scene):
    client.force_login(scene.world.reporter_a)
    count = ProgressReport.objects.count()
    client.post(
        reverse("progress:new", args=["indicator", scene.world.indicator_b.pk + 1000]), VALUE_FORM
    )
    client.post(reverse("progress:new", args=["indicator", scene.world.indicator_b.pk]), VALUE_FORM)
    assert ProgressReport.objects.count() == count
