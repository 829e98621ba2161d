"""Vocabularies of the plan ledger, shared by models, the number rules and the interchange format."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Comparator(models.TextChoices):
    """How an actual is held against its target."""

    AT_LEAST = "gte", _("at least (≥)")
    AT_MOST = "lte", _("at most (≤)")
    EXACTLY = "eq", _("exactly (=)")


class Status(models.TextChoices):
    """An indicator's or milestone's state, computed from values and schedule, never typed."""

    NOT_STARTED = "not_started", _("not started")
    ON_TRACK = "on_track", _("on track")
    LAGGING = "lagging", _("lagging")
    COMPLETED = "completed", _("completed")
    EXCEEDED = "exceeded", _("exceeded")
    COMPLETED_EARLY = "completed_early", _("completed early")


DONE_STATUSES = frozenset({Status.COMPLETED, Status.EXCEEDED, Status.COMPLETED_EARLY})


class PlanState(models.TextChoices):
    DRAFTING = "drafting", _("drafting")
    VOTING = "voting", _("voting")
    PUBLISHED = "published", _("published")
    IN_PROGRESS = "in_progress", _("in progress")
    CLOSED = "closed", _("closed")


PUBLIC_PLAN_STATES = frozenset({PlanState.PUBLISHED, PlanState.IN_PROGRESS, PlanState.CLOSED})


class JurisdictionLevel(models.TextChoices):
    PROVINCE = "province", _("province")
    CITY = "city", _("city")
    DISTRICT = "district", _("district or county-level city")
    STREET = "street", _("street or town")


class DepartmentRole(models.TextChoices):
    LEAD = "lead", _("lead department")
    CO = "co", _("co-responsible department")


# Units an indicator may be counted in. Values are always stored whole: 1.34万个 is 13400 个,
# so 万 and 亿 never appear here. The list is closed so that a typo cannot create a unit.
UNITS: tuple[str, ...] = (
    "人",
    "人次",
    "户",
    "个",
    "套",
    "所",
    "处",
    "家",
    "座",
    "台",
    "张",
    "盏",
    "条",
    "项",
    "批次",
    "次",
    "场",
    "辆",
    "栋",
    "间",
    "名",
    "件",
    "站",
    "部",
    "份",
    "块",
    "口",
    "头",
    "只",
    "公里",
    "米",
    "平方米",
    "亩",
    "公顷",
    "吨",
    "千瓦",
    "元",
    "万元",
    "%",
)
