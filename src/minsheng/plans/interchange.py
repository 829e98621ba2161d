"""The interchange format (交换格式): a whole plan as JSON, described by schema/plan.schema.json.

`export_plan` writes it from the ledger; `import_plan` loads it all-or-nothing, refusing bad
input with messages that name the field. Text ingestion, the API and reports speak the same
form, so a plan can travel between them without retyping.
"""

import json
import math
from collections import Counter
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from minsheng.audit.services import record_change, snapshot
from minsheng.core.i18n import UserFacingError, bilingual
from minsheng.plans import placement
from minsheng.plans.choices import UNITS, PlanState
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
from minsheng.progress.models import Evidence, EvidenceKind, ProgressReport, ReportState
from minsheng.progress.selectors import plan_ledger

FORMAT = "minsheng.plan/1"
SCHEMA_PATH = Path(__file__).parent / "schema" / "plan.schema.json"
# A plan document is a few levels deep (plan → project → indicator → allocation → figure);
# far deeper nesting is an attack on the parser or the validator, refused before either.
MAX_DEPTH = 20
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# At most this many problems are listed, each quoting at most SHORT characters of the input.
MAX_PROBLEMS = 50
SHORT = 60


class _Refused(ValueError):
    """A plan document broken in a way JSON itself allows; carries the bilingual message."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _Refused(
                bilingual(_("the key “%(key)s” appears twice in one object"), key=_short(key))
            )
        seen[key] = value
    return seen


def _no_constant(name: str) -> Any:
    raise _Refused(bilingual(_("%(value)s is not a number a plan can hold"), value=name))


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(bilingual(_("%(value)s is too large a number"), value=_short(text)))
    return value


def parse_document(raw: str | bytes) -> Any:
    """Read a plan document's JSON strictly; raise UserFacingError with a short reason if bad.

    Refused, where Python's json would accept: a key twice in one object (the last would win
    silently), NaN and Infinity, numbers too large for a float (1e400), nesting deeper than
    MAX_DEPTH, and documents larger than MAX_DOCUMENT_BYTES.
    """
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise UserFacingError(
            [bilingual(_("the file is larger than %(size)s MB"), size=MAX_DOCUMENT_BYTES // 2**20)]
        )
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserFacingError([bilingual(_("the file is not UTF-8 text"))]) from error
    try:
        data = json.loads(
            raw,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=_finite,
        )
    except _Refused as error:
        raise UserFacingError([str(error)]) from error
    except json.JSONDecodeError as error:
        raise UserFacingError(
            [
                bilingual(
                    _("not JSON: %(detail)s (line %(line)s, column %(column)s)"),
                    detail=error.msg,
                    line=error.lineno,
                    column=error.colno,
                )
            ]
        ) from error
    except RecursionError as error:
        raise UserFacingError([_too_deep()]) from error
    except ValueError as error:  # e.g. an integer of more than 4300 digits
        raise UserFacingError(
            [bilingual(_("not JSON: %(detail)s"), detail=_short(error))]
        ) from error
    if _depth(data) > MAX_DEPTH:
        raise UserFacingError([_too_deep()])
    return data


def _depth(data: Any) -> int:
    """How deeply lists and objects nest in `data`, found without recursion."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _too_deep() -> str:
    return bilingual(_("the document is nested more than %(depth)s levels deep"), depth=MAX_DEPTH)


def _short(value: Any) -> str:
    """At most SHORT characters of a value, so that a 10 MB field is not echoed back."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= SHORT else text[:SHORT] + f"…（{len(text)}）"


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: whole values as integers (38400, not 38400.0000)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value.normalize())


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def export_plan(plan: Plan, *, as_of: date | None = None) -> dict[str, Any]:
    """The whole plan with actuals from approved reports, in the interchange format."""
    jurisdiction = plan.jurisdiction
    districts = jurisdiction.children.order_by("code", "name")
    ledger = plan_ledger(plan, as_of=as_of)
    evidence = Evidence.objects.filter(project__plan=plan, report__isnull=True).order_by("id")
    captions: dict[int, list[dict[str, str]]] = {}
    for item in evidence:
        entry = {"caption": item.caption}
        if item.url:
            entry["url"] = item.url
        captions.setdefault(item.project_id, []).append(entry)
    return {
        "format": FORMAT,
        "jurisdiction": _jurisdiction_dict(jurisdiction),
        "districts": [_jurisdiction_dict(district) for district in districts],
        "year": plan.year,
        "title": plan.title,
        "state": plan.state,
        "summary": plan.summary,
        "projects": [
            {
                "number": row.project.number,
                "title": row.project.title,
                "domain": row.project.domain.name,
                "description": row.project.description,
                "completion_summary": row.project.completion_summary,
                "departments": [
                    {"name": link.department.name, "role": link.role} for link in row.departments
                ],
                "indicators": [_indicator_dict(item) for item in row.indicators],
                "milestones": [
                    {
                        "name": item.milestone.name,
                        "due_date": _iso(item.milestone.due_date),
                        "done": item.done,
                        "done_date": _iso(item.done_on),
                    }
                    for item in row.milestones
                ],
                "evidence": captions.get(row.project.pk, []),
            }
            for row in ledger
        ],
    }


def _jurisdiction_dict(jurisdiction: Jurisdiction) -> dict[str, str]:
    return {
        "name": jurisdiction.name,
        "slug": jurisdiction.slug,
        "code": jurisdiction.code,
        "level": jurisdiction.level,
    }


def _indicator_dict(row: Any) -> dict[str, Any]:
    indicator: Indicator = row.indicator
    data: dict[str, Any] = {
        "name": indicator.name,
        "target": json_number(indicator.target),
        "unit": indicator.unit,
        "comparator": indicator.comparator,
        "baseline": json_number(indicator.baseline),
        "due_date": _iso(indicator.due_date),
        "source_text": indicator.source_text,
        "actual": json_number(row.actual),
        "actual_as_of": _iso(row.actual_as_of),
        "stated_percent": json_number(row.stated_percent),
    }
    points = list(indicator.schedule_points.all())
    if points:
        data["schedule"] = [
            {"date": point.date.isoformat(), "percent": json_number(point.cumulative_percent)}
            for point in points
        ]
    allocations = list(indicator.allocations.all())
    if allocations:
        data["allocations"] = [
            {
                ("district" if allocation.jurisdiction_id else "department"): str(
                    allocation.holder
                ),
                "target": json_number(allocation.target),
            }
            for allocation in allocations
        ]
    return data


def _path(parts: Any) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(root)"


def _schema_message(error: jsonschema.ValidationError) -> str:
    # Every quoted piece of input is cut short: a 10 MB title must not come back as 20 MB.
    where = _short(_path(error.absolute_path))
    value = _short(error.instance)
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        return bilingual(
            _("%(where)s: required field “%(field)s” is missing"),
            where=where,
            field=_short(missing),
        )
    if error.validator == "enum":
        return bilingual(_("%(where)s: unknown value “%(value)s”"), where=where, value=value)
    if error.validator in {"minimum", "exclusiveMinimum"}:
        return bilingual(
            _("%(where)s: must not be below %(limit)s (got %(value)s)"),
            where=where,
            limit=error.validator_value,
            value=value,
        )
    if error.validator in {"maximum", "exclusiveMaximum"}:
        return bilingual(
            _("%(where)s: must be below %(limit)s (got %(value)s)"),
            where=where,
            limit=error.validator_value,
            value=value,
        )
    if error.validator == "maxLength":
        return bilingual(
            _("%(where)s: longer than %(limit)s characters (got %(length)s)"),
            where=where,
            limit=error.validator_value,
            length=len(error.instance),
        )
    if error.validator == "type":
        return bilingual(
            _("%(where)s: must be of type %(type)s (got %(value)s)"),
            where=where,
            type=error.validator_value,
            value=_short(repr(error.instance)),
        )
    if error.validator == "additionalProperties":
        return bilingual(
            _("%(where)s: unknown field: %(detail)s"), where=where, detail=_short(error.message)
        )
    return bilingual(_("%(where)s: invalid: %(detail)s"), where=where, detail=_short(error.message))


def validate(data: Any) -> list[str]:
    """Every problem with a plan document, as bilingual messages naming the field; [] if none."""
    if _depth(data) > MAX_DEPTH:
        return [_too_deep()]
    validator = jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        return _capped([_schema_message(error) for error in errors])
    return _capped(_ledger_problems(data))


def _capped(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [
        *problems[:MAX_PROBLEMS],
        bilingual(_("… and %(count)s more problems"), count=rest),
    ]


def _ledger_problems(data: dict[str, Any]) -> list[str]:
    problems = []
    numbers = Counter(project["number"] for project in data["projects"])
    for number, count in sorted(numbers.items()):
        if count > 1:
            problems.append(
                bilingual(
                    _("projects: project number %(number)s appears %(count)s times"),
                    number=number,
                    count=count,
                )
            )
    known_domains = set(Domain.objects.values_list("name", flat=True))
    district_names = {d["name"] for d in data.get("districts", [])} | set(
        Jurisdiction.objects.values_list("name", flat=True)
    )
    for p_index, project in enumerate(data["projects"]):
        where = f"projects[{p_index}]"
        if project["domain"] not in known_domains:
            problems.append(
                bilingual(
                    _("%(where)s.domain: unknown domain “%(value)s”; known: %(known)s"),
                    where=where,
                    value=project["domain"],
                    known="、".join(sorted(known_domains)),
                )
            )
        leads = [d for d in project["departments"] if d["role"] == "lead"]
        if len(leads) > 1:
            problems.append(
                bilingual(_("%(where)s.departments: more than one lead department"), where=where)
            )
        for i_index, indicator in enumerate(project["indicators"]):
            problems += _allocation_problems(
                f"{where}.indicators[{i_index}]", indicator, district_names
            )
    return problems


def _allocation_problems(where: str, indicator: dict[str, Any], districts: set[str]) -> list[str]:
    allocations = indicator.get("allocations") or []
    if not allocations:
        return []
    problems = []
    total = sum((Decimal(str(a["target"])) for a in allocations), Decimal(0))
    if total != Decimal(str(indicator["target"])):
        problems.append(
            bilingual(
                _("%(where)s.allocations: shares add up to %(total)s, not the target %(target)s"),
                where=where,
                total=total,
                target=indicator["target"],
            )
        )
    for a_index, allocation in enumerate(allocations):
        if "district" in allocation and allocation["district"] not in districts:
            problems.append(
                bilingual(
                    _("%(where)s.allocations[%(index)s].district: unknown district “%(name)s”"),
                    where=where,
                    index=a_index,
                    name=allocation["district"],
                )
            )
    return problems


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _number(value: int | float) -> Decimal:
    # Through str, so that a JSON 778.55 becomes Decimal("778.55"), not a binary fraction.
    return Decimal(str(value))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def import_plan(data: Any, *, actor: Any = None) -> Plan:
    """Load a plan document in one transaction; raise UserFacingError and write nothing if bad."""
    problems = validate(data)
    if problems:
        raise UserFacingError(problems)
    with transaction.atomic():
        jurisdiction = placement.plan_jurisdiction(data["jurisdiction"], actor=actor)
        if Plan.objects.filter(jurisdiction=jurisdiction, year=data["year"]).exists():
            raise UserFacingError(
                [
                    bilingual(
                        _("a plan of %(jurisdiction)s for %(year)s already exists"),
                        jurisdiction=jurisdiction.name,
                        year=data["year"],
                    )
                ]
            )
        for district in data.get("districts", []):
            placement.jurisdiction_get_or_create(district, parent=jurisdiction, actor=actor)
        plan = Plan.objects.create(
            jurisdiction=jurisdiction,
            year=data["year"],
            title=data["title"],
            summary=data.get("summary", ""),
            state=data.get("state", PlanState.DRAFTING),
        )
        record_change(actor=actor, action="plan.import", instance=plan, after=snapshot(plan))
        for project_data in data["projects"]:
            _import_project(plan, project_data, actor)
        # The imported actuals are approved: the current state counts them from now on.
        ledger_store.refresh_plans([plan.pk])
    return plan


def _import_project(plan: Plan, data: dict[str, Any], actor: Any) -> None:
    project = Project.objects.create(
        plan=plan,
        number=data["number"],
        title=data["title"],
        domain=Domain.objects.get(name=data["domain"]),
        description=data.get("description", ""),
        completion_summary=data.get("completion_summary", ""),
    )
    record_change(actor=actor, action="project.create", instance=project, after=snapshot(project))
    for order, link in enumerate(data["departments"]):
        department, _created = Department.objects.get_or_create(
            jurisdiction=plan.jurisdiction, name=link["name"]
        )
        ProjectDepartment.objects.create(
            project=project, department=department, role=link["role"], order=order
        )
    for order, item in enumerate(data["indicators"]):
        _import_indicator(project, order, item, actor)
    for order, item in enumerate(data.get("milestones", [])):
        milestone = Milestone.objects.create(
            project=project, order=order, name=item["name"], due_date=_day(item.get("due_date"))
        )
        record_change(
            actor=actor, action="milestone.create", instance=milestone, after=snapshot(milestone)
        )
        if item.get("done"):
            _approved_report(
                actor, milestone=milestone, done=True, as_of=_day(item.get("done_date")) or plan.end
            )
    for item in data.get("evidence", []):
        Evidence.objects.create(
            project=project,
            kind=EvidenceKind.LINK if item.get("url") else EvidenceKind.PHOTO,
            caption=item["caption"],
            url=item.get("url", ""),
        )


def _import_indicator(project: Project, order: int, data: dict[str, Any], actor: Any) -> None:
    assert data["unit"] in UNITS
    indicator = Indicator.objects.create(
        project=project,
        order=order,
        name=data["name"],
        target=_number(data["target"]),
        unit=data["unit"],
        comparator=data["comparator"],
        baseline=_decimal(data.get("baseline")),
        due_date=_day(data.get("due_date")),
        source_text=data.get("source_text", ""),
    )
    record_change(
        actor=actor, action="indicator.create", instance=indicator, after=snapshot(indicator)
    )
    for point in data.get("schedule", []):
        SchedulePoint.objects.create(
            indicator=indicator,
            date=date.fromisoformat(point["date"]),
            cumulative_percent=_number(point["percent"]),
        )
    plan = project.plan
    for share in data.get("allocations", []):
        holder: dict[str, Any] = {}
        if "district" in share:
            holder["jurisdiction"] = Jurisdiction.objects.get(name=share["district"])
        else:
            holder["department"], _created = Department.objects.get_or_create(
                jurisdiction=plan.jurisdiction, name=share["department"]
            )
        allocation = Allocation.objects.create(
            indicator=indicator, target=_number(share["target"]), **holder
        )
        if share.get("actual") is not None:
            _approved_report(
                actor,
                indicator=indicator,
                allocation=allocation,
                value=_number(share["actual"]),
                as_of=plan.end,
            )
    if data.get("actual") is not None and not data.get("allocations"):
        _approved_report(
            actor,
            indicator=indicator,
            value=_number(data["actual"]),
            stated_percent=_decimal(data.get("stated_percent")),
            as_of=_day(data.get("actual_as_of")) or plan.end,
        )


def _approved_report(actor: Any, **fields: Any) -> ProgressReport:
    """An actual carried in by an import counts as reviewed: it comes from a published report."""
    report = ProgressReport.objects.create(
        state=ReportState.APPROVED,
        reporter=actor if getattr(actor, "is_authenticated", False) else None,
        narrative=str(_("Imported from a plan document")),
        **fields,
    )
    record_change(
        actor=actor, action="progress_report.import", instance=report, after=snapshot(report)
    )
    return report
