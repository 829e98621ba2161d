"""Sections 一、二、… whose sub-items 1. 2. … are numbered again from 1 in each section: every
sub-item is read, with the result written after it. Short documents written here in the style
of a monthly progress table of 行动 and their 指标 (the real texts are measured by
scripts/measure-ingest)."""

from decimal import Decimal

from minsheng.ingest.parser import parse_text
from minsheng.ingest.parser.document import ParsedDocument

HEAD = "临江区2024年6月份暖民生行动进展情况表\n区县 项目名称 年度目标任务 完成进度\n"


def targets(document: ParsedDocument) -> list[tuple[Decimal, str]]:
    return [(i.target.value, i.target.unit) for p in document.projects for i in p.indicators]


def answered(document: ParsedDocument) -> list[tuple[Decimal, Decimal | None, Decimal | None]]:
    return [
        (i.target.value, i.actual, i.stated_percent)
        for p in document.projects
        for i in p.indicators
    ]


def test_every_sub_item_is_read_when_the_count_starts_again_in_each_section() -> None:
    document = parse_text(
        HEAD
        + "一、就业帮扶行动\n"
        + "1.新增城镇就业岗位1200个\n"
        + "2.开发公益性岗位260个\n"
        + "二、养老服务行动\n"
        + "1.新增社区养老服务站8个\n"
        + "2.改造特困人员供养床位150张\n"
    )
    assert targets(document) == [
        (Decimal(1200), "个"),
        (Decimal(260), "个"),
        (Decimal(8), "个"),
        (Decimal(150), "张"),
    ]


def test_a_mark_before_the_sub_item_number_is_no_obstacle() -> None:
    document = parse_text(
        HEAD
        + "一、就业帮扶行动\n"
        + "*1.新增城镇就业岗位1200个\n"
        + "★2.开发公益性岗位260个\n"
        + "二、养老服务行动\n"
        + "△1.新增社区养老服务站8个\n"
        + "2.改造特困人员供养床位150张\n"
    )
    assert len(targets(document)) == 4


def test_the_first_sub_item_on_its_sections_own_line_is_read() -> None:
    document = parse_text(
        HEAD
        + "一、助餐服务行动(2项指标) *1.新增老年助餐点12个\n"
        + "*2.新增农村老年食堂30个\n"
        + "二、托育服务行动(1项指标) *1.新增普惠托位400个\n"
    )
    assert targets(document) == [(Decimal(12), "个"), (Decimal(30), "个"), (Decimal(400), "个")]


def test_the_result_after_a_sub_items_target_on_its_line_answers_that_target() -> None:
    document = parse_text(
        HEAD
        + "一、就业帮扶行动\n"
        + "1.新增城镇就业岗位1200个 完成630个,完成率52.5%\n"
        + "2.开发公益性岗位260个 完成312个,完成率120%\n"
        + "二、养老服务行动\n"
        + "1.新增社区养老服务站8个 完成2个,完成率25%\n"
        + "2.改造特困人员供养床位150张 完成0张,完成率0%\n"
    )
    assert answered(document) == [
        (Decimal(1200), Decimal(630), Decimal("52.5")),
        (Decimal(260), Decimal(312), Decimal(120)),
        (Decimal(8), Decimal(2), Decimal(25)),
        (Decimal(150), Decimal(0), Decimal(0)),
    ]


def test_a_sub_item_whose_figure_follows_its_number_directly_is_still_a_sub_item() -> None:
    document = parse_text(
        HEAD
        + "一、住房保障行动\n"
        + "1.新开工保障性住房300套\n"
        + "2.50个老旧小区改造提升\n"
        + "二、便民出行行动\n"
        + "1.新增公共停车位900个\n"
        + "2.新建充电桩120个\n"
    )
    assert [p.title for p in document.projects][:2] == [
        "新开工保障性住房300套",
        "50个老旧小区改造提升",
    ]


def test_the_section_heading_is_not_read_as_a_project() -> None:
    document = parse_text(
        HEAD
        + "一、就业帮扶行动\n"
        + "(2项指标)\n"
        + "1.新增城镇就业岗位1200个\n"
        + "2.开发公益性岗位260个\n"
        + "二、养老服务行动\n"
        + "(2项指标)\n"
        + "1.新增社区养老服务站8个\n"
        + "2.改造特困人员供养床位150张\n"
    )
    assert [p.title for p in document.projects] == [
        "新增城镇就业岗位1200个",
        "开发公益性岗位260个",
        "新增社区养老服务站8个",
        "改造特困人员供养床位150张",
    ]


def test_departments_named_on_a_section_heading_go_to_each_of_its_sub_items() -> None:
    document = parse_text(
        HEAD
        + "一、就业帮扶行动（责任单位：区人社局）\n"
        + "1.新增城镇就业岗位1200个\n"
        + "2.开发公益性岗位260个\n"
        + "二、养老服务行动（责任单位：区民政局）\n"
        + "1.新增社区养老服务站8个\n"
        + "2.改造特困人员供养床位150张\n"
    )
    assert [[name for name, _role in p.item.departments] for p in document.projects] == [
        ["区人社局"],
        ["区人社局"],
        ["区民政局"],
        ["区民政局"],
    ]


def test_a_department_line_after_a_sections_last_sub_item_belongs_to_the_whole_section() -> None:
    document = parse_text(
        HEAD
        + "一、就业帮扶行动\n"
        + "1.新增城镇就业岗位1200个\n"
        + "2.开发公益性岗位260个\n"
        + "责任单位：区人社局\n"
        + "二、养老服务行动\n"
        + "1.新增社区养老服务站8个\n"
        + "2.改造特困人员供养床位150张\n"
        + "责任单位：区民政局\n"
    )
    assert [[name for name, _role in p.item.departments] for p in document.projects] == [
        ["区人社局"],
        ["区人社局"],
        ["区民政局"],
        ["区民政局"],
    ]


def test_items_counted_on_across_sections_stay_one_list() -> None:
    document = parse_text(
        "临江区2024年民生实事项目\n"
        + "一、教育\n"
        + "1.新建幼儿园3所\n"
        + "2.改扩建中小学5所\n"
        + "二、卫生\n"
        + "3.新建村卫生室12个\n"
    )
    assert [p.item.number for p in document.projects] == [1, 2, 3]


def test_a_section_behind_the_place_cell_of_a_pasted_table_row_opens_a_section() -> None:
    document = parse_text(
        HEAD
        + "临江区 一、就业帮扶行动\n"
        + "*1.新增城镇就业岗位1200个 完成630个,完成率52.5%\n"
        + "2.开发公益性岗位260个 完成312个,完成率120%\n"
        + "二、养老服务行动(2项指标) *1.新增社区养老服务站8个 完成2个,完成率25%\n"
        + "*2.改造特困人员供养床位150张 完成0张,完成率0%\n"
    )
    assert [p.title for p in document.projects] == [
        "新增城镇就业岗位1200个",
        "开发公益性岗位260个",
        "新增社区养老服务站8个",
        "改造特困人员供养床位150张",
    ]


def test_a_labelled_result_on_the_line_below_a_sub_item_answers_it() -> None:
    document = parse_text(
        HEAD
        + "一、就业帮扶行动\n"
        + "1.新增城镇就业岗位1200个\n"
        + "完成情况：新增城镇就业岗位630个\n"
        + "2.开发公益性岗位260个\n"
        + "完成情况：开发公益性岗位312个\n"
        + "二、养老服务行动\n"
        + "1.新增社区养老服务站8个\n"
        + "完成情况：新增社区养老服务站2个\n"
        + "2.改造特困人员供养床位150张\n"
        + "完成情况：改造特困人员供养床位40张\n"
    )
    assert [(t, a) for t, a, _s in answered(document)] == [
        (Decimal(1200), Decimal(630)),
        (Decimal(260), Decimal(312)),
        (Decimal(8), Decimal(2)),
        (Decimal(150), Decimal(40)),
    ]


def test_sub_items_that_start_again_under_bracketed_sections_are_each_read() -> None:
    document = parse_text(
        "临江区2024年民生实事项目\n"
        + "（一）就业帮扶\n"
        + "1.新增城镇就业岗位1200个\n"
        + "2.开发公益性岗位260个\n"
        + "（二）养老服务\n"
        + "1.新增社区养老服务站8个\n"
        + "2.改造特困人员供养床位150张\n"
    )
    assert len(document.projects) == 4


def test_a_count_that_starts_again_under_a_level_between_keeps_the_sections_as_projects() -> None:
    document = parse_text(
        "临江区2024年民生实事项目\n"
        + "一、民生保障\n"
        + "（一）就业帮扶\n"
        + "1.新增城镇就业岗位1200个\n"
        + "2.开发公益性岗位260个\n"
        + "（二）养老服务\n"
        + "1.新增社区养老服务站8个\n"
        + "二、城市建设\n"
        + "（一）便民出行\n"
        + "1.新增公共停车位900个\n"
        + "2.新建充电桩120个\n"
    )
    assert len(document.projects) == 2
