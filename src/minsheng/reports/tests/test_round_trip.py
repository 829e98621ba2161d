"""The writer and the reader keep each other honest: the report, read back, gives the ledger."""

import pytest

from minsheng.ingest.parser import parse_bytes
from minsheng.plans.interchange import export_plan
from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format, generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_trip(demo_plan):
    output = generate(
        demo_plan, kind=Kind.YEAR_END, fmt=Format.MARKDOWN, style=Style.PRESS, as_of=demo_plan.end
    )
    parsed = parse_bytes(output.content, filename="report.md", jurisdiction="青岛市", year=2025)
    return export_plan(demo_plan, as_of=demo_plan.end), parsed


def _figures(project):
    return sorted(
        (i["target"], i["unit"], i["comparator"], i["actual"]) for i in project["indicators"]
    )


def test_every_project_comes_back(round_trip):
    ledger, parsed = round_trip
    assert [p["number"] for p in parsed.to_interchange()["projects"]] == [
        p["number"] for p in ledger["projects"]
    ]


@pytest.mark.parametrize("number", range(1, 16))
def test_every_target_and_actual_comes_back(round_trip, number):
    ledger, parsed = round_trip
    expected = next(p for p in ledger["projects"] if p["number"] == number)
    found = next(p for p in parsed.to_interchange()["projects"] if p["number"] == number)
    assert _figures(found) == _figures(expected)


def test_every_percent_the_report_states_checks_out(round_trip):
    _, parsed = round_trip
    stated = parsed.text.count("占年计划的")
    assert stated > 40
    assert (parsed.checks.stated_percents, parsed.checks.stated_percents_agree) == (stated, stated)


def test_no_figure_is_left_without_its_promise(round_trip):
    _, parsed = round_trip
    loose = {"unmatched_actual", "target_without_actual", "percent_mismatch", "claim_falls_short"}
    assert [f.sentence for f in parsed.findings if f.kind in loose] == []
