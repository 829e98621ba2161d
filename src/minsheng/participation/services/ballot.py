"""The deputies' ballot (票决): open, cast, close and count, publish, run-off.

Secrecy: casting writes a BallotParticipation (who) and a BallotPaper (how) in one
transaction; the paper has a random id and no voter or time, and the audit trail records
only that the deputy voted. A cast ballot cannot be changed: there is no service to change
it, the database refuses a second participation for the same deputy, and papers are never
updated. When the ballot closes the papers are shuffled and rewritten (shuffle_box), so not
even the order of rows in the database links a paper to a deputy.
"""

import secrets
from collections.abc import Iterable, Sequence
from datetime import datetime
from fractions import Fraction
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.audit.services import record_change, snapshot
from minsheng.notifications import events
from minsheng.participation import tally as counting
from minsheng.participation.models import (
    Ballot,
    BallotMark,
    BallotPaper,
    BallotParticipation,
    BallotState,
    BallotVoter,
    Candidate,
    TallyLine,
)
from minsheng.participation.permissions import can_manage, can_vote
from minsheng.participation.services.common import refuse, require
from minsheng.plans.choices import DepartmentRole
from minsheng.plans.models import Plan, Project, ProjectDepartment


def rules_of(ballot: Ballot) -> counting.Rules:
    return counting.Rules(
        seats=ballot.seats,
        quorum=Fraction(ballot.quorum_percent, 100),
        majority=Fraction(ballot.majority_percent, 100),
    )


@transaction.atomic
def ballot_create(
    *,
    actor: Any,
    plan: Plan,
    title: str,
    seats: int,
    opens_at: datetime,
    closes_at: datetime,
    candidates: Sequence[Candidate],
    voters: Iterable[Any],
    quorum_percent: int = 50,
    majority_percent: int = 50,
    runoff_of: Ballot | None = None,
) -> Ballot:
    """Draft a ballot on some of the plan's candidates with its roll of eligible deputies."""
    require(can_manage(actor, plan))
    voters = list(voters)
    if not candidates:
        refuse(_("A ballot needs at least one candidate."))
    if any(c.plan_id != plan.pk for c in candidates):
        refuse(_("Every candidate must belong to the ballot's plan."))
    if not 1 <= seats <= len(candidates):
        refuse(
            _("The number to choose must be between 1 and the number of candidates (%(n)s)."),
            n=len(candidates),
        )
    if not voters:
        refuse(_("A ballot needs at least one eligible deputy."))
    if closes_at <= opens_at:
        refuse(_("The ballot must close after it opens."))
    if not (0 <= quorum_percent < 100 and 0 <= majority_percent < 100):
        refuse(_("Quorum and majority are percentages below 100."))
    ballot = Ballot.objects.create(
        plan=plan,
        title=title,
        seats=seats,
        opens_at=opens_at,
        closes_at=closes_at,
        quorum_percent=quorum_percent,
        majority_percent=majority_percent,
        runoff_of=runoff_of,
    )
    ballot.candidates.set(candidates)
    BallotVoter.objects.bulk_create([BallotVoter(ballot=ballot, user=v) for v in voters])
    after = snapshot(ballot) | {
        "candidates": sorted(c.pk for c in candidates),
        "voters": sorted(v.pk for v in voters),
    }
    record_change(actor=actor, action="ballot.create", instance=ballot, after=after)
    return ballot


def _locked(ballot: Ballot) -> Ballot:
    return Ballot.objects.select_for_update().get(pk=ballot.pk)


@transaction.atomic
def ballot_open(*, actor: Any, ballot: Ballot) -> Ballot:
    """Open a draft ballot; the roll is frozen and counted as the eligible deputies."""
    require(can_manage(actor, ballot.plan))
    ballot = _locked(ballot)
    if ballot.state != BallotState.DRAFT:
        refuse(_("Only a draft ballot can be opened."))
    before = snapshot(ballot, ["state"])
    ballot.state = BallotState.OPEN
    ballot.eligible_count = ballot.roll.count()
    ballot.save(update_fields=["state", "eligible_count"])
    record_change(
        actor=actor,
        action="ballot.open",
        instance=ballot,
        before=before,
        after=snapshot(ballot, ["state", "eligible_count"]),
    )
    events.ballot_opened(ballot)
    return ballot


@transaction.atomic
def ballot_cast(
    *, actor: Any, ballot: Ballot, choices: Iterable[int], now: datetime | None = None
) -> None:
    """Cast the deputy's one ballot: up to K distinct candidates of this ballot, or none."""
    ballot = _locked(ballot)  # serialises casting and closing on this ballot
    require(can_vote(actor, ballot))
    now = now or timezone.now()
    if ballot.state != BallotState.OPEN or not ballot.opens_at <= now < ballot.closes_at:
        refuse(_("This ballot is not open for voting."))
    chosen = list(choices)
    if len(set(chosen)) != len(chosen):
        refuse(_("A candidate can be chosen only once."))
    if len(chosen) > ballot.seats:
        refuse(_("Choose at most %(seats)s candidates."), seats=ballot.seats)
    on_ballot = set(ballot.candidates.values_list("pk", flat=True))
    if not set(chosen) <= on_ballot:
        refuse(_("A choice is not on this ballot."))
    try:
        with transaction.atomic():
            participation = BallotParticipation.objects.create(ballot=ballot, voter=actor)
    except IntegrityError:
        refuse(_("You have already voted in this ballot; a cast ballot cannot be changed."))
    paper = BallotPaper.objects.create(ballot=ballot)
    BallotMark.objects.bulk_create([BallotMark(paper=paper, candidate_id=c) for c in chosen])
    Ballot.objects.filter(pk=ballot.pk).update(cast_count=F("cast_count") + 1)
    # The trail says that the deputy voted, never how.
    record_change(
        actor=actor,
        action="ballot.vote",
        instance=participation,
        after={"ballot": ballot.pk},
    )


def count_papers(ballot: Ballot) -> counting.TallyResult[int]:
    """Count the stored papers of a ballot by the counting rule (participation.tally)."""
    candidates = sorted(ballot.candidates.values_list("pk", flat=True))
    marks: dict[Any, set[int]] = {p: set() for p in ballot.papers.values_list("pk", flat=True)}
    for paper_id, candidate_id in BallotMark.objects.filter(paper__ballot=ballot).values_list(
        "paper_id", "candidate_id"
    ):
        marks[paper_id].add(candidate_id)
    return counting.tally(
        candidates, marks.values(), eligible=ballot.eligible_count, rules=rules_of(ballot)
    )


def shuffle_box(ballot: Ballot) -> None:
    """Put the papers back in the box in random order under new random ids.

    Random ids hide the order in which papers were cast, but the database still keeps rows
    in insertion order (SQLite's rowid, PostgreSQL's physical order). Rewriting every paper
    in shuffled order when the ballot closes removes that last trace before the count."""
    papers: dict[Any, list[int]] = {p: [] for p in ballot.papers.values_list("pk", flat=True)}
    for paper_id, candidate_id in BallotMark.objects.filter(paper__ballot=ballot).values_list(
        "paper_id", "candidate_id"
    ):
        papers[paper_id].append(candidate_id)
    contents = list(papers.values())
    secrets.SystemRandom().shuffle(contents)
    BallotMark.objects.filter(paper__ballot=ballot).delete()
    BallotPaper.objects.filter(ballot=ballot).delete()
    fresh = BallotPaper.objects.bulk_create([BallotPaper(ballot=ballot) for _ in contents])
    BallotMark.objects.bulk_create(
        [
            BallotMark(paper=paper, candidate_id=candidate)
            for paper, choices in zip(fresh, contents, strict=True)
            for candidate in choices
        ]
    )


@transaction.atomic
def ballot_close(*, actor: Any, ballot: Ballot) -> counting.TallyResult[int]:
    """Close an open ballot and store its count; nobody can vote after this."""
    require(can_manage(actor, ballot.plan))
    ballot = _locked(ballot)
    if ballot.state != BallotState.OPEN:
        refuse(_("Only an open ballot can be closed."))
    shuffle_box(ballot)
    result = count_papers(ballot)
    before = snapshot(ballot, ["state"])
    ballot.state = BallotState.CLOSED
    ballot.quorum_met = result.quorum_met
    ballot.seats_open = result.seats_open
    ballot.save(update_fields=["state", "quorum_met", "seats_open"])
    TallyLine.objects.bulk_create(
        [
            TallyLine(
                ballot=ballot,
                candidate_id=line.candidate,
                votes=line.votes,
                outcome=line.outcome,
                rank=rank,
            )
            for rank, line in enumerate(result.lines, start=1)
        ]
    )
    record_change(
        actor=actor,
        action="ballot.close",
        instance=ballot,
        before=before,
        after={
            "state": ballot.state,
            "cast": result.cast,
            "eligible": result.eligible,
            "quorum_met": result.quorum_met,
            "tally": {str(line.candidate): line.votes for line in result.lines},
            "chosen": result.chosen,
            "tied": result.tied,
        },
    )
    return result


def _make_project(actor: Any, plan: Plan, candidate: Candidate, number: int) -> Project:
    project = Project.objects.create(
        plan=plan,
        number=number,
        title=candidate.title,
        domain=candidate.domain,
        description=candidate.description,
    )
    ProjectDepartment.objects.create(
        project=project, department=candidate.lead_department, role=DepartmentRole.LEAD, order=0
    )
    co = candidate.departments.exclude(pk=candidate.lead_department_id).order_by("name")
    for order, department in enumerate(co, start=1):
        ProjectDepartment.objects.create(
            project=project, department=department, role=DepartmentRole.CO, order=order
        )
    candidate.project = project
    candidate.save(update_fields=["project"])
    record_change(
        actor=actor,
        action="project.create_from_ballot",
        instance=project,
        after=snapshot(project) | {"candidate": candidate.pk},
    )
    return project


@transaction.atomic
def ballot_publish(*, actor: Any, ballot: Ballot) -> list[Project]:
    """Publish the tally; each chosen candidate becomes the next numbered project of the plan."""
    require(can_manage(actor, ballot.plan))
    ballot = _locked(ballot)
    if ballot.state != BallotState.CLOSED:
        refuse(_("Only a closed and counted ballot can be published."))
    ballot.state = BallotState.PUBLISHED
    ballot.save(update_fields=["state"])
    plan = Plan.objects.select_for_update().get(pk=ballot.plan_id)
    number = (plan.projects.aggregate(n=Max("number"))["n"] or 0) + 1
    chosen = (
        Candidate.objects.filter(
            pk__in=ballot.tally.filter(outcome=counting.Outcome.CHOSEN).values("candidate"),
            project__isnull=True,
        )
        .select_related("domain", "lead_department")
        .order_by("pk")
    )
    # Number the new projects by votes, most first, as the tally lists them.
    rank = dict(ballot.tally.values_list("candidate_id", "rank"))
    projects = []
    for offset, candidate in enumerate(sorted(chosen, key=lambda c: rank[c.pk])):
        projects.append(_make_project(actor, plan, candidate, number + offset))
    record_change(
        actor=actor,
        action="ballot.publish",
        instance=ballot,
        before={"state": BallotState.CLOSED},
        after={"state": ballot.state, "projects": [p.pk for p in projects]},
    )
    return projects


def ballot_create_runoff(
    *, actor: Any, ballot: Ballot, opens_at: datetime, closes_at: datetime
) -> Ballot:
    """A run-off among the candidates tied for the last seats, for the seats left open."""
    require(can_manage(actor, ballot.plan))
    ballot = Ballot.objects.get(pk=ballot.pk)
    if ballot.state not in {BallotState.CLOSED, BallotState.PUBLISHED} or not ballot.seats_open:
        refuse(_("Only a counted ballot with an unresolved tie can have a run-off."))
    tied = list(
        Candidate.objects.filter(
            pk__in=ballot.tally.filter(outcome=counting.Outcome.TIED).values("candidate")
        )
    )
    return ballot_create(
        actor=actor,
        plan=ballot.plan,
        title=str(_("Run-off: %(title)s")) % {"title": ballot.title},
        seats=ballot.seats_open,
        opens_at=opens_at,
        closes_at=closes_at,
        candidates=tied,
        voters=[v.user for v in ballot.roll.select_related("user")],
        quorum_percent=ballot.quorum_percent,
        majority_percent=ballot.majority_percent,
        runoff_of=ballot,
    )
