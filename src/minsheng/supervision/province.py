"""The province cockpit (省级驾驶舱): a province's cities ranked by completion on a date.

A read, like supervision.selectors: its cities' plans of one year, each city's completion (the
mean of its items' percents, each capped at 100, as departments are ranked), its lagging and
overdue items, its open notices and its on-time reporting. The figures are the ledger's read
model (progress.ledger_state) applied to histories reduced in the database: a fixed number of
queries and no model instance per indicator, allocation or report.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from minsheng.plans.choices import JurisdictionLevel, Status
from minsheng.plans.completion import HUNDRED, round_percent
from minsheng.plans.models import Indicator, Jurisdiction, Milestone, Plan, SchedulePoint
from minsheng.progress.ledger_state import (
    EMPTY,
    NO_FACTS,
    Terms,
    item_state,
    milestone_state,
    plans_indicator_series,
    plans_milestone_facts,
)
from minsheng.supervision.early_warning import RISK, Level
from minsheng.supervision.models import AWAITING_REPLY, CaseState, SupervisionNotice

# The lists of lagging and overdue items show the riskiest this many; the counts count all.
LISTED_ITEMS = 100
LISTED_NOTICES = 50


@dataclass
class CityStanding:
    """One city's line: completion of its plan's items, what lags, what is overdue, reporting."""

    city: Jurisdiction
    plan: Plan | None
    items: int = 0
    percent_total: Decimal = Decimal(0)
    lagging: int = 0
    overdue: int = 0
    on_time: int = 0
    open_notices: int = 0
    overdue_notices: int = 0

    @property
    def completion(self) -> Decimal:
        return round_percent(self.percent_total / self.items) if self.items else Decimal("0.0")

    @property
    def on_time_percent(self) -> Decimal:
        return round_percent(HUNDRED * self.on_time / self.items) if self.items else Decimal("0.0")


@dataclass(frozen=True)
class ProvinceItem:
    """A lagging or overdue item of a city's plan."""

    city: Jurisdiction
    plan: Plan
    project_number: int
    project_title: str
    name: str
    status: Status
    level: Level
    percent: Decimal | None
    expected_percent: Decimal
    behind_points: Decimal | None

    @property
    def risk(self) -> tuple[int, Decimal]:
        return (RISK[self.level], self.behind_points or Decimal(0))


@dataclass
class ProvinceCockpit:
    province: Jurisdiction
    year: int
    as_of: date
    cities: list[CityStanding]
    lagging: list[ProvinceItem] = field(default_factory=list)
    overdue: list[ProvinceItem] = field(default_factory=list)
    lagging_count: int = 0
    overdue_count: int = 0
    open_notices: list[SupervisionNotice] = field(default_factory=list)
    open_notice_count: int = 0


def province_cities(province: Jurisdiction) -> list[Jurisdiction]:
    return list(
        Jurisdiction.objects.filter(parent=province, level=JurisdictionLevel.CITY).order_by(
            "name", "id"
        )
    )


def _points(plan_ids: list[int]) -> dict[int, tuple[tuple[date, Decimal], ...]]:
    found: dict[int, list[tuple[date, Decimal]]] = defaultdict(list)
    for indicator_id, day, percent in (
        SchedulePoint.objects.filter(indicator__project__plan_id__in=plan_ids)
        .order_by("indicator_id", "date")
        .values_list("indicator_id", "date", "cumulative_percent")
    ):
        found[indicator_id].append((day, percent))
    return {key: tuple(value) for key, value in found.items()}


def _count(standing: CityStanding, status: Status, level: Level, percent: Decimal | None) -> None:
    standing.items += 1
    standing.percent_total += min(percent or Decimal(0), HUNDRED)
    standing.lagging += status == Status.LAGGING
    standing.overdue += level == Level.OVERDUE
    standing.on_time += level not in (Level.NO_REPORT, Level.OVERDUE)


def province_cockpit(
    province: Jurisdiction, *, year: int, as_of: date | None = None
) -> ProvinceCockpit:
    """The province's cockpit for a plan year on `as_of` (ten queries whatever the size)."""
    day = as_of or timezone.localdate()
    cities = province_cities(province)
    plans: dict[int, Plan] = {}
    for plan in Plan.objects.filter(jurisdiction__in=cities, year=year).order_by("-id"):
        plans[plan.jurisdiction_id] = plan
    standings = {city.pk: CityStanding(city, plans.get(city.pk)) for city in cities}
    by_plan = {plan.pk: plan for plan in plans.values()}
    city_of = {plan.pk: standings[plan.jurisdiction_id] for plan in plans.values()}
    plan_ids = list(by_plan)
    series = plans_indicator_series(plan_ids, day)
    points = _points(plan_ids)
    facts = plans_milestone_facts(plan_ids, day)
    flagged: list[ProvinceItem] = []

    def flag(plan_id: int, number: int, title: str, name: str, state: Any) -> None:
        if state.status != Status.LAGGING and state.level != Level.OVERDUE:
            return
        plan = by_plan[plan_id]
        flagged.append(
            ProvinceItem(
                city=city_of[plan_id].city,
                plan=plan,
                project_number=number,
                project_title=title,
                name=name,
                status=state.status,
                level=state.level,
                percent=state.warning.percent,
                expected_percent=state.warning.expected_percent,
                behind_points=state.warning.behind_points,
            )
        )

    indicators = Indicator.objects.filter(project__plan_id__in=plan_ids).values_list(
        "id", "project__plan_id", "project__number", "project__title", "name",
        "comparator", "target", "baseline", "due_date",
    )  # fmt: skip
    for pk, plan_id, number, title, name, comparator, target, baseline, due in indicators:
        plan = by_plan[plan_id]
        terms = Terms(
            comparator=comparator, target=target, baseline=baseline,
            points=points.get(pk, ()), start=plan.start, due=due or plan.end,
            yellow_margin=plan.yellow_margin, red_margin=plan.red_margin,
        )  # fmt: skip
        state = item_state(terms, series.get(pk, EMPTY), day)
        _count(city_of[plan_id], state.status, state.level, state.warning.percent)
        flag(plan_id, number, title, name, state)
    milestones = Milestone.objects.filter(project__plan_id__in=plan_ids).values_list(
        "id", "project__plan_id", "project__number", "project__title", "name", "due_date"
    )
    for pk, plan_id, number, title, name, due in milestones:
        plan = by_plan[plan_id]
        kept = milestone_state(
            facts.get(pk, NO_FACTS), start=plan.start, due=due or plan.end, as_of=day
        )
        _count(city_of[plan_id], kept.status, kept.level, kept.warning.percent)
        flag(plan_id, number, title, name, kept)

    today = timezone.localdate()
    open_cases = SupervisionNotice.objects.filter(plan_id__in=plan_ids).exclude(
        state=CaseState.CLOSED
    )
    for plan_id, opened, late in (
        open_cases.order_by()
        .values_list("plan_id")
        .annotate(
            opened=Count("id"),
            late=Count("id", filter=Q(state__in=AWAITING_REPLY, reply_deadline__lt=today)),
        )
        .values_list("plan_id", "opened", "late")
    ):
        city_of[plan_id].open_notices = opened
        city_of[plan_id].overdue_notices = late
    flagged.sort(key=lambda item: item.risk, reverse=True)
    lagging = [item for item in flagged if item.status == Status.LAGGING]
    overdue = [item for item in flagged if item.level == Level.OVERDUE]
    ranked = sorted(
        standings.values(),
        key=lambda s: (s.plan is None, -s.completion, -s.on_time_percent, s.city.name),
    )
    return ProvinceCockpit(
        province=province,
        year=year,
        as_of=day,
        cities=ranked,
        lagging=lagging[:LISTED_ITEMS],
        overdue=overdue[:LISTED_ITEMS],
        lagging_count=len(lagging),
        overdue_count=len(overdue),
        open_notices=list(
            open_cases.select_related("plan__jurisdiction", "department").order_by(
                "reply_deadline", "number"
            )[:LISTED_NOTICES]
        ),
        open_notice_count=sum(s.open_notices for s in standings.values()),
    )
