"""A safety net for the public cache: any save or delete in the ledger issues the plan a new stamp."""

from typing import Any

from django.db.models.signals import post_delete, post_save

from minsheng.plans.models import (
    Allocation,
    Indicator,
    Milestone,
    Plan,
    Project,
    ProjectDepartment,
    SchedulePoint,
)
from minsheng.portal.public_cache import invalidate_plan
from minsheng.progress.models import Evidence, ProgressReport
from minsheng.progress.signals import report_written


def _plan_id(instance: Any) -> int | None:
    if isinstance(instance, Plan):
        return instance.pk
    if isinstance(instance, Project):
        return instance.plan_id
    if isinstance(instance, Indicator | Milestone | ProjectDepartment | Evidence):
        return instance.project.plan_id
    if isinstance(instance, SchedulePoint | Allocation):
        return instance.indicator.project.plan_id
    if isinstance(instance, ProgressReport):
        subject = instance.indicator or instance.milestone
        return subject.project.plan_id if subject else None
    return None


def _changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    try:
        plan_id = _plan_id(instance)
    except Exception:  # a half-deleted parent must not break the write itself
        return
    if plan_id is not None:
        invalidate_plan(plan_id)


WATCHED = (
    Plan,
    Project,
    ProjectDepartment,
    Indicator,
    Milestone,
    SchedulePoint,
    Allocation,
    ProgressReport,
    Evidence,
)


def connect() -> None:
    report_written.connect(_changed, sender=ProgressReport, dispatch_uid="portal-report-written")
    for model in WATCHED:
        post_save.connect(_changed, sender=model, dispatch_uid=f"portal-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"portal-del-{model.__name__}")
