"""Near-duplicate detection on Chinese text, and expert score aggregation."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minsheng.participation.scoring import aggregate, weighted_total
from minsheng.participation.similarity import most_similar, shingles, similarity


def test_chinese_text_is_split_into_character_pairs():
    assert shingles("停车位") == {"停\x1f车", "车\x1f位"}


def test_a_reworded_duplicate_scores_high():
    assert similarity("建议在小区附近增加公共停车位", "小区附近建议增加停车位") > 0.5


def test_unrelated_suggestions_score_low():
    assert similarity("建议在小区附近增加公共停车位", "希望学校延长课后托管时间") < 0.1


def test_punctuation_spaces_and_width_are_ignored():
    assert similarity("增加停车位！", "增加 停车位") == 1.0
    assert similarity("ＡＢＣ停车", "abc停车") == 1.0


def test_most_similar_lists_only_matches_above_the_threshold_best_first():
    items = [(1, "希望学校延长课后托管时间"), (2, "小区附近增加停车位"), (3, "增加停车位")]
    found = most_similar("建议增加停车位", items)
    assert [m.item for m in found] == [3, 2]


@settings(deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_similarity_is_symmetric_and_between_zero_and_one(a, b):
    assert similarity(a, b) == similarity(b, a)
    assert 0.0 <= similarity(a, b) <= 1.0


@settings(deadline=None)
@given(st.text(alphabet="停车位学校养老医疗", min_size=2, max_size=30))
def test_a_text_is_identical_to_itself(text):
    assert similarity(text, text) == 1.0


def test_an_experts_total_is_the_weighted_mean_of_the_criteria():
    weights = {"necessity": Decimal(2), "feasibility": Decimal(1)}
    total = weighted_total({"necessity": Decimal(9), "feasibility": Decimal(6)}, weights)
    assert total == Decimal(8)


def test_a_missing_criterion_is_an_error():
    with pytest.raises(ValueError, match="no score"):
        weighted_total({"necessity": Decimal(9)}, {"necessity": Decimal(1), "cost": Decimal(1)})


def test_mean_and_spread_are_exact():
    result = aggregate({"a": Decimal(6), "b": Decimal(8), "c": Decimal(10)})
    assert result.mean == Decimal(8)
    assert result.spread is not None and result.spread.quantize(Decimal("0.01")) == Decimal("1.63")


def test_one_expert_far_from_the_rest_is_an_outlier():
    totals = {
        "a": Decimal(8),
        "b": Decimal("8.5"),
        "c": Decimal("7.5"),
        "d": Decimal(8),
        "e": Decimal(2),
    }
    assert aggregate(totals).outliers == ["e"]


def test_small_disagreement_is_not_an_outlier():
    totals = {"a": Decimal(8), "b": Decimal(8), "c": Decimal(8), "d": Decimal("7.5")}
    assert aggregate(totals).outliers == []


def test_no_scores_give_no_mean():
    assert aggregate({}).mean is None


@settings(deadline=None)
@given(st.lists(st.decimals(0, 10, places=2), min_size=1, max_size=12))
def test_the_mean_lies_between_the_lowest_and_highest_total(values):
    result = aggregate(dict(enumerate(values)))
    assert result.mean is not None
    assert min(values) <= result.mean <= max(values)


def test_probe_pairs_are_the_texts_adjacent_characters():
    from minsheng.participation.similarity import probe_pairs

    assert probe_pairs("增加停车位") == ["增加", "加停", "停车", "车位"]
