"""The ballot's counting rule (票决计票规则), as one pure function without a database.

The rules, in the order they are applied:

1. **Quorum.** The ballot counts only when the number of ballots cast is *more than*
   ``quorum`` (a fraction, default one half) of the eligible deputies. Without a quorum
   nobody is chosen and the result says so.
2. **Majority.** A candidate qualifies only with *more than* ``majority`` (default one half)
   of the ballots cast — blank ballots count as cast, so abstaining is not free.
3. **Top K.** Of the qualified candidates, those with the most votes fill the K seats.
4. **Ties.** When candidates tie for the last seat(s) and there are more of them than seats
   left, none of the tied candidates is chosen: the tie is reported as *unresolved* with the
   number of seats still open, and the office holds a run-off among exactly those
   candidates. The count never breaks a tie by name, order or score, so the result does not
   depend on how the candidates happen to be listed.

Each paper chooses at most K distinct candidates; a paper that breaks this is rejected
before counting (``InvalidPaper``), never silently trimmed.
"""

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import Generic, TypeVar

C = TypeVar("C", bound=Hashable)

HALF = Fraction(1, 2)


class Outcome(StrEnum):
    CHOSEN = "chosen"
    TIED = "tied"  # tied for the last seat(s): needs a run-off
    NOT_CHOSEN = "not_chosen"  # qualified but outvoted for the K seats
    NO_MAJORITY = "no_majority"  # did not reach the majority of ballots cast
    NO_QUORUM = "no_quorum"  # the ballot as a whole did not count


class InvalidPaper(ValueError):
    """A ballot paper that chooses too many, repeated or unknown candidates."""


@dataclass(frozen=True)
class Rules:
    seats: int  # K: how many candidates the list takes
    quorum: Fraction = HALF  # ballots cast must be more than this share of eligible deputies
    majority: Fraction = HALF  # a candidate needs more than this share of ballots cast

    def __post_init__(self) -> None:
        if self.seats < 1:
            raise ValueError("seats must be at least 1")
        if not (0 <= self.quorum < 1 and 0 <= self.majority < 1):
            raise ValueError("quorum and majority are shares in [0, 1)")


@dataclass(frozen=True)
class Line(Generic[C]):
    candidate: C
    votes: int
    outcome: Outcome


@dataclass(frozen=True)
class TallyResult(Generic[C]):
    rules: Rules
    eligible: int
    cast: int
    quorum_met: bool
    votes_needed: int  # the least number of votes that is a majority of ballots cast
    lines: list[Line[C]] = field(default_factory=list)  # most votes first
    seats_open: int = 0  # seats left for the run-off among the tied candidates

    @property
    def chosen(self) -> list[C]:
        return [line.candidate for line in self.lines if line.outcome == Outcome.CHOSEN]

    @property
    def tied(self) -> list[C]:
        return [line.candidate for line in self.lines if line.outcome == Outcome.TIED]

    @property
    def resolved(self) -> bool:
        return self.quorum_met and not self.tied


def more_than(share: Fraction, whole: int) -> int:
    """The least whole number strictly greater than ``share × whole``."""
    return int(share * whole) + 1


def validate_paper(paper: Collection[C], candidates: Collection[C], seats: int) -> None:
    """Refuse a paper with more than ``seats`` choices or with a candidate not on the ballot."""
    if len(set(paper)) != len(paper):
        raise InvalidPaper("a candidate is chosen twice")
    if len(paper) > seats:
        raise InvalidPaper(f"{len(paper)} choices where at most {seats} are allowed")
    unknown = set(paper) - set(candidates)
    if unknown:
        raise InvalidPaper("a choice is not on the ballot")


def tally(
    candidates: Sequence[C], papers: Iterable[Collection[C]], *, eligible: int, rules: Rules
) -> TallyResult[C]:
    """Count the papers and apply quorum, majority, top-K and the tie rule (module docstring)."""
    papers = list(papers)
    if len(set(candidates)) != len(candidates):
        raise ValueError("a candidate is listed twice")
    if len(papers) > eligible:
        raise ValueError("more ballots cast than deputies eligible")
    votes: dict[C, int] = dict.fromkeys(candidates, 0)
    for paper in papers:
        validate_paper(paper, candidates, rules.seats)
        for choice in paper:
            votes[choice] += 1
    cast = len(papers)
    # Most votes first; equal votes keep the listed order, for display only: no rule reads it.
    ranked = sorted(candidates, key=lambda c: -votes[c])
    needed = more_than(rules.majority, cast)
    quorum_met = cast >= more_than(rules.quorum, eligible)
    if not quorum_met:
        lines = [Line(c, votes[c], Outcome.NO_QUORUM) for c in ranked]
        return TallyResult(rules, eligible, cast, False, needed, lines)

    qualified = [c for c in ranked if votes[c] >= needed]
    outcome: dict[C, Outcome] = dict.fromkeys(candidates, Outcome.NO_MAJORITY)
    seats_open = 0
    if len(qualified) <= rules.seats:
        outcome.update(dict.fromkeys(qualified, Outcome.CHOSEN))
    else:
        last = votes[qualified[rules.seats - 1]]  # votes at the K-th place
        above = [c for c in qualified if votes[c] > last]
        at = [c for c in qualified if votes[c] == last]
        outcome.update(dict.fromkeys(qualified, Outcome.NOT_CHOSEN))
        outcome.update(dict.fromkeys(above, Outcome.CHOSEN))
        if len(above) + len(at) == rules.seats:
            outcome.update(dict.fromkeys(at, Outcome.CHOSEN))
        else:
            outcome.update(dict.fromkeys(at, Outcome.TIED))
            seats_open = rules.seats - len(above)
    lines = [Line(c, votes[c], outcome[c]) for c in ranked]
    return TallyResult(rules, eligible, cast, True, needed, lines, seats_open)
