"""A black-box walk over two cities of one province (山东省: 青岛市 and 烟台市), an office each
and a province office, through the pages, downloads, the ledger, the admin and a command.

Each test is one thing a person tried; the 烟台 office guesses 青岛's ids and finds nothing.
"""

import json
from datetime import timedelta
from decimal import Decimal
from urllib.parse import unquote

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.plans.choices import JurisdictionLevel, PlanState
from minsheng.plans.models import Jurisdiction
from minsheng.plans.vocabulary import ensure_default_domains
from minsheng.progress.models import ReportState
from minsheng.supervision.models import CaseState, SupervisionNotice
from minsheng.testing import make_indicator, make_plan, make_project, make_report, make_user


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class City:
    def __init__(self, province, name, slug):
        self.jurisdiction = Jurisdiction.objects.create(
            name=name, slug=slug, level=JurisdictionLevel.CITY, parent=province
        )
        self.plan = make_plan(
            jurisdiction=self.jurisdiction, state=PlanState.IN_PROGRESS, title=f"2025年{name}办实事"
        )
        self.project = make_project(self.plan)
        self.indicator = make_indicator(self.project)
        self.report = make_report(
            indicator=self.indicator, value=Decimal(10), state=ReportState.SUBMITTED
        )
        self.office = make_user(
            Role.OFFICE, jurisdiction=self.jurisdiction, username=f"office-{slug}"
        )

    def client(self):
        client = Client()
        client.force_login(self.office)
        return client


@pytest.fixture
def shandong(db):
    ensure_default_domains()
    province = Jurisdiction.objects.create(
        name="山东省", slug="shandong", level=JurisdictionLevel.PROVINCE
    )
    qingdao, yantai = City(province, "青岛市", "qingdao"), City(province, "烟台市", "yantai")
    province_office = make_user(Role.OFFICE, jurisdiction=province, username="office-shandong")
    return qingdao, yantai, province_office


def test_yantai_cannot_open_a_qingdao_report(shandong):
    qingdao, yantai, _ = shandong
    assert (
        yantai.client().get(reverse("progress:report", args=[qingdao.report.pk])).status_code == 404
    )


def test_yantai_cannot_approve_a_qingdao_report_and_nothing_changes(shandong):
    qingdao, yantai, _ = shandong
    url = reverse("progress:approve", args=[qingdao.report.pk])
    status = yantai.client().post(url, {"version": qingdao.report.version}).status_code
    qingdao.report.refresh_from_db()
    assert (status, qingdao.report.state) == (404, ReportState.SUBMITTED)


def test_yantai_cannot_file_a_report_on_a_qingdao_indicator(shandong):
    qingdao, yantai, _ = shandong
    url = reverse("progress:new", args=["indicator", qingdao.indicator.pk])
    assert yantai.client().get(url).status_code == 404


def test_yantai_asking_for_qingdaos_ledger_gets_only_its_own(shandong):
    qingdao, yantai, _ = shandong
    response = yantai.client().get(reverse("progress:ledger_export"), {"plan": qingdao.plan.pk})
    assert unquote(response["Content-Disposition"]).split("''")[1].startswith("烟台市")


def test_yantais_review_queue_lists_no_qingdao_report(shandong):
    qingdao, yantai, _ = shandong
    page = yantai.client().get(reverse("progress:review")).content.decode()
    assert f'data-report="{qingdao.report.pk}"' not in page


def test_yantai_cannot_open_qingdaos_candidates(shandong):
    qingdao, yantai, _ = shandong
    url = reverse("participation:candidates", args=[qingdao.plan.pk])
    assert yantai.client().get(url).status_code == 404


def test_yantai_cannot_open_the_notice_form_on_qingdaos_plan(shandong):
    qingdao, yantai, _ = shandong
    url = reverse("supervision:notice_new") + f"?plan={qingdao.plan.pk}"
    assert yantai.client().get(url).status_code == 404


def test_an_office_with_staff_status_does_not_get_into_the_admin(shandong):
    qingdao, yantai, _ = shandong
    yantai.office.is_staff = True
    yantai.office.save()
    url = f"/admin/plans/indicator/{qingdao.indicator.pk}/change/"
    assert yantai.client().get(url).status_code == 302


def test_yantai_cannot_load_a_plan_of_qingdao_by_command(shandong, tmp_path):
    _qingdao, yantai, _ = shandong
    path = tmp_path / "plan.json"
    path.write_text(
        json.dumps({"jurisdiction": {"name": "青岛市"}, "year": 2026}), encoding="utf-8"
    )
    with pytest.raises(CommandError, match="青岛市"):
        call_command("import_plan", str(path), "--user", yantai.office.username)


@pytest.mark.parametrize(
    "command",
    [
        ["warnings", "--json"],
        ["export_plan"],
        ["missing_reports"],
        ["report", "--format", "md", "-o", "-"],
    ],
)
def test_yantai_reading_qingdao_by_command_finds_no_plan(shandong, command):
    qingdao, yantai, _ = shandong
    where = ["--jurisdiction", "青岛市", "--year", str(qingdao.plan.year)]
    with pytest.raises(CommandError, match="青岛市"):
        call_command(*command, *where, "--user", yantai.office.username)


def test_qingdao_reads_its_own_warnings_by_command(shandong, capsys):
    qingdao, _yantai, _ = shandong
    where = ["--jurisdiction", "青岛市", "--year", str(qingdao.plan.year)]
    call_command("warnings", "--json", *where, "--user", qingdao.office.username)
    assert json.loads(capsys.readouterr().out)["plan"] == qingdao.plan.title


def test_the_province_reads_both_cities_reports(shandong):
    qingdao, yantai, province_office = shandong
    client = Client()
    client.force_login(province_office)
    statuses = [
        client.get(reverse("progress:report", args=[city.report.pk])).status_code
        for city in (qingdao, yantai)
    ]
    assert statuses == [200, 200]


def test_the_province_cannot_approve_a_city_report(shandong):
    qingdao, _yantai, province_office = shandong
    client = Client()
    client.force_login(province_office)
    client.post(
        reverse("progress:approve", args=[qingdao.report.pk]), {"version": qingdao.report.version}
    )
    qingdao.report.refresh_from_db()
    assert qingdao.report.state == ReportState.SUBMITTED


def test_the_province_sends_a_notice_to_qingdao_and_qingdaos_office_acknowledges_it(shandong):
    qingdao, _yantai, province_office = shandong
    client = Client()
    client.force_login(province_office)
    client.post(
        reverse("supervision:notice_new") + f"?plan={qingdao.plan.pk}",
        {
            "project": qingdao.project.pk,
            "department": qingdao.project.project_departments.get().department_id,
            "reason": "停车位建设进度滞后",
            "required_action": "七日内报送整改措施",
            "reply_deadline": (timezone.localdate() + timedelta(days=7)).isoformat(),
        },
    )
    notice = SupervisionNotice.objects.get(addressee=qingdao.jurisdiction)
    url = reverse(
        "supervision:case_act", kwargs={"kind": "notice", "pk": notice.pk, "verb": "acknowledge"}
    )
    qingdao.client().post(url)
    notice.refresh_from_db()
    assert notice.state == CaseState.ACKNOWLEDGED
