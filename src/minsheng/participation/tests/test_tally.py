"""The ballot's counting rule: quorum, majority, top K, ties — examples and invariants."""

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minsheng.participation.tally import (
    InvalidPaper,
    Outcome,
    Rules,
    more_than,
    tally,
)

ABCDE = ["A", "B", "C", "D", "E"]


def papers(*groups: tuple[int, str]) -> list[set[str]]:
    """`papers((3, "AB"), (2, "C"))`: three papers choosing A and B, two choosing C."""
    return [set(choices) for times, choices in groups for _ in range(times)]


def test_more_than_half_of_seven_is_four():
    assert more_than(Fraction(1, 2), 7) == 4


def test_more_than_half_of_eight_is_five():
    assert more_than(Fraction(1, 2), 8) == 5


def test_the_top_k_candidates_with_a_majority_are_chosen():
    result = tally(ABCDE, papers((4, "AB"), (3, "AC"), (2, "BD")), eligible=10, rules=Rules(2))
    assert result.chosen == ["A", "B"]
    assert result.resolved


def test_without_a_quorum_nobody_is_chosen():
    result = tally(ABCDE, papers((5, "AB")), eligible=10, rules=Rules(2))
    assert not result.quorum_met
    assert result.chosen == []
    assert {line.outcome for line in result.lines} == {Outcome.NO_QUORUM}


def test_exactly_half_of_the_deputies_is_not_a_quorum_but_one_more_is():
    assert not tally(ABCDE, papers((5, "A")), eligible=10, rules=Rules(1)).quorum_met
    assert tally(ABCDE, papers((6, "A")), eligible=10, rules=Rules(1)).quorum_met


def test_a_candidate_with_exactly_half_of_the_ballots_is_not_chosen():
    result = tally(ABCDE, papers((3, "A"), (3, "B")), eligible=6, rules=Rules(2))
    assert result.votes_needed == 4
    assert result.chosen == []
    assert all(line.outcome == Outcome.NO_MAJORITY for line in result.lines)


def test_blank_ballots_count_as_cast_and_raise_the_majority_needed():
    result = tally(ABCDE, papers((4, "A"), (4, "")), eligible=8, rules=Rules(1))
    assert result.cast == 8
    assert result.votes_needed == 5
    assert result.chosen == []


def test_fewer_candidates_qualify_than_seats_leaves_seats_empty_without_a_runoff():
    result = tally(ABCDE, papers((5, "AB"), (4, "C")), eligible=9, rules=Rules(3))
    assert result.chosen == ["A", "B"]
    assert result.tied == []
    assert result.seats_open == 0


def test_a_tie_for_the_last_seat_is_unresolved_and_needs_a_runoff():
    result = tally(ABCDE, papers((3, "AB"), (3, "AC"), (1, "BC")), eligible=7, rules=Rules(2))
    assert result.chosen == ["A"]
    assert sorted(result.tied) == ["B", "C"]
    assert result.seats_open == 1
    assert not result.resolved


def test_a_tie_that_fits_in_the_seats_left_chooses_all_the_tied():
    result = tally(ABCDE, papers((4, "ABC"), (1, "D")), eligible=5, rules=Rules(3))
    assert result.chosen == ["A", "B", "C"]
    assert result.resolved


def test_a_tie_is_not_broken_by_listing_order():
    drawn = papers((3, "AB"), (3, "AC"), (1, "BC"))
    forward = tally(ABCDE, drawn, eligible=7, rules=Rules(2))
    backward = tally(ABCDE[::-1], drawn, eligible=7, rules=Rules(2))
    assert set(forward.tied) == set(backward.tied) == {"B", "C"}


def test_a_paper_with_more_than_k_choices_is_refused():
    with pytest.raises(InvalidPaper):
        tally(ABCDE, [{"A", "B", "C"}], eligible=3, rules=Rules(2))


def test_a_paper_naming_a_candidate_not_on_the_ballot_is_refused():
    with pytest.raises(InvalidPaper):
        tally(ABCDE, [{"Z"}], eligible=3, rules=Rules(2))


def test_more_papers_than_eligible_deputies_is_an_error():
    with pytest.raises(ValueError, match=r"^more ballots cast than deputies eligible$"):
        tally(ABCDE, papers((3, "A")), eligible=2, rules=Rules(1))


def test_a_two_thirds_majority_rule_is_applied_when_configured():
    rules = Rules(1, majority=Fraction(2, 3))
    result = tally(ABCDE, papers((6, "A"), (3, "B")), eligible=9, rules=rules)
    assert result.votes_needed == 7
    assert result.chosen == []


# --- invariants over random ballots ----------------------------------------------------


@st.composite
def ballots(draw):
    n = draw(st.integers(1, 7))
    candidates = [f"c{i}" for i in range(n)]
    seats = draw(st.integers(1, n))
    eligible = draw(st.integers(0, 15))
    cast = draw(st.integers(0, eligible))
    paper = st.lists(st.sampled_from(candidates), unique=True, max_size=seats)
    drawn = draw(st.lists(paper, min_size=cast, max_size=cast))
    quorum = draw(st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(2, 3)]))
    majority = draw(st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(2, 3)]))
    rules = Rules(seats, quorum=quorum, majority=majority)
    return candidates, [set(p) for p in drawn], eligible, rules


@settings(max_examples=300, deadline=None)
@given(ballots())
def test_never_more_chosen_than_seats(case):
    candidates, drawn, eligible, rules = case
    result = tally(candidates, drawn, eligible=eligible, rules=rules)
    assert len(result.chosen) <= rules.seats
    assert len(result.chosen) + result.seats_open <= rules.seats


@settings(max_examples=300, deadline=None)
@given(ballots())
def test_every_chosen_candidate_has_a_majority_and_outpolls_every_other(case):
    candidates, drawn, eligible, rules = case
    result = tally(candidates, drawn, eligible=eligible, rules=rules)
    votes = {line.candidate: line.votes for line in result.lines}
    others = [c for c in candidates if c not in result.chosen]
    for chosen in result.chosen:
        assert votes[chosen] >= result.votes_needed
        assert all(votes[chosen] >= votes[other] for other in others)
        assert all(votes[chosen] > votes[tied] for tied in result.tied)


@settings(max_examples=300, deadline=None)
@given(ballots())
def test_tied_candidates_share_one_vote_count_and_outnumber_the_open_seats(case):
    candidates, drawn, eligible, rules = case
    result = tally(candidates, drawn, eligible=eligible, rules=rules)
    votes = {line.candidate: line.votes for line in result.lines}
    if result.tied:
        assert len({votes[c] for c in result.tied}) == 1
        assert len(result.tied) > result.seats_open >= 1
        assert len(result.chosen) + result.seats_open == rules.seats
    else:
        assert result.seats_open == 0


@settings(max_examples=300, deadline=None)
@given(ballots())
def test_votes_add_up_to_the_choices_on_the_papers(case):
    candidates, drawn, eligible, rules = case
    result = tally(candidates, drawn, eligible=eligible, rules=rules)
    assert sum(line.votes for line in result.lines) == sum(len(p) for p in drawn)
    assert result.cast == len(drawn)


@settings(max_examples=300, deadline=None)
@given(ballots(), st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_of_papers_or_candidates(case, rnd: random.Random):
    candidates, drawn, eligible, rules = case
    result = tally(candidates, drawn, eligible=eligible, rules=rules)
    shuffled_candidates = candidates[:]
    rnd.shuffle(shuffled_candidates)
    shuffled_papers = drawn[:]
    rnd.shuffle(shuffled_papers)
    other = tally(shuffled_candidates, shuffled_papers, eligible=eligible, rules=rules)
    outcome = {line.candidate: line.outcome for line in result.lines}
    assert outcome == {line.candidate: line.outcome for line in other.lines}
    assert result.seats_open == other.seats_open


@settings(max_examples=300, deadline=None)
@given(ballots())
def test_without_quorum_nothing_is_chosen_and_with_it_every_seat_is_filled_or_explained(case):
    candidates, drawn, eligible, rules = case
    result = tally(candidates, drawn, eligible=eligible, rules=rules)
    if not result.quorum_met:
        assert result.chosen == [] and result.tied == []
        return
    qualified = [line for line in result.lines if line.votes >= result.votes_needed]
    assert len(result.chosen) + result.seats_open == min(rules.seats, len(qualified))


def test_two_qualified_candidates_level_for_one_seat_are_tied():
    result = tally(ABCDE, papers((4, "AB"), (4, "AC"), (4, "BC")), eligible=12, rules=Rules(2))
    outcomes = {line.candidate: line.outcome for line in result.lines}
    assert [outcomes[c] for c in "ABC"] == [Outcome.TIED] * 3


def test_the_outvoted_outcome_is_named_not_chosen():
    assert Outcome.NOT_CHOSEN.value == "not_chosen"


def test_a_candidate_with_a_majority_below_the_kth_place_is_not_chosen():
    result = tally(ABCDE, papers((5, "AB"), (4, "AC"), (3, "BC")), eligible=12, rules=Rules(2))
    outcomes = {line.candidate: line.outcome for line in result.lines}
    assert [outcomes[c] for c in "ABC"] == [Outcome.CHOSEN, Outcome.CHOSEN, Outcome.NOT_CHOSEN]


# Edges of the rule, one fact each (the mutants of scripts/mutation-test name them).


def test_the_outcomes_are_stored_under_the_names_the_ballot_page_reads():
    # BallotTally.outcome keeps these strings and ballot.html compares them literally.
    names = [outcome.value for outcome in Outcome]
    assert names == ["chosen", "tied", "not_chosen", "no_majority", "no_quorum"]


def test_a_ballot_without_a_quorum_is_not_resolved():
    assert not tally(ABCDE, papers((5, "A")), eligible=10, rules=Rules(1)).resolved


def test_a_ballot_for_no_seat_is_refused():
    with pytest.raises(ValueError, match=r"^seats must be at least 1$"):
        Rules(0)


def test_a_quorum_of_every_deputy_is_refused_as_a_share():
    with pytest.raises(ValueError, match=r"^quorum and majority are shares in \[0, 1\)$"):
        Rules(1, quorum=Fraction(1))


def test_a_majority_of_every_ballot_is_refused_as_a_share():
    with pytest.raises(ValueError, match="shares"):
        Rules(1, majority=Fraction(1))


def test_a_negative_majority_is_refused():
    with pytest.raises(ValueError, match="shares"):
        Rules(1, majority=Fraction(-1, 2))


def test_a_candidate_listed_twice_is_an_error():
    with pytest.raises(ValueError, match=r"^a candidate is listed twice$"):
        tally(["A", "A"], [], eligible=1, rules=Rules(1))


def test_a_paper_choosing_one_candidate_twice_is_refused():
    with pytest.raises(InvalidPaper, match=r"^a candidate is chosen twice$"):
        tally(ABCDE, [["A", "A"]], eligible=3, rules=Rules(2))


def test_a_paper_with_too_many_choices_says_how_many_are_allowed():
    with pytest.raises(InvalidPaper, match=r"^3 choices where at most 2 are allowed$"):
        tally(ABCDE, [{"A", "B", "C"}], eligible=3, rules=Rules(2))


def test_a_paper_naming_an_unknown_candidate_says_so():
    with pytest.raises(InvalidPaper, match=r"^a choice is not on the ballot$"):
        tally(ABCDE, [{"Z"}], eligible=3, rules=Rules(2))
