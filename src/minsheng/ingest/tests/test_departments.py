"""Departments a document names: 责任单位 fields and lists in prose (parser/departments.py)."""

from minsheng.ingest.parser import parse_text
from minsheng.ingest.parser.departments import prose_departments


def named(document) -> list[tuple[str, str]]:
    return [pair for project in document.projects for pair in project.item.departments]


def in_prose(sentence: str) -> list[tuple[str, str]]:
    return prose_departments(sentence, 0, len(sentence))


def test_a_list_closed_by_its_role_names_every_department_of_it() -> None:
    assert in_prose(
        "会上，区发改委、区教育局、人力资源和社会保障局、区残联等10件实事牵头单位汇报"
    ) == [
        ("区发改委", "lead"),
        ("区教育局", "co"),
        ("人力资源和社会保障局", "co"),
        ("区残联", "co"),
    ]


def test_the_department_a_sentence_puts_in_the_lead_is_the_lead() -> None:
    assert in_prose("该项目由区民政局牵头，区财政局配合。") == [
        ("区民政局", "lead"),
        ("区财政局", "co"),
    ]


def test_every_lead_department_unnamed_is_no_department() -> None:
    assert in_prose("听取各牵头部门关于实事进展的汇报，群众牵头组织") == []


def test_a_field_labelled_with_bumen_is_cut_from_the_item_and_read() -> None:
    document = parse_text(
        "临江区2025年民生实事进度通报\n"
        "1、农村道路畅通工程，牵头部门：区交通局。新改建农村公路30公里。\n"
        "2、农村饮水安全工程，牵头部门：区水利局。巩固提升供水人口5000人。\n"
    )
    assert named(document) == [("区交通局", "lead"), ("区水利局", "lead")]


def test_a_report_without_a_list_names_its_departments_from_the_whole_text() -> None:
    document = parse_text(
        "临江区2025年为民办实事进展情况\n"
        "截至10月底，新建口袋公园12个，已完成年度计划的120%；新增停车位800个，已完成80%。\n"
        "会上，区城管局、区住建局等实事牵头单位逐一汇报。\n"
    )
    assert {name for name, _role in named(document)} == {"区城管局", "区住建局"}


def test_a_field_labelled_zhuban_names_the_lead_departments() -> None:
    document = parse_text(
        "临江省2016年十大惠民实事\n"
        "一、实施农村公路建设，完成1.2万公里建制村通硬化路建设任务。\n"
        "主办单位：省交通运输厅、省扶贫办\n"
        "二、推进旅游厕所建设，全年建设、改造旅游厕所500座。\n"
        "主办单位：省旅游发展委\n"
    )
    assert named(document) == [
        ("省交通运输厅", "lead"),
        ("省扶贫办", "co"),
        ("省旅游发展委", "lead"),
    ]
