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
