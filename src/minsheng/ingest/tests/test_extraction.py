"""Items, departments, targets, comparators and matching, on short documents."""

from decimal import Decimal

import pytest

from minsheng.ingest.parser import IngestError, parse_text

HEAD = "青岛市2025年市办实事\n\n"


def parse(body: str) -> object:
    return parse_text(HEAD + body)


def indicators(body: str) -> list[dict[str, object]]:
    plan = parse_text(HEAD + body).to_interchange()
    return [i for p in plan["projects"] for i in p["indicators"]]


def test_items_numbered_jian_are_projects() -> None:
    document = parse("第1件：扩大就业，新增就业5万人。\n第2件：改善住房，筹集住房1000套。")
    assert [p.item.number for p in document.projects] == [1, 2]


def test_items_numbered_yi_with_title_lines() -> None:
    document = parse("一、扩大就业\n新增就业5万人。\n\n二、改善住房\n筹集住房1000套。")
    assert [p.title for p in document.projects] == ["扩大就业", "改善住房"]


def test_items_numbered_in_brackets() -> None:
    document = parse("（一）扩大就业，新增就业5万人。\n（二）改善住房，筹集住房1000套。")
    assert len(document.projects) == 2


def test_items_numbered_with_arabic_digits() -> None:
    document = parse("1. 扩大就业，新增就业5万人。\n2. 改善住房，筹集住房1000套。")
    assert len(document.projects) == 2


def test_items_numbered_yi_shi_inside_a_paragraph() -> None:
    document = parse("重点办好：一是扩大就业，新增就业5万人。二是改善住房，筹集住房1000套。")
    assert [p.title for p in document.projects] == ["扩大就业", "改善住房"]


def test_tab_table_rows_are_projects() -> None:
    document = parse(
        "序号\t项目名称\t目标任务\t牵头单位\n1\t口袋公园\t新建口袋公园20个\t市园林局\n"
        "2\t停车位\t新增停车位1万个\t市住建局\n"
    )
    assert [p.title for p in document.projects] == ["口袋公园", "停车位"]
    assert document.projects[1].item.departments == [("市住建局", "lead")]


def test_captions_are_evidence_never_projects() -> None:
    document = parse(
        "第1件：建设公园，完成口袋公园50个。\n■小麦岛公园成为市民休闲好去处。\n"
        "第2件：扩大就业，新增就业5万人。"
    )
    assert len(document.projects) == 2
    plan = document.to_interchange()
    assert plan["projects"][0]["evidence"] == [{"caption": "小麦岛公园成为市民休闲好去处。"}]


def test_a_caption_goes_to_the_project_it_speaks_of() -> None:
    document = parse(
        "第1件：建设公园，完成口袋公园50个。\n第2件：扩大就业，新增就业5万人。\n"
        "■口袋公园成为市民休闲好去处。"
    )
    assert document.to_interchange()["projects"][0]["evidence"]


def test_departments_in_brackets_lead_first() -> None:
    document = parse("第1件：扩大就业，新增就业5万人。（责任单位：市人社局、市总工会）")
    assert document.projects[0].item.departments == [("市人社局", "lead"), ("市总工会", "co")]


def test_departments_run_together_as_fields() -> None:
    document = parse(
        "第1件：扩大就业，新增就业5万人。牵头领导：张三；牵头单位：市人社局；配合单位：市财政局、市教育局"
    )
    assert document.projects[0].item.departments == [
        ("市人社局", "lead"),
        ("市财政局", "co"),
        ("市教育局", "co"),
    ]


def test_department_marked_lead_in_brackets() -> None:
    document = parse("第1件：扩大就业，新增就业5万人。（责任单位：市财政局、市人社局（牵头））")
    assert ("市人社局", "lead") in document.projects[0].item.departments


def test_departments_are_not_part_of_the_description() -> None:
    document = parse("第1件：扩大就业，新增就业5万人。（责任单位：市人社局）")
    assert "责任单位" not in document.projects[0].description


def test_completion_paragraph_belongs_to_its_project() -> None:
    document = parse(
        "第1件：扩大就业，新增就业5万人。\n完成情况：新增就业5.2万人，占年计划的104%。\n"
        "第2件：改善住房，筹集住房1000套。\n完成情况：筹集住房1100套。"
    )
    assert [i.actual for p in document.projects for i in p.indicators] == [
        Decimal(52000),
        Decimal(1100),
    ]


@pytest.mark.parametrize(
    ("phrase", "comparator"),
    [
        ("新增就业5万人以上", "gte"),
        ("新增就业不少于5万人", "gte"),
        ("签约率不低于90%", "gte"),
        ("新增就业超5万人", "gte"),
        ("新增就业5万余人", "gte"),
        ("参保人数达到20万人", "gte"),
        ("起付标准降至800元", "lte"),
        ("个人负担不超过20%", "lte"),
        ("费用控制在800元以内", "lte"),
        ("新增就业5万人", "gte"),
    ],
)
def test_comparators(phrase: str, comparator: str) -> None:
    [indicator] = indicators(f"第1件：项目，{phrase}。")
    assert indicator["comparator"] == comparator


def test_from_to_gives_target_and_baseline() -> None:
    [indicator] = indicators("第1件：项目，健康管理率从77%提高到80%。")
    assert (indicator["target"], indicator["baseline"]) == (80, 77)


def test_eligibility_threshold_is_not_a_target() -> None:
    result = indicators("第1件：项目，为人均月收入低于1200元的家庭发放补贴100户。")
    assert [(i["target"], i["unit"]) for i in result] == [(100, "户")]


def test_ages_below_are_not_targets() -> None:
    result = indicators("第1件：项目，新增3岁以下婴幼儿托位4000个以上。")
    assert [(i["target"], i["unit"]) for i in result] == [(4000, "个")]


def test_scope_is_not_a_target() -> None:
    result = indicators("第1件：项目，在16家农贸市场开展快速检测抽检14万批次以上。")
    assert [(i["target"], i["unit"]) for i in result] == [(140000, "批次")]


def test_actuals_match_by_key_words_not_order() -> None:
    result = indicators(
        "第1件：项目，新增公共停车位1万个以上；新能源汽车充电桩2.5万个以上。\n"
        "完成情况：新能源汽车充电桩3.58万个、新增公共停车位1.34万个。"
    )
    assert [(i["target"], i["actual"]) for i in result] == [(10000, 13400), (25000, 35800)]


def test_number_first_phrases_match() -> None:
    result = indicators(
        "第1件：项目，打造样板小区50个，整治问题小区40个。\n"
        "完成情况：41个整治问题小区、52个样板小区已全部完成。"
    )
    assert [(i["target"], i["actual"]) for i in result] == [(50, 52), (40, 41)]


def test_parts_confirmed_by_the_claim_are_summed() -> None:
    [indicator] = indicators(
        "第1件：项目，推动开工和续建完工中小学20所。\n"
        "完成情况：推动3所学校开工，17所学校续建完工，占年计划的100%。"
    )
    assert indicator["actual"] == 20


def test_parts_after_qizhong_are_not_actuals() -> None:
    document = parse(
        "第1件：项目，新建管网170公里以上。\n"
        "完成情况：新建管网186.2公里，其中供水管网39.2公里，供热管网79公里，供气管网68公里。"
    )
    assert document.projects[0].indicators[0].actual == Decimal("186.2")
    assert document.checks.parts_sums_agree == 1
    assert not document.findings


def test_targets_inside_report_sentences() -> None:
    [indicator] = indicators("第1件：幼儿园。新建幼儿园45所，超额完成40所的年度目标任务。")
    assert (indicator["target"], indicator["actual"]) == (40, 45)


def test_no_items_is_an_error() -> None:
    with pytest.raises(IngestError) as raised:
        parse_text("青岛市2025年。这是一段没有编号的文字。")
    assert raised.value.code == "no_items"


def test_missing_year_asks_for_it() -> None:
    with pytest.raises(IngestError) as raised:
        parse_text("青岛市市办实事\n第1件：扩大就业，新增就业5万人。")
    assert raised.value.code == "no_year"


def test_missing_jurisdiction_asks_for_it() -> None:
    with pytest.raises(IngestError) as raised:
        parse_text("2025年实事\n第1件：扩大就业，新增就业5万人。")
    assert raised.value.code == "no_jurisdiction"


def test_given_year_and_jurisdiction_are_used() -> None:
    document = parse_text(
        "实事\n第1件：扩大就业，新增就业5万人。", jurisdiction="青岛市", year=2025
    )
    assert (document.jurisdiction, document.year) == ("青岛市", 2025)


def test_a_target_in_attendances_is_answered_by_persons() -> None:
    [indicator] = indicators("第1件：培训，开展农民工技能培训4300人次。\n完成情况：完成1429人。")
    assert (indicator["target"], indicator["unit"], indicator["actual"]) == (4300, "人次", 1429)
