"""Quantitative promises and results in running text, each rule pinned by a short document
written here in the style of real ones (the real texts are measured by scripts/measure-ingest).
"""

from decimal import Decimal

import pytest

from minsheng.ingest.parser import parse_text
from minsheng.ingest.parser.document import ParsedDocument

PLAN = "临江区2025年民生实事项目\n"


def targets(document: ParsedDocument) -> list[tuple[Decimal, str, str]]:
    return [
        (i.target.value, i.target.unit, i.target.comparator)
        for p in document.projects
        for i in p.indicators
    ]


def pairs(document: ParsedDocument) -> list[tuple[Decimal | None, Decimal | None, str]]:
    """(target, actual, unit) of every indicator, then (None, actual, unit) of every result."""
    found: list[tuple[Decimal | None, Decimal | None, str]] = [
        (i.target.value, i.actual, i.target.unit) for p in document.projects for i in p.indicators
    ]
    found += [
        (None, r.actual.value, r.actual.unit)
        for p in document.projects
        for r in p.results
        if r.actual is not None
    ]
    return found


def rates(document: ParsedDocument) -> list[tuple[Decimal, Decimal | None]]:
    return [
        (r.actual.value, r.stated_percent)
        for p in document.projects
        for r in p.results
        if r.actual is not None
    ]


# --- plans ---------------------------------------------------------------------------------


def test_persons_counted_per_session_and_a_population_without_its_unit() -> None:
    document = parse_text(PLAN + "1.开展职业技能培训800人（次）。\n2.新增农村通自来水人口12万。\n")
    assert targets(document) == [
        (Decimal(800), "人次", "gte"),
        (Decimal(120000), "人", "gte"),
    ]


def test_a_chinese_numeral_before_yuan_that_begins_a_street_name_is_no_amount() -> None:
    document = parse_text(
        PLAN + "1.拓宽三元路（东环路-北环路），新建公交站台12个。\n2.新建公园3个。\n"
    )
    assert targets(document) == [(Decimal(12), "个", "gte"), (Decimal(3), "个", "gte")]


def test_about_a_figure_is_neither_a_floor_nor_a_ceiling() -> None:
    document = parse_text(PLAN + "1.村级就业服务站覆盖率达75%左右。\n2.新建公园3个。\n")
    assert targets(document)[0] == (Decimal(75), "%", "eq")
    assert document.projects[0].indicators[0].name == "村级就业服务站覆盖率"


def test_the_places_a_project_reaches_are_not_its_target() -> None:
    document = parse_text(
        PLAN + "1.硬化村内道路8万平方米，惠及12个乡镇。\n2.改造老旧小区20个，惠及居民6000户。\n"
    )
    assert targets(document) == [
        (Decimal(80000), "平方米", "gte"),
        (Decimal(20), "个", "gte"),
        (Decimal(6000), "户", "gte"),
    ]


def test_a_share_of_the_projects_per_township_is_not_a_target() -> None:
    document = parse_text(
        PLAN
        + "1.新建公园3个。\n2.新增停车位500个。\n"
        + "在办好以上实事的同时，支持乡镇办好群众关心的实事，每个乡镇不少于3件。\n"
    )
    assert targets(document) == [(Decimal(3), "个", "gte"), (Decimal(500), "个", "gte")]


# --- results-only reports --------------------------------------------------------------------

REPORT = "临江区2025年民生实事进展情况\n"


def read(body: str) -> ParsedDocument:
    return parse_text(REPORT + body, year=2025, jurisdiction="临江区")


def test_a_figure_then_already_done_is_a_result() -> None:
    document = read(
        "截至12月底，民生实事进展顺利。新建的8家乡镇卫生院建设已全部完成，并通过验收；"
        "改扩建普通高中12所已全部竣工。"
    )
    assert pairs(document) == [(None, Decimal(8), "家"), (None, Decimal(12), "所")]


def test_a_rate_closes_a_figure_whose_words_run_on_with_commas_of_enumeration() -> None:
    document = read(
        "截至9月底，已建成9家省、市、县级示范驿站，完成率112.5%；"
        "已帮扶困难职工320人，完成率106.67%。"
    )
    assert rates(document) == [(Decimal(9), Decimal("112.5")), (Decimal(320), Decimal("106.67"))]


def test_a_verb_before_a_chain_of_figures_covers_them_all() -> None:
    document = read("截至6月底，全区共配备专职网格员1200名、兼职网格员3400名，工作已完成。")
    assert pairs(document) == [(None, Decimal(1200), "人"), (None, Decimal(3400), "人")]


def test_a_density_is_no_result_and_its_rate_belongs_to_the_figure_before() -> None:
    document = read(
        "截至9月底，已完成的事项中：新增普惠托位300个，千人口托位数达到3.5个，完成率150%；"
        "为残疾人提供康复服务120人，完成率100%。"
    )
    assert rates(document) == [(Decimal(300), Decimal(150)), (Decimal(120), Decimal(100))]


def test_work_under_way_gives_its_figure_as_a_target_without_result() -> None:
    document = read(
        "截至9月底，12个农村幸福院建设已完成9个（75%），4个老旧小区改造正在施工中（80%），"
        "预计11月底前全部完成。"
    )
    assert pairs(document) == [
        (Decimal(12), Decimal(9), "个"),
        (Decimal(4), None, "个"),
    ]


def test_lines_opened_by_a_target_report_against_it_and_their_details_are_not_results() -> None:
    document = read(
        "截至6月底，各项民生实事进展如下：\n"
        "1800个村通客车（2023—2025年）。上半年已开通线路56条，新通客车120个村。"
        "累计已通客车1750个村，占总计划的97.2%。\n"
        "改造农村危房3000户（2024—2025年）。上半年已完成改造900户。\n"
        "3200所农村学校改善办学条件（2024—2026年）。上半年，已开工校舍45所，完工20所。\n"
    )
    assert pairs(document) == [
        (Decimal(1800), Decimal(1750), "个"),
        (Decimal(3000), Decimal(900), "户"),
        (Decimal(3200), None, "所"),
    ]
    assert document.projects[0].indicators[0].stated_percent == Decimal("97.2")


def test_a_target_met_is_read_from_the_task_it_completes() -> None:
    document = read(
        "截至6月底，已有2项提前完成：全区新增护理型床位420张，占床位总数61.3%，"
        "提前完成60%的年度目标；全区共设置网格860个，提前完成每个网格配备1名以上网格员的任务。"
    )
    assert pairs(document) == [
        (Decimal(60), Decimal("61.3"), "%"),
        (Decimal(1), None, "人"),
        (None, Decimal(420), "张"),
        (None, Decimal(860), "个"),
    ]


def test_a_rate_reached_is_a_result_but_two_rates_sharing_one_figure_are_not() -> None:
    document = read(
        "截至9月底，已建成示范驿站6家，完成率120%；全区高血压患者规范管理率为84.5%，"
        "新生儿疾病筛查率和听力筛查率均达到100%。"
    )
    assert pairs(document) == [(None, Decimal(6), "家"), (None, Decimal("84.5"), "%")]


def test_a_planned_share_and_its_outcome_pair_and_a_level_of_zero_is_no_count() -> None:
    document = read(
        "截至6月底，“东城天桥项目”计划完成工程量8%，实际完成工程量11%；"
        "“垃圾发电厂项目”已完成主厂房出0米，“文化惠民项目”计划完成演出30场，实际完成34场。"
    )
    assert pairs(document) == [
        (Decimal(8), Decimal(11), "%"),
        (Decimal(30), Decimal(34), "场"),
    ]


def test_money_put_in_is_not_a_result() -> None:
    document = parse_text(
        "临江区2025年民生实事完成情况\n截至12月底，各项实事已全部完成。\n"
        "1、创业就业：36名创业者获得420万元创业担保贷款，全年新增就业1500人。\n"
        "2、道路改造：分别投资300万元、45.5万元，对文化路、复兴路翻修改造；新建健身路径3条。\n"
    )
    assert pairs(document) == [
        (None, Decimal(36), "人"),
        (None, Decimal(1500), "人"),
        (None, Decimal(3), "条"),
    ]


def test_a_plan_that_says_how_it_will_be_reported_on_is_still_a_plan() -> None:
    document = parse_text(
        "临江区人民政府办公室关于2025年为民办实事项目的通知\n"
        "今年将继续为民办好10件实事。项目进展情况实行月报制度，全年完成情况也要按期上报。\n"
        "一、新建口袋公园12个。\n二、新增普惠托位600个。\n"
    )
    assert targets(document) == [(Decimal(12), "个", "gte"), (Decimal(600), "个", "gte")]


def test_sub_items_that_count_again_from_one_stay_inside_their_sections() -> None:
    document = parse_text(
        PLAN
        + "一、实施易地扶贫搬迁，全年完成2万人搬迁任务。\n"
        + "二、治理餐桌污染。\n（一）食品抽检总体合格率达98%以上。\n（二）创建示范街3条。\n"
        + "三、推进养老服务。\n（一）建设农村幸福院60个。\n（二）新增养老床位800张。\n"
    )
    assert [p.item.number for p in document.projects] == [1, 2, 3]
    assert targets(document) == [
        (Decimal(20000), "人", "gte"),
        (Decimal(98), "%", "gte"),
        (Decimal(3), "条", "gte"),
        (Decimal(60), "个", "gte"),
        (Decimal(800), "张", "gte"),
    ]


def test_a_standard_raised_from_one_level_and_a_share_fixed() -> None:
    document = parse_text(
        PLAN + "1.将农村低保标准由家庭年人均收入4200元提高到4500元，"
        "财政补差水平按省定标准的70%确定。\n2.新建公园3个。\n"
    )
    first = document.projects[0].indicators
    assert [(i.target.value, i.target.baseline, i.target.comparator) for i in first] == [
        (Decimal(4500), Decimal(4200), "gte"),
        (Decimal(70), None, "eq"),
    ]


def test_a_year_end_feature_reads_results_laid_and_paved() -> None:
    document = read(
        "今年以来，累计完成投资1.2亿元。投入860万元开展人居环境整治，新修水泥路3.5公里、"
        "排水渠2公里，铺设透水砖4200平方米，7个行政村的村容村貌焕然一新。"
    )
    assert pairs(document) == [
        (None, Decimal("3.5"), "公里"),
        (None, Decimal(2), "公里"),
        (None, Decimal(4200), "平方米"),
    ]


def test_persons_counted_by_the_noun_beside_the_figure() -> None:
    document = parse_text(
        PLAN + "1.培训农民20万，转移农村富余劳动力8万。\n"
        "2.解决30万农村人口饮水安全问题，对农村6万特困群众实行低保。\n"
    )
    assert targets(document) == [
        (Decimal(200000), "人", "gte"),
        (Decimal(80000), "人", "gte"),
        (Decimal(300000), "人", "gte"),
        (Decimal(60000), "人", "gte"),
    ]


def test_the_cost_whom_it_benefits_and_the_lists_own_count_are_not_targets() -> None:
    document = parse_text(
        "临江区去年办了8件实事，今年要办10件。在区人大三次会议上，区政府承诺如下。\n"
        "1.投资3200万元，实施3村412户的易地搬迁工程。\n"
        "2.新开工建设住宅面积12万平方米，让2000户、6500人住上新房。\n",
        year=2025,
        jurisdiction="临江区",
    )
    assert targets(document) == [
        (Decimal(412), "户", "gte"),
        (Decimal(120000), "平方米", "gte"),
    ]


def test_a_result_with_its_share_of_the_target_is_read_past_a_plans_name() -> None:
    document = read(
        "前三季度，全区招募西部计划志愿者420人，占目标任务的105%；"
        "扶持残疾人改善生活新增860人，达5200人，为目标任务的104%。"
    )
    assert rates(document) == [
        (Decimal(420), Decimal(105)),
        (Decimal(860), None),
        (Decimal(5200), Decimal(104)),
    ]


def test_counts_of_the_programmes_own_parts_are_not_results() -> None:
    document = read(
        "截至9月底，全区30个小项中，26个小项已完成全年目标任务；10件民生大事中，6件已完成。"
        "全区新增建成农村公路56公里，已建成公厕12座。"
    )
    assert pairs(document) == [(None, Decimal(56), "公里"), (None, Decimal(12), "座")]


def test_about_a_count_is_exact_and_places_counted_say_where() -> None:
    document = parse_text(
        PLAN + "1.增设汽车充电桩约50个，由全区6个街道按照统一标准建设智慧小区30个。\n"
        "2.改造农村公路危桥12座，保障3个乡（镇）的通行安全。\n"
    )
    assert targets(document) == [
        (Decimal(50), "个", "eq"),
        (Decimal(30), "个", "gte"),
        (Decimal(12), "座", "gte"),
    ]


def test_a_pair_of_counts_and_the_meetings_own_figures() -> None:
    document = parse_text(
        "临江区第五届人民代表大会第三次会议开幕。本次大会应到代表210名，实到代表198名。\n"
        "会前共征集意见建议60余条，从12项候选项目中选出10项。\n"
        "1.实施城市老旧小区改造项目18个6420户，加装电梯40部。\n2.新建公园3个。\n",
        year=2025,
    )
    assert targets(document) == [
        (Decimal(18), "个", "gte"),
        (Decimal(6420), "户", "gte"),
        (Decimal(40), "部", "gte"),
        (Decimal(3), "个", "gte"),
    ]


def test_a_range_promises_its_lower_bound_and_is_unsure() -> None:
    document = parse_text(PLAN + "1.新增街头绿地3-5处，新建停车场2个。\n2.新建公园3个。\n")
    first = document.projects[0].indicators[0]
    assert (first.target.value, first.target.unit, first.target.comparator) == (
        Decimal(3),
        "处",
        "gte",
    )
    assert "range" in first.doubts
    assert first.confidence < 1


def test_qualifiers_candidates_and_the_count_of_places_just_named() -> None:
    document = parse_text(
        PLAN + "1.在12项民生实事候选项目中选出10项。开辟公益性岗位150个以上，"
        "确保80户以上安置社区1—2名公益性岗位全覆盖。\n"
        "2.实施东苑、南苑、北苑三所老旧小区改造，新建公园3个。\n"
    )
    assert targets(document) == [(Decimal(150), "个", "gte"), (Decimal(3), "个", "gte")]


def test_a_county_news_of_results_reads_roads_rebuilt() -> None:
    document = read("截至12月底，全县新改建农村公路22公里，行政村通硬化路率达100%。")
    assert pairs(document) == [(None, Decimal(22), "公里"), (None, Decimal(100), "%")]


def test_a_work_report_on_last_years_work_reads_results_not_promises() -> None:
    document = parse_text(
        "临江省人民代表大会开幕\n省长在工作报告中说，2024年我省新建高标准农田120万亩，"
        "新解决36万农村居民饮水安全问题；新完成260个贫困村整村推进任务，"
        "全省又有8万农村贫困人口实现稳定脱贫。\n",
        jurisdiction="临江省",
    )
    assert targets(document) == []
    assert pairs(document) == [
        (None, Decimal(1200000), "亩"),
        (None, Decimal(360000), "人"),
        (None, Decimal(260), "个"),
        (None, Decimal(80000), "人"),
    ]


def test_a_headline_figure_repeated_in_the_content_is_one_promise() -> None:
    document = parse_text(
        PLAN + "1、完成12个老旧小区改造 项目内容：完成东苑小区等12个老旧小区的30栋楼房改造，"
        "总建筑面积3.6万平方米。\n"
        "2、建成垃圾处理站5个，污水处理站5个。\n"
    )
    assert targets(document) == [
        (Decimal(12), "个", "gte"),
        (Decimal(30), "栋", "gte"),
        (Decimal(5), "个", "gte"),
        (Decimal(5), "个", "gte"),
    ]


def test_the_area_of_a_building_describes_it_but_new_floor_area_is_promised() -> None:
    document = parse_text(
        PLAN + "1.新建食堂一幢，用地面积为7100平方米，建筑面积4200平方米。\n"
        "2.新增建筑面积12万平方米。\n"
    )
    assert targets(document) == [(Decimal(120000), "平方米", "gte")]


def test_households_and_persons_of_one_work_are_both_promised() -> None:
    document = parse_text(
        PLAN
        + "1.投资3000万元，实施4村520户2100人的易地扶贫搬迁工程；建设18条46公里农村通畅工程。\n"
        "2.完成超120个30户以上木质房屋连片村寨消防改造。\n"
    )
    assert targets(document) == [
        (Decimal(520), "户", "gte"),
        (Decimal(2100), "人", "gte"),
        (Decimal(18), "条", "gte"),
        (Decimal(46), "公里", "gte"),
        (Decimal(120), "个", "gte"),
    ]


def test_a_bound_restated_in_a_report_on_work_done_is_neither_target_nor_result() -> None:
    document = parse_text(
        "临江区2025年为民办实事落实情况的调查报告\n截至12月底，实事已全部完成。\n"
        "1、就业：全年新增就业3200人，城镇登记失业率控制在4.5%以内。\n"
        "2、文体：放映公益电影320场。\n"
    )
    assert targets(document) == []
    assert pairs(document) == [(None, Decimal(3200), "人"), (None, Decimal(320), "场")]


def test_a_department_cut_off_by_the_end_of_the_page_is_left_out() -> None:
    document = parse_text(
        PLAN + "1.新建公园3个。（责任单位：区城管局、区财政局）\n"
        "2.新增托位600个。（责任单位：区卫健局、区民"
    )
    assert [p.item.departments for p in document.projects] == [
        [("区城管局", "lead"), ("区财政局", "co")],
        [("区卫健局", "lead")],
    ]


def test_a_change_in_percent_is_no_target_and_a_handout_is_a_result() -> None:
    plan = parse_text(PLAN + "1.重点城市空气优良天数增加5%，新建公园3个。\n2.新建绿道8公里。\n")
    assert targets(plan) == [(Decimal(3), "个", "gte"), (Decimal(8), "公里", "gte")]
    report = read(
        "截至9月底，按800元标准，对2300名困难毕业生发放求职补贴，实现应补尽补；已建成公厕6座。"
    )
    assert pairs(report) == [(None, Decimal(2300), "人"), (None, Decimal(6), "座")]


def test_a_line_opened_by_a_result_is_not_a_heading() -> None:
    document = read(
        "截至9月底，各项实事进展顺利。\n全区新增就业4100人。其中已帮扶就业困难人员380人。\n"
        "新建口袋公园6个。已完成绿化提升2万平方米。\n"
    )
    assert targets(document) == []
    assert pairs(document) == [
        (None, Decimal(4100), "人"),
        (None, Decimal(380), "人"),
        (None, Decimal(6), "个"),
        (None, Decimal(20000), "平方米"),
    ]


def test_the_area_of_what_was_built_is_no_further_result() -> None:
    document = read("截至12月底，已建成口袋公园6个，总面积3万平方米；新建绿道12公里。")
    assert pairs(document) == [(None, Decimal(6), "个"), (None, Decimal(12), "公里")]


def test_a_result_closed_by_its_share_of_the_years_target() -> None:
    document = read("截至12月底，城镇新增就业12.3万人，完成年度目标的123%；已建成公厕20座。")
    assert rates(document) == [(Decimal(123000), Decimal(123)), (Decimal(20), None)]


def test_a_year_looked_back_on_reads_results_not_promises() -> None:
    document = parse_text(
        "临江市2025年民生实事回眸\n过去一年，我市高质量完成了15项民生实事。"
        "全市累计改造燃气管网80余公里、新建公共充电桩650台。"
        "去年我市举办社区运动会1200余场次。\n",
        jurisdiction="临江市",
    )
    assert targets(document) == []
    assert pairs(document) == [
        (None, Decimal(80), "公里"),
        (None, Decimal(650), "台"),
        (None, Decimal(1200), "场"),
    ]


def test_stages_reached_mark_a_news_item_as_a_report() -> None:
    document = parse_text(
        "临江区2025年民心工程\n新开工安置房40万平方米，30万平方米主体竣工。\n"
        "5个地块36万平方米主体封顶，还迁房建设全部开工。\n",
        jurisdiction="临江区",
    )
    assert targets(document) == []
    assert (None, Decimal(400000), "平方米") in pairs(document)


def test_results_of_the_government_itself_are_not_split_by_place() -> None:
    document = read(
        "截至12月底，全区新建口袋公园12个。\n去年我区完成新改建农村公路8公里、新建文化广场5个。"
    )
    assert pairs(document) == [
        (None, Decimal(12), "个"),
        (None, Decimal(8), "公里"),
        (None, Decimal(5), "个"),
    ]


def test_a_list_of_results_joined_by_commas_pairs_no_target_with_a_later_result() -> None:
    document = read(
        "截至12月底，进展顺利。\n新建改造农村电网项目107个、新增规模化供水村庄70个、完成24个村生活污水治理。"
    )
    assert pairs(document) == [
        (None, Decimal(107), "个"),
        (None, Decimal(70), "个"),
        (None, Decimal(24), "个"),
    ]


def test_a_line_that_opens_by_reporting_work_done_opens_no_target() -> None:
    document = read(
        "截至9月底，进展顺利。\n有3项工程部分完成任务，其中技能培训523人，完成率261.5%；"
        "新录用人员完成岗前技能培训819人，完成率102%。"
    )
    assert rates(document) == [(Decimal(523), Decimal("261.5")), (Decimal(819), Decimal(102))]


def test_a_mirror_that_doubles_every_mark_still_reads_one_list_of_results() -> None:
    document = read("截至10月初，，已完成12个路段绿化，、30处涝点整治，、6个口袋公园，。")
    assert pairs(document) == [
        (None, Decimal(12), "个"),
        (None, Decimal(30), "处"),
        (None, Decimal(6), "个"),
    ]


def test_the_programme_counted_by_its_parts_is_no_target() -> None:
    document = read(
        "年初计划实施民生工程子项目120个。截至10月初，已完成12个路段绿化、6个口袋公园。"
    )
    assert targets(document) == []


def test_the_lists_own_indicators_counted_are_no_result() -> None:
    document = read(
        "截至12月底，全区超额完成6个指标。新增城镇就业5200人，为任务的104%；"
        "完成农村危房改造820户，为任务的102.5%。"
    )
    assert rates(document) == [(Decimal(5200), Decimal(104)), (Decimal(820), Decimal("102.5"))]


def test_money_done_against_its_task_is_a_result_with_its_share() -> None:
    document = read(
        "截至12月底，新增城镇就业5200人，为任务的104%；改造配电网，完成投资3100万元，为任务的100%。"
    )
    assert rates(document) == [
        (Decimal(5200), Decimal(104)),
        (Decimal(3100), Decimal(100)),
    ]  # in 万元


def test_a_standard_met_in_a_report_is_a_target_without_a_figure_reached() -> None:
    document = read(
        "截至12月底，各项任务已完成。提高城乡低保标准，城市低保标准不低于650元/月，"
        "农村低保标准每人每年不低于5200元，已达标。"
    )
    assert targets(document) == [(Decimal(650), "元", "gte"), (Decimal(5200), "元", "gte")]
    assert [i.actual for p in document.projects for i in p.indicators] == [None, None]


def test_a_slow_items_task_not_begun_is_a_target_without_a_result() -> None:
    document = read(
        "截至8月底，进展顺利。滞后项目：一是推动海岸带建设3公里未启动；二是打造4个安全主题公园正着手准备招标。"
    )
    assert targets(document) == [(Decimal(3), "公里", "gte"), (Decimal(4), "个", "gte")]


def test_money_done_against_the_years_total_investment_is_a_result_with_its_share() -> None:
    document = read(
        "截至三季度末，已完成投资11.5亿元，完成年度总投资的88.7%；"
        "另一批累计完成投资7.8亿元，占年度投资计划的73%。"
    )
    assert rates(document) == [
        (Decimal(1150000000), Decimal("88.7")),
        (Decimal(780000000), Decimal(73)),
    ]


def test_a_one_paragraph_progress_note_whose_points_are_rules_reads_its_results() -> None:
    document = parse_text(
        "2025年，临江县实施民生工程建设类项目120个，年度总投资9.2亿元。上半年，开工118个，开工率98%，"
        "完工率34%，完成投资6.1亿元，占年度投资计划的66%。一是建立责任制度。二是建立督查制度。",
        jurisdiction="临江县",
    )
    assert rates(document) == [(Decimal(610000000), Decimal(66))]


def test_the_deputies_satisfaction_is_no_result() -> None:
    document = parse_text(
        "昨天，代表对临江区2025年度民生实事项目实施情况进行测评，结果显示总体满意率为98.9%。"
        "截至12月底，新增托位400个，完成率105%；新建公园3个，完成率100%。",
        jurisdiction="临江区",
    )
    assert targets(document) == []
    assert rates(document) == [(Decimal(400), Decimal(105)), (Decimal(3), Decimal(100))]


def test_an_overall_rate_closing_a_chain_of_results_is_the_items_not_the_last_results() -> None:
    document = read(
        "（一）已新增老年助餐服务点120个、新增认知照护床位600张，整体完成率111.5%。\n"
        "（二）新增托位400个，整体完成率105%。\n"
    )
    assert rates(document) == [
        (Decimal(120), None),
        (Decimal(600), None),
        (Decimal(400), Decimal(105)),
    ]


def test_percents_stated_respectively_go_to_the_results_before_them_in_order() -> None:
    document = read(
        "截至12月底，免费为适龄妇女进行宫颈癌筛查5.05万人、乳腺癌筛查5.09万人，"
        "分别完成年度任务的101%、102%。"
    )
    assert rates(document) == [(Decimal(50500), Decimal(101)), (Decimal(50900), Decimal(102))]


def test_results_quoted_from_a_report_are_read() -> None:
    document = read("截至12月底：\n“修建提灌站2座，改建管网3公里。”\n“新建城镇公厕12座。”\n")
    assert pairs(document) == [
        (None, Decimal(2), "座"),
        (None, Decimal(3), "公里"),
        (None, Decimal(12), "座"),
    ]


def test_a_quoted_name_with_a_figure_is_still_a_name() -> None:
    document = read("截至12月底，“15分钟健身圈”建成公园8个，“一老一小”新增托位300个。")
    assert pairs(document) == [(None, Decimal(8), "个"), (None, Decimal(300), "个")]


def test_a_sentence_back_from_the_plan_to_the_present_reports_results() -> None:
    document = read(
        "截至6月底，今年计划建成12所学校，目前已建成4所，新增公办学位1200个，"
        "同时有5所新校项目已启动建设。"
    )
    assert pairs(document) == [
        (Decimal(12), Decimal(4), "所"),
        (None, Decimal(1200), "个"),
        (None, Decimal(5), "所"),
    ]


def test_a_report_of_one_target_and_its_result_is_read() -> None:
    document = read("截至10月底，商务厅牵头建设50家放心肉示范店，已建成49家。")
    assert pairs(document) == [(Decimal(50), Decimal(49), "家")]


def test_a_paragraph_of_this_years_promises_in_a_report_gives_targets() -> None:
    document = parse_text(
        "临江市为民办实事\n今年将新增80辆纯电动公交车，新建5所公办幼儿园。\n"
        "去年为民办实事项目顺利完成：截至去年年底，已建成保障房1200套，完成率105%，下一步将推进二期。\n",
        jurisdiction="临江市",
        year=2025,
    )
    assert targets(document) == [(Decimal(80), "辆", "gte"), (Decimal(5), "所", "gte")]
    assert rates(document) == [(Decimal(1200), Decimal(105))]


def test_any_work_said_to_be_done_with_yi_is_a_result() -> None:
    document = read(
        "截至6月底，已购置公交车225辆；全区今年已拆除燃煤锅炉249台，上半年共查处超标车342辆。"
    )
    assert pairs(document) == [
        (None, Decimal(225), "辆"),
        (None, Decimal(249), "台"),
        (None, Decimal(342), "辆"),
    ]


def test_the_standard_a_report_raises_from_is_no_result() -> None:
    document = read(
        "截至11月底，学前教育生均拨款最低标准从每生每年500元提高到600元，已拨付703.8万元，拨付率100%。"
    )
    assert targets(document) == [(Decimal(600), "元", "gte")]
    assert rates(document) == [(Decimal("703.8"), Decimal(100))]


def test_a_rate_promised_then_the_rate_reached_now_is_a_target_and_its_result() -> None:
    document = read(
        "截至11月底，公办幼儿园在园幼儿占比达到45%，目前已达46.2%。新建公园3个，完成率100%。"
    )
    assert pairs(document)[0] == (Decimal(45), Decimal("46.2"), "%")


def test_a_subheading_that_repeats_a_result_counts_it_once() -> None:
    document = read(
        "截至6月底，进展顺利。\n已拆除燃煤锅炉120台\n加大拆改力度，全区今年已拆除燃煤锅炉120台，已完成8台锅炉除尘改造。"
    )
    assert pairs(document) == [(None, Decimal(120), "台"), (None, Decimal(8), "台")]


def test_a_line_of_targets_separated_by_semicolons_pairs_each_with_its_result() -> None:
    document = read(
        "截至12月底：\n其一是棚户区住房改造60万套；农户危房改造31万户。"
        "住建部门表示，棚户区住房改造实际开工61万套；农户危房改造实际开工38万户。\n"
    )
    assert pairs(document) == [
        (Decimal(600000), Decimal(610000), "套"),
        (Decimal(310000), Decimal(380000), "户"),
    ]


def test_projects_named_in_quotes_by_their_promise_give_targets() -> None:
    document = parse_text(
        PLAN
        + "会议票决产生“新建23公里碧道”“改造老旧小区12个”等10件民生实事，“一老一小”服务提质。\n"
    )
    assert targets(document) == [(Decimal(23), "公里", "gte"), (Decimal(12), "个", "gte")]


ASSIGNED = "临江市2021年棚户区改造进展\n2021年省下达我市棚户区改造任务1200户。截至11月底，全市已改造{done}户，完成年度改造任务的80%。"


def stated(document: ParsedDocument) -> list[Decimal | None]:
    found = [i.stated_percent for p in document.projects for i in p.indicators]
    return found + [r.stated_percent for p in document.projects for r in p.results]


def test_a_share_of_a_plan_named_by_its_work_is_the_stated_percent() -> None:
    assert stated(parse_text(ASSIGNED.format(done=960))) == [Decimal(80)]


ASSIGNED_FIGURE = (
    "2015年自治区下达临江市棚户区改造{plan}套。截至12月上旬，全市新开工1800套，完成年度开工任务的90%。"
    "截至12月上旬，已完成投资10亿元。"
)


def test_a_result_whose_stated_share_is_itself_over_an_earlier_figure_has_that_figure_as_target() -> (
    None
):
    assert pairs(parse_text(ASSIGNED_FIGURE.format(plan=2000), jurisdiction="临江市"))[0] == (
        Decimal(2000),
        Decimal(1800),
        "套",
    )


def test_a_result_whose_stated_share_does_not_fit_an_earlier_figure_keeps_it_apart() -> None:
    assert pairs(parse_text(ASSIGNED_FIGURE.format(plan=2500), jurisdiction="临江市"))[:2] == [
        (None, Decimal(2500), "套"),
        (None, Decimal(1800), "套"),
    ]


def test_a_work_report_that_closed_the_years_list_reads_its_figures_as_results() -> None:
    document = parse_text(
        "临江：全面完成30项民生实事\n政府工作报告指出，2023年，全省民生保障扎实推进。全面完成30项民生实事。"
        "城镇新增就业21.5万人。建成88个社区老年食堂。\n",
        jurisdiction="临江省",
    )
    assert targets(document) == []
    assert pairs(document) == [(None, Decimal(215000), "人"), (None, Decimal(88), "个")]


def test_a_report_answering_last_years_promises_reads_its_figures_as_results() -> None:
    document = parse_text(
        "本报临江1月22日电“新建农村九年一贯制学校120所，乡镇综合文化站230个，在全省率先实现了村村通油路……”今天上午，"
        "省长在做《政府工作报告》时，向代表们汇报民生业绩。\n代表说：“省长将上年的民生承诺作了一一回答。”\n",
        jurisdiction="临江省",
        year=2010,
    )
    assert targets(document) == []


def test_a_plan_asking_that_its_tasks_be_completed_smoothly_stays_a_plan() -> None:
    document = parse_text(
        PLAN + "1.新建人行天桥2座。\n2.新建城区幼儿园3所。\n"
        "各责任单位要细化措施，确保全年目标任务顺利完成。县政府督查室适时通报完成情况。\n"
    )
    assert targets(document) == [(Decimal(2), "座", "gte"), (Decimal(3), "所", "gte")]


NAMED_ITEMS = (
    "临江市2022年十件实事最新进展\n截至6月30日，十件实事进展顺利，已完成年度目标任务过半。\n"
    "实事一：新改扩建农村公路300公里，加固改造危桥120座。\n"
    "截至6月30日，完成农村公路新改扩建163.98公里；120座危桥改造项目已完成87座，完成计划的72.5%。\n"
    "实事二：改造老旧小区131个、背街小巷38条。\n"
    "截至6月30日，实施背街小巷改造38条，目前完工24条，在建13条。\n"
)


def test_items_named_shi_shi_with_their_ordinal_are_the_list() -> None:
    assert [p.title for p in parse_text(NAMED_ITEMS).projects] == [
        "新改扩建农村公路300公里",
        "改造老旧小区131个、背街小巷38条",
    ]


def test_the_line_of_an_item_that_opens_on_the_period_reported_starts_its_completion() -> None:
    assert targets(parse_text(NAMED_ITEMS)) == [
        (Decimal(300), "公里", "gte"),
        (Decimal(120), "座", "gte"),
        (Decimal(131), "个", "gte"),
        (Decimal(38), "条", "gte"),
    ]


def test_a_target_restated_in_the_completion_is_answered_by_the_part_done_after_it() -> None:
    assert pairs(parse_text(NAMED_ITEMS)) == [
        (Decimal(300), Decimal("163.98"), "公里"),
        (Decimal(120), Decimal(87), "座"),
        (Decimal(131), None, "个"),
        (Decimal(38), Decimal(24), "条"),
    ]


def test_results_a_lead_quotes_from_the_text_below_are_counted_once() -> None:
    document = parse_text(
        "临江：全面完成30项民生实事\n“城镇新增就业21.5万人，农村劳动力转移就业80.2万人”……"
        "政府工作报告指出，2023年，全省全面完成30项民生实事。城镇新增就业21.5万人，"
        "农村劳动力转移就业80.2万人。\n",
        jurisdiction="临江省",
    )
    assert pairs(document) == [(None, Decimal(215000), "人"), (None, Decimal(802000), "人")]


def test_in_a_report_what_people_got_and_works_started_are_results() -> None:
    document = parse_text(
        "临江：全面完成30项民生实事\n2023年，全省全面完成30项民生实事。帮助1860名困难家庭考生圆梦大学。"
        "320个小区21.4万户拿到不动产权证。3个区域医疗中心启动建设。\n",
        jurisdiction="临江省",
    )
    assert pairs(document) == [
        (None, Decimal(1860), "人"),
        (None, Decimal(320), "个"),
        (None, Decimal(214000), "户"),
        (None, Decimal(3), "个"),
    ]


def test_every_starting_figure_of_a_list_raised_to_new_standards_is_no_target() -> None:
    document = parse_text(
        PLAN
        + "1.将城镇、农村低保人均最低补差水平从每人每月574元、271元分别提高到每人每月609元、300元。\n"
        "2.新建公园3个。\n"
    )
    assert targets(document) == [
        (Decimal(609), "元", "gte"),
        (Decimal(300), "元", "gte"),
        (Decimal(3), "个", "gte"),
    ]


INVESTED = (
    "临江市2023年1—3月十件民生实事进展情况\n"
    "一、保障好重点群体就业，开展补贴性职业技能培训2万人次。\n"
    "年度投资目标15495万元，1—3月完成投资2513万元，占年度投资目标的16.22%。\n"
    "推进情况：1. 全市统筹开展补贴性职业技能培训5585人次。\n"
    "二、新建公办幼儿园7所。\n"
    "推进情况：1. 3所幼儿园进行基础施工。\n"
)


def test_a_share_of_the_years_investment_target_is_a_claim_not_a_target() -> None:
    assert targets(parse_text(INVESTED)) == [
        (Decimal(20000), "人次", "gte"),
        (Decimal(7), "所", "gte"),
    ]


def test_money_done_with_its_share_above_an_items_progress_is_a_result() -> None:
    document = parse_text(INVESTED)
    assert [
        (r.actual.value, r.actual.unit, r.stated_percent) for r in document.projects[0].results
    ] == [(Decimal(2513), "万元", Decimal("16.22"))]


def test_money_paid_against_the_planned_input_is_a_result_with_its_share() -> None:
    document = read("截至9月底，全县33项民生工程累计拨付资金21.39亿元，占计划投入的90.6%。")
    assert [(r.actual.value, r.stated_percent) for p in document.projects for r in p.results] == [
        (Decimal("2139000000"), Decimal("90.6"))
    ]


def test_a_figure_followed_by_the_work_done_for_it_is_a_result() -> None:
    document = read(
        "截至12月底，全区为1260名残疾人提供康复服务，1830个村正式上线电子证明系统，"
        "26所学校改造提升教室照明，关停3座垃圾填埋场。"
    )
    assert pairs(document) == [
        (None, Decimal(1260), "人"),
        (None, Decimal(1830), "个"),
        (None, Decimal(26), "所"),
        (None, Decimal(3), "座"),
    ]


def test_a_work_reports_review_of_the_year_reads_its_figures_as_results() -> None:
    document = parse_text(
        "临江区人民代表大会开幕，区长作政府工作报告。2024年，临江区民生福祉持续增进。\n"
        "社会保障扎实有力。新增城镇就业2.5万人，开发城乡公益性岗位832个。\n",
        jurisdiction="临江区",
    )
    assert targets(document) == []


PUBLISHED = (
    "临江区兑现30项民生实事\n发布时间:{date}\n"
    "{year}年，临江区城镇新增就业6870人，新建爱老幸福食堂16家，改造老旧小区8055套。\n"
)


def test_a_page_published_early_in_the_next_year_reports_on_the_year_it_names() -> None:
    document = parse_text(PUBLISHED.format(date="2022-03-01", year=2021), jurisdiction="临江区")
    assert targets(document) == []


def test_a_page_published_in_the_year_it_names_keeps_its_promises() -> None:
    document = parse_text(PUBLISHED.format(date="2021-03-01", year=2021), jurisdiction="临江区")
    assert targets(document) != []


VOTE_NEWS = (
    "临江区2024年民生实事项目票决产生\n{sentence}"
    "经代表票决，新建口袋公园5个、改造老旧小区12个等项目入选。\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "前期共收集社会各界和各族群众提出的意见建议110条。",  # suggestions counted
        "市民提出的120多条金点子涵盖多个领域。",  # suggestions, the number first
        "今年共征集建议1321条，较去年增加36条。",  # the change on last year
        "会上，10件2024年度重点民生实事项目票决产生。",  # the list, its year inside
        "最终市政府确定2017年10件为民办实事项目。",  # the list, named by whom it serves
    ],
)
def test_the_counts_of_a_vote_are_no_targets(sentence: str) -> None:
    assert targets(parse_text(VOTE_NEWS.format(sentence=sentence))) == [
        (Decimal(5), "个", "gte"),
        (Decimal(12), "个", "gte"),
    ]


def test_money_done_against_the_years_planned_investment_is_a_result_with_its_share() -> None:
    document = read("截至目前，全县已开工项目45个；累计完成投资6亿元，完成全年计划投资的71.62%。")
    assert [
        (r.actual.value, r.stated_percent)
        for p in document.projects
        for r in p.results
        if r.actual.unit == "元"
    ] == [(Decimal("600000000"), Decimal("71.62"))]


def test_a_sentence_of_this_years_promise_in_a_report_paragraph_gives_its_targets() -> None:
    document = read(
        "今年以来，区财政局推进村屯道路硬化建设。今年该区将投入3413万元建设屯级道路127公里。"
        "截至9月17日，已完成屯级道路里程数101公里，累计完成投资3008万元。"
    )
    assert targets(document) == [(Decimal(127), "公里", "gte")]


def test_the_projects_taken_into_the_years_plan_are_no_promise_of_a_report() -> None:
    document = read(
        "上半年总体进展良好，已新建停车位500个，改造老旧小区12个。一并纳入年度计划实施的便民工程新增充电桩200个，也基本达序时进度。"
    )
    assert targets(document) == []


def test_new_lines_opened_and_lines_rearranged_are_results_of_a_report() -> None:
    document = read("截至12月底，全市新辟公交线路51条、优化调整26条。")
    assert pairs(document) == [(None, Decimal(51), "条"), (None, Decimal(26), "条")]


def test_a_platform_a_report_says_it_will_build_further_is_no_result() -> None:
    document = read(
        "截至7月底，已建成学校5所，新增学位1485个；进一步整合就业驿站资源，打造100家综合服务平台。"
    )
    assert (None, Decimal(100), "家") not in pairs(document)


def test_a_plan_clause_in_a_report_sentence_promises_only_up_to_its_semicolon() -> None:
    document = read(
        "截至12月底，城乡居住环境大幅改善。实施棚户区改造工程，计划开工3300套，基本建成2400套；"
        "改造城镇老旧小区235个，完成保障性租赁住房筹集建设2000套。"
    )
    assert targets(document) == [(Decimal(3300), "套", "gte"), (Decimal(2400), "套", "gte")]


def test_a_promise_opening_its_sentence_runs_over_its_semicolons() -> None:
    document = read(
        "截至12月底，已建成公园12个。此外，将解决10.7万人农村饮水安全问题；新开工建设保障性安居工程1.2万套，"
        "基本建成9000套。"
    )
    assert targets(document) == [
        (Decimal(107000), "人", "gte"),
        (Decimal(12000), "套", "gte"),
        (Decimal(9000), "套", "gte"),
    ]


def test_a_figure_its_sentence_dates_as_reached_is_no_target_of_a_plan() -> None:
    document = parse_text(
        PLAN + "1.新建幼儿园3所。去年该工程有序落实，截至2024年12月底，新增学位3750个。\n"
        "2.新建公园4个。\n"
    )
    assert targets(document) == [(Decimal(3), "所", "gte"), (Decimal(4), "个", "gte")]


def test_housing_raised_and_beds_reached_are_results_of_a_report() -> None:
    document = read("截至12月底，全区筹集保障性租赁住房2071套，家庭养老照护床位达到480张。")
    assert pairs(document) == [(None, Decimal(2071), "套"), (None, Decimal(480), "张")]


def test_money_done_with_its_rate_of_investment_done_is_a_result_with_its_share() -> None:
    document = read(
        "截至11月底，农村生活水源工程已全部开工建设，已完成投资134亿元，投资完成率93%。"
    )
    assert [(r.actual.value, r.stated_percent) for p in document.projects for r in p.results] == [
        (Decimal("13400000000"), Decimal(93))
    ]
