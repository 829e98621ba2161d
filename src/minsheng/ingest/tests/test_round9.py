"""Rules read off the round 9 development split (dev_r11, once the fifth held-out split), each
pinned by a short document of 临江区 written here in the style of the real ones."""

from decimal import Decimal

from minsheng.ingest.parser import parse_text
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
    assert [i.stated_percent for p in document.projects for i in p.indicators] == [
        None,
        Decimal(115),
    ]


def test_a_share_of_the_task_or_the_task_done_is_no_label_of_a_task() -> None:
    share = "截至6月底,全区民生实事进展顺利,城镇新增就业5008人,占目标任务的33.3%。\n"
    done = "全区新建公厕12座,完成年度目标任务。\n"
    document = parse_text(share + done, jurisdiction="临江区", year=2022)
    assert readings(document) == []
