"""Styles of other governments' documents, each pinned by a short document written here.

The real documents these styles come from are measured by scripts/measure-ingest against the
gold in src/minsheng/ingest/corpus/gold; their text is not kept in the repository.
"""

from decimal import Decimal

from minsheng.ingest.parser import parse_bytes, parse_text
from minsheng.ingest.parser.extract import UNSURE

HEAD = "临江区2025年民生实事完成情况\n"


def targets(document) -> list[tuple[Decimal, str]]:
    return [(i.target.value, i.target.unit) for p in document.projects for i in p.indicators]


def kinds(document) -> list[str]:
    return [finding.kind for finding in document.findings]


def test_a_pipe_table_whose_header_has_spaces_inside_the_words() -> None:
    document = parse_text(
        HEAD
        + "| 序 号 | 项 目 名 称 | 目 标 任 务 | 责 任 单 位 |\n"
        + "| 1 | 口袋公园 | 新建口袋公园20个 | 区城市管理局 |\n"
        + "| 2 | 充电设施 | 新增充电桩500个 | 区发展改革局 |\n"
    )
    assert targets(document) == [(Decimal(20), "个"), (Decimal(500), "个")]


def test_a_continuation_row_without_a_number_joins_the_item_above() -> None:
    document = parse_text(
        "2024年临江区为民办实事项目完成情况\n"
        "序号 | 实事项目名称 | 完成情况 | 占全年计划 |\n"
        "1 | 新增400张养老床位 | 438 | 110% |\n"
        "新增80张护理床位 | 81 | 101% | |\n"
        "2 | 新增30个长者食堂 | 39 | 130% |\n"
    )
    first = document.projects[0].indicators
    assert [(i.target.value, i.actual, i.stated_percent) for i in first] == [
        (Decimal(400), Decimal(438), Decimal(110)),
        (Decimal(80), Decimal(81), Decimal(101)),
    ]


def test_a_bare_figure_in_a_table_cell_takes_its_rows_unit_and_is_checked() -> None:
    document = parse_text(
        "2024年临江区为民办实事项目完成情况\n"
        "序号 | 实事项目名称 | 完成情况 | 占全年计划 |\n"
        "1 | 新增400张养老床位 | 438 | 150% |\n"
        "2 | 新增30个长者食堂 | 39 | 130% |\n"
    )
    assert kinds(document) == ["percent_mismatch"]


def test_items_closed_by_an_overall_rate_are_results_without_a_target() -> None:
    document = parse_text(
        HEAD + "1.口袋公园。新建口袋公园12个，整体完成率120%。\n"
        "2.老旧小区。改造老旧小区36个，整体完成率100%。\n"
    )
    results = document.results_dicts()
    assert [(r["actual"], r["unit"], r["stated_percent"]) for r in results] == [
        (12, "个", 120),
        (36, "个", 100),
    ]
    assert targets(document) == []


def test_a_report_with_no_list_gives_its_targets_and_results() -> None:
    document = parse_text(
        "临江区9月份民生实事进展情况\n"
        "截至9月底，15个农村幸福院建设已完成8个（53%），126条黑臭水体治理已完成120条（95%）。"
        "为困难残疾人提供康复救助2539名，完成率100.27%；资助困难学生18710名，完成率115%。",
        year=2025,
        jurisdiction="临江区",
    )
    indicators = document.projects[0].indicators
    assert [(i.target.value, i.actual, i.stated_percent) for i in indicators] == [
        (Decimal(15), Decimal(8), Decimal(53)),
        (Decimal(126), Decimal(120), Decimal(95)),
    ]
    assert [(r["actual"], r["stated_percent"]) for r in document.results_dicts()] == [
        (2539, 100.27),
        (18710, 115),
    ]


def test_a_forecast_of_completion_is_not_a_claim() -> None:
    document = parse_text(
        "临江区9月份民生实事进展情况\n"
        "15个农村幸福院建设已完成8个（53%），4个文化空间建设已完成2个（50%），"
        "这2项预计10月底前全部完成。",
        year=2025,
        jurisdiction="临江区",
    )
    assert "claim_falls_short" not in kinds(document)


def test_the_target_of_a_surpassed_task_is_named_by_what_was_done() -> None:
    document = parse_text(
        HEAD + "1.城市书房。全年建成城市书房42个，超额完成40个的年度目标任务。\n"
        "2.口袋公园。新建口袋公园12个，完成12个的年度目标任务。\n"
    )
    indicator = document.projects[0].indicators[0]
    assert (indicator.name, indicator.target.value, indicator.actual) == (
        "城市书房",
        Decimal(40),
        Decimal(42),
    )


def test_a_completion_label_in_the_middle_of_a_line_opens_the_report() -> None:
    document = parse_text(
        HEAD + "1.托育。新增普惠托位400个。完成情况：新增普惠托位502个，完成率达125.5%。\n"
        "2.助餐。新建老年助餐点30处。完成情况：新建老年助餐点30处，完成率100%。\n"
    )
    first = document.projects[0].indicators
    assert [(i.target.value, i.actual, i.stated_percent) for i in first] == [
        (Decimal(400), Decimal(502), Decimal("125.5"))
    ]
    assert "percent_mismatch" not in kinds(document)


def test_a_done_claim_that_falls_short_is_found_in_a_table() -> None:
    document = parse_text(
        HEAD + "| 序号 | 项目名称 | 目标任务 | 完成情况 |\n| --- | --- | --- | --- |\n"
        "| 1 | 口袋公园 | 新建口袋公园20个 | 建成口袋公园18个，已完成任务 |\n"
        "| 2 | 充电桩 | 新增充电桩500个 | 新增充电桩520个 |\n"
    )
    assert kinds(document) == ["claim_falls_short"]


def test_a_list_run_together_in_one_paragraph() -> None:
    document = parse_text(
        "临江县2020年政府工作报告指出，重点抓好民生实事。分别是：(1)新建公共厕所120座、旅游厕所8座。"
        "(2)建成农村生活垃圾处理站5个。(3)新增停车位400个以上。(4)为全县60岁以上老年人免费体检。"
    )
    assert targets(document) == [
        (Decimal(120), "座"),
        (Decimal(8), "座"),
        (Decimal(5), "个"),
        (Decimal(400), "个"),
    ]


def test_a_project_cost_is_not_a_target() -> None:
    document = parse_text(
        "临江县2020年民生实事：(1)加快建设总投资7.58亿元的县医院迁建项目。(2)新建便民市场5处。"
        "(3)新增停车位400个。"
    )
    assert (Decimal("758000000"), "元") not in targets(document)


def test_traditional_characters_are_read_with_spans_on_the_original() -> None:
    text = (
        "青島市2026年重點辦好10件實事\n"
        "1.強化就業服務，推動重點群體就業創業35萬人以上。（責任單位：市人力資源社會保障局、市財政局）\n"
        "2.提升安居水平，改造非直供電小區1萬戶以上。（責任單位：市住房城鄉建設局）\n"
    )
    document = parse_text(text)
    first = document.projects[0]
    target = first.indicators[0].target
    assert text[target.span[0] : target.span[1]] == "35萬人"
    assert target.value == 350000
    assert [name for name, _role in first.item.departments] == ["市人力资源社会保障局", "市财政局"]


def test_pinyin_readings_printed_after_characters_are_dropped() -> None:
    data = "青島市2026年重點辦(bàn)好10件實(shí)事\n1.改造非直供電(diàn)小區(qū)1萬(wàn)戶(hù)以上。\n2.新增公共停車(chē)泊位5000個(gè)以上。\n"
    document = parse_bytes(data.encode("utf-8"))
    assert targets(document) == [(Decimal(10000), "户"), (Decimal(5000), "个")]


def test_district_governments_named_in_every_item_are_not_departments() -> None:
    document = parse_text(
        HEAD + "1.新增停车泊位5000个。（责任单位：区住房城乡建设局、区财政局，各区、市政府）\n"
        "2.新增充电桩400个。（责任单位：区发展改革局，各区（市）政府。以下任务均需落实。）\n"
    )
    names = [name for p in document.projects for name, _role in p.item.departments]
    assert names == ["区住房城乡建设局", "区财政局", "区发展改革局"]


def test_navigation_and_footer_around_the_list_are_left_out() -> None:
    document = parse_text(
        "导航\n我要收藏\n取消收藏\n临江区2025年民生实事\n1.新建口袋公园20个。\n2.新增充电桩500个。\n"
        "扫一扫打开当前页\n网站标识码1234567890 备案号12345678号\n"
    )
    assert targets(document) == [(Decimal(20), "个"), (Decimal(500), "个")]


def test_an_approximate_figure_is_unsure() -> None:
    document = parse_text(HEAD + "1.新建学校16所，新增学位约3.8万个。\n2.新增充电桩500个。\n")
    confidence = {i.target.value: i.confidence for p in document.projects for i in p.indicators}
    assert confidence[Decimal(38000)] < UNSURE <= confidence[Decimal(500)]


def test_the_title_is_the_documents_heading_not_the_sites_navigation() -> None:
    document = parse_text(
        "导航\n我要收藏\n取消收藏\n临江市人民政府关于2026年重点办好10件实事的通知\n"
        "1.新建口袋公园20个。\n2.新增充电桩500个。\n"
    )
    assert document.title == "临江市人民政府关于2026年重点办好10件实事的通知"


def paired(document) -> list[tuple[Decimal, str, Decimal | None, Decimal | None]]:
    return [
        (i.target.value, i.target.unit, i.actual, i.stated_percent)
        for p in document.projects
        for i in p.indicators
    ]


def test_a_figure_said_to_be_in_fact_done_is_the_result_of_the_promise_before_it() -> None:
    document = parse_text(
        "2024年临江区政府工作报告量化指标完成情况\n截至12月底，报告确定的量化指标均已完成。\n"
        "其一是新建公办幼儿园12所。区教育局表示，2024年实际建成公办幼儿园13所。\n"
        "其二是改造老旧小区30个。区住建局表示，实际开工改造老旧小区31个。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert paired(document) == [
        (Decimal(12), "所", Decimal(13), None),
        (Decimal(30), "个", Decimal(31), None),
    ]


def test_a_share_of_a_named_target_gives_the_target_of_the_result_before_it() -> None:
    document = parse_text(
        "临江区交通项目超额完成全年目标任务\n截至8月底，全区已完成农村公路改造52.5公里，"
        "占目标任务数40公里的131.25%；新增城镇就业1.2万人，完成全年1.5万人目标任务的80%。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert paired(document) == [
        (Decimal(40), "公里", Decimal("52.5"), Decimal("131.25")),
        (Decimal(15000), "人", Decimal(12000), Decimal(80)),
    ]


def test_a_surpassed_target_named_after_the_result_takes_that_result() -> None:
    document = parse_text(
        "临江区2024年民生实事全面落实\n垃圾分类工程。全年新建垃圾分类屋35座，"
        "超额完成30座的年度目标任务。\n托育工程。全年新增托位1200个，超额完成1000个的年度目标任务。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert paired(document) == [
        (Decimal(30), "座", Decimal(35), None),
        (Decimal(1000), "个", Decimal(1200), None),
    ]
    assert document.results_dicts() == []


def test_the_plan_a_report_restates_gives_targets_without_results() -> None:
    document = parse_text(
        "临江区2024年民生实事如期完成\n区人代会审议通过的《政府工作报告》，确定实施新增城镇就业"
        "8000人、新建口袋公园12个、改造农村公路60公里等10件民生实事。截至12月底，"
        "10件民生实事全面完成。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert paired(document) == [
        (Decimal(8000), "人", None, None),
        (Decimal(12), "个", None, None),
        (Decimal(60), "公里", None, None),
    ]
    assert document.results_dicts() == []


def test_a_whole_split_by_district_is_not_counted_again() -> None:
    document = parse_text(
        "临江区农村公路超额完成全年任务\n截至9月底，全区已完成农村公路改造52.5公里，"
        "占目标任务数40公里的131.25%；已完成危桥改造12座，占目标任务数10座的120%。"
        "其中，东城区已完成农村公路改造20公里，占目标任务15公里的133.3%。"
        "西山县已完成农村公路改造32.5公里，占目标任务25公里的130%。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert paired(document) == [
        (Decimal(40), "公里", Decimal("52.5"), Decimal("131.25")),
        (Decimal(10), "座", Decimal(12), Decimal(120)),
    ]


def test_a_target_named_in_a_share_claim_is_not_the_result_of_the_figure_before() -> None:
    document = parse_text(
        "临江区民生实事前三季度实施情况\n截至9月底，前三季度全区新增城镇就业2.4万人，"
        "完成全年3万人目标任务的80%；新建口袋公园9个，完成全年12个目标任务的75%。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert paired(document) == [
        (Decimal(30000), "人", Decimal(24000), Decimal(80)),
        (Decimal(12), "个", Decimal(9), Decimal(75)),
    ]


def test_promises_listed_as_a_chain_of_titles_are_read() -> None:
    document = parse_text(
        "关于《临江区2024年为民实事实施方案》的政策解读\n区人代会确定了2024年10件为民实事。\n"
        "《通知》内容主要包括《城镇新增就业3000人以上》《建成幼儿园2所，新增园位600个以上》"
        "《新增城区停车位800个以上》等为民实事方案。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert targets(document) == [
        (Decimal(3000), "人"),
        (Decimal(2), "所"),
        (Decimal(600), "个"),
        (Decimal(800), "个"),
    ]


MONEY_REPORT = (
    "临江区民生工程上半年完成投资2.4亿元\n上半年，全区民生工程共完成投资2.4亿元，占年度计划的60%。\n"
    "1至6月份，全区民生工程共完成投资2.4亿元，完成年度计划的60%。其中：工程类项目完成投资1.5亿元，"
    "比年度计划高5.2个百分点；补助类项目发放补助资金0.6亿元，与年度计划持平；累计拨付资金2.1亿元，"
    "资金拨付率达85%。区级财政下达资金1.2亿元，占预算的102.5%，较2023年0.9亿元增长33%。\n"
)


def money_results() -> list[tuple[float, str, float]]:
    document = parse_text(MONEY_REPORT, year=2024, jurisdiction="临江区")
    return [(r["actual"], r["unit"], r["stated_percent"]) for r in document.results_dicts()]


def test_money_closed_by_its_share_of_plan_or_budget_is_a_result() -> None:
    assert (240000000, "元", 60) in money_results()
    assert (210000000, "元", 85) in money_results()
    assert (120000000, "元", 102.5) in money_results()


def test_money_stated_against_its_plan_in_points_gives_the_share() -> None:
    assert (150000000, "元", 105.2) in money_results()
    assert (60000000, "元", 100) in money_results()


def test_the_base_of_a_comparison_and_a_repeated_lead_are_not_results() -> None:
    assert len(money_results()) == 5


STATUS_REPORT = (
    "临江区上半年民生实事进展\n截至6月底，各项民生实事推进顺利。今年我区计划修建人行天桥8处。"
    "截至6月底，已完成2处，正在建设4处。\n"
    "今年计划新建社区菜店200个，目前已累计新建社区菜店120个，占全年任务的60%。\n"
    "工程类实事包括完成15处老旧小区环境提升，目前已完成16处。\n"
)


def test_a_plan_is_paired_with_the_status_the_next_sentence_reports() -> None:
    document = parse_text(STATUS_REPORT, year=2024, jurisdiction="临江区")
    assert (Decimal(8), "处", Decimal(2), None) in paired(document)


def test_a_clause_is_paired_with_the_status_now_in_the_clause_after() -> None:
    document = parse_text(STATUS_REPORT, year=2024, jurisdiction="临江区")
    assert paired(document)[1:] == [
        (Decimal(200), "个", Decimal(120), Decimal(60)),
        (Decimal(15), "处", Decimal(16), None),
    ]


def test_a_report_item_restating_its_promise_then_reporting_pairs_them() -> None:
    document = parse_text(
        "临江区政府工作报告确定的重点工作上半年完成情况\n截至6月底，报告确定的重点工作进展顺利。\n"
        "1.新建公办幼儿园4所，新增学位1200个。上半年，已建成公办幼儿园3所，新增学位900个。\n"
        "2.改造农村公路50公里。上半年，完成农村公路改造36公里。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert paired(document) == [
        (Decimal(4), "所", Decimal(3), None),
        (Decimal(1200), "个", Decimal(900), None),
        (Decimal(50), "公里", Decimal(36), None),
    ]


def test_a_survey_of_how_the_list_was_carried_out_reports_results() -> None:
    document = parse_text(
        "临江区2024年度民生实事项目实施情况满意度测评\n区人大代表对2024年度区政府民生实事项目实施情况"
        "进行满意度测评。从测评结果来看，新增5家公办托育机构；完成困难群众居家环境改善300户；"
        "新建、改扩建中小学4所等子项的实施情况满意率较高。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert targets(document) == []
    assert [(r["actual"], r["unit"]) for r in document.results_dicts()] == [
        (5, "家"),
        (300, "户"),
        (4, "所"),
    ]


def test_a_share_of_the_years_task_number_is_the_stated_percent() -> None:
    document = parse_text(
        "临江区一季度为民办实事项目稳步推进\n一季度，全区共启动为民办实事项目5个。"
        "解决农村人口饮水不安全人数2400人，完成全年任务数的30%；"
        "帮助28名残疾儿童实施康复训练，已完成任务下达数的40%。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert [(r["actual"], r["stated_percent"]) for r in document.results_dicts()] == [
        (2400, 30),
        (28, 40),
    ]


def test_a_result_found_further_on_does_not_carry_an_earlier_clause_with_it() -> None:
    document = parse_text(
        "2024年重点民生实事上半年进展\n上半年，各项民生实事进展顺利。主要进度如下：\n"
        "农村学生营养餐实现全覆盖（2022—2024年）。上半年，14个区县稳步推进，惠及学生8.2万人，"
        "实现全覆盖。\n"
        "3000公里农村公路安装安全保障设施（2022—2024年）。上半年已完成610公里。\n"
        "500所薄弱学校基本办学条件改善（2022—2024年）。上半年，寄宿制学校实际开工120所。\n",
        year=2024,
        jurisdiction="临江区",
    )
    assert paired(document) == [
        (Decimal(3000), "公里", Decimal(610), None),
        (Decimal(500), "所", Decimal(120), None),
    ]
    assert document.results_dicts() == []
