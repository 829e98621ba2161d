"""The fact-check: each finding with its sentence and span."""

from minsheng.ingest.parser import parse_text

HEAD = "青岛市2025年市办实事\n\n"


def kinds(body: str) -> list[str]:
    return [finding.kind for finding in parse_text(HEAD + body).findings]


def test_a_stated_percent_that_agrees_is_no_finding() -> None:
    body = "第1件：项目，扶持创业3万人。\n完成情况：扶持创业3.84万人，占年计划的128%。"
    assert kinds(body) == []


def test_a_wrong_stated_percent_is_an_error() -> None:
    body = "第1件：项目，扶持创业3万人。\n完成情况：扶持创业3.84万人，占年计划的130%。"
    assert kinds(body) == ["percent_mismatch"]


def test_a_finding_carries_its_sentence_and_span() -> None:
    text = HEAD + "第1件：项目，扶持创业3万人。\n完成情况：扶持创业3.84万人，占年计划的130%。"
    [finding] = parse_text(text).findings
    assert text[finding.span[0] : finding.span[1]] == "130%"
    assert finding.sentence == "扶持创业3.84万人，占年计划的130%"


def test_parts_that_do_not_add_up_are_an_error() -> None:
    body = (
        "第1件：项目，新建管网170公里。\n"
        "完成情况：新建管网186.2公里，其中供水管网39.2公里，供热管网79公里。"
    )
    assert kinds(body) == ["parts_sum_mismatch"]


def test_an_actual_without_a_target_is_a_warning() -> None:
    # (惠及230多个村庄 would not do: who benefits is no result, as 受益群众5万人 is none)
    body = "第1件：项目，扶持创业3万人。\n完成情况：扶持创业3.1万人，另建成创业孵化点230多个。"
    assert kinds(body) == ["unmatched_actual"]


def test_a_target_without_an_actual_is_a_warning() -> None:
    body = "第1件：项目，扶持创业3万人，新建公园20个。\n完成情况：扶持创业3.1万人。"
    assert kinds(body) == ["target_without_actual"]


def test_a_done_claim_that_falls_short_is_an_error() -> None:
    body = "第1件：项目，改造小区100个。\n完成情况：改造小区98个，全面完成年度任务。"
    assert kinds(body) == ["claim_falls_short"]


def test_a_plan_without_a_report_has_no_missing_actuals() -> None:
    assert kinds("第1件：项目，扶持创业3万人。") == []


def test_an_at_most_target_met_is_one_hundred_percent() -> None:
    body = "第1件：项目，起付标准降至800元。\n完成情况：起付标准降至750元，占年计划的100%。"
    assert kinds(body) == []


def test_one_part_named_of_a_whole_is_no_mismatch() -> None:
    body = "第1件：项目，新建充电桩90个。\n完成情况：新建公共充电桩99个，其中农村79个。"
    assert "parts_sum_mismatch" not in kinds(body)


def test_one_part_larger_than_its_whole_is_a_mismatch() -> None:
    body = "第1件：项目，新建充电桩90个。\n完成情况：新建公共充电桩99个，其中农村109个。"
    assert "parts_sum_mismatch" in kinds(body)


def test_a_claim_that_counts_part_of_the_list_holds_no_item_to_being_done() -> None:
    body = (
        "第1件：项目，建设示范店50家。\n"
        "完成情况：已建成49家。30件实事中23件提前完成，其中19件超额完成。"
    )
    assert "claim_falls_short" not in kinds(body)


def test_a_percent_cut_rather_than_rounded_agrees() -> None:
    body = "第1件：项目，参保6300人。\n完成情况：在职参保7558人，完成率119%。"
    assert kinds(body) == []
