"""Setting up a plan in the office's own pages: every change checks permission, runs in one
transaction and leaves an audit record.

A plan moves 起草 (drafting) → 公布 (published) → 实施中 (in progress) → 办结 (closed); the
rules of each step are in `publish_problems` and `TRANSITIONS`. Closing freezes reporting
(progress/permissions.REPORTABLE_PLAN_STATES leaves a closed plan out).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NoReturn, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from minsheng.audit.services import record_change, snapshot
from minsheng.core.chinese_numbers import format_quantity
from minsheng.core.i18n import UserFacingError, bilingual
from minsheng.plans import permissions
from minsheng.plans.choices import DONE_STATUSES, UNITS, Comparator, DepartmentRole, PlanState
from minsheng.plans.models import (
    Allocation,
    Department,
    Domain,
    Indicator,
    Jurisdiction,
    Milestone,
    Plan,
    Project,
    ProjectDepartment,
    SchedulePoint,
)
from minsheng.progress import ledger_store

# Which state may follow which: the office's buttons on the plan page.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    PlanState.DRAFTING: (PlanState.PUBLISHED,),
    PlanState.VOTING: (PlanState.DRAFTING, PlanState.PUBLISHED),
    PlanState.PUBLISHED: (PlanState.IN_PROGRESS, PlanState.DRAFTING),
    PlanState.IN_PROGRESS: (PlanState.CLOSED,),
    PlanState.CLOSED: (PlanState.IN_PROGRESS,),
}

# How an unfinished item of last year's plan comes into the new one.
CARRY_AS_PROJECTS = "projects"
CARRY_AS_CANDIDATES = "candidates"


def refuse(message: str | Promise, **params: Any) -> NoReturn:
    raise UserFacingError([bilingual(message, **params)])


def _refuse_reported(reported: bool) -> None:
    # Reports go with what they report on: something reported on is never deleted.
    if reported:
        refuse(_("progress has been reported on it; it cannot be deleted"))


class StaleEdit(UserFacingError):
    """Someone saved this part of the plan after the editor opened it; nothing was written.

    `current` is the part as saved now, so the page can show it beside the editor's input."""

    def __init__(self, current: Any) -> None:
        self.current = current  # the Plan, Project, Indicator or Milestone that was saved
        super().__init__(
            [
                bilingual(
                    _(
                        "“%(item)s” was saved by someone else after you opened it, so nothing "
                        "of yours was saved. The saved values are shown beside your input: "
                        "check them and save again."
                    ),
                    item=str(current),
                )
            ]
        )


PlanPartT = TypeVar("PlanPartT", Plan, Project, Indicator, Milestone)


def _locked(model: type[PlanPartT], pk: int, expected_version: int | None) -> PlanPartT:
    """The part as stored now, locked for this transaction, if still at `expected_version`
    (None: the caller read it in this transaction, as commands and imports do)."""
    current = model.objects.select_for_update().get(pk=pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleEdit(current)
    return current


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# ---------------------------------------------------------------------------------------
# The plan itself


@transaction.atomic
def plan_create(
    *, actor: Any, jurisdiction: Jurisdiction, year: int, title: str, summary: str = ""
) -> Plan:
    """A blank plan in state drafting for a jurisdiction the office governs."""
    _require(permissions.can_create_plan(actor, jurisdiction))
    _refuse_existing(jurisdiction, year)
    plan = Plan.objects.create(
        jurisdiction=jurisdiction, year=year, title=title.strip(), summary=summary.strip()
    )
    record_change(actor=actor, action="plan.create", instance=plan, after=snapshot(plan))
    return plan


def _refuse_existing(jurisdiction: Jurisdiction, year: int) -> None:
    if not 2000 <= year <= 2100:
        refuse(_("the year must lie between 2000 and 2100"))
    if Plan.objects.filter(jurisdiction=jurisdiction, year=year).exists():
        refuse(
            _("%(jurisdiction)s already has a plan for %(year)s"),
            jurisdiction=jurisdiction.name,
            year=year,
        )


PLAN_FIELDS = ("title", "summary", "yellow_margin", "red_margin")


@transaction.atomic
def plan_update(
    *, actor: Any, plan: Plan, expected_version: int | None = None, **changes: Any
) -> Plan:
    """Change a plan's title, summary or warning margins."""
    _require(permissions.can_change_plan(actor, plan))
    unknown = set(changes) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"not a plan field: {', '.join(sorted(unknown))}")
    plan = _locked(Plan, plan.pk, expected_version)
    before = snapshot(plan, list(PLAN_FIELDS))
    for name, value in changes.items():
        setattr(plan, name, value.strip() if isinstance(value, str) else value)
    if plan.red_margin < plan.yellow_margin:
        refuse(_("the red margin must be at least the yellow margin"))
    plan.version += 1
    plan.save()
    # The margins judge every item: the stored verdicts of the plan are stale.
    ledger_store.forget(plans=[plan.pk])
    record_change(
        actor=actor,
        action="plan.update",
        instance=plan,
        before=before,
        after=snapshot(plan, list(PLAN_FIELDS)),
    )
    return plan


def publish_problems(plan: Plan) -> list[str]:
    """What stops a plan from being published, one bilingual sentence each (empty: none)."""
    problems: list[str] = []
    projects = list(
        plan.projects.prefetch_related("project_departments", "indicators__allocations")
    )
    if not projects:
        problems.append(bilingual(_("the plan has no project yet")))
    for project in projects:
        if not any(link.role == DepartmentRole.LEAD for link in project.project_departments.all()):
            problems.append(
                bilingual(_("No. %(number)s has no lead department"), number=project.number)
            )
        for indicator in project.indicators.all():
            if not indicator.target:
                problems.append(
                    bilingual(
                        _("No. %(number)s: the indicator “%(name)s” has no target"),
                        number=project.number,
                        name=indicator.name,
                    )
                )
            shares = [allocation.target for allocation in indicator.allocations.all()]
            if shares and sum(shares, Decimal(0)) != indicator.target:
                problems.append(_shares_message(indicator, sum(shares, Decimal(0))))
    return problems


@transaction.atomic
def plan_transition(*, actor: Any, plan: Plan, to_state: str) -> Plan:
    """Move a plan to its next state, if the rules of that step allow it."""
    _require(permissions.can_transition_plan(actor, plan))
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if to_state not in TRANSITIONS.get(plan.state, ()):
        refuse(
            _("a plan cannot go from “%(current)s” to “%(wanted)s”"),
            current=PlanState(plan.state).label,
            wanted=PlanState(to_state).label if to_state in PlanState.values else to_state,
        )
    if to_state == PlanState.PUBLISHED:
        problems = publish_problems(plan)
        if problems:
            raise UserFacingError(problems)
    before = snapshot(plan, ["state"])
    plan.state = to_state
    plan.version += 1
    plan.save(update_fields=["state", "version"])
    record_change(
        actor=actor,
        action="plan.transition",
        instance=plan,
        before=before,
        after={"state": to_state},
    )
    return plan


# ---------------------------------------------------------------------------------------
# A new plan from last year's: unfinished items carried over


@dataclass(frozen=True)
class CarryOver:
    plan: Plan
    projects: int
    candidates: int


def unfinished_projects(plan: Plan, *, as_of: date | None = None) -> list[Any]:
    """The ledger rows of a plan's projects that are not done (any item not completed)."""
    from minsheng.progress.selectors import plan_ledger

    day = as_of or plan.end
    return [
        row
        for row in plan_ledger(plan, as_of=day)
        if not row.statuses or any(status not in DONE_STATUSES for status in row.statuses)
    ]


@transaction.atomic
def plan_create_from_previous(
    *,
    actor: Any,
    previous: Plan,
    year: int,
    title: str,
    carry_as: str = CARRY_AS_PROJECTS,
) -> CarryOver:
    """Next year's plan of the same jurisdiction, in state drafting, with last year's
    unfinished items: as projects (their open indicators keep what is left to do, their
    open milestones carry over), or as candidates (候选项目) for this year's vetting and vote.
    """
    _require(
        permissions.can_view_plan(actor, previous)
        and permissions.can_create_plan(actor, previous.jurisdiction)
    )
    if carry_as not in (CARRY_AS_PROJECTS, CARRY_AS_CANDIDATES):
        refuse(_("choose to carry items over as projects or as candidates"))
    _refuse_existing(previous.jurisdiction, year)
    plan = Plan.objects.create(
        jurisdiction=previous.jurisdiction,
        year=year,
        title=title.strip(),
        yellow_margin=previous.yellow_margin,
        red_margin=previous.red_margin,
    )
    rows = unfinished_projects(previous)
    projects = candidates = 0
    if carry_as == CARRY_AS_PROJECTS:
        for number, row in enumerate(rows, start=1):
            _carry_project(plan, number, row)
            projects += 1
    else:
        candidates = _carry_candidates(plan, rows)
    record_change(
        actor=actor,
        action="plan.create_from_previous",
        instance=plan,
        after={
            **snapshot(plan),
            "previous": previous.pk,
            "carried_projects": projects,
            "carried_candidates": candidates,
        },
    )
    return CarryOver(plan=plan, projects=projects, candidates=candidates)


def _carry_project(plan: Plan, number: int, row: Any) -> Project:
    old: Project = row.project
    project = Project.objects.create(
        plan=plan,
        number=number,
        title=old.title,
        domain_id=old.domain_id,
        description=old.description,
    )
    ProjectDepartment.objects.bulk_create(
        ProjectDepartment(
            project=project, department_id=link.department_id, role=link.role, order=link.order
        )
        for link in row.departments
    )
    for order, item in enumerate(row.indicators):
        if item.status in DONE_STATUSES:
            continue
        indicator: Indicator = item.indicator
        target = indicator.target
        # What is left of an "at least" promise is the new promise; other comparators keep theirs.
        if indicator.comparator == Comparator.AT_LEAST and item.actual is not None:
            target = max(indicator.target - item.actual, Decimal(0)) or indicator.target
        Indicator.objects.create(
            project=project,
            order=order,
            name=indicator.name,
            target=target,
            unit=indicator.unit,
            comparator=indicator.comparator,
            baseline=item.actual if item.actual is not None else indicator.baseline,
            source_text=indicator.source_text,
        )
    for order, item in enumerate(row.milestones):
        if item.status in DONE_STATUSES or item.done:
            continue
        Milestone.objects.create(project=project, order=order, name=item.milestone.name)
    return project


def _carry_candidates(plan: Plan, rows: Sequence[Any]) -> int:
    from minsheng.participation.models import Candidate

    count = 0
    for row in rows:
        links = sorted(row.departments, key=lambda link: link.order)
        lead = next((link for link in links if link.role == DepartmentRole.LEAD), None)
        if lead is None:
            continue  # a candidate needs a lead department; the office adds it by hand
        candidate = Candidate.objects.create(
            plan=plan,
            title=row.project.title,
            domain_id=row.project.domain_id,
            description=row.project.description,
            estimated_cost=Decimal(0),
            lead_department_id=lead.department_id,
        )
        candidate.departments.set(
            [link.department_id for link in links if link.role == DepartmentRole.CO]
        )
        count += 1
    return count


# ---------------------------------------------------------------------------------------
# Projects and their departments

PROJECT_FIELDS = ("number", "title", "domain", "description")


@transaction.atomic
def department_create(*, actor: Any, plan: Plan, name: str) -> Department:
    """A department (责任单位) of the plan's jurisdiction, found or added by name."""
    _require(permissions.can_change_plan(actor, plan))
    name = name.strip()
    if not name:
        refuse(_("give the department's name"))
    department, created = Department.objects.get_or_create(
        jurisdiction_id=plan.jurisdiction_id, name=name[:100]
    )
    if created:
        record_change(
            actor=actor, action="department.create", instance=department, after=snapshot(department)
        )
    return department


@transaction.atomic
def project_create(
    *,
    actor: Any,
    plan: Plan,
    title: str,
    domain: Domain,
    lead: Department | None = None,
    co: Iterable[Department] = (),
    number: int | None = None,
    description: str = "",
) -> Project:
    """A new numbered project (第N件); the next number unless one is given."""
    _require(permissions.can_change_plan(actor, plan))
    if number is None:
        number = (
            plan.projects.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
    _refuse_taken_number(plan, number)
    project = Project.objects.create(
        plan=plan, number=number, title=title.strip(), domain=domain, description=description
    )
    _set_departments(project, lead, list(co))
    record_change(
        actor=actor, action="project.create", instance=project, after=_project_snapshot(project)
    )
    return project


def _refuse_taken_number(plan: Plan, number: int, *, other_than: int | None = None) -> None:
    if number < 1:
        refuse(_("a project's number starts at 1"))
    taken = plan.projects.filter(number=number)
    if other_than is not None:
        taken = taken.exclude(pk=other_than)
    if taken.exists():
        refuse(_("the plan already has a project No. %(number)s"), number=number)


@transaction.atomic
def project_update(
    *,
    actor: Any,
    project: Project,
    lead: Department | None,
    co: Iterable[Department] = (),
    expected_version: int | None = None,
    **changes: Any,
) -> Project:
    """Change a project's number, title, domain, text and departments (lead and co)."""
    _require(permissions.can_change_plan(actor, project.plan))
    project = _locked(Project, project.pk, expected_version)
    before = _project_snapshot(project)
    if "number" in changes:
        _refuse_taken_number(project.plan, changes["number"], other_than=project.pk)
    for name, value in changes.items():
        if name not in PROJECT_FIELDS:
            raise TypeError(f"not a project field: {name}")
        setattr(project, name, value)
    project.version += 1
    project.save()
    _set_departments(project, lead, list(co))
    record_change(
        actor=actor,
        action="project.update",
        instance=project,
        before=before,
        after=_project_snapshot(project),
    )
    return project


def _set_departments(project: Project, lead: Department | None, co: list[Department]) -> None:
    jurisdiction_id = project.plan.jurisdiction_id
    for department in [lead, *co]:
        if department is not None and department.jurisdiction_id != jurisdiction_id:
            refuse(
                _("%(department)s is not a department of %(jurisdiction)s"),
                department=department.name,
                jurisdiction=project.plan.jurisdiction.name,
            )
    co = [department for department in dict.fromkeys(co) if department != lead]
    ProjectDepartment.objects.filter(project=project).delete()
    links = []
    if lead is not None:
        links.append(ProjectDepartment(project=project, department=lead, role=DepartmentRole.LEAD))
    links += [
        ProjectDepartment(project=project, department=department, role=DepartmentRole.CO, order=i)
        for i, department in enumerate(co, start=1)
    ]
    ProjectDepartment.objects.bulk_create(links)


def _project_snapshot(project: Project) -> dict[str, Any]:
    links = ProjectDepartment.objects.filter(project=project).order_by("order")
    return {
        **snapshot(project, ["number", "title", "domain_id", "description"]),
        "departments": [f"{link.role}:{link.department_id}" for link in links],
    }


@transaction.atomic
def project_delete(*, actor: Any, project: Project) -> None:
    """Remove a project from a plan that is not yet published."""
    _require(permissions.can_remove_from_plan(actor, project.plan))
    _refuse_reported(
        project.indicators.filter(reports__isnull=False).exists()
        or project.milestones.filter(reports__isnull=False).exists()
        or project.indicators.filter(allocations__reports__isnull=False).exists()
    )
    record_change(
        actor=actor, action="project.delete", instance=project, before=_project_snapshot(project)
    )
    project.delete()


# ---------------------------------------------------------------------------------------
# Indicators, allocations to districts, schedules, milestones

INDICATOR_FIELDS = ("name", "target", "unit", "comparator", "baseline", "due_date", "order")


def _check_indicator(values: dict[str, Any], plan: Plan) -> None:
    if "unit" in values and values["unit"] not in UNITS:
        refuse(_("“%(unit)s” is not a unit of the ledger"), unit=values["unit"])
    if "comparator" in values and values["comparator"] not in Comparator.values:
        refuse(_("choose at least, at most or exactly"))
    target = values.get("target")
    if target is not None and (not target.is_finite() or target < 0):
        refuse(_("a target is a number of zero or more"))
    due = values.get("due_date")
    if due is not None and not plan.start <= due <= plan.end:
        refuse(_("the due date must lie within %(year)s"), year=plan.year)


@transaction.atomic
def indicator_create(*, actor: Any, project: Project, **values: Any) -> Indicator:
    """A measurable promise (指标) of a project: name, target, unit and comparator."""
    _require(permissions.can_change_plan(actor, project.plan))
    _check_indicator(values, project.plan)
    values.setdefault("order", project.indicators.count())
    indicator = Indicator.objects.create(project=project, **values)
    record_change(
        actor=actor, action="indicator.create", instance=indicator, after=snapshot(indicator)
    )
    return indicator


@transaction.atomic
def indicator_update(
    *, actor: Any, indicator: Indicator, expected_version: int | None = None, **changes: Any
) -> Indicator:
    """Change an indicator; a split indicator's target must still equal the sum of its shares."""
    plan = indicator.project.plan
    _require(permissions.can_change_plan(actor, plan))
    _check_indicator(changes, plan)
    indicator = _locked(Indicator, indicator.pk, expected_version)
    before = snapshot(indicator)
    for name, value in changes.items():
        if name not in INDICATOR_FIELDS:
            raise TypeError(f"not an indicator field: {name}")
        setattr(indicator, name, value)
    shares = list(indicator.allocations.values_list("target", flat=True))
    if shares and sum(shares, Decimal(0)) != indicator.target:
        raise UserFacingError([_shares_message(indicator, sum(shares, Decimal(0)))])
    indicator.version += 1
    indicator.save()
    # The first day a promise was kept depends on its target and comparator.
    ledger_store.refresh(indicators=[indicator.pk])
    record_change(
        actor=actor,
        action="indicator.update",
        instance=indicator,
        before=before,
        after=snapshot(indicator),
    )
    return indicator


@transaction.atomic
def indicator_delete(*, actor: Any, indicator: Indicator) -> None:
    _require(permissions.can_remove_from_plan(actor, indicator.project.plan))
    _refuse_reported(
        indicator.reports.exists() or indicator.allocations.filter(reports__isnull=False).exists()
    )
    record_change(
        actor=actor, action="indicator.delete", instance=indicator, before=snapshot(indicator)
    )
    indicator.delete()


def _shares_message(indicator: Indicator, total: Decimal) -> str:
    return bilingual(
        _(
            "the shares of “%(name)s” add up to %(total)s, not the target %(target)s; "
            "they must add up exactly"
        ),
        name=indicator.name,
        total=format_quantity(total, indicator.unit),
        target=format_quantity(indicator.target, indicator.unit),
    )


def allocation_districts(plan: Plan) -> list[Jurisdiction]:
    """The jurisdictions a plan's targets may be split over: those directly below its own."""
    return list(
        Jurisdiction.objects.filter(parent_id=plan.jurisdiction_id).order_by("code", "name")
    )


def _holder_key(holder: Jurisdiction | Department | Allocation) -> str:
    """ "district:12" or "department:5": one key for a share's holder, in the audit record too."""
    if isinstance(holder, Allocation):
        holder = holder.holder
    kind = "district" if isinstance(holder, Jurisdiction) else "department"
    return f"{kind}:{holder.pk}"


@transaction.atomic
def allocations_set(
    *,
    actor: Any,
    indicator: Indicator,
    shares: dict[Jurisdiction | Department, Decimal],
    expected_version: int | None = None,
) -> list[Allocation]:
    """任务分解: split an indicator's target over districts and departments (责任单位); the
    shares must add up exactly to the target (Decimal, no rounding). No shares at all removes
    the split."""
    plan = indicator.project.plan
    _require(permissions.can_change_plan(actor, plan))
    indicator = _locked(Indicator, indicator.pk, expected_version)
    allowed = {_holder_key(district) for district in allocation_districts(plan)}
    allowed |= {_holder_key(department) for department in plan.jurisdiction.departments.all()}
    for holder, share in shares.items():
        if _holder_key(holder) not in allowed:
            refuse(
                _("%(holder)s is neither a district nor a department of %(jurisdiction)s"),
                holder=holder.name,
                jurisdiction=plan.jurisdiction.name,
            )
        if not share.is_finite() or share < 0:
            refuse(_("a share is a number of zero or more"))
    shares = {holder: share for holder, share in shares.items() if share}
    total = sum(shares.values(), Decimal(0))
    if shares and total != indicator.target:
        raise UserFacingError([_shares_message(indicator, total)])
    existing = {
        _holder_key(allocation): allocation
        for allocation in indicator.allocations.select_related("jurisdiction", "department")
    }
    before = {key: str(allocation.target) for key, allocation in existing.items()}
    kept: list[Allocation] = []
    for holder, share in shares.items():
        allocation = existing.pop(_holder_key(holder), None)
        if allocation is None:
            place = {"jurisdiction" if isinstance(holder, Jurisdiction) else "department": holder}
            allocation = Allocation.objects.create(indicator=indicator, target=share, **place)
        elif allocation.target != share:
            allocation.target = share
            allocation.save(update_fields=["target"])
        kept.append(allocation)
    for allocation in existing.values():
        # Reports hang on the allocation (and would go with it): a reported share stays.
        if allocation.reports.exists():
            refuse(
                _("%(district)s has reported on its share; its share cannot be removed"),
                district=allocation.holder.name,
            )
        allocation.delete()
    indicator.version += 1
    indicator.save(update_fields=["version"])
    # A split indicator is the sum of its shares' reports; one without, of its own.
    ledger_store.refresh(indicators=[indicator.pk])
    record_change(
        actor=actor,
        action="indicator.allocate",
        instance=indicator,
        before={"allocations": before},
        after={"allocations": {_holder_key(a): str(a.target) for a in kept}},
    )
    return kept


@transaction.atomic
def schedule_set(
    *,
    actor: Any,
    indicator: Indicator,
    points: Sequence[tuple[date, Decimal]],
    expected_version: int | None = None,
) -> list[SchedulePoint]:
    """进度计划: the planned cumulative percent by date, rising, within the plan's year.
    No points: the default linear schedule over the year."""
    plan = indicator.project.plan
    _require(permissions.can_change_plan(actor, plan))
    indicator = _locked(Indicator, indicator.pk, expected_version)
    points = sorted(points)
    previous = Decimal(0)
    seen: set[date] = set()
    for day, percent in points:
        if not plan.start <= day <= plan.end:
            refuse(_("schedule dates must lie within %(year)s"), year=plan.year)
        if day in seen:
            refuse(_("two schedule points on %(day)s"), day=day.isoformat())
        seen.add(day)
        if not Decimal(0) <= percent <= Decimal(100):
            refuse(_("a planned percent lies between 0 and 100"))
        if percent < previous:
            refuse(_("the planned percent may not fall from one date to the next"))
        previous = percent
    before = [
        (p.date.isoformat(), str(p.cumulative_percent)) for p in indicator.schedule_points.all()
    ]
    indicator.schedule_points.all().delete()
    created = SchedulePoint.objects.bulk_create(
        SchedulePoint(indicator=indicator, date=day, cumulative_percent=percent)
        for day, percent in points
    )
    indicator.version += 1
    indicator.save(update_fields=["version"])
    ledger_store.forget(indicators=[indicator.pk])
    record_change(
        actor=actor,
        action="indicator.schedule",
        instance=indicator,
        before={"schedule": before},
        after={"schedule": [(day.isoformat(), str(percent)) for day, percent in points]},
    )
    return created


@transaction.atomic
def item_move(*, actor: Any, item: Indicator | Milestone, step: int) -> None:
    """Move an indicator or milestone one place up (step -1) or down (+1) among its project's.

    The project's items are numbered 0, 1, 2… afresh, so that items of equal order (imported
    data) stand where the page showed them. At either end the move does nothing."""
    _require(permissions.can_change_plan(actor, item.project.plan))
    model = type(item)
    siblings: list[Indicator | Milestone] = list(
        model.objects.select_for_update().filter(project_id=item.project_id).order_by("order", "id")
    )
    place = next(index for index, sibling in enumerate(siblings) if sibling.pk == item.pk)
    wanted = place + step
    if step not in (-1, 1) or not 0 <= wanted < len(siblings):
        return
    siblings[place], siblings[wanted] = siblings[wanted], siblings[place]
    for order, sibling in enumerate(siblings):
        if sibling.order != order:
            sibling.order = order
            sibling.save(update_fields=["order"])
    record_change(
        actor=actor,
        action=f"{model._meta.model_name}.move",
        instance=item,
        before={"place": place + 1},
        after={"place": wanted + 1},
    )


MILESTONE_FIELDS = ("name", "due_date", "order")


@transaction.atomic
def milestone_create(
    *, actor: Any, project: Project, name: str, due_date: date | None = None
) -> Milestone:
    """A promise that is done or not done (节点), optionally with a due date in the plan's year."""
    _require(permissions.can_change_plan(actor, project.plan))
    _check_indicator({"due_date": due_date}, project.plan)
    milestone = Milestone.objects.create(
        project=project, name=name.strip(), due_date=due_date, order=project.milestones.count()
    )
    record_change(
        actor=actor, action="milestone.create", instance=milestone, after=snapshot(milestone)
    )
    return milestone


@transaction.atomic
def milestone_update(
    *, actor: Any, milestone: Milestone, expected_version: int | None = None, **changes: Any
) -> Milestone:
    _require(permissions.can_change_plan(actor, milestone.project.plan))
    _check_indicator({"due_date": changes.get("due_date")}, milestone.project.plan)
    milestone = _locked(Milestone, milestone.pk, expected_version)
    before = snapshot(milestone)
    for name, value in changes.items():
        if name not in MILESTONE_FIELDS:
            raise TypeError(f"not a milestone field: {name}")
        setattr(milestone, name, value)
    milestone.version += 1
    milestone.save()
    ledger_store.forget(milestones=[milestone.pk])
    record_change(
        actor=actor,
        action="milestone.update",
        instance=milestone,
        before=before,
        after=snapshot(milestone),
    )
    return milestone


@transaction.atomic
def milestone_delete(*, actor: Any, milestone: Milestone) -> None:
    _require(permissions.can_remove_from_plan(actor, milestone.project.plan))
    _refuse_reported(milestone.reports.exists())
    record_change(
        actor=actor, action="milestone.delete", instance=milestone, before=snapshot(milestone)
    )
    milestone.delete()
