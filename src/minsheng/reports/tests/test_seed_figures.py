"""Done means: the press-style Markdown for the demo reproduces every figure of the seed's
完成情况 paragraphs. The gold is the hand-checked plans/data/qingdao_2025.json (actuals and the
percents the seed states); the report recomputes them from the ledger, never copies them.
"""

import json
import re
from datetime import date
from decimal import Decimal

import pytest

from minsheng.core.chinese_numbers import format_percent, format_quantity
from minsheng.plans.demo import DEMO_PLAN_PATH
from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format, generate

GOLD = json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8"))
YEAR_END = date(2025, 12, 31)


def project_sections(markdown: str) -> dict[int, str]:
    """Each "## 第N件：…" section of the Markdown, by project number."""
    parts = re.split(r"^## 第(\d+)件：", markdown, flags=re.MULTILINE)
    return {int(number): text for number, text in zip(parts[1::2], parts[2::2], strict=True)}


def gold_figures(project: dict) -> list[str]:
    """Every figure the seed's paragraph states for a project, as the report must print it."""
    figures = []
    for indicator in project["indicators"]:
        actual = Decimal(str(indicator["actual"]))
        figures.append(format_quantity(actual, indicator["unit"]))
        if indicator.get("stated_percent") is not None:
            stated = Decimal(str(indicator["stated_percent"]))
            figures.append(
                f"{format_quantity(actual, indicator['unit'])}，占年计划的{format_percent(stated)}"
            )
    figures += [
        milestone["name"] for milestone in project.get("milestones", []) if milestone["done"]
    ]
    figures += ["■" + item["caption"] for item in project.get("evidence", [])]
    return figures


@pytest.fixture
def press_markdown(demo_plan):
    output = generate(
        demo_plan, kind=Kind.YEAR_END, fmt=Format.MARKDOWN, style=Style.PRESS, as_of=YEAR_END
    )
    return output.content.decode("utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize("project", GOLD["projects"], ids=lambda p: f"第{p['number']}件")
def test_every_figure_of_the_seed_paragraph_is_in_the_generated_report(press_markdown, project):
    section = project_sections(press_markdown)[project["number"]]
    missing = [figure for figure in gold_figures(project) if figure not in section]
    assert missing == []


def test_the_gold_holds_all_seventeen_stated_percents():
    stated = [
        i for p in GOLD["projects"] for i in p["indicators"] if i.get("stated_percent") is not None
    ]
    assert len(stated) == 17


@pytest.mark.django_db
def test_the_report_lists_the_fifteen_projects_in_order(press_markdown):
    assert list(project_sections(press_markdown)) == list(range(1, 16))


@pytest.mark.django_db
def test_the_headline_and_lead_are_computed_from_the_demo(press_markdown):
    assert press_markdown.startswith("# 年终捷报：15件市办实事全部办妥\n")
    assert "15件市办实事均已顺利实现年度目标，其中12件超额完成。" in press_markdown
    assert "49项量化指标中，28项超额完成，21项如期完成；8个节点任务全部完成。" in press_markdown


@pytest.mark.django_db
def test_each_project_names_its_responsible_departments(press_markdown):
    sections = project_sections(press_markdown)
    assert "（责任单位：市人力资源社会保障局、市总工会）" in sections[1]
    assert (
        "（责任单位：市城市管理局、市住房城乡建设局、市水务管理局、市通信管理局）" in sections[14]
    )


@pytest.mark.django_db
def test_lowered_standards_read_lowered_to(press_markdown):
    section = project_sections(press_markdown)[10]
    assert "三级定点医院门诊慢特病和住院起付标准降至800元" in section
    assert "参保职工大额医疗费用补助起付标准降至1.2万元" in section
