"""import_plan refuses hostile JSON with a short, clear message (issue 13, point 7)."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import models

from minsheng.plans import models as plan_models
from minsheng.plans.demo import DEMO_PLAN_PATH
from minsheng.plans.interchange import MAX_DEPTH, schema
from minsheng.plans.models import Plan
from minsheng.progress.models import Evidence

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8"))


def _refused(tmp_path: Path, text: str) -> str:
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(path))
    assert Plan.objects.count() == 0
    return str(raised.value)


def _dumps(document) -> str:
    return json.dumps(document, ensure_ascii=False)


def test_a_key_given_twice_is_refused_not_silently_overwritten(tmp_path, document):
    text = _dumps(document).replace('"year": 2025', '"year": 2025, "year": 2024', 1)
    message = _refused(tmp_path, text)
    assert "“year”" in message and "两次" in message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_a_number_that_is_no_number_is_refused(tmp_path, document, constant):
    document["projects"][0]["indicators"][0]["target"] = 123456789
    text = _dumps(document).replace("123456789", constant, 1)
    message = _refused(tmp_path, text)
    assert constant in message


def test_a_figure_too_large_for_the_ledger_is_refused_by_field(tmp_path, document):
    document["projects"][0]["indicators"][0]["target"] = 1e300
    message = _refused(tmp_path, _dumps(document))
    assert "projects[0].indicators[0].target" in message


def test_a_document_nested_one_hundred_thousand_deep_is_refused_clearly(tmp_path):
    message = _refused(tmp_path, "[" * 100_000 + "]" * 100_000)
    assert str(MAX_DEPTH) in message and "Traceback" not in message


def test_moderate_nesting_in_an_unknown_field_is_refused_by_depth(tmp_path, document):
    document["extra"] = json.loads("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5))
    assert str(MAX_DEPTH) in _refused(tmp_path, _dumps(document))


def test_a_ten_megabyte_title_is_not_echoed_back(tmp_path, document):
    document["title"] = "T" * 10_000_000
    message = _refused(tmp_path, _dumps(document))
    assert "title" in message and len(message) < 2_000


def test_a_huge_summary_is_refused_by_its_size_limit(tmp_path, document):
    document["summary"] = "字" * 20_001
    message = _refused(tmp_path, _dumps(document))
    assert "summary" in message and "20000" in message


def test_many_problems_are_listed_up_to_a_limit(tmp_path, document):
    for project in document["projects"]:
        project["domain"] = "不存在的领域" + "x" * 40
    document["projects"] *= 10
    message = _refused(tmp_path, _dumps(document))
    assert len(message.splitlines()) < 60 and "more problems" in message


SCHEMA_FIELDS = [
    (("properties", "title"), plan_models.Plan, "title"),
    (("properties", "summary"), plan_models.Plan, "summary"),
    (("$defs", "jurisdiction", "properties", "name"), plan_models.Jurisdiction, "name"),
    (("$defs", "jurisdiction", "properties", "slug"), plan_models.Jurisdiction, "slug"),
    (("$defs", "jurisdiction", "properties", "code"), plan_models.Jurisdiction, "code"),
    (("$defs", "department", "properties", "name"), plan_models.Department, "name"),
    (("$defs", "project", "properties", "title"), plan_models.Project, "title"),
    (("$defs", "project", "properties", "domain"), plan_models.Domain, "name"),
    (("$defs", "project", "properties", "description"), plan_models.Project, "description"),
    (
        ("$defs", "project", "properties", "completion_summary"),
        plan_models.Project,
        "completion_summary",
    ),
    (("$defs", "indicator", "properties", "name"), plan_models.Indicator, "name"),
    (("$defs", "indicator", "properties", "source_text"), plan_models.Indicator, "source_text"),
    (("$defs", "milestone", "properties", "name"), plan_models.Milestone, "name"),
    (("$defs", "evidence", "properties", "caption"), Evidence, "caption"),
    (("$defs", "evidence", "properties", "url"), Evidence, "url"),
]


@pytest.mark.parametrize(("where", "model", "field"), SCHEMA_FIELDS)
def test_every_text_field_has_the_same_size_limit_in_schema_and_model(where, model, field):
    node = schema()
    for step in where:
        node = node[step]
    model_field = model._meta.get_field(field)
    assert isinstance(model_field, models.CharField | models.TextField)
    assert node["maxLength"] == model_field.max_length
