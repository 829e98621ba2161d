"""The report model: plain data classes built from the ledger (approved data only).

`year_end_report` and `quarterly_bulletin` read progress.selectors.plan_ledger once and turn
it into figures the writers only format: every actual is the ledger's, every percent is
plans.completion's, nothing is copied from a hand-written summary.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils import translation

from minsheng.plans.choices import DONE_STATUSES, DepartmentRole, Status
from minsheng.plans.completion import HUNDRED
from minsheng.plans.models import Domain, Plan
from minsheng.progress.models import Evidence, EvidenceKind, ProgressReport, ReportState
from minsheng.progress.selectors import IndicatorRow, ProjectRow, plan_ledger
from minsheng.reports import phrases

if TYPE_CHECKING:
    from minsheng.reports.models import ReportJob


@dataclass(frozen=True)
class IndicatorFigure:
    name: str
    unit: str
    comparator: str
    target: Decimal
    actual: Decimal | None
    percent: Decimal | None
    expected_percent: Decimal
    status: Status

    @property
    def done(self) -> bool:
        return self.status in DONE_STATUSES

    @property
    def sentence(self) -> str:
        return phrases.indicator_sentence(
            name=self.name,
            unit=self.unit,
            comparator=self.comparator,
            target=self.target,
            actual=self.actual,
            percent=self.percent,
            status=self.status,
        )


@dataclass(frozen=True)
class MilestoneFigure:
    name: str
    done: bool
    done_on: date | None
    status: Status

    @property
    def sentence(self) -> str:
        return phrases.milestone_sentence(
            name=self.name,
            done=self.done,
            early=self.status == Status.COMPLETED_EARLY,
            status=self.status,
        )


@dataclass(frozen=True)
class EvidenceItem:
    caption: str
    image_name: str = ""
    url: str = ""


@dataclass
class ProjectSection:
    number: int
    title: str
    domain: str
    description: str
    lead_departments: list[str]
    co_departments: list[str]
    status: Status
    percent: Decimal | None
    indicators: list[IndicatorFigure] = field(default_factory=list)
    milestones: list[MilestoneFigure] = field(default_factory=list)
    narrative: str = ""
    evidence: list[EvidenceItem] = field(default_factory=list)

    @property
    def departments(self) -> list[str]:
        return self.lead_departments + self.co_departments

    @property
    def promise(self) -> str:
        """What was promised: the plan's own words, else a sentence built from the targets."""
        if self.description:
            return self.description
        clauses = [
            phrases.promise_sentence(
                name=item.name, unit=item.unit, comparator=item.comparator, target=item.target
            )
            for item in self.indicators
        ]
        clauses += [item.name for item in self.milestones]
        return f"{self.title}，{'；'.join(clauses)}。" if clauses else f"{self.title}。"

    @property
    def done(self) -> bool:
        return self.status in DONE_STATUSES

    @property
    def completion_text(self) -> str:
        """The 完成情况 paragraph, without its label."""
        clauses = [item.sentence for item in self.indicators]
        clauses += [item.sentence for item in self.milestones]
        return phrases.completion_paragraph(clauses, self.narrative)

    @property
    def lagging_items(self) -> list[str]:
        return [item.name for item in self.indicators if item.status == Status.LAGGING] + [
            item.name for item in self.milestones if item.status == Status.LAGGING
        ]


@dataclass
class YearEndReport:
    jurisdiction: str
    year: int
    plan_title: str
    label: str
    as_of: date
    domains: list[str]
    projects: list[ProjectSection]

    @property
    def done_projects(self) -> list[ProjectSection]:
        return [p for p in self.projects if p.done]

    @property
    def exceeded_projects(self) -> list[ProjectSection]:
        return [p for p in self.projects if p.status == Status.EXCEEDED]

    @property
    def unfinished_projects(self) -> list[ProjectSection]:
        return [p for p in self.projects if not p.done]

    @property
    def indicators(self) -> list[IndicatorFigure]:
        return [item for p in self.projects for item in p.indicators]

    @property
    def milestones(self) -> list[MilestoneFigure]:
        return [item for p in self.projects for item in p.milestones]

    def count_indicators(self, status: Status) -> int:
        return sum(1 for item in self.indicators if item.status == status)

    @property
    def headline(self) -> str:
        total = len(self.projects)
        if total and not self.unfinished_projects:
            return f"年终捷报：{total}件{self.label}全部办妥"
        return (
            f"{self.year}年{self.label}完成情况：{total}件中{len(self.done_projects)}件实现年度目标"
        )

    @property
    def subheadline(self) -> str:
        if not self.domains:
            return ""
        return f"涵盖{phrases.enumerate_chinese(self.domains)}等基本民生领域"

    @property
    def lead(self) -> str:
        """The lead paragraph, every count computed; honest when something is not done."""
        total = len(self.projects)
        when = phrases.chinese_date(self.as_of)
        if not total:
            return f"截至{when}，{self.plan_title}尚无项目。"
        text = f"{self.year}年，{self.jurisdiction}共实施{total}件{self.label}，涵盖{phrases.enumerate_chinese(self.domains)}等民生领域。"
        exceeded = len(self.exceeded_projects)
        if total and not self.unfinished_projects:
            text += f"截至{when}，{total}件{self.label}均已顺利实现年度目标"
            text += f"，其中{exceeded}件超额完成。" if exceeded else "。"
        else:
            done = len(self.done_projects)
            text += f"截至{when}，{total}件{self.label}中{done}件已实现年度目标"
            text += f"（其中{exceeded}件超额完成）" if exceeded else ""
            names = "、".join(f"第{p.number}件" for p in self.unfinished_projects)
            text += f"，{len(self.unfinished_projects)}件尚未完成（{names}）。"
        indicators = len(self.indicators)
        if indicators:
            text += f"{indicators}项量化指标中，{self.count_indicators(Status.EXCEEDED)}项超额完成"
            early = self.count_indicators(Status.COMPLETED_EARLY)
            text += f"，{early}项提前完成" if early else ""
            completed = self.count_indicators(Status.COMPLETED)
            text += f"，{completed}项如期完成" if completed else ""
            lagging = self.count_indicators(Status.LAGGING)
            text += f"，{lagging}项进度滞后" if lagging else ""
            pending = sum(1 for item in self.indicators if not item.done) - lagging
            text += f"，{pending}项正在推进" if pending else ""
            text += "；" if self.milestones else "。"
        milestones = self.milestones
        if milestones:
            done_milestones = sum(1 for item in milestones if item.done)
            if done_milestones == len(milestones):
                text += f"{len(milestones)}个节点任务全部完成。"
            else:
                text += f"{len(milestones)}个节点任务完成{done_milestones}个。"
        return text


def _department_names(row: ProjectRow, role: str) -> list[str]:
    return [link.department.name for link in row.departments if link.role == role]


def _figure(row: IndicatorRow) -> IndicatorFigure:
    indicator = row.indicator
    return IndicatorFigure(
        name=indicator.name,
        unit=indicator.unit,
        comparator=indicator.comparator,
        target=indicator.target,
        actual=row.actual,
        percent=row.percent,
        expected_percent=row.assessment.expected_percent,
        status=row.status,
    )


# Imported actuals carry the plans app's stock narrative, which says nothing about the
# project and must not be printed as its 完成情况. Held in a variable so that this catalogue
# does not extract (and translate differently) the plans app's message.
IMPORT_NARRATIVE = "Imported from a plan document"


def _import_placeholders() -> set[str]:
    texts = set()
    for language in ("zh-hans", "en"):
        with translation.override(language):
            texts.add(translation.gettext(IMPORT_NARRATIVE))
    return texts


def final_narratives(plan: Plan, as_of: date) -> dict[int, str]:
    """Each project's narrative from its latest approved report that has one (project id → text)."""
    skip = _import_placeholders()
    reports = (
        ProgressReport.objects.filter(state=ReportState.APPROVED, as_of__lte=as_of)
        .filter(Q(indicator__project__plan=plan) | Q(milestone__project__plan=plan))
        .exclude(narrative="")
        .exclude(narrative__in=skip)
        .select_related("indicator", "milestone")
        .order_by("as_of", "id")
    )
    narratives: dict[int, str] = {}
    for report in reports:
        subject = report.indicator or report.milestone
        assert subject is not None
        narratives[subject.project_id] = report.narrative.strip()
    return narratives


def public_evidence(plan: Plan, as_of: date) -> dict[int, list[EvidenceItem]]:
    """Captions (and image files) of evidence that is the plan's own or on an approved report."""
    items = (
        Evidence.objects.filter(project__plan=plan)
        .filter(
            Q(report__isnull=True) | Q(report__state=ReportState.APPROVED, report__as_of__lte=as_of)
        )
        .order_by("project_id", "id")
    )
    found: dict[int, list[EvidenceItem]] = {}
    for item in items:
        # The storage name, not a path on this server's disk: the writers read it through
        # the storage, so a report job runs on any worker.
        image_name = item.file.name if item.kind == EvidenceKind.PHOTO and item.file else ""
        found.setdefault(item.project_id, []).append(
            EvidenceItem(caption=item.caption, image_name=image_name, url=item.url)
        )
    return found


def year_end_report(plan: Plan, *, as_of: date) -> YearEndReport:
    """The year-end report's content for `plan` on `as_of`, from approved data only."""
    ledger = plan_ledger(plan, as_of=as_of)
    narratives = final_narratives(plan, as_of)
    evidence = public_evidence(plan, as_of)
    used = {row.project.domain_id for row in ledger}
    domains = [d.name for d in Domain.objects.filter(pk__in=used).order_by("order", "name")]
    sections = []
    for row in ledger:
        project = row.project
        sections.append(
            ProjectSection(
                number=project.number,
                title=project.title,
                domain=project.domain.name,
                description=project.description,
                lead_departments=_department_names(row, DepartmentRole.LEAD),
                co_departments=_department_names(row, DepartmentRole.CO),
                status=row.status,
                percent=row.percent,
                indicators=[_figure(item) for item in row.indicators],
                milestones=[
                    MilestoneFigure(
                        name=item.milestone.name,
                        done=item.done,
                        done_on=item.done_on,
                        status=item.status,
                    )
                    for item in row.milestones
                ],
                narrative=narratives.get(project.pk, ""),
                evidence=evidence.get(project.pk, []),
            )
        )
    return YearEndReport(
        jurisdiction=plan.jurisdiction.name,
        year=plan.year,
        plan_title=plan.title,
        label=phrases.plan_label(plan.title, plan.year),
        as_of=as_of,
        domains=domains,
        projects=sections,
    )


def domain_completion(report: YearEndReport) -> list[tuple[str, Decimal]]:
    """Mean project progress (each capped at 100 %) per domain, in the domains' order."""
    result = []
    for domain in report.domains:
        percents = [p.percent or Decimal(0) for p in report.projects if p.domain == domain]
        mean = sum(percents, Decimal(0)) / len(percents)
        result.append((domain, min(mean, HUNDRED).quantize(Decimal("0.1"))))
    return result


def recent_jobs(limit: int = 20, user: Any = None) -> list["ReportJob"]:
    """The office's latest report jobs, newest first, for the list on the office page; given
    a user, only the jobs of plans in their scope."""
    from minsheng.accounts.scope import scope_of
    from minsheng.reports.models import ReportJob

    jobs = ReportJob.objects.select_related("plan__jurisdiction", "requested_by")
    if user is not None:
        jobs = scope_of(user).filter(jobs, "plan__jurisdiction")
    return list(jobs.order_by("-created_at", "-pk")[:limit])
