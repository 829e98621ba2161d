"""Reads of plans that do not involve progress."""

from typing import Any

from django.core.management.base import CommandError
from django.db.models import Case, Prefetch, Q, Value, When
from django.utils.translation import gettext_lazy as _

from minsheng.accounts import scope
from minsheng.accounts.selectors import find_user
from minsheng.core.i18n import bilingual
from minsheng.plans.choices import PUBLIC_PLAN_STATES, PlanState
from minsheng.plans.models import Allocation, Indicator, Plan, Project, ProjectDepartment


def find_plan(jurisdiction: str, year: int) -> Plan | None:
    """The plan of a jurisdiction, named in Chinese (青岛市) or by URL name (qingdao)."""
    return (
        Plan.objects.select_related("jurisdiction")
        .filter(Q(jurisdiction__name=jurisdiction) | Q(jurisdiction__slug=jurisdiction), year=year)
        .first()
    )


def add_plan_arguments(parser: Any) -> None:
    """--jurisdiction, --year and --user: which plan a command reads, and as whom."""
    parser.add_argument("--jurisdiction", required=True, help="e.g. 青岛市 or qingdao")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument(
        "--user",
        default=None,
        help="read as this user: a plan outside the user's jurisdiction is not found "
        "(default: the operator, who reads every plan)",
    )


def plan_for_command(jurisdiction: str, year: int, user: str | None = None) -> Plan:
    """The plan a command names with --jurisdiction and --year, or a clear bilingual error.

    With --user the scope rule applies as on the pages: a plan the user does not see is
    "no plan", exactly as a page answers 404."""
    plan = find_plan(jurisdiction, year)
    if plan is not None and user is not None and not scope.sees_plan(find_user(user), plan):
        plan = None
    if plan is None:
        raise CommandError(
            bilingual(
                _("no plan of %(jurisdiction)s for %(year)s"), jurisdiction=jurisdiction, year=year
            )
        )
    return plan


def public_plans() -> "list[Plan]":
    """Plans the public may see: published, in progress or closed; newest first."""
    return list(
        Plan.objects.select_related("jurisdiction")
        .filter(state__in=PUBLIC_PLAN_STATES)
        .order_by("-year")
    )


def running_plan(user: Any = None) -> Plan | None:
    """The plan the office works on by default: the newest one in progress; failing that the
    newest published, then the newest of any state. A newer draft never displaces a running
    plan. With a user, only plans in their scope count."""
    plans = Plan.objects.select_related("jurisdiction")
    if user is not None:
        plans = scope.scope_of(user).filter(plans)
    rank = Case(
        When(state=PlanState.IN_PROGRESS, then=Value(0)),
        When(state=PlanState.PUBLISHED, then=Value(1)),
        default=Value(2),
    )
    return plans.annotate(running_rank=rank).order_by("running_rank", "-year", "-id").first()


def setup_plans(user: Any) -> "list[Plan]":
    """The plans an office user sees on the set-up list, newest first."""
    plans = Plan.objects.select_related("jurisdiction").order_by("-year", "jurisdiction__name")
    return list(scope.scope_of(user).filter(plans))


def setup_plan(plan: Plan) -> Plan:
    """A plan with everything its set-up page shows, in a fixed number of queries."""
    projects = Project.objects.select_related("domain").prefetch_related(
        Prefetch(
            "project_departments",
            queryset=ProjectDepartment.objects.select_related("department").order_by("order"),
        ),
        Prefetch(
            "indicators",
            queryset=Indicator.objects.prefetch_related(
                Prefetch("allocations", queryset=Allocation.objects.select_related("jurisdiction")),
                "schedule_points",
            ),
        ),
        "milestones",
    )
    return (
        Plan.objects.select_related("jurisdiction")
        .prefetch_related(Prefetch("projects", queryset=projects.order_by("number")))
        .get(pk=plan.pk)
    )
