"""Figures that count the programme itself (its items in 项), not promises of its work."""

from decimal import Decimal

import pytest

from minsheng.ingest.parser import parse_text

HEAD = "青岛市2025年市办实事\n\n"


def targets(body: str) -> list[tuple[object, str]]:
    plan = parse_text(HEAD + body).to_interchange()
    return [
        (i["target"], i["unit"]) for p in plan["projects"] for i in p["indicators"] if i["target"]
    ]


def test_a_count_of_items_in_xiang_is_no_target() -> None:
    body = "一、改善住房\n今年共安排12项工作，其中5项已完成，新建保障房800套。"
    assert targets(body) == [(800, "套")]


def test_a_bound_count_in_xiang_is_a_target() -> None:
    body = "一、推广适宜技术\n每个乡镇推广适宜技术不少于3项。"
    assert targets(body) == [(3, "项")]


def test_new_services_counted_in_xiang_are_a_target() -> None:
    body = "一、便民服务\n新增“掌上办”事项150项。"
    assert targets(body) == [(150, "项")]


def test_items_in_xiang_set_against_their_own_plan_are_a_result() -> None:
    body = (
        "第1件：优化助残服务，实现15个惠残事项“一次办”。\n"
        "完成情况：惠残事项“一次办”15项，占年计划的100%。"
    )
    plan = parse_text(HEAD + body).to_interchange()
    found = [(i["target"], i["actual"]) for p in plan["projects"] for i in p["indicators"]]
    assert found == [(15, 15)]


def test_a_count_in_ge_of_the_lists_items_is_no_target() -> None:
    body = "一、学校建设\n代表们投票选定了十个民生实事项目，新建幼儿园3所。"
    assert targets(body) == [(3, "所")]


def test_the_list_named_before_its_count_in_jian_is_no_target() -> None:
    body = "一、改善住房\n县定民生大事20件，新建保障房800套。"
    assert targets(body) == [(800, "套")]


def test_a_count_in_jian_followed_by_its_pace_is_no_target() -> None:
    body = "一、改善住房\n其中9件正在推进，新建保障房800套。"
    assert targets(body) == [(800, "套")]


def test_a_key_list_counted_in_jian_is_no_target() -> None:
    body = "一、改善住房\n今年的12件重点民生实事，新建保障房800套。"
    assert targets(body) == [(800, "套")]


def test_the_offices_doing_the_work_are_no_target() -> None:
    body = "一、改善住房\n共有25家单位参与，新建保障房800套。"
    assert targets(body) == [(800, "套")]


def test_a_rate_already_reached_is_no_target() -> None:
    body = "一、医疗保障\n困难群众参保率已达98.5%，新建卫生室12个。"
    assert targets(body) == [(12, "个")]


def test_the_rate_at_which_funds_are_paid_is_no_target() -> None:
    body = "一、改善住房\n补助资金拨付率100%，新建保障房800套。"
    assert targets(body) == [(800, "套")]


def test_the_width_of_a_road_is_no_second_target() -> None:
    body = "一、道路改造\n新建滨河路，全长800米、宽24米。"
    assert targets(body) == [(800, "米")]


def test_a_range_written_with_its_unit_twice_is_one_target() -> None:
    body = "一、技能培训\n培训农村电商人才300人至400人。"
    assert targets(body) == [(300, "人")]


def test_the_daily_capacity_of_a_facility_is_no_target() -> None:
    body = "一、垃圾处理\n建成2座日处理300吨的垃圾转运站。"
    assert targets(body) == [(2, "座")]


def test_projects_counted_by_pace_and_their_share_are_no_targets() -> None:
    body = (
        "一是已完成或达到时序进度（91.67%）以上的项目25个，占比达62.5%。\n"
        "二是有一定进度的实事项目11个，占比27.5%。\n"
    )
    assert targets(body) == []


def test_the_lists_projects_counted_with_a_qualifier_are_no_target() -> None:
    body = "一、总体情况\n今年共办理30件40个重点民生实事项目，新建口袋公园12个。"
    assert targets(body) == [(12, "个")]


def test_a_share_of_the_work_itself_is_still_a_target() -> None:
    body = "一、绿色建筑\n新建绿色建筑占比达到70%。"
    assert targets(body) == [(70, "%")]


def test_a_report_counting_its_list_by_stage_gives_no_indicator() -> None:
    body = (
        "截至10月31日，50件民生实事已完成20件，完成率40%；"
        "已开工事项50件（含政策类），开工率达100%；新建口袋公园12个，完成率100%；"
        "新增托位300个，完成率75%。"
    )
    plan = parse_text("临江县2025年民生实事进展情况\n" + body, jurisdiction="临江县")
    results = [(r.actual.value, r.stated_percent) for p in plan.projects for r in p.results]
    assert [(int(value), int(rate)) for value, rate in results] == [(12, 100), (300, 75)]


def test_a_county_note_counting_its_lists_by_pace_keeps_only_its_funds() -> None:
    document = parse_text(
        "今年1至6月，临江县20件民生大事，已完成3件，其余17件按进度推进中。"
        "承担的15件市定民生大事已完成3件，其余12件按进度推进中。"
        "1-6月，民生工程资金到位4978.82万元，预算执行进度47.06%。",
        jurisdiction="临江县",
        year=2025,
    )
    results = [(r.actual.value, r.stated_percent) for p in document.projects for r in p.results]
    assert results == [(Decimal("4978.82"), Decimal("47.06"))]
    assert [i for p in document.projects for i in p.indicators] == []


def test_the_deputies_who_vote_are_no_target() -> None:
    body = "一、票决\n到会的174名人大代表对10个候选项目进行票决，新建公园8个。"
    assert targets(body) == [(8, "个")]


@pytest.mark.parametrize(
    "sentence",
    [
        "今年继续开展为民办实事工作，将实施39个具体项目，新建保障房800套。",
        "去年实施36个为民办实事项目，今年新建保障房800套。",
        "36个重点民生项目实现新开工建设，新建保障房800套。",
    ],
)
def test_the_lists_projects_named_by_whom_they_serve_or_as_specific_are_no_target(
    sentence: str,
) -> None:
    assert targets("一、改善住房\n" + sentence) == [(800, "套")]


def test_the_programmes_projects_counted_in_all_and_by_stage_are_no_figures_of_a_report() -> None:
    document = parse_text(
        "临江县2015年重点民生项目进展\n全年计划实施重点民生项目共46个，计划投资8.37亿元。"
        "截至目前，已开工项目45个，开工率98%；累计新建公租房300套，改造农村公路20公里。\n",
        jurisdiction="临江县",
    )
    figures = [r.actual.value for p in document.projects for r in p.results if r.actual]
    figures += [i.target.value for p in document.projects for i in p.indicators]
    assert 46 not in figures and 45 not in figures


def test_one_more_project_begun_is_a_result_of_a_report() -> None:
    document = parse_text(
        "临江县2015年民生工程进展\n截至9月底，中小河流治理新开工项目1个，开工率100%；"
        "累计新建公租房300套。\n",
        jurisdiction="临江县",
    )
    assert 1 in [r.actual.value for p in document.projects for r in p.results if r.actual]
