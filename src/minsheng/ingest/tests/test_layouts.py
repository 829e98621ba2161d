"""Layouts and report styles of other governments' real documents, each pinned by a short
document written here (real kinds of figures, our own sentences). The real documents are
measured by scripts/measure-ingest against src/minsheng/ingest/corpus/gold."""

from decimal import Decimal

from minsheng.ingest.parser import parse_bytes, parse_text


def targets(document) -> list[tuple[Decimal, str]]:
    return [(i.target.value, i.target.unit) for p in document.projects for i in p.indicators]


def readings(document) -> list[tuple[Decimal, Decimal | None, Decimal | None]]:
    return [
        (i.target.value, i.actual, i.stated_percent)
        for p in document.projects
        for i in p.indicators
    ]


def results(document) -> list[tuple[int | float, str]]:
    return [(r["actual"], r["unit"]) for r in document.results_dicts()]


STACKED = (
    "临江区2024年1-9月重点民生实事完成情况表\n"
    "序号 |\n项目名称 |\n责任单位 |\n目标任务 |\n1-9月完成 |\n完成率% |\n备注 |\n"
    "1 |\n农村饮水安全巩固提升 |\n区水利局 |\n1500人 |\n900 |\n60% |\n|\n"
    "2 |\n新增养老服务床位 |\n区民政局 |\n80张 |\n64 |\n80% |\n设备到位 |\n"
)


def test_a_table_pasted_one_cell_per_line_gives_targets_actuals_and_rates() -> None:
    assert readings(parse_text(STACKED)) == [
        (Decimal(1500), Decimal(900), Decimal(60)),
        (Decimal(80), Decimal(64), Decimal(80)),
    ]


def test_a_table_pasted_one_cell_per_line_gives_each_rows_department() -> None:
    document = parse_text(STACKED)
    assert [[name for name, _role in p.item.departments] for p in document.projects] == [
        ["区水利局"],
        ["区民政局"],
    ]


def test_a_list_run_together_with_arabic_numbers() -> None:
    document = parse_text(
        "临江县2023年为民办十件实事。这十件实事是：1.新修农田水渠12公里。"
        "2.改造农村危房300户。3.建成乡镇卫生院2所。\n"
    )
    assert targets(document) == [
        (Decimal(12), "公里"),
        (Decimal(300), "户"),
        (Decimal(2), "所"),
    ]


def test_a_number_and_a_heading_alone_on_a_line_open_an_item() -> None:
    document = parse_text(
        "临江省2024年十方面民生实事\n  1 医疗卫生\n  新增急救站20个。\n  2 教育助学\n  新建幼儿园15所。\n"
    )
    assert [p.title for p in document.projects] == ["医疗卫生", "教育助学"]


def test_a_plan_that_numbers_nothing_gives_one_item_per_clause_of_its_list() -> None:
    document = parse_text(
        "临江县第十届人民代表大会第三次会议确定了2023年十件民生实事。"
        "分别是：新建公交站台40个；改造老旧小区12个；新增停车位800个。\n"
    )
    assert [len(p.indicators) for p in document.projects] == [1, 1, 1]


def test_a_lead_paragraph_repeating_figures_given_below_is_not_counted_twice() -> None:
    document = parse_text(
        "临江市2024年政府工作报告提出，城镇新增就业5万人，新建学校12所。\n"
        "促进就业。扶持创业8000人，城镇新增就业5万人。\n"
        "办好教育。新建学校12所，新增学位6000个。\n"
    )
    assert sorted(targets(document)) == sorted(
        [(Decimal(8000), "人"), (Decimal(50000), "人"), (Decimal(12), "所"), (Decimal(6000), "个")]
    )


def test_the_congress_session_names_the_jurisdiction() -> None:
    document = parse_text(
        "临江县第十八届人民代表大会第一次会议召开。2022年民生实事：（1）新建公厕20座。"
        "（2）硬化巷道8公里。（3）建成健身广场3个。\n"
    )
    assert document.jurisdiction == "临江县"


REPORT = (
    "关于2023年区政府为民办好十件实事落实情况的调查报告\n"
    "截止2023年12月底，十件实事已全部完成。\n"
    "1、就业工程：全年新增就业6200人，再就业1800人。\n"
    "2、基础设施：投资310万元，对范家路翻修改造；新装健身路径3条。\n"
)


def test_the_figures_of_a_report_item_are_results_without_targets() -> None:
    assert results(parse_text(REPORT, jurisdiction="临江区")) == [
        (6200, "人"),
        (1800, "人"),
        (3, "条"),
    ]


def test_money_spent_in_a_report_item_is_neither_a_result_nor_a_target() -> None:
    document = parse_text(REPORT, jurisdiction="临江区")
    assert targets(document) == []


def test_a_line_opened_by_its_target_pairs_it_with_the_cumulative_result() -> None:
    document = parse_text(
        "2019年临江市重点民生实事上半年进展情况\n"
        "1200个行政村通客车（2018—2020年）。上半年新通客车140个。"
        "累计通客车1080个，占总计划的90%。\n"
        "800公里农村公路改造（2019—2020年）。上半年已完成320公里。\n"
    )
    assert readings(document) == [
        (Decimal(1200), Decimal(1080), Decimal(90)),
        (Decimal(800), Decimal(320), None),
    ]


def test_a_planned_figure_and_the_done_figure_of_one_sentence_are_one_indicator() -> None:
    document = parse_text(
        "临江市2021年重点民生工程上半年进展情况。截至6月底，项目顺利推进。\n"
        "“文化惠民”原计划全年开展演出40场，截至6月底已开展46场。\n"
        "“书香临江”计划二季度开展阅读活动9场，实际完成11场。\n"
    )
    assert readings(document) == [
        (Decimal(40), Decimal(46), None),
        (Decimal(9), Decimal(11), None),
    ]


def test_next_years_proposals_in_a_report_are_not_results() -> None:
    document = parse_text(
        "2024年临江省民生实事全部如期完成，其中20个项目超额完成。\n"
        "新建普通高中12所已全部竣工；完成学生宿舍改造860栋。\n"
        "会议还审议了2025年方案，新提出改造提升900个托育园。\n"
    )
    assert results(document) == [(12, "所"), (860, "栋")]


def test_a_department_name_keeps_its_own_brackets() -> None:
    document = parse_text(
        "临江市人民政府关于印发2016年民生实事项目的通知\n"
        "一、城市治堵\n新建公交专用道10公里。\n"
        "责任单位：各县（市、区）政府、市农办（市农业经济局）、临江经济技术开发区（国际商务区）、市财政局\n"
        "二、五水共治\n新增城镇污水管网300公里。\n牵头单位：市水利局\n"
    )
    assert [name for name, _role in document.projects[0].item.departments] == [
        "市农办（市农业经济局）",
        "临江经济技术开发区（国际商务区）",
        "市财政局",
    ]


def test_who_benefits_and_which_villages_are_not_targets() -> None:
    document = parse_text(
        "临江县2025年十件民生实事\n"
        "一、电网改造\n改造线路16公里，受益群众5万人。\n"
        "二、消防设施\n完成超230个50户以上木质房屋连片村寨给水管网建设。\n"
    )
    assert targets(document) == [(Decimal(16), "公里"), (Decimal(230), "个")]


def test_the_count_of_the_list_itself_is_not_a_target() -> None:
    document = parse_text(
        "在2011年临江省政府承诺做好的十件实事中，全省将新建农家书屋500家；建设农村公路2000公里。\n"
    )
    assert targets(document) == [(Decimal(500), "家"), (Decimal(2000), "公里")]


BIG5_PLAN = "臨江縣2025年民生實事\n1.新建農村公路120公里。\n2.改造老舊小區30個。\n"


def test_a_page_saved_in_big5_is_read() -> None:
    document = parse_bytes(BIG5_PLAN.encode("big5"))
    assert targets(document) == [(Decimal(120), "公里"), (Decimal(30), "个")]


def test_a_document_mixing_traditional_and_simplified_lines_is_read() -> None:
    text = "临江县2025年民生实事\n1.新建農村公路120公里。\n2.改造老旧小区30个。\n"
    document = parse_text(text)
    first = document.projects[0].indicators[0].target
    assert (targets(document), text[first.quantity.start : first.quantity.end]) == (
        [(Decimal(120), "公里"), (Decimal(30), "个")],
        "120公里",
    )


LABELLED = (
    "临川县2021年为群众办实事项目进展与成效情况汇报\n"
    "01 项目名称：提升县域生态环境\n"
    "项目内容：\n"
    "新改建城区公共厕所6座，新建湿地保护小区3个。\n"
    "责任单位：\n"
    "县水务局、县城管局\n"
    "进展与成效：\n"
    "截至5月底，已建成公厕2座。\n"
    "02 项目名称：加大文化惠民力度\n"
    "项目内容：\n"
    "新建城市书房2个。\n"
    "责任单位\n"
    "县文广旅局\n"
    "进展与成效：\n"
    "城市书房已完成选址。\n"
)


def test_a_form_of_labelled_fields_gives_one_project_per_name() -> None:
    assert [p.title for p in parse_text(LABELLED).projects] == [
        "提升县域生态环境",
        "加大文化惠民力度",
    ]


def test_the_content_field_of_a_labelled_form_gives_the_targets_and_the_progress_their_results() -> (
    None
):
    document = parse_text(LABELLED)
    assert [
        (i.target.value, i.target.unit, i.actual) for p in document.projects for i in p.indicators
    ] == [(6, "座", 2), (3, "个", None), (2, "个", None)]


def test_a_department_label_alone_on_its_line_names_the_departments_below_it() -> None:
    document = parse_text(LABELLED)
    assert [[n for n, _r in p.item.departments] for p in document.projects] == [
        ["县水务局", "县城管局"],
        ["县文广旅局"],
    ]


def test_items_numbered_with_circled_digits_are_the_list() -> None:
    document = parse_text(
        "临江市2021年民生实事项目三季度完成情况的通报\n"
        "截至9月底，12项民生实事项目中，8项已完成全年目标。尚未完成的项目为：\n"
        "①建设人才安居工程20万平方米（责任单位：市住建局）；\n"
        "②建设智能“阳光厨房”32家（责任单位：市市场监管局）。\n"
    )
    assert [(p.item.number, [n for n, _r in p.item.departments]) for p in document.projects] == [
        (1, ["市住建局"]),
        (2, ["市市场监管局"]),
    ]
