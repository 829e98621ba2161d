"""The quarterly bulletin (季度通报): per project done / on track / lagging, the red and yellow
items, and the departments that sent no approved report this quarter. Same ledger, same rules.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q

from minsheng.core.chinese_numbers import format_percent
from minsheng.plans.choices import DONE_STATUSES, Status
from minsheng.plans.models import Plan
from minsheng.progress.ledger_state import (
    BULLETIN_RED,
    BULLETIN_YELLOW,
    bulletin_colour,
    plan_ledger,
)
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.reports import phrases

DONE = "done"
ON_TRACK = "on_track"
LAGGING = "lagging"
NO_DATA = "no_data"
RED = BULLETIN_RED
YELLOW = BULLETIN_YELLOW


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_start(day: date) -> date:
    return date(day.year, 3 * (quarter_of(day) - 1) + 1, 1)


@dataclass(frozen=True)
class Warning:
    level: str
    project_number: int
    project_title: str
    item: str
    percent: Decimal | None
    expected_percent: Decimal
    departments: list[str]

    @property
    def clause(self) -> str:
        """ "新增公共停车位完成30%，按计划应完成74.7%"; honest when nothing is approved yet."""
        expected = format_percent(self.expected_percent)
        if self.percent is None:
            return f"{self.item}尚无经审核的数据，按计划应完成{expected}"
        return f"{self.item}完成{format_percent(self.percent)}，按计划应完成{expected}"


@dataclass(frozen=True)
class BulletinRow:
    number: int
    title: str
    departments: list[str]
    category: str
    percent: Decimal | None


@dataclass
class Bulletin:
    jurisdiction: str
    year: int
    label: str
    as_of: date
    rows: list[BulletinRow] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    silent_departments: list[str] = field(default_factory=list)

    @property
    def quarter(self) -> int:
        return quarter_of(self.as_of)

    def count(self, category: str) -> int:
        return sum(1 for row in self.rows if row.category == category)

    @property
    def title(self) -> str:
        return (
            f"{self.year}年第{phrases.CHINESE_QUARTERS[self.quarter]}季度{self.label}进展情况通报"
        )

    @property
    def lead(self) -> str:
        text = (
            f"截至{phrases.chinese_date(self.as_of)}，{len(self.rows)}件{self.label}中，"
            f"{self.count(DONE)}件已完成年度目标，{self.count(ON_TRACK)}件按进度推进，"
            f"{self.count(LAGGING)}件进度滞后"
        )
        no_data = self.count(NO_DATA)
        text += f"，{no_data}件尚无经审核的进度数据。" if no_data else "。"
        reds = sum(1 for w in self.warnings if w.level == RED)
        yellows = sum(1 for w in self.warnings if w.level == YELLOW)
        if reds or yellows:
            text += f"共有红色预警{reds}项、黄色预警{yellows}项。"
        else:
            text += "无预警事项。"
        return text


def _category(status: Status) -> str:
    if status in DONE_STATUSES:
        return DONE
    if status == Status.LAGGING:
        return LAGGING
    if status == Status.NOT_STARTED:
        return NO_DATA
    return ON_TRACK


def reported_projects(plan: Plan, since: date, until: date) -> set[int]:
    """Projects with at least one approved report dated within [since, until]."""
    found: set[int] = set()
    rows = (
        ProgressReport.objects.filter(
            state=ReportState.APPROVED, as_of__gte=since, as_of__lte=until
        )
        .filter(Q(indicator__project__plan=plan) | Q(milestone__project__plan=plan))
        .values_list("indicator__project_id", "milestone__project_id")
    )
    for by_indicator, by_milestone in rows:
        found.add(by_indicator or by_milestone)
    return found


def quarterly_bulletin(plan: Plan, *, as_of: date) -> Bulletin:
    """The bulletin of the quarter that contains `as_of`, from approved data only."""
    ledger = plan_ledger(plan, as_of=as_of)
    reported = reported_projects(plan, quarter_start(as_of), as_of)
    bulletin = Bulletin(
        jurisdiction=plan.jurisdiction.name,
        year=plan.year,
        label=phrases.plan_label(plan.title, plan.year),
        as_of=as_of,
    )
    silent: list[str] = []
    for row in ledger:
        names = [link.department.name for link in row.departments]
        bulletin.rows.append(
            BulletinRow(
                number=row.project.number,
                title=row.project.title,
                departments=names,
                category=_category(row.status),
                percent=row.percent,
            )
        )
        items = [(item.indicator.name, item.warning, item.percent) for item in row.indicators] + [
            (item.milestone.name, item.warning, item.warning.percent) for item in row.milestones
        ]
        for name, warning, percent in items:
            # The colour is the cockpit's level (ledger_state.bulletin_colour): one rule.
            level = bulletin_colour(warning.level)
            if level:
                bulletin.warnings.append(
                    Warning(
                        level,
                        row.project.number,
                        row.project.title,
                        name,
                        percent,
                        warning.expected_percent,
                        names,
                    )
                )
        if row.status not in DONE_STATUSES and row.project.pk not in reported:
            silent.extend(name for name in names if name not in silent)
    bulletin.warnings.sort(key=lambda w: (w.level != RED, w.project_number))
    bulletin.silent_departments = silent
    return bulletin
