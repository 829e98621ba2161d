"""Reads of plans that do not involve progress."""

from django.db.models import Q

from minsheng.plans.choices import PUBLIC_PLAN_STATES
from minsheng.plans.models import Plan


def find_plan(jurisdiction: str, year: int) -> Plan | None:
    """The plan of a jurisdiction, named in Chinese (青岛市) or by URL name (qingdao)."""
    return (
        Plan.objects.select_related("jurisdiction")
        .filter(Q(jurisdiction__name=jurisdiction) | Q(jurisdiction__slug=jurisdiction), year=year)
        .first()
    )


def public_plans() -> "list[Plan]":
    """Plans the public may see: published, in progress or closed; newest first."""
    return list(
        Plan.objects.select_related("jurisdiction")
        .filter(state__in=PUBLIC_PLAN_STATES)
        .order_by("-year")
    )
