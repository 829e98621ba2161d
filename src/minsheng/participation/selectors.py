"""Reads of the public's part: similar suggestions, the candidates' scores, the tally,
visit results and a resident's suggestions followed to the finished project."""

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.utils import timezone

from minsheng.participation import scoring, similarity
from minsheng.participation.models import (
    Ballot,
    BallotState,
    Candidate,
    Criterion,
    Rating,
    SiteVisit,
    SolicitationWindow,
    Suggestion,
    SuggestionState,
    TallyLine,
)
from minsheng.plans.models import Plan, Project


def open_windows() -> QuerySet[SolicitationWindow]:
    today = timezone.localdate()
    return SolicitationWindow.objects.filter(
        opens_on__lte=today, closes_on__gte=today
    ).select_related("plan")


def published_suggestions(window: SolicitationWindow) -> QuerySet[Suggestion]:
    return (
        window.suggestions.filter(state=SuggestionState.PUBLISHED)
        .select_related("domain", "district")
        .annotate(support_count=Count("supports"))
    )


def similar_suggestions(
    window: SolicitationWindow, text: str, *, limit: int = 5
) -> list[similarity.Match[Suggestion]]:
    """Published suggestions of the window that read like `text`, best first.

    A score of at least SIMILAR needs the two texts to share at least that share
    (halved, by the Dice formula) of the probe's character pairs, so the database first
    keeps only rows containing enough of them; Python then scores the few left, reading only
    their text, and the matches are loaded with their support counts."""
    pairs = similarity.probe_pairs(text[:300])
    if len(pairs) < 2:
        return []
    # Pairs spanning punctuation are not in the raw text: allow one such miss.
    needed = max(1, math.ceil(similarity.SIMILAR / 2 * (len(pairs) + 1)) - 1)
    hits = sum(
        (Case(When(text__contains=pair, then=Value(1)), default=Value(0)) for pair in pairs),
        start=Value(0),
    )
    rows = (
        window.suggestions.filter(state=SuggestionState.PUBLISHED)
        .annotate(hits=hits)
        .filter(hits__gte=needed)
        .values_list("pk", "text")
    )
    matches = similarity.most_similar(text, list(rows), limit=limit)
    by_pk = published_suggestions(window).in_bulk([m.item for m in matches])
    return [similarity.Match(by_pk[m.item], m.score) for m in matches if m.item in by_pk]


def moderation_queue() -> QuerySet[Suggestion]:
    return (
        Suggestion.objects.filter(state=SuggestionState.PENDING)
        .select_related("window", "project", "domain", "district", "contact")
        .order_by("-flagged", "created_at")
    )


@dataclass
class CandidateRow:
    candidate: Candidate
    suggestion_count: int
    support_count: int
    totals: dict[Any, Decimal]  # expert → weighted total
    aggregate: scoring.Aggregate[Any]


def candidate_rows(plan_id: int) -> list[CandidateRow]:
    """Every candidate of a plan with its suggestions, supports and expert score aggregate."""
    candidates = (
        Candidate.objects.filter(plan_id=plan_id)
        .select_related("domain", "lead_department", "project")
        .prefetch_related("departments", "scores__expert__user")
        .annotate(
            suggestion_count=Count("suggestions", distinct=True),
            support_count=Count("suggestions__supports", distinct=True),
        )
    )
    weights = {c.pk: c.weight for c in Criterion.objects.filter(plan_id=plan_id)}
    rows = []
    for candidate in candidates:
        by_expert: dict[Any, dict[int, Decimal]] = defaultdict(dict)
        for score in candidate.scores.all():
            by_expert[score.expert.user][score.criterion_id] = score.value
        totals = {
            expert: scoring.weighted_total(values, weights)
            for expert, values in by_expert.items()
            if weights and set(weights) <= set(values)
        }
        rows.append(
            CandidateRow(
                candidate,
                candidate.suggestion_count,
                candidate.support_count,
                totals,
                scoring.aggregate(totals),
            )
        )
    return rows


def tally_lines(ballot: Ballot) -> QuerySet[TallyLine]:
    return ballot.tally.select_related("candidate", "candidate__project").order_by("rank")


def published_ballots() -> QuerySet[Ballot]:
    return Ballot.objects.filter(state=BallotState.PUBLISHED).select_related("plan")


@dataclass
class Dimension:
    name: str
    mean: Decimal | None
    distribution: list[int]  # how many gave 1, 2, 3, 4, 5


@dataclass
class ProjectResult:
    project: Project
    count: int
    dimensions: list[Dimension]
    comments: list[str] = field(default_factory=list)


DIMENSIONS = ("satisfaction", "quality", "timeliness")


def visit_results(visit: SiteVisit) -> list[ProjectResult]:
    """For each project of the visit: how many rated, the mean and spread of each score."""
    ratings = list(Rating.objects.filter(registration__visit=visit).order_by("created_at"))
    results = []
    for project in visit.projects.order_by("plan", "number"):
        mine = [r for r in ratings if r.project_id == project.pk]
        dimensions = []
        for name in DIMENSIONS:
            values = [getattr(r, name) for r in mine]
            mean = scoring.round2(Decimal(sum(values)) / Decimal(len(values))) if values else None
            dimensions.append(Dimension(name, mean, [values.count(n) for n in range(1, 6)]))
        comments = [r.comment for r in mine if r.comment]
        results.append(ProjectResult(project, len(mine), dimensions, comments))
    return results


def upcoming_visits() -> QuerySet[SiteVisit]:
    return SiteVisit.objects.filter(
        Q(starts_at__gte=timezone.now()) | Q(results_published=True)
    ).prefetch_related("projects")


@dataclass
class Trail:
    """A suggestion followed: candidate(s) → ballot outcome → project → its status."""

    suggestion: Suggestion
    candidates: list[tuple[Candidate, str]]  # with the outcome of its latest published ballot
    projects: list[tuple[Project, Any]]  # with the project's status today

    @property
    def signature(self) -> str:
        """Everything a resident follows, in one string: when it changes, tell them."""
        reply = getattr(self.suggestion, "reply", None)
        parts = [
            self.suggestion.state,
            *(f"c{c.pk}:{outcome}" for c, outcome in self.candidates),
            *(f"p{p.pk}:{status}" for p, status in self.projects),
            f"r:{bool(reply and reply.answered_at)}",
            f"n:{notice.state if (notice := self.suggestion.supervision_notice) else ''}",
        ]
        return "|".join(parts)


def my_suggestions(*, author_keys: Iterable[str], user: Any) -> list[Trail]:
    """The suggestions made from this browser or account, each followed along the loop."""
    from minsheng.progress.selectors import plan_ledger

    keys = [k for k in author_keys if k]
    who = Q(author_key__in=keys) if keys else Q(pk__in=[])
    if getattr(user, "is_authenticated", False):
        who |= Q(author=user)
    suggestions = list(
        Suggestion.objects.filter(who)
        .select_related(
            "window", "project", "domain", "reply", "reply__department", "supervision_notice"
        )
        .prefetch_related("candidates__project")
    )
    outcome_of = {
        line.candidate_id: line.outcome
        for line in TallyLine.objects.filter(
            candidate__suggestions__in=suggestions, ballot__state=BallotState.PUBLISHED
        ).order_by("ballot_id")  # a run-off is created after its ballot and overrides it
    }
    projects: dict[int, Project] = {}
    for suggestion in suggestions:
        for candidate in suggestion.candidates.all():
            if candidate.project:
                projects[candidate.project.pk] = candidate.project
        if suggestion.project:
            projects[suggestion.project.pk] = suggestion.project
    status: dict[int, Any] = {}
    by_plan: dict[int, list[Project]] = defaultdict(list)
    for project in projects.values():
        by_plan[project.plan_id].append(project)
    for plan_projects in by_plan.values():
        plan = plan_projects[0].plan
        ids = [p.pk for p in plan_projects]
        for row in plan_ledger(plan, projects=plan.projects.filter(pk__in=ids)):
            status[row.project.pk] = row.status
    trails = []
    for suggestion in suggestions:
        candidates = list(suggestion.candidates.all())
        linked = [c.project for c in candidates if c.project]
        if suggestion.project:
            linked.append(suggestion.project)
        trails.append(
            Trail(
                suggestion,
                [(c, outcome_of.get(c.pk, "")) for c in candidates],
                [(p, status.get(p.pk)) for p in linked],
            )
        )
    return trails


def scoring_plans(user: Any) -> "list[Plan]":
    """The plans whose candidates this user was appointed to score (专家评分), newest first."""
    if not (user.is_authenticated and user.is_active):
        return []
    return list(Plan.objects.filter(experts__user=user).order_by("-year", "id"))
