"""The ballot on the database: one secret ballot per deputy, closing, counting, publishing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from minsheng.accounts.models import Role
from minsheng.audit.models import AuditRecord
from minsheng.core.i18n import UserFacingError
from minsheng.participation import services
from minsheng.participation.models import (
    BallotMark,
    BallotPaper,
    BallotParticipation,
    BallotState,
    TallyLine,
)
from minsheng.participation.tests.builders import at, open_ballot
from minsheng.testing import make_user

pytestmark = pytest.mark.django_db


def vote(ballot, deputy, *candidates):
    services.ballot_cast(actor=deputy, ballot=ballot, choices=[c.pk for c in candidates])


def test_a_deputy_on_the_roll_casts_one_ballot():
    ballot, (a, b, *_), roll, _office = open_ballot()
    vote(ballot, roll[0], a, b)
    ballot.refresh_from_db()
    assert ballot.cast_count == 1
    assert BallotParticipation.objects.filter(ballot=ballot, voter=roll[0]).exists()
    assert BallotMark.objects.filter(paper__ballot=ballot).count() == 2


def test_a_deputy_cannot_vote_twice():
    ballot, (a, b, c, *_), roll, _office = open_ballot()
    vote(ballot, roll[0], a)
    with pytest.raises(UserFacingError, match="already voted"):
        vote(ballot, roll[0], b, c)
    assert BallotPaper.objects.filter(ballot=ballot).count() == 1
    ballot.refresh_from_db()
    assert ballot.cast_count == 1


def test_the_database_refuses_a_second_participation_even_past_the_service():
    ballot, _candidates, roll, _office = open_ballot()
    BallotParticipation.objects.create(ballot=ballot, voter=roll[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        BallotParticipation.objects.create(ballot=ballot, voter=roll[0])


def test_the_database_refuses_the_same_candidate_twice_on_one_paper():
    ballot, (a, *_), _roll, _office = open_ballot()
    paper = BallotPaper.objects.create(ballot=ballot)
    BallotMark.objects.create(paper=paper, candidate=a)
    with pytest.raises(IntegrityError), transaction.atomic():
        BallotMark.objects.create(paper=paper, candidate=a)


def test_more_than_k_choices_are_refused_and_nothing_is_recorded():
    ballot, (a, b, c, *_), roll, _office = open_ballot(seats=2)
    with pytest.raises(UserFacingError, match="at most 2"):
        vote(ballot, roll[0], a, b, c)
    assert not BallotParticipation.objects.filter(ballot=ballot).exists()
    assert not BallotPaper.objects.filter(ballot=ballot).exists()


def test_a_candidate_of_another_ballot_is_refused():
    ballot, _candidates, roll, _office = open_ballot()
    _other, (stranger, *_), _roll, _ = open_ballot()
    with pytest.raises(UserFacingError, match="not on this ballot"):
        vote(ballot, roll[0], stranger)


def test_a_blank_ballot_is_a_ballot_cast():
    ballot, _candidates, roll, _office = open_ballot()
    vote(ballot, roll[0])
    ballot.refresh_from_db()
    assert ballot.cast_count == 1


def test_someone_not_on_the_roll_cannot_vote():
    ballot, (a, *_), _roll, _office = open_ballot()
    with pytest.raises(PermissionDenied):
        vote(ballot, make_user(Role.OBSERVER), a)


def test_nobody_can_vote_after_the_ballot_is_closed():
    ballot, (a, *_), roll, office = open_ballot()
    services.ballot_close(actor=office, ballot=ballot)
    with pytest.raises(UserFacingError, match="not open"):
        vote(ballot, roll[0], a)


def test_nobody_can_vote_after_the_closing_time_even_before_the_office_closes_it():
    ballot, (a, *_), roll, _office = open_ballot()
    with pytest.raises(UserFacingError, match="not open"):
        services.ballot_cast(actor=roll[0], ballot=ballot, choices=[a.pk], now=at(3))


def test_nobody_can_vote_before_the_ballot_opens():
    ballot, (a, *_), roll, _office = open_ballot(opens_at=at(1), closes_at=at(2))
    with pytest.raises(UserFacingError, match="not open"):
        vote(ballot, roll[0], a)


def test_a_draft_ballot_takes_no_votes():
    ballot, (a, *_), roll, _office = open_ballot()
    ballot.state = BallotState.DRAFT
    ballot.save()
    with pytest.raises(UserFacingError, match="not open"):
        vote(ballot, roll[0], a)


def test_only_the_office_opens_and_closes_a_ballot():
    ballot, _candidates, roll, _office = open_ballot()
    with pytest.raises(PermissionDenied):
        services.ballot_close(actor=roll[0], ballot=ballot)


def test_the_paper_carries_no_voter_and_no_time():
    names = {field.name for field in BallotPaper._meta.get_fields()}
    assert names == {"id", "ballot", "choices", "marks"}


def test_papers_have_random_ids_that_do_not_follow_the_voting_order():
    ballot, (a, *_), roll, _office = open_ballot()
    for deputy in roll[:5]:
        vote(ballot, deputy, a)
    ids = [paper.pk.version for paper in BallotPaper.objects.filter(ballot=ballot)]
    assert ids == [4] * 5  # UUID4: random, not a sequence


def test_the_audit_trail_records_that_a_deputy_voted_but_not_how():
    ballot, (a, b, *_), roll, _office = open_ballot()
    vote(ballot, roll[0], a, b)
    record = AuditRecord.objects.get(action="ballot.vote")
    assert record.actor == roll[0]
    assert record.after == {"ballot": ballot.pk}


def test_closing_counts_the_papers_and_stores_the_tally():
    ballot, (a, b, c, _d, _e), roll, office = open_ballot(seats=2, voters=7)
    for deputy in roll[:4]:
        vote(ballot, deputy, a, b)
    for deputy in roll[4:6]:
        vote(ballot, deputy, a, c)
    result = services.ballot_close(actor=office, ballot=ballot)
    assert result.chosen == [a.pk, b.pk]
    lines = {
        line.candidate_id: (line.votes, line.outcome)
        for line in TallyLine.objects.filter(ballot=ballot)
    }
    assert lines[a.pk] == (6, "chosen")
    assert lines[b.pk] == (4, "chosen")
    assert lines[c.pk] == (2, "no_majority")
    ballot.refresh_from_db()
    assert ballot.state == BallotState.CLOSED and ballot.quorum_met


def test_without_a_quorum_the_closed_ballot_chooses_nobody():
    ballot, (a, *_), roll, office = open_ballot(voters=7)
    for deputy in roll[:3]:
        vote(ballot, deputy, a)
    result = services.ballot_close(actor=office, ballot=ballot)
    assert not result.quorum_met
    assert result.chosen == []


def test_a_tie_for_the_last_seat_is_stored_as_unresolved_and_a_runoff_decides_it():
    ballot, (a, b, c, *_), roll, office = open_ballot(seats=2, voters=7)
    for deputy in roll[:3]:
        vote(ballot, deputy, a, b)
    for deputy in roll[3:6]:
        vote(ballot, deputy, a, c)
    vote(ballot, roll[6], b, c)
    result = services.ballot_close(actor=office, ballot=ballot)
    assert result.chosen == [a.pk]
    assert sorted(result.tied) == sorted([b.pk, c.pk])
    runoff = services.ballot_create_runoff(
        actor=office, ballot=ballot, opens_at=at(-1), closes_at=at(1)
    )
    assert runoff.seats == 1
    assert set(runoff.candidates.all()) == {b, c}
    assert runoff.roll.count() == 7


def test_publishing_turns_the_chosen_candidates_into_numbered_projects_linked_back():
    ballot, (a, b, *_), roll, office = open_ballot(seats=2, voters=3)
    vote(ballot, roll[0], a, b)
    vote(ballot, roll[1], a, b)
    vote(ballot, roll[2], a)
    services.ballot_close(actor=office, ballot=ballot)
    projects = services.ballot_publish(actor=office, ballot=ballot)
    assert [(p.number, p.title) for p in projects] == [(1, a.title), (2, b.title)]
    a.refresh_from_db()
    assert a.project == projects[0]
    assert projects[0].project_departments.get().department == a.lead_department
    assert AuditRecord.objects.filter(action="project.create_from_ballot").count() == 2


def test_a_ballot_can_be_published_only_once():
    ballot, (a, *_), roll, office = open_ballot(voters=1)
    vote(ballot, roll[0], a)
    services.ballot_close(actor=office, ballot=ballot)
    services.ballot_publish(actor=office, ballot=ballot)
    with pytest.raises(UserFacingError):
        services.ballot_publish(actor=office, ballot=ballot)


def test_k_larger_than_the_candidates_is_refused():
    with pytest.raises(UserFacingError, match="between 1 and"):
        open_ballot(candidates=2, seats=3)


def test_closing_before_opening_is_refused():
    with pytest.raises(UserFacingError, match="close after"):
        open_ballot(opens_at=at(2), closes_at=at(1))


def test_every_office_action_on_a_ballot_is_in_the_audit_trail():
    ballot, (a, *_), roll, office = open_ballot(voters=1)
    vote(ballot, roll[0], a)
    services.ballot_close(actor=office, ballot=ballot)
    services.ballot_publish(actor=office, ballot=ballot)
    actions = set(AuditRecord.objects.filter(actor=office).values_list("action", flat=True))
    assert {"ballot.create", "ballot.open", "ballot.close", "ballot.publish"} <= actions


def test_the_closing_time_must_follow_the_opening(db):
    ballot, *_ = open_ballot()
    assert ballot.closes_at - ballot.opens_at == timedelta(hours=3)


def test_closing_shuffles_the_box_under_new_ids_without_changing_the_count():
    ballot, (a, b, c, *_), roll, office = open_ballot(seats=2, voters=4)
    for deputy, choices in zip(roll, [(a, b), (a,), (c,), ()], strict=True):
        vote(ballot, deputy, *choices)
    before_ids = set(BallotPaper.objects.filter(ballot=ballot).values_list("pk", flat=True))
    contents_before = sorted(
        sorted(paper.marks.values_list("candidate_id", flat=True))
        for paper in BallotPaper.objects.filter(ballot=ballot)
    )
    services.ballot_close(actor=office, ballot=ballot)
    papers = BallotPaper.objects.filter(ballot=ballot)
    assert before_ids.isdisjoint(papers.values_list("pk", flat=True))
    assert contents_before == sorted(
        sorted(paper.marks.values_list("candidate_id", flat=True)) for paper in papers
    )


def test_marks_have_random_ids_too():
    ballot, (a, *_), roll, _office = open_ballot()
    vote(ballot, roll[0], a)
    assert BallotMark.objects.get(paper__ballot=ballot).pk.version == 4
