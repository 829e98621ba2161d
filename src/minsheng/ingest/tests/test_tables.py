"""Tables pasted as text, each layout pinned by a short table written here (real kinds of
figures, our own rows): space-separated, one cell per line, tables of districts, rows that
lost or gained a cell, bare figures whose unit another cell or the title states."""

from decimal import Decimal

from minsheng.ingest.parser import parse_text
from minsheng.ingest.parser.extract import UNSURE


def readings(document) -> list[tuple[Decimal, str, str, Decimal | None, Decimal | None]]:
    return [
        (i.target.value, i.target.unit, i.target.comparator, i.actual, i.stated_percent)
        for p in document.projects
        for i in p.indicators
    ]


def departments(document) -> list[str]:
    return [name for p in document.projects for name, _role in p.item.departments]


def kinds(document) -> list[str]:
    return [finding.kind for finding in document.findings]


SPACED = (
    "临江市2024年1-10月重点民生实事落实情况\n"
    "序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注\n"
    "1 城镇新增就业 万人 3.6 4.18  116.1% 市人力资源社会保障局\n"
    "2 农村公路提质改造 公里  420 436.5  103.9% 市交通运输局\n"
    "新建农村公路桥梁 座  12 12  100.0%\n"
    "3 消除义务教育大班额2000个以上 96 101 105.2% 市教育局\n"
    "4 提高城乡低保标准 元/月/人 不低于650元 680  达到目标 市民政局\n"
    "5 农村寄递物流体系建设 新建300个村级寄递服务站 45 48 106.7% 市商务局、市邮政管理局\n"
)


def test_a_table_with_spaces_between_its_cells_is_read_row_by_row() -> None:
    assert readings(parse_text(SPACED)) == [
        (Decimal(36000), "人", "gte", Decimal(41800), Decimal("116.1")),
        (Decimal(420), "公里", "gte", Decimal("436.5"), Decimal("103.9")),
        (Decimal(12), "座", "gte", Decimal(12), Decimal("100.0")),
        (Decimal(96), "个", "gte", Decimal(101), Decimal("105.2")),
        (Decimal(650), "元", "gte", Decimal(680), None),
        (Decimal(45), "个", "gte", Decimal(48), Decimal("106.7")),
    ]


def test_departments_in_the_remark_column_of_a_spaced_table() -> None:
    assert departments(parse_text(SPACED)) == [
        "市人力资源社会保障局",
        "市交通运输局",
        "市教育局",
        "市民政局",
        "市商务局",
        "市邮政管理局",
    ]


def test_the_title_names_an_indicator_whose_target_has_its_own_cell() -> None:
    document = parse_text(SPACED)
    assert document.projects[3].indicators[0].name == "提高城乡低保标准"


def test_a_percent_from_figures_rounded_to_wan_is_no_mismatch() -> None:
    # 4.18万 of 3.6万 is 116.1% only when the unrounded figures are used; the table is right
    assert "percent_mismatch" not in kinds(parse_text(SPACED))


def test_a_percent_far_from_figures_rounded_to_wan_is_a_mismatch() -> None:
    wrong = SPACED.replace("116.1%", "126.1%")
    assert kinds(parse_text(wrong)).count("percent_mismatch") == 1


DISTRICTS = (
    "临江市2023年民生工程项目完成情况表\n\n"
    "地区\n\n就业促进工程\n\n促进城乡劳动者就业\n\n"
    "城镇新增就业(人)\n\n就业困难人员就业(人)\n\n城镇登记失业率低于(%)\n\n"
    "市人力资源社会保障局\n\n市总工会\n\n"
    "目标\n\n任务\n\n进度\n\n完成比例(%)\n\n"
    "目标\n\n任务\n\n进度\n\n完成比例(%)\n\n"
    "目标\n\n任务\n\n进度\n\n完成比例(%)\n\n"
    "全市\n\n15000\n\n16350\n\n109\n\n1200\n\n1260\n\n105\n\n4.5\n\n3.9\n\n"
    "东城区\n\n6000\n\n6600\n\n110\n\n500\n\n520\n\n104\n\n4.5\n\n3.8\n\n"
    "西城区\n\n9000\n\n9750\n\n108.3\n\n700\n\n740\n\n105.7\n\n4.5\n\n4.0\n\n"
    "地区\n\n技能培训工程\n\n开展职业技能培训\n\n"
    "农民工技能培训(人)\n\n青年技能培训\n\n(人次)\n\n"
    "市人力资源社会保障局\n\n团市委\n\n"
    "目标\n\n任务\n\n进度\n\n完成比例(%)\n\n目标\n\n任务\n\n进度\n\n完成比例(%)\n\n"
    "全市\n\n3000\n\n3150\n\n105\n\n800\n\n880\n\n110\n\n"
    "东城区\n\n1000\n\n1100\n\n110\n\n300\n\n330\n\n110\n"
)


def test_a_table_of_districts_is_read_at_the_whole_citys_row() -> None:
    assert readings(parse_text(DISTRICTS)) == [
        (Decimal(15000), "人", "gte", Decimal(16350), Decimal(109)),
        (Decimal(1200), "人", "gte", Decimal(1260), Decimal(105)),
        (Decimal("4.5"), "%", "lte", Decimal("3.9"), None),
        (Decimal(3000), "人", "gte", Decimal(3150), Decimal(105)),
        (Decimal(800), "人次", "gte", Decimal(880), Decimal(110)),
    ]


def test_a_table_of_districts_gives_one_project_per_table_with_its_departments() -> None:
    document = parse_text(DISTRICTS)
    assert [(p.title, [n for n, _r in p.item.departments]) for p in document.projects] == [
        ("就业促进工程促进城乡劳动者就业", ["市人力资源社会保障局", "市总工会"]),
        ("技能培训工程开展职业技能培训", ["市人力资源社会保障局", "团市委"]),
    ]


LATER_ROWS = (
    "2023年临江区重点民生实事项目推进情况(1-11月)\n"
    "序号 |\n主要任务 |\n全年目标任务 |\n分管 领导 |\n牵头 单位 |\n责任主体与协同单位 |\n"
    "1-10月推进情况 |\n1-11月推进情况 |\n是否达序 |\n说明 |\n"
    "17 |\n整治提升40条背街小巷。 |\n王立新 |\n区城管局 |\n区市政局、相关街道 |\n"
    "已进场施工,完成35%。 |\n已进场施工,完成70%。 |\n是 |\n||\n"
    "18 |\n新建垃圾分类亭30个、建筑垃圾临时堆放点6个。 |\n王立新 |\n区城管局 |\n"
    "区环卫处、各街道 |\n已建成分类亭12个。 |\n已建成分类亭26个、临时堆放点5个。 |\n是 |\n|\n"
)


def test_a_table_pasted_from_its_later_rows_without_a_target_cell() -> None:
    assert readings(parse_text(LATER_ROWS, jurisdiction="临江区")) == [
        (Decimal(40), "条", "gte", None, Decimal(70)),
        (Decimal(30), "个", "gte", Decimal(26), None),
        (Decimal(6), "个", "gte", Decimal(5), None),
    ]


def test_a_leaders_name_and_every_street_are_not_departments() -> None:
    assert departments(parse_text(LATER_ROWS, jurisdiction="临江区")) == [
        "区城管局",
        "区市政局",
        "区城管局",
        "区环卫处",
    ]


def test_the_last_row_of_a_pipe_table_that_lost_its_percent_cell_is_read() -> None:
    document = parse_text(
        "2024年临江市为民办实事项目完成情况\n"
        "序号 | 实事项目名称 | 完成情况 | 占全年计划 |\n"
        "1 | 新增2000张养老床位 | 2210 | 111% |\n"
        "2 | 为200户困难家庭进行居室适老化改造 | 236 |\n"
    )
    assert readings(document) == [
        (Decimal(2000), "张", "gte", Decimal(2210), Decimal(111)),
        (Decimal(200), "户", "gte", Decimal(236), None),
    ]


def test_a_tab_table_row_without_its_department_cell() -> None:
    document = parse_text(
        "临江县2024年民生实事进展表\n"
        "序号\t项目名称\t目标任务\t完成情况\t责任单位\n"
        "1\t农村供水\t新增农村供水人口8000人\t已完成8600人\t县水利局\n"
        "2\t路灯安装\t安装太阳能路灯1200盏\t已安装1250盏\n"
    )
    assert readings(document) == [
        (Decimal(8000), "人", "gte", Decimal(8600), None),
        (Decimal(1200), "盏", "gte", Decimal(1250), None),
    ]


STACKED_BARE = (
    "临江区2024年1-6月民生实事完成情况表\n"
    "序号 |\n项目名称 |\n责任单位 |\n目标任务 |\n1-6月完成 |\n完成率% |\n备注 |\n"
    "1 |\n新增城镇就业 |\n区人社局 |\n3200 |\n1850 |\n58% |\n|\n"
    "2 |\n新建村级卫生室 |\n区卫健局 |\n12 |\n7 |\n58% |\n|\n"
    "3 |\n城乡低保补差水平分别达到650元/人、480元/人 |\n区民政局 |\n100% |\n100% |\n|\n"
    "城市低保:662元/月,农村低保:495元/月 |\n"
)


def test_a_bare_target_whose_unit_no_cell_states_is_guessed_and_unsure() -> None:
    document = parse_text(STACKED_BARE)
    first, second = (p.indicators[0] for p in document.projects[:2])
    assert [(i.target.value, i.target.unit, i.actual) for i in (first, second)] == [
        (Decimal(3200), "人", Decimal(1850)),
        (Decimal(12), "个", Decimal(7)),
    ]
    assert "guessed_unit" in first.doubts and first.confidence < UNSURE


def test_a_rate_in_the_target_cell_leaves_the_titles_figures_to_the_remark() -> None:
    third = parse_text(STACKED_BARE).projects[2].indicators
    assert [(i.target.value, i.target.unit, i.actual) for i in third] == [
        (Decimal(650), "元", Decimal(662)),
        (Decimal(480), "元", Decimal(495)),
    ]


def test_a_unit_column_that_names_departments_is_the_departments_column() -> None:
    document = parse_text(
        "临江县2024年民生实事\n"
        "序号 | 项目名称 | 目标任务 | 单位 |\n"
        "1 | 农村公路 | 新改建农村公路80公里 | 县交通运输局 |\n"
        "2 | 村级养老 | 建设村级养老服务站10个 | 县民政局 |\n"
    )
    assert departments(document) == ["县交通运输局", "县民政局"]


CUT_OFF = (
    "2023年临江区民生实事进展情况\n"
    "序号 |\n项目名称 |\n具体任务及目标 |\n牵头 领导 |\n牵头单位 |\n责任单位 |\n进展情况 |\n"
    "1 |\n教育扩容工程 |\n完成第三幼儿园等2所公办幼儿园建设，新增学位540个。 |\n李 明 |\n"
    "区教体局 |\n区城投集团 各有关乡镇(街道) |\n第三幼儿园已完工。 |\n"
    "2 |\n基层医疗工程 |\n新建发热门诊1栋，建设职工宿舍48套。 |\n李 明 |\n"
    "石桥镇 |\n|\n已完工。 |\n"
    "提升乡镇卫生院建设水平。 |\n"
)


def test_one_cell_too_many_opens_a_row_the_copy_cut_off() -> None:
    document = parse_text(CUT_OFF, jurisdiction="临江区")
    assert [(i.target.value, i.target.unit) for i in document.projects[1].indicators] == [
        (Decimal(1), "栋"),
        (Decimal(48), "套"),
    ]


def test_a_second_department_column_names_the_others_and_a_town_leads() -> None:
    document = parse_text(CUT_OFF, jurisdiction="临江区")
    assert [p.item.departments for p in document.projects] == [
        [("区教体局", "lead"), ("区城投集团", "co")],
        [("石桥镇", "lead")],
    ]


def test_a_group_title_in_the_second_cell_is_still_left_out() -> None:
    document = parse_text(
        "临江区2024年1-8月民生实事完成情况表\n"
        "序号 |\n项目名称 |\n责任单位 |\n目标任务 |\n1-8月完成 |\n完成率% |\n备注 |\n"
        "1 |\n深化社会保险改革 |\n完成参保登记5200人 |\n区人社局 |\n5200人 |\n4900 |\n94% |\n|\n"
        "完成征缴基金8000万元 |\n区人社局 |\n8000万 |\n6400 |\n80% |\n|\n"
    )
    assert readings(document) == [
        (Decimal(5200), "人", "gte", Decimal(4900), Decimal(94)),
        (Decimal(8000), "万元", "gte", Decimal(6400), Decimal(80)),
    ]


def test_a_measure_restated_in_brackets_in_another_unit_is_not_a_second_target() -> None:
    document = parse_text(
        "临江县2024年民生实事\n"
        "序号 | 项目名称 | 建设内容 | 责任单位 |\n"
        "1 | 城市绿地 | 新建口袋公园绿地12000平方米（18亩），新建公厕1栋 | 县城管局 |\n"
        "2 | 农贸市场 | 改造农贸市场3个 | 县商务局 |\n"
    )
    assert [(i.target.value, i.target.unit) for p in document.projects for i in p.indicators] == [
        (Decimal(12000), "平方米"),
        (Decimal(1), "栋"),
        (Decimal(3), "个"),
    ]


def test_a_years_column_and_a_second_header_line_are_not_items_or_targets() -> None:
    document = parse_text(
        "临江区2025年十大民生实事项目进展表(截至6月底)\n"
        "序号 | 项目名称 | 起止 年限 | 子项目 | 具体内容 | 2025年进展情况 | |\n"
        "截至6月底进展 | 7月工作计划 | ||||||\n"
        "1 | 一、教育提升工程 | 2024- 2025 | 实施清凉工程 | 为教室安装空调260台 | 已完成招标 | 开工建设 |\n"
        "2 | 2025 | 建设食堂 | 新建学校食堂4个 | 开工建设 | 主体施工 | |\n"
    )
    assert [(p.title, [i.target.value for i in p.indicators]) for p in document.projects] == [
        ("一、教育提升工程", [Decimal(260)]),
        ("建设食堂", [Decimal(4)]),
    ]


def test_a_progress_percent_column_goes_to_the_lead_target_of_its_row() -> None:
    document = parse_text(
        "临江市2025年民生实事项目进展情况(截至5月15日)\n\n"
        "序号\n\n目标任务\n\n牵头\n\n市领导\n\n责任单位\n\n进展情况\n\n形象进度(%)\n\n"
        "1\n\n新建充电桩400个,其中农村160个\n\n张  平\n\n市发改局\n\n新建充电桩120个。\n\n30%\n\n"
        "2\n\n建设充电驿站900个\n\n张  平\n\n市消防大队\n\n正在选址。\n\n25%\n"
    )
    assert readings(document) == [
        (Decimal(400), "个", "gte", Decimal(120), Decimal(30)),
        (Decimal(160), "个", "gte", None, None),
        (Decimal(900), "个", "gte", None, Decimal(25)),
    ]
    assert departments(document) == ["市发改局", "市消防大队"]


def test_place_time_and_investment_columns_hold_no_targets_or_departments() -> None:
    document = parse_text(
        "临江县2024年十大民生实事项目清单\n"
        "|\n序号 |\n项目名称 |\n建设地点 |\n建设时间 |\n2024年建设内容 |\n年度投资金额 (万元) |\n责任单位 |\n"
        "|\n1 |\n校园运动场改造项目 |\n相关镇 (街道) |\n2024 |\n对城关小学等学校运动场地进行改造。 |\n"
        "260 |\n教体局 |\n"
        "|\n2 |\n农村公路安防工程 |\n石门镇 |\n2024 |\n实施农村公路生命防护工程42.5公里。 |\n"
        "1800 |\n交通局 |\n"
    )
    assert readings(document) == [(Decimal("42.5"), "公里", "gte", None, None)]
    assert departments(document) == ["教体局", "交通局"]


def test_a_pipe_table_of_districts_is_read_at_its_whole_row_in_the_headers_unit() -> None:
    document = parse_text(
        "临江市2024年民生实事完成情况\n"
        "城镇新增就业完成情况\n"
        "| 地区 | 目标任务（人） | 完成数（人） | 完成率 |\n"
        "| --- | --- | --- | --- |\n"
        "| 全市 | 30000 | 32100 | 107% |\n"
        "| 东城区 | 12000 | 12800 | 106.7% |\n"
        "| 西城区 | 18000 | 19300 | 107.2% |\n"
    )
    assert readings(document) == [(Decimal(30000), "人", "gte", Decimal(32100), Decimal(107))]
    assert document.projects[0].indicators[0].name == "城镇新增就业完成情况"


def test_a_bare_target_column_whose_header_gives_the_unit() -> None:
    document = parse_text(
        "临江县2024年民生实事进展表\n"
        "| 序号 | 项目名称 | 目标任务（户） | 完成数（户） | 责任单位 |\n"
        "| 1 | 农村危房改造 | 320 | 335 | 县住建局 |\n"
        "| 2 | 改厕 | 1500 | 1420 | 县农业农村局 |\n"
    )
    assert readings(document) == [
        (Decimal(320), "户", "gte", Decimal(335), None),
        (Decimal(1500), "户", "gte", Decimal(1420), None),
    ]


def test_the_area_of_a_building_describes_it_unless_it_is_added() -> None:
    document = parse_text(
        "临江区2025年民生实事项目进展表\n"
        "| 序号 | 项目名称 | 具体内容 | 进展情况 |\n"
        "| 1 | 学校食堂 | 用地面积为5200平方米，建筑面积3100平方米，新建食堂1幢 | 主体施工 |\n"
        "| 2 | 城市更新 | 新增建筑面积12万平方米，改造老旧小区8个 | 已开工 |\n"
    )
    assert [(i.target.value, i.target.unit) for p in document.projects for i in p.indicators] == [
        (Decimal(120000), "平方米"),
        (Decimal(8), "个"),
    ]


def test_a_pdf_layout_table_keeps_a_cell_with_one_space_inside_whole() -> None:
    document = parse_text(
        "临江区2024年民生实事完成情况\n"
        "序 号   项 目 名 称        目标任务           完成情况        责任单位\n"
        "1       急救设施           配置AED 120台      配置AED 126台   区卫健局\n"
        "2       口袋公园           新建口袋公园15个   建成16个        区城管局\n"
    )
    assert readings(document) == [
        (Decimal(120), "台", "gte", Decimal(126), None),
        (Decimal(15), "个", "gte", Decimal(16), None),
    ]
    assert [p.title for p in document.projects] == ["急救设施", "口袋公园"]


def test_a_row_with_more_cells_than_its_header_is_read_in_place_and_unsure() -> None:
    document = parse_text(
        "临江区2024年民生实事进展表\n"
        "| 序号 | 项目名称 | 目标任务 | 完成情况 |\n"
        "| 1 | 口袋公园 | 新建口袋公园20个 | 已建成21个 |\n"
        "| 2 | 充电桩 | 新增充电桩500个 | 已建成480个 | 区发改局 | 另有30个在建 |\n"
    )
    second = document.projects[1].indicators[0]
    assert (second.target.value, second.actual) == (Decimal(500), Decimal(480))
    assert "misaligned" in second.doubts and second.confidence < UNSURE


DEADLINES = (
    "临川县2022年十件民生实事任务登记表\n"
    "项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
    "1.城区道路提升项目 | 对新华路等4条城区道路进行提升改造； | 11月 | 县住建局 |\n"
    "2022.9 | 县城投公司 | ||\n"
    "新建停车场2处，新增停车位800个以上。 | 10月底前 | 县住建局 | |\n"
    "2.农村公路项目 | 提升改造农村公路35公里。 | 2022年12月 | 县交通运输局 |\n"
)


def test_a_deadline_cell_is_not_read_as_the_task_or_a_figure() -> None:
    assert readings(parse_text(DEADLINES)) == [
        (Decimal(4), "条", "gte", None, None),
        (Decimal(2), "处", "gte", None, None),
        (Decimal(800), "个", "gte", None, None),
        (Decimal(35), "公里", "gte", None, None),
    ]


STACKED_NAMES = (
    "临川县2023年民生实事目标任务分解表\n\n"
    "序号\n\n民生实事\n\n责任单位\n\n完成时限\n\n"
    "1\n\n新建2座人行天桥。\n\n县住建局\n\n9月投入使用\n\n"
    "2\n\n新建城区幼儿园3所。\n\n县教科局\n\n县代建中心\n\n12月底前\n\n"
    "3\n\n改造农村危房120户。\n\n县住建局\n\n12月底前\n\n"
    "4\n\n治理城区河道3条。\n\n县水务局\n\n县住建局\n\n县护城河指挥部\n\n12月底前\n"
)


def test_a_department_column_of_a_table_pasted_one_cell_per_line_may_name_several() -> None:
    document = parse_text(STACKED_NAMES)
    assert [(p.title, [n for n, _r in p.item.departments]) for p in document.projects] == [
        ("新建2座人行天桥。", ["县住建局"]),
        ("新建城区幼儿园3所。", ["县教科局", "县代建中心"]),
        ("改造农村危房120户。", ["县住建局"]),
        ("治理城区河道3条。", ["县水务局", "县住建局", "县护城河指挥部"]),
    ]
