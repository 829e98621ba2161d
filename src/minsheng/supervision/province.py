"""The province cockpit (省级驾驶舱): a province's cities ranked by completion on a date.

A read, like supervision.selectors: its cities' plans of one year, each city's completion (the
mean of its items' percents, each capped at 100, as departments are ranked), its lagging and
overdue items, its open notices and its on-time reporting. The figures are the ledger's read
model (progress.ledger_state) applied to histories reduced in the database: a fixed number of
queries and no model instance per indicator, allocation or report.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from minsheng.plans.choices import JurisdictionLevel, Status
from minsheng.plans.completion import HUNDRED, round_percent
from minsheng.plans.models import Indicator, Jurisdiction, Milestone, Plan
from minsheng.progress import ledger_judged
from minsheng.progress.ledger_judged import behind
from minsheng.progress.ledger_state import (
    EMPTY,
    NO_FACTS,
    Terms,
    item_state,
    milestone_state,
    plans_indicator_series,
    plans_milestone_facts,
    schedule_points_of,
)
from minsheng.supervision.early_warning import RISK, Level
from minsheng.supervision.models import AWAITING_REPLY, CaseState, SupervisionNotice

# The lists of lagging and overdue items show the riskiest this many; the counts count all.
LISTED_ITEMS = 100
LISTED_NOTICES = 50
INDICATOR, MILESTONE = "indicator", "milestone"


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
    kind: str = INDICATOR
    pk: int = 0

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


def _count(standing: CityStanding, status: Status, level: Level, percent: Decimal | None) -> None:
    standing.items += 1
    standing.percent_total += min(percent or Decimal(0), HUNDRED)
    standing.lagging += status == Status.LAGGING
    standing.overdue += level == Level.OVERDUE
    standing.on_time += level not in (Level.NO_REPORT, Level.OVERDUE)


def _ranked(flagged: list[ProvinceItem]) -> list[ProvinceItem]:
    """Riskiest first (level, then points behind); indicators before milestones, then by id."""
    return sorted(
        flagged, key=lambda item: (-item.risk[0], -item.risk[1], item.kind == MILESTONE, item.pk)
    )


def _judged_in_python(
    plans: dict[int, Plan], city_of: dict[int, CityStanding], day: date
) -> list[ProvinceItem]:
    """Every item judged by the rules now: for a past day, or when the verdicts are not stored."""
    plan_ids = list(plans)
    series = plans_indicator_series(plan_ids, day)
    facts = plans_milestone_facts(plan_ids, day)
    flagged: list[ProvinceItem] = []

    def flag(
        kind: str, pk: int, plan_id: int, number: int, title: str, name: str, state: Any
    ) -> None:
        if state.status != Status.LAGGING and state.level != Level.OVERDUE:
            return
        flagged.append(
            ProvinceItem(
                city=city_of[plan_id].city,
                plan=plans[plan_id],
                project_number=number,
                project_title=title,
                name=name,
                status=state.status,
                level=state.level,
                percent=state.warning.percent,
                expected_percent=state.warning.expected_percent,
                behind_points=behind(state.warning),
                kind=kind,
                pk=pk,
            )
        )

    indicators = list(
        Indicator.objects.filter(project__plan_id__in=plan_ids).values_list(
            "id", "project__plan_id", "project__number", "project__title", "name",
            "comparator", "target", "baseline", "due_date",
        )
    )  # fmt: skip
    points = schedule_points_of(indicator__project__plan_id__in=plan_ids)
    for pk, plan_id, number, title, name, comparator, target, baseline, due in indicators:
        plan = plans[plan_id]
        terms = Terms(
            comparator=comparator, target=target, baseline=baseline,
            points=points.get(pk, ()), start=plan.start, due=due or plan.end,
            yellow_margin=plan.yellow_margin, red_margin=plan.red_margin,
        )  # fmt: skip
        state = item_state(terms, series.get(pk, EMPTY), day)
        _count(city_of[plan_id], state.status, state.level, state.warning.percent)
        flag(INDICATOR, pk, plan_id, number, title, name, state)
    milestones = Milestone.objects.filter(project__plan_id__in=plan_ids).values_list(
        "id", "project__plan_id", "project__number", "project__title", "name", "due_date"
    )
    for pk, plan_id, number, title, name, due in milestones:
        plan = plans[plan_id]
        kept = milestone_state(
            facts.get(pk, NO_FACTS), start=plan.start, due=due or plan.end, as_of=day
        )
        _count(city_of[plan_id], kept.status, kept.level, kept.warning.percent)
        flag(MILESTONE, pk, plan_id, number, title, name, kept)
    return _ranked(flagged)


def _judged_in_store(
    plans: dict[int, Plan], city_of: dict[int, CityStanding], day: date
) -> tuple[list[ProvinceItem], list[ProvinceItem], int, int] | None:
    """The same figures from the verdicts stored for `day` (ledger_judged): a GROUP BY and the
    two lists, riskiest first. None when some verdict could not be stored."""
    plan_ids = list(plans)
    if not plan_ids:
        return [], [], 0, 0

    def count_verdicts() -> dict[int, ledger_judged.PlanTally]:
        return ledger_judged.tallies(
            plan_ids, day, lagging=Status.LAGGING, overdue=Level.OVERDUE,
            late=[Level.NO_REPORT, Level.OVERDUE],
        )  # fmt: skip

    tallies = count_verdicts()
    if any(t.last_report_on is not None and t.last_report_on > day for t in tallies.values()):
        return None  # a report after the day: the stored state is not that day's
    if any(t.unjudged for t in tallies.values()):
        # The first read of the day, or items changed since the last: judge them, once.
        if not ledger_judged.judge(plan_ids, day):
            return None
        tallies = count_verdicts()
        if any(t.unjudged for t in tallies.values()):
            return None  # an approval cleared a verdict meanwhile
    for plan_id, tally in tallies.items():
        standing = city_of[plan_id]
        standing.items = tally.items
        standing.percent_total = tally.percent_total
        standing.lagging = tally.lagging
        standing.overdue = tally.overdue
        standing.on_time = tally.on_time

    def items(**where: Any) -> list[ProvinceItem]:
        found = []
        for row in ledger_judged.flagged(plan_ids, day, LISTED_ITEMS, **where):
            kind = MILESTONE if row["milestone_id"] else INDICATOR
            found.append(
                ProvinceItem(
                    city=city_of[row["plan_id"]].city,
                    plan=plans[row["plan_id"]],
                    project_number=row[f"{kind}__project__number"],
                    project_title=row[f"{kind}__project__title"],
                    name=row[f"{kind}__name"],
                    status=Status(row["status"]),
                    level=Level(row["level"]),
                    percent=row["percent"],
                    expected_percent=row["expected_percent"],
                    behind_points=row["behind_points"],
                    kind=kind,
                    pk=row[f"{kind}_id"],
                )
            )
        return found

    lagging_count = sum(tally.lagging for tally in tallies.values())
    overdue_count = sum(tally.overdue for tally in tallies.values())
    return items(status=Status.LAGGING), items(level=Level.OVERDUE), lagging_count, overdue_count


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
    # Today's figures are read from the stored verdicts; a past day is judged now.
    stored = _judged_in_store(by_plan, city_of, day) if day == timezone.localdate() else None
    if stored is None:
        for standing in city_of.values():
            standing.items, standing.percent_total = 0, Decimal(0)
            standing.lagging = standing.overdue = standing.on_time = 0
        flagged = _judged_in_python(by_plan, city_of, day)
        lagging = [item for item in flagged if item.status == Status.LAGGING]
        overdue = [item for item in flagged if item.level == Level.OVERDUE]
        lagging_count, overdue_count = len(lagging), len(overdue)
    else:
        lagging, overdue, lagging_count, overdue_count = stored

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
        lagging_count=lagging_count,
        overdue_count=overdue_count,
        open_notices=list(
            open_cases.select_related("plan__jurisdiction", "department").order_by(
                "reply_deadline", "number"
            )[:LISTED_NOTICES]
        ),
        open_notice_count=sum(s.open_notices for s in standings.values()),
    )
