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
