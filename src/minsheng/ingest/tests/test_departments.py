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


NOTICE = (
    "临江区2024年民生实事项目\n"
    "一、老旧小区改造项目\n"
    "牵头单位:区城管执法局\n"
    "责任单位:莲塘镇任务目标:2024年计划改造老旧小区10万平方米。\n"
    "二、城市供水提升项目\n"
    "牵头单位:区城投集团\n"
    "责任单位:区水务公司、属地乡镇\n"
    "任务目标:新建供水管网12公里。\n"
)


def test_the_names_of_a_field_end_where_the_next_field_runs_on() -> None:
    assert named(parse_text(NOTICE))[:2] == [("区城管执法局", "lead"), ("莲塘镇", "co")]


def test_the_townships_concerned_are_no_department() -> None:
    assert ("属地乡镇", "co") not in named(parse_text(NOTICE))


def test_a_deadline_or_a_figure_is_no_department() -> None:
    # one cell a line, the later rows without the merged cells: cells slide into 牵头单位
    rows = [
        "序号 重点工作任务 牵头单位 负责科室 负责人 计划完成时间 进展情况",
        "1 新增老年食堂15个 区民政局 养老服务科 何滢 11月底前 其中东街1个。",
        "2 新增认知障碍照护专区床位100张 10月底前 目前已完成选址。",
        "3 建成启用区级老年活动中心 目前正在进行装修。",
        "4 新增养老机构护理型床位500张 目前已完成500张护理型床位建设。",
    ]
    table = "\n".join(cell for row in rows for cell in row.split())
    names = [name for name, _role in named(parse_text("临江区2024年民生实事\n" + table))]
    assert not [name for name in names if "月" in name or "张" in name]


def test_the_governments_of_ten_counties_are_a_department() -> None:
    field = "临江区2024年民生实事\n1.新增就业1.39万人(牵头部门:州人社局;责任单位:10县市人民政府)\n"
    assert ("10县市人民政府", "co") in named(parse_text(field))


def test_every_office_of_a_kind_is_no_department() -> None:
    field = (
        "临江区2024年民生实事\n1.新建公厕12座(牵头单位:区城管局;责任单位:各县（市）区人民政府)\n"
    )
    assert named(parse_text(field)) == [("区城管局", "lead")]
