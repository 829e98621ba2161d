"""Progress tables pasted as text (round 6): each fact pinned by a short table of 临江区 written
here, with real kinds of figures: which cell is a row's result, its stated percent, its
departments, and which rows are not the table's at all."""

from decimal import Decimal

from minsheng.ingest.parser import parse_text


def readings(document) -> list[tuple[Decimal, str, Decimal | None, Decimal | None]]:
    return [
        (i.target.value, i.target.unit, i.actual, i.stated_percent)
        for p in document.projects
        for i in p.indicators
    ]


def departments(document) -> list[str]:
    return [name for p in document.projects for name, _role in p.item.departments]


VERDICT = (
    "临江区2024年民生实事项目年度完成情况\n"
    "序号 | 项目内容 | 年度完成情况 | 完成成效 | 责任单位 |\n"
    "1 | 新增托位900个 | 新增托位936个，均已投入使用。 | 超额完成 | 区卫健局 |\n"
    "2 | 改造老旧小区12个 | 完成改造12个。 | 完成任务 | 区住建局 |\n"
)


def test_a_verdict_column_after_the_figures_does_not_replace_them() -> None:
    assert readings(parse_text(VERDICT, jurisdiction="临江区")) == [
        (Decimal(900), "个", Decimal(936), None),
        (Decimal(12), "个", Decimal(12), None),
    ]


RECORD = (
    "民生事项名称 | 2024年度任务目标 | 责任单位 | 1-9月份工作完成情况 |\n"
    "1.新建城市书房 | 新建城市书房6个 | 区文旅局 | 已建成5个 |\n"
    "2.推进口袋公园建设 | 建成口袋公园10个 | 区综合执法局 | 已建成8个 |\n"
    "索引号： | 113301020042672474/2024-00123 | 成文日期： | 2024-10-08 |\n"
)


def test_the_pages_record_under_a_table_is_not_a_row() -> None:
    document = parse_text(RECORD, jurisdiction="临江区")
    assert [p.item.title for p in document.projects] == ["1.新建城市书房", "2.推进口袋公园建设"]


FORMS = (
    "2024年临江区为民办实事项目进展情况月报表（10月份）\n"
    "项 目 \n\n名 称 \n\n新建城市书房8个 \n\n"
    "进 展 \n\n情 况 \n\n已建成城市书房9个，全部对外开放。 \n\n"
    "存 在 \n\n困 难 \n\n和问题 \n\n无 \n\n"
    "2024年临江区为民办实事项目进展情况月报表（10月份）\n"
    "项目名称 \n\n改造提升农贸市场5个 \n\n"
    "进展情况 \n\n已完成改造4个，1个正在施工。 \n\n"
    "进 度是 否滞 后 \n\n否 \n"
)


def test_forms_with_labels_broken_over_lines_are_one_project_each() -> None:
    assert readings(parse_text(FORMS, jurisdiction="临江区")) == [
        (Decimal(8), "个", Decimal(9), None),
        (Decimal(5), "个", Decimal(4), None),
    ]


SHARE = (
    "项目名称 \n\n新建和改造提升城市绿道600公里 \n\n"
    "我区 \n\n任务 \n\n新建和改造提升城市绿道45公里 \n\n"
    "进展情况 \n\n已完成新建和改造城市绿道共计46.3公里。 \n\n"
    "项目名称 \n\n增种林荫30处 \n\n"
    "进展情况 \n\n已完成增种林荫共计31处。 \n"
)


def test_the_places_own_task_beside_a_wider_one_is_its_target() -> None:
    assert readings(parse_text(SHARE, jurisdiction="临江区", year=2024))[0] == (
        Decimal(45),
        "公里",
        Decimal("46.3"),
        None,
    )


GLUED = (
    "1、临江区2024年民生实事项目责任分解表序号项目名称主要内容区政府分管领导牵头单位配合单位"
    "1增加学位供给新建幼儿园3所，新增学位900个。王建国教育局城东街道各街道"
    "2提升养老服务为全区8000名老年人提供居家上门服务。李敏民政局城西街道3便民停车新增公共\n"
    "2、停车泊位1200个。王建国住建局交通运输公司\n"
)


def test_departments_glued_to_the_leaders_name_are_cut_at_their_ends() -> None:
    assert departments(parse_text(GLUED, jurisdiction="临江区")) == [
        "教育局",
        "城东街道",
        "民政局",
        "城西街道",
        "住建局",
        "交通运输公司",
    ]


CUT = (
    "序号 | 项目内容 | 年度完成情况 | 完成成效 | 责任单位 |\n"
    "1 | 新增托位900个 | 新增托位936个。 | 超额完成 | 区卫健局 |\n"
    "2 | 新改扩建公办幼儿园4所，新增学位1080个 | 新建成投用城东幼儿园、江南幼儿园"
)


def test_a_last_row_the_copy_cut_off_keeps_its_cells_in_their_columns() -> None:
    assert readings(parse_text(CUT, jurisdiction="临江区", year=2024))[1:] == [
        (Decimal(4), "所", None, None),
        (Decimal(1080), "个", None, None),
    ]


QUOTED = (
    "“新建城市书房8个”（区文旅局）、“改造老旧小区12个”（区住建局）等2个项目曾滞后，但均如期完成。\n"
    "序号 | 项目内容 | 年度完成情况 | 责任单位 |\n"
    "1 | 新增托位900个 | 新增托位936个。 | 区卫健局 |\n"
    "2 | 新建口袋公园10个 | 建成口袋公园11个。 | 区综合执法局 |\n"
)


def test_projects_quoted_above_a_table_give_their_departments() -> None:
    assert departments(parse_text(QUOTED, jurisdiction="临江区", year=2024)) == [
        "区卫健局",
        "区综合执法局",
        "区文旅局",
        "区住建局",
    ]


PROGRESS = (
    "序号 | 项目内容 | 当前进度 | 牵头单位 |\n"
    "1 | 建设四好农村路48公里。 | 92%（江南片区推进缓慢） | 区交通局 |\n"
    "2 | 新建口袋公园10个。 | 75% | 区综合执法局 |\n"
)


def test_a_progress_cell_that_opens_on_a_rate_is_the_rows_stated_percent() -> None:
    assert readings(parse_text(PROGRESS, jurisdiction="临江区", year=2024)) == [
        (Decimal(48), "公里", None, Decimal(92)),
        (Decimal(10), "个", None, Decimal(75)),
    ]


MERGED_RATE = (
    "项目内容 | 计划进度 | 实际进度情况 | 完成率 | 责任单位 |\n"
    "（1）新增普惠托位600个 | 完成招标 | 新增托位120个，总数达到600个。完成率达100%。 | 64% | 区卫健局 |\n"
    "（2）新建城市书房5个 | 完成选址 | 已完成选址，2个开工建设。 | 64% | 区文旅局 |\n"
)


def test_a_rows_own_rate_wins_over_a_percent_cell_merged_over_every_row() -> None:
    rates = [row[3] for row in readings(parse_text(MERGED_RATE, jurisdiction="临江区", year=2024))]
    assert rates[0] == Decimal(100)


CUT_AND_SHIFTED = (
    "大类 | 序号 | 工作任务 | 分管 市领导 | 牵头单位 | 落实进展情况 |\n"
    "一、提高底线民生保障水平 | 1 | 将城乡低保标准提高到每人每月900元。 | 陈明 | 市民政局 | 已完成。 |\n"
    "2 | 将孤儿养育标准提高到每人每月2200元。 | 陈明 | 市民政局 | 已完成。 |\n"
    "3 | 将残疾人护理补贴标准提高到每人每年2900元。 | 陈明 | 市民政局 | 已完成。 从1月1日起，已将我市困难"
)


def test_a_last_row_the_copy_cut_off_that_also_lost_its_first_cell_is_aligned_by_its_cells() -> (
    None
):
    assert departments(parse_text(CUT_AND_SHIFTED, jurisdiction="临江市", year=2020)) == [
        "市民政局",
        "市民政局",
        "市民政局",
    ]


HEADS = (
    "序号 | 工作任务 | 牵头单位及 主要负责人 | 落实进展情况 |\n"
    "1 | 将城乡低保标准提高到每人每月900元。 | 市民政局 李明 | 已完成。 |\n"
    "2 | 新建公园3个。 | 市住建局 王海 | 已完成。 |\n"
)


def test_a_departments_head_named_after_it_in_its_cell_is_no_department() -> None:
    assert departments(parse_text(HEADS, jurisdiction="临江市", year=2020)) == [
        "市民政局",
        "市住建局",
    ]
