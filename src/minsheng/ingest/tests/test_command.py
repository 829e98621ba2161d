"""`minsheng ingest FILE`: JSON out, bilingual errors, drafts saved only on request."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from minsheng.accounts.models import Role
from minsheng.audit.models import AuditRecord
from minsheng.plans.choices import PlanState
from minsheng.plans.interchange import validate
from minsheng.plans.models import Indicator, Jurisdiction, Plan
from minsheng.progress.models import ProgressReport, ReportState

DATA = Path(__file__).parent / "data"
SEED = DATA / "qingdao_2025_report.txt"


def run(*args: Any) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_the_seed_prints_schema_valid_json_with_fifteen_projects() -> None:
    out, _err = run(SEED)
    plan = json.loads(out)
    assert validate(plan) == []
    assert len(plan["projects"]) == 15


@pytest.mark.django_db
def test_findings_are_listed_with_their_sentences() -> None:
    _out, err = run(SEED)
    assert "17" in err.splitlines()[0]
    assert "«" in err


@pytest.mark.django_db
def test_json_flag_prints_plan_findings_and_checks_together() -> None:
    out, _err = run(SEED, "--json")
    result = json.loads(out)
    assert set(result) == {"plan", "findings", "checks", "confidence", "results"}
    assert all("message" in finding for finding in result["findings"])


@pytest.mark.django_db
def test_printing_saves_nothing() -> None:
    run(SEED)
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_save_writes_a_draft_plan_with_its_indicators() -> None:
    run(SEED, "--save")
    plan = Plan.objects.get()
    assert plan.state == PlanState.DRAFTING
    assert Indicator.objects.filter(project__plan=plan).count() == 49


@pytest.mark.django_db
def test_save_keeps_read_off_actuals_as_draft_reports_only() -> None:
    run(SEED, "--save")
    states = set(ProgressReport.objects.values_list("state", flat=True))
    assert states == {ReportState.DRAFT}
    assert ProgressReport.objects.count() == 49


@pytest.mark.django_db
def test_save_is_written_to_the_audit_trail() -> None:
    run(SEED, "--save")
    assert AuditRecord.objects.filter(action="plan.ingest").count() == 1


@pytest.mark.django_db
def test_save_never_overwrites_an_existing_plan() -> None:
    plan_only = DATA / "plan_list_gb18030.txt"
    run(plan_only, "--save")
    with pytest.raises(CommandError, match="already exists"):
        run(plan_only, "--save")
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_a_report_on_an_existing_plan_becomes_draft_reports(demo_plan: Any) -> None:
    approved = ProgressReport.objects.filter(state=ReportState.APPROVED).count()
    targets = list(Indicator.objects.order_by("id").values_list("target", flat=True))
    _out, err = run(SEED, "--save")
    assert "49" in err
    assert ProgressReport.objects.filter(state=ReportState.DRAFT).count() == 49
    assert ProgressReport.objects.filter(state=ReportState.APPROVED).count() == approved
    assert list(Indicator.objects.order_by("id").values_list("target", flat=True)) == targets
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_a_report_figure_that_fits_no_indicator_saves_nothing(tmp_path: Path) -> None:
    run(DATA / "plan_list_gb18030.txt", "--save")
    report = tmp_path / "report.txt"
    report.write_text(
        "临海市2025年民生实事完成情况\n一、稳定和扩大就业\n新建游泳馆3座。\n完成情况：建成游泳馆3座。"
        "\n二、改善住房条件\n筹集保障性租赁住房三千六百套。\n完成情况：筹集保障性租赁住房3700套。",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="游泳馆"):
        run(report, "--save")
    assert not ProgressReport.objects.exists()


@pytest.mark.django_db
def test_save_refuses_a_user_who_is_not_the_office(django_user_model: Any) -> None:
    django_user_model.objects.create(username="auditor", role=Role.AUDITOR)
    with pytest.raises(CommandError, match="office"):
        run(SEED, "--save", "--user", "auditor")
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_a_missing_year_asks_for_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("青岛市市办实事\n第1件：扩大就业，新增就业5万人。", encoding="utf-8")
    with pytest.raises(CommandError, match="--year"):
        run(path)


@pytest.mark.django_db
def test_the_year_flag_is_used(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("青岛市市办实事\n第1件：扩大就业，新增就业5万人。", encoding="utf-8")
    out, _err = run(path, "--year", "2026")
    assert json.loads(out)["year"] == 2026


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (bytes(range(256)) * 8, "not text"),
        ("青岛市2025年。一段没有编号的文字。".encode(), "no numbered items"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image"),
        (b"%PDF-1.4\n%%EOF", "no text layer"),
    ],
)
def test_bad_input_is_refused_in_both_languages(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as raised:
        run(path, "--save")
    assert " / " in str(raised.value)  # Chinese first, then English
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="not found"):
        run(tmp_path / "nothing.txt")


def test_bad_input_exits_non_zero_from_the_shell(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "minsheng.settings",
        "MINSHENG_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "ingest", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode != 0
    assert "empty" in result.stderr
    assert result.stdout == ""


@pytest.mark.django_db
def test_an_html_page_is_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = SEED.read_text(encoding="utf-8").replace("\n", "<br>\n")
    page.write_text(f"<html><body><div>{body}</div></body></html>", encoding="utf-8")
    out, _err = run(page)
    assert len(json.loads(out)["projects"]) == 15


@pytest.mark.django_db
def test_a_docx_file_is_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(str(path))
    out, _err = run(path)
    assert len(json.loads(out)["projects"]) == 15


@pytest.mark.django_db
def test_a_file_over_fifty_megabytes_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)  # sparse: nothing is written, nothing read
    with pytest.raises(CommandError, match="limit") as raised:
        run(path, "--save")
    assert " / " in str(raised.value)
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_a_results_only_report_on_an_existing_plan_becomes_draft_reports(tmp_path: Path) -> None:
    run(DATA / "plan_list_gb18030.txt", "--save")
    report = tmp_path / "report.txt"
    report.write_text(
        "临海市2025年民生实事进展情况\n"
        "截至9月底，城镇新增就业4.1万人，完成率82%；"
        "为就业困难人员提供公益性岗位1800人，完成率90%。",
        encoding="utf-8",
    )
    run(report, "--save", "--jurisdiction", "临海市", "--year", "2025")
    drafts = ProgressReport.objects.filter(state=ReportState.DRAFT)
    assert sorted((r.value, r.stated_percent) for r in drafts) == [(1800, 90), (41000, 82)]


@pytest.mark.django_db
def test_a_report_finds_the_existing_plan_of_a_district_below_the_top(tmp_path: Path) -> None:
    run(DATA / "plan_list_gb18030.txt", "--save")
    # the plan's jurisdiction is a county-level city under a prefecture, not a top-level one
    district = Jurisdiction.objects.get(name="临海市")
    district.parent = Jurisdiction.objects.create(name="台州市", slug="taizhou", level="city")
    district.level = "district"
    district.save()
    report = tmp_path / "report.txt"
    report.write_text(
        "临海市2025年民生实事进展情况\n"
        "截至9月底，城镇新增就业4.1万人，完成率82%；"
        "为就业困难人员提供公益性岗位1800人，完成率90%。",
        encoding="utf-8",
    )
    _out, err = run(report, "--save", "--jurisdiction", "临海市", "--year", "2025")
    assert "left unchanged" in err
    assert Plan.objects.count() == 1
    drafts = ProgressReport.objects.filter(state=ReportState.DRAFT)
    assert sorted((r.value, r.stated_percent) for r in drafts) == [(1800, 90), (41000, 82)]


@pytest.mark.django_db
def test_two_plans_of_districts_with_one_name_are_not_guessed_between(tmp_path: Path) -> None:
    for slug in ("a", "b"):
        city = Jurisdiction.objects.create(name=f"城{slug}", slug=f"city-{slug}", level="city")
        district = Jurisdiction.objects.create(
            name="鼓楼区", slug=f"gulou-{slug}", level="district", parent=city
        )
        Plan.objects.create(jurisdiction=district, year=2025, title=f"2025年民生实事{slug}")
    report = tmp_path / "report.txt"
    report.write_text(
        "鼓楼区2025年民生实事进展情况\n截至9月底，城镇新增就业4.1万人，完成率82%；"
        "为就业困难人员提供公益性岗位1800人，完成率90%。",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="several plans"):
        run(report, "--save", "--year", "2025")
    assert not ProgressReport.objects.exists()
