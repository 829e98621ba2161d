"""Rules read off the round 9 development split (dev_r11, once the fifth held-out split), each
pinned by a short document of 临江区 written here in the style of the real ones."""

from decimal import Decimal

import pytest

from minsheng.ingest.parser import IngestError, parse_text
from minsheng.ingest.parser.document import ParsedDocument


def readings(document: ParsedDocument) -> list[tuple[Decimal, str, Decimal | None]]:
    return [
        (i.target.value, i.target.unit, i.actual) for p in document.projects for i in p.indicators
    ]


ONE_LABELLED_TASK = (
    "2024年区政府确定十件实事进展情况通报(一)\n"
    "    一、推动创业就业\n"
    "    目标任务:支持30家小微企业创业,新增城镇就业8000人。\n"
    "    责任单位:区人社局、区财政局。\n"
    "    进展情况:截止2024年3月底,全区城镇新增就业2600人,占目标任务的32.5%;扶持6家企业。\n"
)


def test_a_page_cut_after_its_one_labelled_task_still_reads_that_task() -> None:
    document = parse_text(ONE_LABELLED_TASK, jurisdiction="临江区")
    assert readings(document) == [
        (Decimal(30), "家", Decimal(6)),
        (Decimal(8000), "人", Decimal(2600)),
    ]


TASK_UNDER_ITS_LABEL = (
    "今年以来,我区一系列民生实事项目落地见效。\n"
    "实施棚户区改造工程,任务目标是棚改开工2300套。截至目前,全区棚改项目开工率100%。\n"
    "实施城市公共停车设施建设工程,任务目标新增停车位4000个。目前已建成4600余个停车位,"
    "完成率115%。\n"
    "截至目前,全区城镇新增就业15000人。\n"
)


def test_a_task_stated_under_its_label_in_a_report_is_a_target() -> None:
    document = parse_text(TASK_UNDER_ITS_LABEL, jurisdiction="临江区", year=2022)
    assert readings(document) == [
        (Decimal(2300), "套", None),
        (Decimal(4000), "个", Decimal(4600)),
    ]


def test_a_result_set_against_its_labelled_task_by_its_rate_keeps_that_pair() -> None:
    document = parse_text(TASK_UNDER_ITS_LABEL, jurisdiction="临江区", year=2022)
    assert [i.stated_percent for p in document.projects for i in p.indicators][1:] == [Decimal(115)]


def test_a_share_of_the_task_or_the_task_done_is_no_label_of_a_task() -> None:
    share = "截至6月底,全区民生实事进展顺利,城镇新增就业5008人,占目标任务的33.3%。\n"
    done = "全区新建公厕12座,完成年度目标任务。\n"
    document = parse_text(share + done, jurisdiction="临江区", year=2022)
    assert readings(document) == []


def test_a_government_is_named_without_the_words_before_it() -> None:
    text = (
        "记者从临渭区获悉,2024年全区民生实事项目进展顺利。\n1.新建公厕12座。\n2.新增学位800个。\n"
    )
    assert parse_text(text).jurisdiction == "临渭区"


def test_words_ending_on_a_level_that_name_no_known_place_are_asked_about() -> None:
    text = (
        "2024年民生实事\n为民办实事已成为市政府的日常工作。\n1.新建公厕12座。\n2.新增学位800个。\n"
    )
    with pytest.raises(IngestError) as raised:
        parse_text(text)
    assert raised.value.code == "no_jurisdiction"


THIS_YEAR = (
    "河津承诺今年办好3件民生实事\n"
    "时间:2024-03-01  来源:新闻网\n"
    "河津市在政府工作报告中提出,今年将为河津人民再办好3件民生实事。"
    "一是新改造一批背街小巷;二是新建165个公交候车亭;三是点亮125个农村街巷路灯。\n"
    "\n实现镇村公交免费全覆盖\n"
    "据了解,2023年河津市21件民生实事全部办结,70个村级卫生室标准化改造全部完工。\n"
)


def test_a_lead_that_speaks_of_this_year_takes_the_year_of_its_date_line() -> None:
    assert parse_text(THIS_YEAR).year == 2024


def test_a_plan_dated_in_its_own_year_is_no_report_on_the_year_it_looks_back_on() -> None:
    assert readings(parse_text(THIS_YEAR)) == [
        (Decimal(165), "个", None),
        (Decimal(125), "个", None),
    ]


OVERDONE = (
    "2024年10个民生实事项目全面落实\n"
    "    截至2024年12月25日,已完成60个乡镇创建预验收工作,完成年度目标任务。\n"
    "    {lead}全年新(改)扩建幼儿园48所,超额完成40所的年度目标任务;"
    "增加入学名额1.25万个,超额完成1万个的年度目标任务。\n"
)


@pytest.mark.parametrize("lead", ["学前教育扩容提质工程。", ""])
def test_the_figure_before_a_claimed_task_is_what_was_done_whatever_its_verb(lead: str) -> None:
    document = parse_text(OVERDONE.format(lead=lead), jurisdiction="临江区")
    assert readings(document) == [
        (Decimal(40), "所", Decimal(48)),
        (Decimal(10000), "个", Decimal(12500)),
    ]


LOOKING_BACK = (
    "临江区2024年民生实事\n"
    "先来看看教育领域。今年要新改扩建公办中小学校32所,新增公办中小学学位4.6万个。"
    "去年的目标则是改扩建公办中小学校18所,新增公办中小学位3.1万个以上。"
    "去年实际新建和改扩建中小学校40所,其中公办学位超过5万个,完成年度计划的160%。\n"
    "再来说说住房。今年开工筹集各类公共住房8万套。\n"
)


def actuals(document: ParsedDocument) -> dict[Decimal, Decimal | None]:
    return {i.target.value: i.actual for p in document.projects for i in p.indicators}


def test_what_a_plan_says_was_in_fact_done_is_a_result() -> None:
    assert actuals(parse_text(LOOKING_BACK))[Decimal(18)] == Decimal(40)


def test_a_result_goes_to_the_target_its_stated_percent_is_of() -> None:
    found = actuals(parse_text(LOOKING_BACK))
    assert (found[Decimal(31000)], found[Decimal(46000)]) == (Decimal(50000), None)


def test_a_percent_of_a_result_printed_in_wan_is_read_within_its_rounding() -> None:
    findings = [f.kind for f in parse_text(LOOKING_BACK).findings]
    assert "percent_mismatch" not in findings


def test_a_percent_far_outside_the_rounding_is_still_a_mismatch() -> None:
    wrong = LOOKING_BACK.replace("完成年度计划的160%", "完成年度计划的190%")
    assert "percent_mismatch" in [f.kind for f in parse_text(wrong).findings]


RATES = (
    "临江区2024年民生工程进展情况\n"
    "截至9月底,民生工程进展顺利。其中,农村公路扩面延伸完工298公里,完工率92.83%;"
    "农村危房改造竣工349户,竣工率100.5%;完成新增天然气用户1869户,完成进度为82.7%。\n"
)


def test_a_rate_of_works_finished_after_a_result_is_its_stated_percent() -> None:
    document = parse_text(RATES)
    assert [r.stated_percent for p in document.projects for r in p.results] == [
        Decimal("92.83"),
        Decimal("100.5"),
        Decimal("82.7"),
    ]


BY_STAGE = (
    "临江区2024年民生实事项目全部落地\n"
    "截至12月底,民生实事进展顺利。今年开工新建改扩建中小学幼儿园8所,完成投用5个,开工建设2个,"
    "正在办理开工前手续1个。项目全部建成后可新增学位15480个,有效提升学位供给能力。\n"
)


def test_a_whole_split_by_stage_is_the_target_and_its_part_done_the_result() -> None:
    assert readings(parse_text(BY_STAGE))[0] == (Decimal(8), "所", Decimal(5))


def test_the_stages_not_done_are_no_results_of_their_own() -> None:
    document = parse_text(BY_STAGE)
    assert [r.actual.value for p in document.projects for r in p.results if r.actual] == []


def test_what_works_will_give_once_built_is_a_promise() -> None:
    assert readings(parse_text(BY_STAGE))[1:] == [(Decimal(15480), "个", None)]


def test_parts_that_do_not_add_up_to_the_whole_are_no_stages_of_it() -> None:
    other = BY_STAGE.replace("正在办理开工前手续1个", "正在办理开工前手续3个")
    assert readings(parse_text(other))[0] != (Decimal(8), "所", Decimal(5))


HEADLINES = (
    "临江区十大民生实事项目\n"
    "5万名产业技能人才培训参赛\n"
    "20万学生脊柱侧弯筛查全覆盖和干预项目\n"
    "10个滨江生态公园建设\n"
    "5万人入住公共租赁住房\n"
)


def test_headlines_that_share_a_figure_by_chance_are_each_an_item() -> None:
    targets = [t for t, _unit, _actual in readings(parse_text(HEADLINES, year=2024))]
    assert targets == [Decimal(50000), Decimal(200000), Decimal(10), Decimal(50000)]


def test_a_title_that_restates_a_figure_given_below_is_no_item() -> None:
    text = (
        "临江区2024将改造城镇老旧管网222公里\n"
        "根据政府工作报告,2024年,临江区将改造城镇老旧管网222公里、老旧小区39个。\n"
    )
    assert readings(parse_text(text)) == [(Decimal(222), "公里", None), (Decimal(39), "个", None)]


DONE_IN_OTHER_WORDS = (
    "临江区2025年10件民生实事全部完成\n"
    "截至12月底,由21个部门(单位)具体组织实施,10件民生实事实施情况良好。"
    "为356户困难重度残疾人家庭实施无障碍改造;东街、西街等4家社区卫生服务中心完成建设并试运行;"
    "打通包括实验中学西侧道路在内的10条断头路;启动城区60个新建公厕项目。"
    "区人大常委会对5个试点小区实施情况开展督查。\n"
)


def results_of(document: ParsedDocument) -> list[tuple[Decimal, str]]:
    return [
        (r.actual.value, r.actual.unit) for p in document.projects for r in p.results if r.actual
    ]


def test_work_done_told_in_other_words_is_a_result() -> None:
    assert results_of(parse_text(DONE_IN_OTHER_WORDS)) == [
        (Decimal(356), "户"),
        (Decimal(4), "家"),
        (Decimal(10), "条"),
        (Decimal(60), "个"),
    ]


def test_the_people_a_work_reaches_are_no_promise() -> None:
    text = (
        "临江区2024年民生实事\n1.新建公厕12座,惠及群众5万人。\n2.18个乡镇(街道)全覆盖开展义诊。\n"
    )
    assert readings(parse_text(text)) == [(Decimal(12), "座", None)]


def comparators(document: ParsedDocument) -> list[str]:
    return [i.target.comparator for p in document.projects for i in p.indicators]


def test_an_amount_set_per_head_is_fixed() -> None:
    text = "临江区2024年民生实事\n1.为低收入患病妇女落实每人1万元专项救助。\n2.新建公厕12座。\n"
    assert comparators(parse_text(text)) == ["eq", "gte"]


def test_a_standard_raised_to_an_amount_per_head_is_a_floor() -> None:
    text = "临江区2024年民生实事\n1.将孤儿养育标准提高到每人每月2200元。\n2.新建公厕12座。\n"
    assert comparators(parse_text(text)) == ["gte", "gte"]


KEPT_UNDER = (
    "临江区2024年为民办实事完成情况\n"
    "截至12月底,各项实事均已完成。一是完成安置城镇人员就业8920人,实现城镇登记失业率3.56%,"
    "低于3.7%的控制目标;二是完成各类职业培训1.16万人次。\n"
)


def test_a_rate_kept_under_its_bound_is_the_result_of_that_bound() -> None:
    document = parse_text(KEPT_UNDER)
    held = [
        (i.target.value, i.target.comparator, i.actual)
        for p in document.projects
        for i in p.indicators
    ]
    assert held == [(Decimal("3.7"), "lte", Decimal("3.56"))]


NAMED_IN_QUOTES = (
    "临江区2024年民生实事项目完成情况\n"
    "截至11月底,全区民生实事项目累计完成投资19.2亿元;“兜底帮扶250名困难群体就业”等46件实事"
    "已提前完成年度目标任务;除“开办28个小学生爱心暑托班”项目受疫情影响取消外,其余均已完成。"
    "“15分钟健身圈”建设进展顺利。\n"
)


def test_a_project_named_in_quotes_by_its_promise_states_a_target() -> None:
    assert readings(parse_text(NAMED_IN_QUOTES)) == [
        (Decimal(250), "人", None),
        (Decimal(28), "个", None),
    ]


def test_a_plan_restated_then_said_to_be_done_in_full_is_met() -> None:
    text = (
        "临江区2024年民生实事进展\n"
        "截至11月底,新建学校12所,完成率100%。此外,今年将172个行政村户厕改造提升任务列入"
        "民生实事项目,共涉及26692户,截至目前已全部完成。\n"
    )
    assert readings(parse_text(text, jurisdiction="临江区"))[-2:] == [
        (Decimal(172), "个", Decimal(172)),
        (Decimal(26692), "户", Decimal(26692)),
    ]


def test_a_plan_restated_and_still_under_way_is_no_result() -> None:
    text = (
        "临江区2024年民生实事进展\n"
        "截至11月底,新建学校12所,完成率100%。此外,今年将新建10所学校,目前正在施工。\n"
    )
    assert Decimal(10) not in [a for _t, _u, a in readings(parse_text(text, jurisdiction="临江区"))]


PACE_AFTER_TASKS = (
    "今年以来,我区一系列民生实事项目落地见效。\n"
    "实施棚户区改造工程,任务目标是棚改开工2300套,棚改安置房建成1900套。截至目前,全区棚改项目"
    "开工率100%,棚改安置房基本建成率95%。\n"
    "城镇老旧小区改造工程,任务目标是改造81个城镇老旧小区。截至目前,项目开工率100%,完成总工程量80%。\n"
)


def stated(document: ParsedDocument) -> list[Decimal | None]:
    return [i.stated_percent for p in document.projects for i in p.indicators]


def test_the_rates_after_a_promise_go_to_its_targets_in_order() -> None:
    document = parse_text(PACE_AFTER_TASKS, jurisdiction="临江区", year=2022)
    assert stated(document)[:2] == [Decimal(100), Decimal(95)]


def test_of_one_target_the_rate_of_work_finished_is_its_percent() -> None:
    document = parse_text(PACE_AFTER_TASKS, jurisdiction="临江区", year=2022)
    assert stated(document)[2] == Decimal(80)


def test_the_state_of_a_place_is_no_result_of_the_list() -> None:
    text = (
        "临江区2024年民生实事完成情况\n"
        "截至12月底,各项实事已全部完成。全面推行林长制,森林覆盖率达51.9%;空气质量优良率达90%以上;"
        "新建垃圾分拣中心1个;农村生活垃圾分类覆盖率达到95%。\n"
    )
    assert results_of(parse_text(text)) == [(Decimal(1), "个"), (Decimal(95), "%")]


def test_a_later_figure_that_names_work_of_its_own_answers_no_earlier_one() -> None:
    text = (
        "临江区2024年民生实事项目,交卷!截至12月底,各项实事已全部完成。\n"
        "开工建设学校37所,完成36所外来工子弟学校专项治理。560所中小学校共安装空调3875台。\n"
    )
    document = parse_text(text)
    assert (readings(document), results_of(document)[:2]) == (
        [],
        [(Decimal(37), "所"), (Decimal(36), "所")],
    )


def test_schools_opened_for_the_term_are_done() -> None:
    text = (
        "临江区2024年民生实事完成情况\n"
        "截至12月底,各项实事已全部完成。城区2所小学、5所公办幼儿园秋季开学使用;新建公厕12座。\n"
    )
    assert results_of(parse_text(text)) == [
        (Decimal(2), "所"),
        (Decimal(5), "所"),
        (Decimal(12), "座"),
    ]


def test_places_counted_with_an_aside_are_no_chain_of_results() -> None:
    text = (
        "临江区2024年民生实事完成情况\n"
        "截至12月底,各项实事已全部完成。农村生活水源,涉及的47个县(市、区)已全部开工建设;"
        "新建公厕12座;新增学位800个。\n"
    )
    assert results_of(parse_text(text)) == [(Decimal(12), "座"), (Decimal(800), "个")]


def test_the_list_counted_with_its_qualifiers_and_an_altitude_are_no_targets() -> None:
    text = (
        "临江区2024年民生实事\n"
        "今年临江将继续投资10亿元办好30件便民惠民实事,解决农村2万人的饮水安全问题;"
        "市民一小时车程就能到海拔1000米的山区享受清凉。\n"
    )
    assert readings(parse_text(text)) == [(Decimal(20000), "人", None)]


def test_people_lifted_out_of_poverty_are_done_but_ground_and_workload_are_not() -> None:
    text = (
        "临江区2024年民生实事进展情况\n"
        "截至6月底,各项实事进展顺利。整村推进扶贫工程已完成投资933万元,实现区域内1147户5500人脱贫;"
        "火车站广场建设工程总占地2万平方米,已完成前期工作;铺设路面基层3.2公里,完成工作量215万元。\n"
    )
    assert results_of(parse_text(text)) == [
        (Decimal(1147), "户"),
        (Decimal(5500), "人"),
        (Decimal("3.2"), "公里"),
    ]


RELATED = (
    "临江区人大常委会表决通过2024年为民办实事项目\n"
    "今年将新建1处室外健身驿站,增加270个公办学位,对约2854米河道进行内河整治。\n"
    "相关新闻\n"
    "今年投放5000辆有桩公共电单车 市民出行将更方便\n"
)


def test_the_headlines_of_other_pages_below_the_article_are_not_read() -> None:
    assert [t for t, _u, _a in readings(parse_text(RELATED))] == [
        Decimal(1),
        Decimal(270),
        Decimal(2854),
    ]


def test_a_related_pages_heading_at_the_top_of_a_page_cuts_nothing() -> None:
    top = "临江区新闻网\n相关新闻\n更多>>\n" + RELATED.replace("相关新闻\n", "")
    assert len(readings(parse_text(top))) == 4


QUALITY = (
    "临江区2024年为民办实事项目进展情况\n"
    "截至4月底,各项目进展顺利。区市场监管局累计完成监督抽检148批次,合格率99.32%;"
    "培训类项目培训合格率100%。\n"
)


def test_the_quality_of_the_work_just_reported_is_a_result() -> None:
    assert results_of(parse_text(QUALITY)) == [(Decimal(148), "批次"), (Decimal("99.32"), "%")]


def test_a_ratings_table_of_votes_holds_no_indicator() -> None:
    cells = ["序号", "民生实事工程", "项目名称", "测评等次", "满意", "基本满意", "不满意"]
    cells += ["1", "教育惠民补短强基", "28", "1", "", "2", "公共卫生服务能力提升", "20", "8", "1"]
    cells += ["3", "老旧小区改造", "26", "3", "", "4", "城市书房建设", "17", "11", "1"]
    text = "临江区2024年区政府民生实事项目完成情况满意度测评表\n\n" + "\n\n".join(cells) + "\n"
    with pytest.raises(IngestError) as raised:
        parse_text(text)
    assert raised.value.code == "no_items"


SUMMED_UP = (
    "临江区2024年为民办实事进展情况\n"
    "截至9月底,各项实事进展顺利。文化下乡:购买图书186套;农村电影放映:累计放映1200场;"
    "家电下乡:累计销售家电下乡产品4509台;社会保险待遇累计发放19亿元。\n"
)


def test_work_summed_up_and_goods_bought_are_results_but_money_paid_out_is_not() -> None:
    assert results_of(parse_text(SUMMED_UP)) == [
        (Decimal(186), "套"),
        (Decimal(1200), "场"),
        (Decimal(4509), "台"),
    ]


def test_a_target_in_brackets_after_a_result_is_that_results_target() -> None:
    text = (
        "临江区2024年十大民生实事项目督查情况\n"
        "截至6月,各项目进展顺利,住房保障类项目全面推进,已新增公共租赁住房(租金补贴)149户(年度目标任务为100户),"
        "已新增停车位800个。\n"
    )
    assert readings(parse_text(text)) == [(Decimal(100), "户", Decimal(149))]


def test_a_share_a_report_states_as_reached_is_a_result() -> None:
    text = (
        "临江区2024年民生实事完成情况\n"
        "截至12月底,各项实事已全部完成。一是提升医保服务。全年住院报销结算2.9万人次,"
        "政策范围内住院费用报销比例达到70.5%。二是新建公厕12座。\n"
    )
    document = parse_text(text)
    assert (readings(document), (Decimal("70.5"), "%") in results_of(document)) == ([], True)
