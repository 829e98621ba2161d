import copy
import json
import re
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from django.core.management import CommandError, call_command

from minsheng.audit.models import AuditRecord
from minsheng.plans.demo import DEMO_PLAN_PATH
from minsheng.plans.interchange import export_plan, schema
from minsheng.plans.models import Indicator, Plan

pytestmark = pytest.mark.django_db
SEED = DEMO_PLAN_PATH


@pytest.fixture
def document():
    return json.loads(SEED.read_text(encoding="utf-8"))


def _export(capsys) -> dict:
    call_command("export_plan", jurisdiction="青岛市", year=2025)
    return json.loads(capsys.readouterr().out)


def test_export_is_valid_against_the_schema(demo_plan, capsys):
    jsonschema.Draft202012Validator(schema()).validate(_export(capsys))


def test_export_round_trips_every_target_and_actual(demo_plan, document, capsys):
    exported = _export(capsys)
    for before, after in zip(document["projects"], exported["projects"], strict=True):
        pairs = zip(before["indicators"], after["indicators"], strict=True)
        for source, out in pairs:
            assert (out["name"], out["target"], out["unit"], out["comparator"], out["actual"]) == (
                source["name"],
                source["target"],
                source["unit"],
                source["comparator"],
                source["actual"],
            )


def test_export_prints_full_numbers_not_wan(demo_plan, capsys):
    call_command("export_plan", jurisdiction="qingdao", year=2025)
    text = capsys.readouterr().out
    assert '"actual": 38400' in text
    assert not re.search(r'"(target|actual)": "', text)


def _import_fails(tmp_path: Path, data, *needles: str) -> str:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(path))
    message = str(raised.value)
    for needle in needles:
        assert needle in message
    assert Plan.objects.count() == 0 and Indicator.objects.count() == 0
    return message


def test_import_refuses_an_unknown_unit_naming_the_field(tmp_path, document):
    document["projects"][2]["indicators"][1]["unit"] = "个个"
    _import_fails(tmp_path, document, "projects[2].indicators[1].unit", "个个", "未知")


def test_import_refuses_a_negative_target(tmp_path, document):
    document["projects"][0]["indicators"][0]["target"] = -5
    _import_fails(tmp_path, document, "projects[0].indicators[0].target", "-5")


def test_import_refuses_a_duplicate_project_number(tmp_path, document):
    document["projects"][1]["number"] = 1
    _import_fails(tmp_path, document, "1")


def test_import_refuses_allocations_that_do_not_add_up(tmp_path, document):
    indicator = document["projects"][2]["indicators"][2]
    indicator["allocations"] = [
        {"district": "市南区", "target": 4000},
        {"district": "崂山区", "target": 5000},
    ]
    _import_fails(tmp_path, document, "allocations", "9000", "10000")


def test_import_refuses_malformed_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="JSON"):
        call_command("import_plan", str(path))


def test_import_refuses_a_plan_that_exists(demo_plan, tmp_path, document):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError, match="已存在"):
        call_command("import_plan", str(path))
    assert Plan.objects.count() == 1


def test_import_with_allocations_rolls_actuals_up(document, capsys):
    data = copy.deepcopy(document)
    indicator = data["projects"][2]["indicators"][2]
    indicator["allocations"] = [
        {"district": "市南区", "target": 4000, "actual": 5000},
        {"district": "崂山区", "target": 6000, "actual": 8400},
    ]
    from minsheng.plans.interchange import import_plan

    plan = import_plan(data)
    exported = export_plan(plan)
    assert exported["projects"][2]["indicators"][2]["actual"] == 13400


def test_import_writes_the_audit_trail(demo_plan):
    assert AuditRecord.objects.filter(action="indicator.create").count() == 49


def test_json_numbers_keep_decimals(demo_plan, capsys):
    exported = _export(capsys)
    roads = exported["projects"][2]["indicators"][0]
    assert Decimal(str(roads["actual"])) == Decimal("778.55")


def test_export_of_a_missing_plan_says_so_in_both_languages():
    with pytest.raises(CommandError) as raised:
        call_command("export_plan", jurisdiction="青岛市", year=2031)
    assert "找不到" in str(raised.value) and "no plan" in str(raised.value)
