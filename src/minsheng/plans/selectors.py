"""Reads of plans that do not involve progress."""

from django.core.management.base import CommandError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import bilingual
from minsheng.plans.choices import PUBLIC_PLAN_STATES
from minsheng.plans.models import Plan


def find_plan(jurisdiction: str, year: int) -> Plan | None:
    """The plan of a jurisdiction, named in Chinese (青岛市) or by URL name (qingdao)."""
    return (
        Plan.objects.select_related("jurisdiction")
        .filter(Q(jurisdiction__name=jurisdiction) | Q(jurisdiction__slug=jurisdiction), year=year)
        .first()
    )


def plan_for_command(jurisdiction: str, year: int) -> Plan:
    """The plan a command names with --jurisdiction and --year, or a clear bilingual error."""
    plan = find_plan(jurisdiction, year)
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
