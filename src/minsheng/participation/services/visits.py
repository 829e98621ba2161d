"""Site visits (走进市办实事): scheduling, registration, ratings, published results."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.audit.services import record_change, snapshot
from minsheng.core import ratelimit
from minsheng.participation.models import ParticipantType, Rating, Registration, SiteVisit
from minsheng.participation.permissions import can_manage, can_manage_visit
from minsheng.participation.services.common import refuse, require
from minsheng.plans.choices import PUBLIC_PLAN_STATES
from minsheng.plans.models import Project


@transaction.atomic
def visit_create(
    *,
    actor: Any,
    title: str,
    place: str,
    starts_at: datetime,
    capacity: int,
    projects: Iterable[Project],
) -> SiteVisit:
    """Schedule a visit to the sites of one or more public projects."""
    projects = list(projects)
    require(can_manage(actor) and all(can_manage(actor, p.plan) for p in projects))
    if not projects:
        refuse(_("A site visit needs at least one project."))
    if any(p.plan.state not in PUBLIC_PLAN_STATES for p in projects):
        refuse(_("Only projects of a published plan can be visited."))
    if capacity < 1:
        refuse(_("The capacity must be at least one."))
    visit = SiteVisit.objects.create(
        title=title, place=place, starts_at=starts_at, capacity=capacity
    )
    visit.projects.set(projects)
    after = snapshot(visit) | {"projects": [p.pk for p in projects]}
    record_change(actor=actor, action="visit.create", instance=visit, after=after)
    return visit


def visit_register(
    *,
    visit: SiteVisit,
    participant_type: str,
    name: str,
    registrant_key: str,
    client: str,
    now: datetime | None = None,
) -> Registration:
    """Take a place on a visit, before it starts and while places are left."""
    ratelimit.enforce("register", client)
    with transaction.atomic():
        return _register(visit, participant_type, name, registrant_key, now)


def _register(
    visit: SiteVisit, participant_type: str, name: str, registrant_key: str, now: datetime | None
) -> Registration:
    visit = SiteVisit.objects.select_for_update().get(pk=visit.pk)  # no overbooking
    if (now or timezone.now()) >= visit.starts_at:
        refuse(_("Registration has closed: the visit has started."))
    if participant_type not in ParticipantType.values:
        refuse(_("Choose how you take part."))
    name = name.strip()
    if not name or len(name) > 50:
        refuse(_("Give your name (at most 50 characters)."))
    if visit.registrations.count() >= visit.capacity:
        refuse(_("The visit is full."))
    try:
        with transaction.atomic():
            return Registration.objects.create(
                visit=visit,
                participant_type=participant_type,
                name=name,
                registrant_key=registrant_key,
            )
    except IntegrityError:
        refuse(_("You are already registered for this visit."))


def _score(value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 5:
        refuse(_("Scores are whole numbers from 1 to 5."))
    return number


@transaction.atomic
def rating_submit(
    *,
    registration: Registration,
    project: Project,
    satisfaction: Any,
    quality: Any,
    timeliness: Any,
    comment: str = "",
    now: datetime | None = None,
) -> Rating:
    """A participant's rating of one visited project, once the visit has begun; once only."""
    visit = registration.visit
    if (now or timezone.now()) < visit.starts_at:
        refuse(_("Ratings open when the visit begins."))
    if not visit.projects.filter(pk=project.pk).exists():
        refuse(_("This project was not part of the visit."))
    if len(comment) > 1000:
        refuse(_("Please keep the comment to %(n)s characters."), n=1000)
    scores = [_score(v) for v in (satisfaction, quality, timeliness)]
    try:
        with transaction.atomic():
            return Rating.objects.create(
                registration=registration,
                project=project,
                satisfaction=scores[0],
                quality=scores[1],
                timeliness=scores[2],
                comment=comment.strip(),
            )
    except IntegrityError:
        refuse(_("You have already rated this project."))


@transaction.atomic
def visit_publish_results(*, actor: Any, visit: SiteVisit) -> SiteVisit:
    require(can_manage_visit(actor, visit))
    visit.results_published = True
    visit.save(update_fields=["results_published"])
    record_change(
        actor=actor,
        action="visit.publish_results",
        instance=visit,
        before={"results_published": False},
        after={"results_published": True},
    )
    return visit
