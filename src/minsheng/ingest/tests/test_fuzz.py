"""Arbitrary text never crashes the parser: it gives a result or a clear IngestError."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minsheng.ingest.parser import IngestError, parse_bytes, parse_text
from minsheng.plans.interchange import schema

PIECES = st.sampled_from(
    [
        "第1件：",
        "第2件：",
        "一、",
        "二、",
        "（一）",
        "1.",
        "2、",
        "一是",
        "二是",
        "完成情况：",
        "■",
        "（责任单位：市人社局、市总工会）",
        "牵头单位：",
        "配合单位：",
        "3.84万人",
        "三千六百套",
        "占年计划的128%",
        "分别占年计划的123.3%、100%",
        "其中",
        "以上",
        "不超过",
        "降至800元",
        "从77%提高到80%",
        "40—74周岁",
        "0532-58525525",
        "“四好农村路”",
        "2025年",
        "青岛市",
        "，",
        "。",
        "；",
        "\n",
        "|",
        "\t",
        "负5",
        "1.23456万",
        "１２３",
        "％",
        "个",
        "公里",
        "全部完成",
        "超额完成40所的年度目标任务",
        "截至6月底",
        "已完成年度目标任务的55%",
    ]
)
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join),
)


def _valid(document: object) -> None:
    import jsonschema

    jsonschema.validate(document, schema())  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_a_plan_or_a_clear_error(text: str) -> None:
    try:
        document = parse_text(text, jurisdiction="青岛市", year=2025)
    except IngestError as error:
        assert error.code in {"empty", "no_items"}
        return
    _valid(document.to_interchange())
    for finding in document.findings:
        assert 0 <= finding.span[0] <= finding.span[1] <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_a_plan_or_a_clear_error(data: bytes) -> None:
    try:
        parse_bytes(data, jurisdiction="青岛市", year=2025)
    except IngestError as error:
        assert error.code


def test_a_department_list_of_a_lone_bracket_ends() -> None:
    # found by the fuzz test: a name left as "（" once stripped to "" looped for ever
    from minsheng.ingest.parser.departments import split_names

    assert split_names("市民政局、（") == ["市民政局"]
