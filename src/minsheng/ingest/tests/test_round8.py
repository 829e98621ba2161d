"""Rules read off the round 8 development split (dev_r9), each pinned by a short document of
临江区 written here in the style of the real ones: tables whose figures stand in the title
column, rows that lost a merged cell, and results set against a plan stated after them."""

from decimal import Decimal

import pytest

from minsheng.ingest.parser import IngestError, parse_text
from minsheng.ingest.parser.document import ParsedDocument


def readings(document: ParsedDocument) -> list[tuple[Decimal, str, Decimal | None]]:
    return [
        (i.target.value, i.target.unit, i.actual) for p in document.projects for i in p.indicators
    ]


STAGES = (
    "2024年度省政府民生实事涉我区工作任务一季度进展情况\n"
    "序号 | 工作任务 | 责任单位 | 一季度目标 | 进展情况 | 目标完成情况 |\n"
    "1 | 新改扩建公办中小学校2所 | 区教育局 | 完成主体结构施工 | 主体结构已封顶。 | 顺利推进 |\n"
    "新增学位1350个 | |||||\n"
    "2 | 建成城市书房4个 | 区文旅局 | 完成选址 | 已完成选址。 | 顺利推进 |\n"
)


def test_a_quarters_stage_in_the_target_column_leaves_the_task_cell_as_the_promise() -> None:
    document = parse_text(STAGES, jurisdiction="临江区")
    assert readings(document) == [
        (Decimal(2), "所", None),
        (Decimal(1350), "个", None),
        (Decimal(4), "个", None),
    ]


def test_a_lone_cell_under_a_row_is_a_second_target_of_that_row() -> None:
    document = parse_text(STAGES, jurisdiction="临江区")
    assert [len(p.indicators) for p in document.projects] == [2, 1]


def test_a_place_is_not_named_by_the_words_of_the_year() -> None:
    # 2024年度省政府: 年度省 is no government; the page is asked for its jurisdiction instead
    document = parse_text(STAGES + "临江区人民政府办公室\n")
    assert document.jurisdiction == "临江区"


MERGED = (
    "临江区2024年民生实事项目进展情况\n"
    "序号 | 项目分类 | 实事内容 | 完成情况 |\n"
    "1 | 提升城乡人居环境 | 实施困难家庭住房改造120户。 | 已完成入户改造45户。 |\n"
    "2 | 新改建农村生活污水处理设施30个。 | 30个项目开工建设中。 | |\n"
    "3 | 公交化改造农村班线12条。 | 已完成12条线路改造。 | |\n"
)


def test_a_padded_row_that_lost_its_merged_category_cell_is_read_by_what_its_cells_hold() -> None:
    document = parse_text(MERGED, jurisdiction="临江区")
    assert readings(document) == [
        (Decimal(120), "户", Decimal(45)),
        (Decimal(30), "个", None),
        (Decimal(12), "条", Decimal(12)),
    ]


def test_a_table_row_without_a_result_cell_in_a_report_keeps_its_target() -> None:
    report = MERGED + "4 | 改建提升乡镇老年学堂15所。 | 对乡镇"
    assert readings(parse_text(report, jurisdiction="临江区"))[-1] == (Decimal(15), "所", None)


PLAN_AFTER = (
    "临江区提前完成年度为民办实事中小河流治理任务\n"
    "截至12月6日，临江区提前超额完成承接省为民办实事中小河流治理堤岸治理任务4.2公里，"
    "完成率105%。\n"
    "据悉，2024年7月，省下达为民办实事中小河流治理堤岸治理任务4公里后，区水利局及时分解任务。\n"
)


def test_a_result_is_answered_to_the_plan_named_after_it_when_its_percent_says_so() -> None:
    document = parse_text(PLAN_AFTER, jurisdiction="临江区")
    assert readings(document) == [(Decimal(4), "公里", Decimal("4.2"))]


def test_a_figure_after_a_result_that_its_percent_does_not_give_is_not_its_plan() -> None:
    other = PLAN_AFTER.replace("任务4公里后", "任务5公里后")
    assert readings(parse_text(other, jurisdiction="临江区")) == []


LABELLED = (
    "2024年临江区全部完成十件实事\n"
    "任务目标：对全区80个老旧小区的供热管网进行改造。 进展情况：实际确定改造任务为82个老旧小区，"
    "已于11月14日前完工。 任务目标：新扩建公办幼儿园12所。 进展情况：截至12月底，已建成12所。"
    "《停车改革方案》已经区政府常务会议通过。\n"
)


def test_tasks_and_their_progress_told_under_labels_are_the_projects() -> None:
    document = parse_text(LABELLED, jurisdiction="临江区")
    assert readings(document) == [
        (Decimal(80), "个", Decimal(82)),
        (Decimal(12), "所", Decimal(12)),
    ]


def test_one_labelled_task_without_its_progress_is_no_list() -> None:
    # (one task with its progress is: a page cut after its first, test_round9.py)
    one = "2024年临江区实事进展\n任务目标：新扩建公办幼儿园12所。 已建成12所。\n"
    assert parse_text(one, jurisdiction="临江区").projects[0].item.title != "新扩建公办幼儿园12所"


def test_a_government_is_not_named_by_the_verb_before_it() -> None:
    # 已经区政府常务会议通过: 已经区 is no place, so the page asks which government it is
    with pytest.raises(IngestError) as raised:
        parse_text(LABELLED.replace("临江区全部", "全部"))
    assert raised.value.code == "no_jurisdiction"


SCORECARD = (
    "临江区政府2024年实事项目“成绩单”\n\n"
    "（1）增加800张老年病床，完成8个薄弱养老机构的改造\n\n"
    "超出目标任务。2024年，新增养老床位1120张，其中新建养老院3家，新增基本养老床位760张；"
    "完成了6个养老机构的改建和扩建，增加了360张老年病床。目前，全区共有老年病床9800张。\n\n"
    "（2）增加150公顷绿色林地\n\n"
    "全面完成目标任务。2024年，新增绿色林地156公顷，其中绿地建设90公顷，其中公园绿地30公顷，"
    "其他公共绿地60公顷；完成生态廊道等66公顷林地建设。\n"
)


def test_a_headline_then_its_verdict_splits_the_promise_from_the_report() -> None:
    document = parse_text(SCORECARD, jurisdiction="临江区")
    assert readings(document)[-1] == (Decimal(150), "公顷", Decimal(156))


def test_a_second_qizhong_opens_the_parts_of_a_part() -> None:
    # 156, 其中 90 (其中 30 + 60): 90 + 30 + 60 is no sum of the whole
    document = parse_text(SCORECARD, jurisdiction="临江区")
    assert [f.kind for f in document.findings if f.kind == "parts_sum_mismatch"] == []


def test_a_report_that_opens_on_its_verdict_gives_no_targets_though_it_ends_on_a_present_total() -> (
    None
):
    # 目前，全区共有… is split off first; the paragraph 超出目标任务。… still reports
    project = parse_text(SCORECARD, jurisdiction="临江区").projects[0]
    assert [(i.target.value, i.target.unit) for i in project.indicators] == [
        (Decimal(800), "张"),
        (Decimal(8), "个"),
    ]


def test_money_done_closed_by_its_plans_completion_rate_is_a_result() -> None:
    # a page of money only: without the result it would say no_items
    page = (
        "31个民生实事项目全部启动\n截至今年7月，临江区2023年民生实事31个项目已全部启动实施。"
        "今年共安排实施31个民生实事项目，总投资98.6亿元，年度计划投资20.4亿元。1至7月，"
        "累计完成投资10.2亿元，年度计划完成率50%，较去年同期提高3.1个百分点。\n"
    )
    results = [
        (r.actual.value, r.actual.unit, r.stated_percent)
        for p in parse_text(page, jurisdiction="临江区").projects
        for r in p.results
        if r.actual is not None
    ]
    assert results == [(Decimal(1_020_000_000), "元", Decimal(50))]


def test_a_share_of_a_target_named_with_its_work_answers_the_figure_before_it() -> None:
    # 实现销售额8.1亿元，完成15亿元销售目标的54%: 15亿元 is the target, not a result
    page = (
        "2024年临江区为民办实事进展情况\n截至6月底，全区共备案销售网点635家，累计销售家电下乡产品45092台，"
        "实现销售额0.81亿元，完成1.5亿元销售目标的54%。\n"
    )
    paired = [
        (r.actual.value, r.target.value, r.stated_percent)
        for p in parse_text(page, jurisdiction="临江区").projects
        for r in p.results
        if r.target is not None and r.actual is not None
    ] + [
        (i.actual, i.target.value, i.stated_percent)
        for p in parse_text(page, jurisdiction="临江区").projects
        for i in p.indicators
    ]
    assert paired == [(Decimal(81_000_000), Decimal(150_000_000), Decimal(54))]


def test_works_named_then_done_and_spaces_set_free_are_results() -> None:
    page = (
        "2024年前三季度临江区民心工程进展情况\n截至9月底，临江区民心工程进展顺利：凤栖路、慧民道等5条"
        "城市道路建设完成；启用3个居住小区闲置地下停车场，释放停车泊位860个。\n"
    )
    results = [
        (r.actual.value, r.actual.unit)
        for p in parse_text(page, jurisdiction="临江区").projects
        for r in p.results
        if r.actual is not None
    ]
    assert results == [(Decimal(5), "条"), (Decimal(3), "个"), (Decimal(860), "个")]


def test_a_column_headed_luoshi_qingkuang_holds_the_rows_result() -> None:
    table = (
        "2024年4月民生实事项目进展情况汇总表\n"
        "序号 | 项目内容 | 月度工作计划 | 牵头单位 | 落实情况 |\n"
        "1 | 培训应急救护人员300人。 | 4月：完成培训80人。 | 区红十字会 | 已完成。 培训240人，完成进度80%。 |\n"
        "2 | 新增配置自动体外除颤仪50台。 | 4月：公布采购意向公告。 | 区卫健局 | 已完成。 已公布。 |\n"
    )
    assert readings(parse_text(table, jurisdiction="临江区"))[0] == (
        Decimal(300),
        "人",
        Decimal(240),
    )


def test_a_year_told_by_the_state_of_its_works_is_a_report() -> None:
    page = (
        "2021年，临江区重点实施三大工程暖民心。\n"
        "文教育民工程。投资2.1亿元，“新三馆”建成并免费开放；城区3所小学、4所公办幼儿园秋季开学使用。\n"
        "公益利民工程。投资1.1亿元，殡仪馆改造完成；建设96处5G基站；大安北机车小镇投入运营。\n"
        "城建惠民工程。投资2.4亿元，改造老旧小区18个；新修备用天然气管线20公里。\n"
    )
    document = parse_text(page, jurisdiction="临江区")
    assert readings(document) == []
    assert document.projects[0].results


def test_the_ground_a_work_stands_on_its_capacity_and_its_stages_are_no_targets() -> None:
    page = (
        "临江区2019年度10项民生实事\n"
        "城乡人居环境整治工程。以春季文化节（启动期）、踏青节（预热期）、艺术节（爆发期）三个阶段为基础，完成农村无害化卫生厕所改造"
        "1.8万座，投资6200万元建设占地面积为120亩、日最大处理量260吨垃圾处理站。\n"
        "绿化工程。下半年建成投用占地68亩的建新街公园，新增绿地3处。\n"
    )
    assert [(v, u) for v, u, _a in readings(parse_text(page, jurisdiction="临江区"))] == [
        (Decimal(18000), "座"),
        (Decimal(3), "处"),
    ]


def test_a_task_label_that_ends_the_page_is_read_without_error() -> None:
    cut = LABELLED.rstrip("\n") + " 任务目标："
    assert readings(parse_text(cut, jurisdiction="临江区"))[:2] == readings(
        parse_text(LABELLED, jurisdiction="临江区")
    )


ONE_BODY = (
    "2018年临江区“十件实事”进展如何？\n"
    "会上，常务副区长报告了我区2018年“十件实事”建设的最新进展情况。\n"
    "农业保险覆盖工程：全区共涉及9981户，投保率100%。该项工作已全部完成。\n"
    "城乡医疗卫生室服务提质工程：全区计划创建五星级卫生室249所，已完成241所；"
    "全区计划建设标准化中医馆13个，已完成12个。\n"
)


def test_a_claim_without_figures_in_a_text_without_a_list_speaks_of_its_paragraph() -> None:
    document = parse_text(ONE_BODY, jurisdiction="临江区")
    assert readings(document) == [
        (Decimal(249), "所", Decimal(241)),
        (Decimal(13), "个", Decimal(12)),
    ]
    assert [f for f in document.findings if f.kind == "claim_falls_short"] == []


def test_such_a_claim_in_the_paragraph_of_a_short_result_is_a_mismatch() -> None:
    short = ONE_BODY.replace("已完成12个。", "已完成12个。该项工作已全部完成。")
    document = parse_text(short, jurisdiction="临江区")
    assert len([f for f in document.findings if f.kind == "claim_falls_short"]) == 2


def test_a_sentence_that_ends_on_our_district_names_no_government() -> None:
    with pytest.raises(IngestError) as raised:
        parse_text(ONE_BODY.replace("临江区", ""))
    assert raised.value.code == "no_jurisdiction"


def test_the_households_a_road_runs_past_are_who_it_reaches_not_a_target() -> None:
    page = (
        "临江区2025年十件民生实事\n今年，区里将新建牧区道路96公里，涉及东湖镇、西岭镇、南山乡约1100户"
        "农牧民；新建基站38个。\n"
    )
    assert [(v, u) for v, u, _a in readings(parse_text(page, jurisdiction="临江区"))] == [
        (Decimal(96), "公里"),
        (Decimal(38), "个"),
    ]


GLUED = (
    "2022年十件民生实事完成情况\n"
    "编者按：经过票决，我区十件民生实事项目出炉。区委区政府高度重视民生实事。\n"
    "一开展公办义务教育学位供给保障行动 临江学校升级改造工程\n"
    "全年项目资金支出3.1亿元，完成年初计划的112%。新增公办义务教育学位1.2万个。\n"
    "二开展缓解“停车难”行动 区城区停车场\n"
    "全年项目资金支出2.2亿元，完成年初计划的105%。共新建停车场41个、新增停车位1.5万个。\n"
    "三实施城乡居民医疗救助提升行动\n"
    "全年项目资金支出9.6亿元，完成年初计划的100.5%。医疗救助16.2万人次。\n"
)


def test_ordinals_glued_to_the_actions_they_number_are_the_items() -> None:
    document = parse_text(GLUED, jurisdiction="临江区")
    assert [p.item.title[:6] for p in document.projects] == [
        "开展公办义务",
        "开展缓解“停",
        "实施城乡居民",
    ]


def test_a_party_committee_before_the_government_is_no_place() -> None:
    # 区委区政府高度重视: 区委区 is no government, so the page asks which one it is
    with pytest.raises(IngestError) as raised:
        parse_text(GLUED)
    assert raised.value.code == "no_jurisdiction"


PACE = (
    "8月10日，临江区政府督查室对2016年度区政府承诺为民办理实事办理情况进行督察。\n"
    "区政府承诺为民办理的10件实事目前正在稳步推进。其中向全区1890名特困群众发放生活救助金、"
    "购买公益性岗位250个等4个子项已提前完成；区第二自来水厂水质提标改造等22个子项实现了"
    "时间过半、进度过半。\n"
    "今年，区政府承办的人大代表议案办理工作正在加紧推进。\n"
)


def test_a_text_on_the_pace_of_work_under_way_is_a_report() -> None:
    document = parse_text(PACE, jurisdiction="临江区")
    assert readings(document) == []


def test_the_government_itself_at_work_is_no_department() -> None:
    document = parse_text(PACE, jurisdiction="临江区")
    assert [p.item.departments for p in document.projects] == [[]]


def test_what_a_place_has_is_no_target() -> None:
    page = "临江区2024年民生实事项目\n东湖镇地处干旱区，镇内有3700多口山塘用于灌溉，今年将修复山塘120口。\n"
    assert [(v, u) for v, u, _a in readings(parse_text(page, jurisdiction="临江区"))] == [
        (Decimal(120), "口")
    ]


def test_the_list_counted_as_what_is_to_be_done_for_the_people_is_no_target() -> None:
    page = "临江区2019年办实事项目\n今年，临江区推出120项为群众拟办实事项目，新增普惠性学前教育学位1200个。\n"
    assert [(v, u) for v, u, _a in readings(parse_text(page, jurisdiction="临江区"))] == [
        (Decimal(1200), "个")
    ]


YEARS = (
    "2012年临江区民生工作综述\n"
    "经3年多的努力，全区累计完成创业培训20620人；经培训成功创业的9300人。\n"
    "截至9月底，全区实施为民办实事项目，完成投资3.8亿元，占年度计划的98.9%；新建公园12个。\n"
)


def test_the_work_of_several_years_gives_no_result_of_the_years_list() -> None:
    document = parse_text(YEARS, jurisdiction="临江区")
    actuals = [r.actual.value for p in document.projects for r in p.results if r.actual]
    assert Decimal(20620) not in actuals and Decimal(9300) not in actuals
    assert Decimal(12) in actuals


def test_the_work_of_recent_years_gives_no_target() -> None:
    page = "临江区2025年十件民生实事\n近年来，全区新建抗旱井35口。今年将新建牧区道路96公里。\n"
    assert [(v, u) for v, u, _a in readings(parse_text(page, jurisdiction="临江区"))] == [
        (Decimal(96), "公里")
    ]


def test_a_task_then_the_part_of_it_done_after_a_comma_of_enumeration_is_one_indicator() -> None:
    page = (
        "2022年临江区十件民生实事完成情况\n一开展公办义务教育学位供给保障行动\n"
        "截至12月底，新改扩建公办义务教育学校18所、7所已完成，新增学位1.9万个。\n"
        "二开展缓解停车难行动\n截至12月底，新增停车位1.2万个。\n"
        "三实施城乡居民医疗救助提升行动\n截至12月底，医疗救助12.6万人次。\n"
    )
    project = parse_text(page, jurisdiction="临江区").projects[0]
    pairs = [(i.target.value, i.actual) for i in project.indicators] + [
        (r.target.value, r.actual.value) for r in project.results if r.target and r.actual
    ]
    assert pairs == [(Decimal(18), Decimal(7))]
