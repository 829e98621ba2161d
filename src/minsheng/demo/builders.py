"""The demo year: small builders that `load_demo` runs in one transaction.

Facts (targets, units, comparators, departments) come from the plan documents in
plans/data; everything else here (monthly values, district shares, notices, suggestions) is
invented demo data, labelled 演示数据 wherever it is shown. Changes go through the apps'
services where they exist; where the demo writes history no service can write (approved
reports of past months, a past deadline) it records each change with `record_change`.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from minsheng.accounts.models import Role, User
from minsheng.audit.services import record_change, snapshot
from minsheng.core import ratelimit
from minsheng.demo import photos
from minsheng.demo.accounts import SPECS, Spec
from minsheng.demo.models import DemoAccount
from minsheng.participation.models import SuggestionState
from minsheng.participation.services import ballot as ballots
from minsheng.participation.services import replies, solicitation, vetting, visits
from minsheng.plans.choices import JurisdictionLevel, PlanState
from minsheng.plans.interchange import import_plan
from minsheng.plans.models import (
    Allocation,
    Department,
    Domain,
    Indicator,
    Jurisdiction,
    Plan,
    SchedulePoint,
)
from minsheng.plans.vocabulary import ensure_default_domains
from minsheng.progress import ledger_store
from minsheng.progress import services as progress
from minsheng.progress.evidence import check_upload
from minsheng.progress.models import Evidence, ProgressReport, ReportState
from minsheng.supervision import services as supervision
from minsheng.supervision.models import SupervisionNotice

DATA = Path(__file__).resolve().parent.parent / "plans" / "data"
PLAN_2025 = DATA / "qingdao_2025.json"
PLAN_2026 = DATA / "qingdao_2026.json"
ZONE = ZoneInfo(settings.TIME_ZONE)
REPORT_DAY = date(2026, 11, 30)  # the last month the demo reports; "today" is 2026-12-01
SCHEDULE = (
    (date(2026, 3, 31), 20),
    (date(2026, 6, 30), 50),
    (date(2026, 9, 30), 80),
    (date(2026, 11, 30), 95),
)

# Cumulative share of the target at the end of each month, January to November.
PROFILES: dict[str, tuple[float, ...]] = {
    "early": (0.10, 0.22, 0.35, 0.48, 0.60, 0.72, 0.85, 0.95, 1.0, 1.0, 1.0),
    "exceed": (0.08, 0.17, 0.27, 0.38, 0.50, 0.62, 0.74, 0.86, 0.97, 1.06, 1.12),
    "on_track": (0.06, 0.13, 0.21, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.88, 0.96),
    "yellow": (0.05, 0.11, 0.18, 0.26, 0.35, 0.44, 0.53, 0.62, 0.71, 0.79, 0.86),
    "red": (0.02, 0.05, 0.09, 0.14, 0.20, 0.27, 0.34, 0.42, 0.50, 0.58, 0.66),
}
# Which course each 2026 indicator takes (by name); the rest are on track.
COURSE = {
    "帮扶离校未就业高校毕业生": "early",
    "残疾人就业": "exceed",
    "工伤预防能力提升培训": "yellow",
    "完成城中村改造回迁项目": "red",
    "更新15年以上住宅老旧电梯": "yellow",
    "改造农村低收入困难群体危房": "early",
    "新增公共停车泊位": "exceed",
    "新开和优化调整公交线路": "early",
    "开通微循环公交线路": "early",
    "打造镇街级综合服务中心": "red",
    "建设认知障碍老年人照护专区": "yellow",
    "适龄农村和城镇低保妇女免费“两癌”筛查": "yellow",
    "老年慢阻肺人群全周期健康管理随访（例）": "early",
    "开通医保个人账户线上购药服务的定点药店": "exceed",
}
# Indicators split over the ten districts, by weight (shares sum exactly to the target).
WEIGHTS = {
    "市南区": 8, "市北区": 12, "李沧区": 9, "崂山区": 7, "城阳区": 11,
    "黄岛区": 18, "即墨区": 11, "胶州市": 9, "平度市": 9, "莱西市": 6,
}  # fmt: skip
SPLIT = (
    "重点群体就业创业",
    "更新15年以上住宅老旧电梯",
    "改造非直供电小区",
    "新增公共停车泊位",
    "新增新能源汽车充电桩",
    "打造镇街级综合服务中心",
    "打造高水平国医馆",
    "适龄农村和城镇低保妇女免费“两癌”筛查",
)
# How each district runs against the indicator's course (平度市 lags, 黄岛区 leads).
PACE = {
    "市南区": 1.02, "市北区": 0.98, "李沧区": 1.0, "崂山区": 1.04, "城阳区": 0.97,
    "黄岛区": 1.06, "即墨区": 1.0, "胶州市": 0.99, "平度市": 0.8, "莱西市": 0.95,
}  # fmt: skip
# Reports of November still waiting: (indicator, district or "") → state.
WAITING = {
    ("扶持创业", ""): ReportState.SUBMITTED,
    ("新增公共停车泊位", "市南区"): ReportState.SUBMITTED,
    ("新增新能源汽车充电桩", "黄岛区"): ReportState.SUBMITTED,
    ("关键堵点打通和重点路口精细化治理", ""): ReportState.SUBMITTED,
    ("工伤预防能力提升培训", ""): ReportState.DRAFT,
    ("打造镇街级综合服务中心", "平度市"): ReportState.DRAFT,
    ("完成城中村改造回迁项目", ""): ReportState.RETURNED,
    ("适龄农村和城镇低保妇女免费“两癌”筛查", "莱西市"): ReportState.RETURNED,
}
RETURN_COMMENT = "请补充现场照片和台账明细后重新提交。"


@dataclass
class Counts:
    users: int = 0
    reports: int = 0
    reports_by_state: dict[str, int] = field(default_factory=dict)
    notices: int = 0
    help_requests: int = 0
    suggestions: int = 0
    photos: int = 0


@dataclass
class Cast:
    """The demo's people by key, and the jurisdictions and departments they belong to."""

    users: dict[str, User]
    city: Jurisdiction
    _by_project: dict[int, User] = field(default_factory=dict)

    def reporter_for(self, indicator: Indicator, allocation: Allocation | None) -> User:
        """A district's share is reported by its district, the rest by a responsible
        department that has a demo reporter (the office when none has)."""
        if allocation is not None and allocation.jurisdiction is not None:
            return self.users[_district_key(allocation.jurisdiction.name)]
        if indicator.project_id not in self._by_project:
            names = set(
                indicator.project.project_departments.values_list("department__name", flat=True)
            )
            self._by_project[indicator.project_id] = next(
                (
                    self.users[spec.key]
                    for spec in SPECS
                    if spec.role == Role.DEPARTMENT_REPORTER and spec.department in names
                ),
                self.users["demo-office"],
            )
        return self._by_project[indicator.project_id]


def _district_key(name: str) -> str:
    for spec in SPECS:
        if spec.role == Role.DISTRICT_REPORTER and spec.jurisdiction == name:
            return spec.key
    raise KeyError(name)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZONE)


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def _whole(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def split_exactly(target: Decimal, weights: dict[str, int]) -> dict[str, Decimal]:
    """Whole shares in proportion to the weights that add up exactly to the target
    (largest remainder)."""
    total = sum(weights.values())
    raw = {name: target * weight / total for name, weight in weights.items()}
    shares = {name: value.to_integral_value(rounding="ROUND_FLOOR") for name, value in raw.items()}
    left = int(target - sum(shares.values()))
    for name in sorted(raw, key=lambda n: raw[n] - shares[n], reverse=True)[:left]:
        shares[name] += 1
    return shares


# --- plans and people -------------------------------------------------------------------


def load_plans() -> tuple[Plan, Plan]:
    ensure_default_domains()
    plan_2025 = Plan.objects.filter(jurisdiction__name="青岛市", year=2025).first()
    if plan_2025 is None:
        plan_2025 = import_plan(json.loads(PLAN_2025.read_text(encoding="utf-8")))
    plan_2026 = import_plan(json.loads(PLAN_2026.read_text(encoding="utf-8")))
    return plan_2025, plan_2026


def province_above(city: Jurisdiction) -> Jurisdiction:
    """山东省 as the parent jurisdiction of 青岛市."""
    province, created = Jurisdiction.objects.get_or_create(
        name="山东省",
        parent=None,
        defaults={"slug": "shandong", "code": "370000", "level": JurisdictionLevel.PROVINCE},
    )
    if created:
        record_change(
            actor=None, action="jurisdiction.create", instance=province, after=snapshot(province)
        )
    if city.parent_id != province.pk:
        before = snapshot(city)
        city.parent = province
        city.save(update_fields=["parent"])
        record_change(
            actor=None,
            action="jurisdiction.update",
            instance=city,
            before=before,
            after=snapshot(city),
        )
    return province


def make_user(spec: Spec, order: int, city: Jurisdiction) -> User:
    jurisdiction = (
        Jurisdiction.objects.get(name=spec.jurisdiction, parent__isnull=True)
        if spec.jurisdiction == "山东省"
        else city
        if spec.jurisdiction == city.name
        else Jurisdiction.objects.get(name=spec.jurisdiction, parent=city)
    )
    department = (
        Department.objects.get_or_create(jurisdiction=city, name=spec.department)[0]
        if spec.department
        else None
    )
    user = User(
        username=spec.key,
        first_name=spec.name,
        role=spec.role,
        department=department,
        jurisdiction=jurisdiction,
    )
    # No password anyone could guess: demo accounts sign in by the login page's list only.
    user.set_unusable_password()
    user.save()
    DemoAccount.objects.create(user=user, key=spec.key, order=order)
    record_change(
        actor=None,
        action="user.create",
        instance=user,
        after=snapshot(user, ["username", "role", "department_id", "jurisdiction_id"]),
    )
    return user


def make_cast(city: Jurisdiction) -> Cast:
    province_above(city)
    users = {spec.key: make_user(spec, order, city) for order, spec in enumerate(SPECS)}
    return Cast(users=users, city=city)


# --- 2026: a year in progress -----------------------------------------------------------


def schedule_and_split(plan: Plan) -> list[Allocation]:
    districts = {j.name: j for j in Jurisdiction.objects.filter(parent=plan.jurisdiction)}
    allocations: list[Allocation] = []
    for indicator in Indicator.objects.filter(project__plan=plan):
        SchedulePoint.objects.bulk_create(
            SchedulePoint(indicator=indicator, date=day, cumulative_percent=Decimal(percent))
            for day, percent in SCHEDULE
        )
        if indicator.name not in SPLIT:
            continue
        for name, share in split_exactly(indicator.target, WEIGHTS).items():
            allocation = Allocation.objects.create(
                indicator=indicator, jurisdiction=districts[name], target=share
            )
            record_change(
                actor=None,
                action="allocation.create",
                instance=allocation,
                after=snapshot(allocation),
            )
            allocations.append(allocation)
    return allocations


def course_values(target: Decimal, course: str, pace: float = 1.0) -> list[Decimal]:
    """Cumulative whole values for January to November, never falling."""
    profile = PROFILES[course]
    ceiling = Decimal(str(max(profile)))
    values: list[Decimal] = []
    for share in profile:
        value = min(_whole(target * Decimal(str(share * pace))), _whole(target * ceiling))
        values.append(max(value, values[-1]) if values else value)
    return values


STORED = Decimal("0.0001")  # the report's value column keeps four places


def _history_report(
    *,
    cast: Cast,
    indicator: Indicator,
    allocation: Allocation | None,
    as_of: date,
    value: Decimal,
    reporter: User,
    narrative: str = "演示数据：按月累计完成情况。",
) -> ProgressReport:
    """An approved report of a past month, not saved yet (see `save_history`)."""
    return ProgressReport(
        indicator=indicator,
        allocation=allocation,
        as_of=as_of,
        value=value.quantize(STORED),
        state=ReportState.APPROVED,
        reporter=reporter,
        submitted_at=_at(as_of + timedelta(days=3)),
        reviewer=cast.users["demo-office"],
        reviewed_at=_at(as_of + timedelta(days=5), 15),
        narrative=narrative,
    )


def save_history(reports: list[ProgressReport]) -> None:
    """Past months' reports in one insert, each with its audit record: no service writes a
    report approved in the past, so the demo records what it wrote."""
    for report in ProgressReport.objects.bulk_create(reports):
        record_change(
            actor=report.reporter,
            action="progress_report.demo_history",
            instance=report,
            after=snapshot(report),
        )


def report_year(plan: Plan, cast: Cast) -> list[ProgressReport]:
    """Approved monthly reports January–November; November waits for some subjects."""
    office = cast.users["demo-office"]
    waiting: list[ProgressReport] = []
    indicators = Indicator.objects.filter(project__plan=plan).select_related("project")
    for indicator in indicators:
        course = COURSE.get(indicator.name, "on_track")
        holders: list[Allocation | None] = list(
            indicator.allocations.select_related("jurisdiction")
        ) or [None]
        for allocation in holders:
            district = (
                allocation.jurisdiction.name if allocation and allocation.jurisdiction else ""
            )
            target = allocation.target if allocation else indicator.target
            values = course_values(target, course, PACE.get(district, 1.0))
            reporter = cast.reporter_for(indicator, allocation)
            state = WAITING.get((indicator.name, district))
            months = range(1, 11 if state else 12)
            save_history(
                [
                    _history_report(
                        cast=cast,
                        indicator=indicator,
                        allocation=allocation,
                        as_of=_month_end(2026, month),
                        value=values[month - 1],
                        reporter=reporter,
                    )
                    for month in months
                ]
            )
            if state:
                subject = allocation or indicator
                report = progress.progress_report_create(
                    actor=reporter,
                    subject=subject,
                    as_of=REPORT_DAY,
                    value=values[10],
                    narrative="演示数据：11月累计完成情况。",
                )
                if state in (ReportState.SUBMITTED, ReportState.RETURNED):
                    report = progress.progress_report_submit(
                        actor=reporter, report=report, expected_version=report.version
                    )
                if state == ReportState.RETURNED:
                    report = progress.progress_report_return(
                        actor=office,
                        report=report,
                        expected_version=report.version,
                        comment=RETURN_COMMENT,
                    )
                waiting.append(report)
    for milestone in plan.projects.get(number=8).milestones.all():
        report = ProgressReport.objects.create(
            milestone=milestone,
            as_of=date(2026, 10, 31),
            done=False,
            state=ReportState.APPROVED,
            reporter=office,
            reviewer=office,
            reviewed_at=_at(date(2026, 11, 3)),
            narrative="演示数据：已在部分二级医院试点。",
        )
        record_change(
            actor=office,
            action="progress_report.demo_history",
            instance=report,
            after=snapshot(report),
        )
    return waiting


PHOTO_CAPTIONS = (
    (1, "重点群体就业创业", "招聘会现场（示意图）"),
    (2, "更新15年以上住宅老旧电梯", "老旧电梯更新施工（示意图）"),
    (3, "新增公共停车泊位", "新建公共停车场（示意图）"),
    (4, "打造镇街级综合服务中心", "镇街综合服务中心（示意图）"),
    (8, "打造高水平国医馆", "社区国医馆（示意图）"),
)


def attach_photos(plan: Plan, cast: Cast) -> int:
    """A drawn placeholder photo, marked 示意图, on the latest approved report of some items."""
    count = 0
    for number, indicator_name, caption in PHOTO_CAPTIONS:
        project = plan.projects.get(number=number)
        report = (
            ProgressReport.objects.filter(
                indicator__project=project,
                indicator__name=indicator_name,
                state=ReportState.APPROVED,
            )
            .order_by("-as_of", "id")
            .first()
        )
        assert report is not None
        upload = BytesIO(photos.placeholder(caption))
        upload.name = "demo.png"
        checked = check_upload(upload)
        evidence = Evidence(
            project=project,
            report=report,
            kind=checked.kind,
            caption=f"演示数据：{caption}",
            uploaded_by=report.reporter,
        )
        evidence.file.save(checked.name, ContentFile(checked.content), save=False)
        if checked.thumbnail is not None:
            evidence.thumbnail.save(
                checked.name.rsplit(".", 1)[0] + ".jpg", ContentFile(checked.thumbnail), save=False
            )
        evidence.save()
        record_change(
            actor=report.reporter,
            action="evidence.create",
            instance=evidence,
            after=snapshot(evidence),
        )
        count += 1
    return count


def supervise(plan: Plan, cast: Cast) -> tuple[list[SupervisionNotice], Any]:
    """Two open notices (one overdue and escalated) and one help request (督帮一体)."""
    office = cast.users["demo-office"]
    today = timezone.localdate()
    housing = Department.objects.get(jurisdiction=plan.jurisdiction, name="市住房城乡建设局")
    civil = Department.objects.get(jurisdiction=plan.jurisdiction, name="市民政局")
    village = Indicator.objects.get(project__plan=plan, name="完成城中村改造回迁项目")
    centres = Indicator.objects.get(project__plan=plan, name="打造镇街级综合服务中心")
    first = supervision.notice_issue(
        actor=office,
        project=village.project,
        department=housing,
        indicator=village,
        reason="演示数据：城中村改造回迁项目进度落后计划（红色预警）。",
        required_action="请说明滞后原因，提出12月底前完成的措施和节点。",
        reply_deadline=today + timedelta(days=7),
    )
    second = supervision.notice_issue(
        actor=office,
        project=centres.project,
        department=civil,
        indicator=centres,
        reason="演示数据：镇街级综合服务中心建设进度落后，平度市尚未开工。",
        required_action="请于期限内书面回复整改措施。",
        reply_deadline=today,
    )
    supervision.case_escalate(
        actor=office,
        case=second,
        reason="演示数据：逾期未回复，升级督办。",
        reply_deadline=today,
    )
    # The demo's history: the escalated notice's deadline passed a week ago.
    second = SupervisionNotice.objects.get(pk=second.pk)
    before = snapshot(second)
    SupervisionNotice.objects.filter(pk=second.pk).update(reply_deadline=date(2026, 11, 24))
    second.refresh_from_db()
    record_change(
        actor=None,
        action="supervision_notice.demo_backdate",
        instance=second,
        before=before,
        after=snapshot(second),
    )
    dementia = Indicator.objects.get(project__plan=plan, name="建设认知障碍老年人照护专区")
    request = supervision.assistance_raise(
        actor=cast.users["demo-civil"],
        project=dementia.project,
        indicator=dementia,
        problem="演示数据：部分照护专区选址涉及多个部门审批，进度受影响。",
        help_needed="请市政府办公厅协调自然资源和规划、消防部门加快审批。",
    )
    return [first, second], request


# --- 2025: the seed's year with its monthly history -------------------------------------


def history_2025(plan: Plan, cast: Cast) -> int:
    """Monthly approved reports before the seed's year-end actuals, ending exactly at them.

    An indicator whose year-end actual keeps its promise reaches the target in October
    (提前完成) and its actual by December; the December report stays the latest, so the
    2025 export still gives the seed's figures.
    """
    count = 0
    finals = ProgressReport.objects.filter(
        indicator__project__plan=plan,
        allocation__isnull=True,
        state=ReportState.APPROVED,
        as_of=plan.end,
    ).select_related("indicator")
    for final in finals:
        indicator = final.indicator
        assert indicator is not None and final.value is not None
        met = indicator.comparator == "gte" and final.value >= indicator.target
        history: list[ProgressReport] = []
        for month in range(1, 12):
            if met and month < 10:
                value = _whole(indicator.target * month / 10)
            elif met:
                value = indicator.target + _whole(
                    (final.value - indicator.target) * (month - 10) / 2
                )
            else:
                value = _whole(final.value * month / 12)
            history.append(
                _history_report(
                    cast=cast,
                    indicator=indicator,
                    allocation=None,
                    as_of=_month_end(2025, month),
                    value=min(value, final.value),
                    reporter=cast.reporter_for(indicator, None),
                    narrative="演示数据：按月累计完成情况（年终数据见年终报告）。",
                )
            )
        save_history(history)
        count += len(history)
    return count


# --- the people's part ------------------------------------------------------------------

SUGGESTIONS = (
    ("养老", "市南区", "建议在老城区多建社区食堂，方便独居老人就近吃上热乎饭。"),
    ("养老", "市北区", "建议多建社区老年食堂，让独居老人就近吃上热饭。"),  # near-duplicate
    ("交通出行", "崂山区", "建议在学校周边增设接送车辆临时停车位，缓解上下学拥堵。"),
    (
        "交通出行",
        "崂山区",
        "学校周边建议增设接送孩子的临时停车位，缓解上学放学时段拥堵。",
    ),  # near-duplicate
    ("教育", "黄岛区", "建议新建改扩建一批公办幼儿园，增加普惠性学位。"),
    ("文化体育", "城阳区", "建议利用边角地建设更多口袋公园和健身步道。"),
    ("医疗", "平度市", "建议为农村老人提供上门健康随访和家庭医生签约服务。"),
    ("环境", "李沧区", "建议整治老旧小区雨污混流，解决雨天返味问题。"),
    ("政务服务", "即墨区", "建议推行更多“高效办成一件事”，减少群众跑腿。"),
    ("养老", "莱西市", "建议在农村建设互助养老幸福院，解决留守老人照料难题。"),
)
CANDIDATES = (
    ("建设社区老年食堂100处", "养老", "市民政局", (0, 1)),
    ("学校周边增设临时停车泊位2000个", "交通出行", "市交通运输局", (2, 3)),
    ("新建改扩建公办幼儿园20所", "教育", "市民政局", (4,)),
    ("建设口袋公园和健身步道50处", "文化体育", "市住房城乡建设局", (5,)),
)
COMMENTS = (
    (3, "市民政局", "我家附近的充电桩建好了，希望夜间照明也能跟上。", "市交通运输局"),
    (2, "", "老旧电梯更换期间能否提供临时爬楼服务？", "市住房城乡建设局"),
    (4, "", "社区“物业+”站点什么时候能在我们小区开放？", "市民政局"),
)


def people(plan_2026: Plan, cast: Cast) -> int:
    """A 2027 solicitation, candidates with expert scores, a finished ballot, two site visits
    with ratings and comments with department replies. Returns the number of suggestions."""
    office = cast.users["demo-office"]
    city = cast.city
    plan_2027 = Plan.objects.create(
        jurisdiction=city, year=2027, title="2027年市办实事（征集中）", state=PlanState.DRAFTING
    )
    record_change(actor=office, action="plan.create", instance=plan_2027, after=snapshot(plan_2027))
    domains = {d.name: d for d in Domain.objects.all()}
    window = solicitation.window_create(
        actor=office,
        plan=plan_2027,
        topic="2027年市办实事项目征集（演示数据）",
        opens_on=date(2026, 11, 1),
        closes_on=date(2026, 12, 31),
        domains=[
            domains[name]
            for name in ("养老", "交通出行", "教育", "文化体育", "医疗", "环境", "政务服务")
        ],
        description="演示数据：欢迎市民提出2027年市办实事建议。",
    )
    districts = {j.name: j for j in Jurisdiction.objects.filter(parent=city)}
    residents = [cast.users["demo-resident"], cast.users["demo-resident2"]]
    made = []
    for index, (domain, district, text) in enumerate(SUGGESTIONS):
        made.append(
            solicitation.suggestion_submit(
                window=window,
                domain=domains[domain],
                text=text,
                client=ratelimit.PLATFORM,
                author=residents[index % 2],
                district=districts[district],
                state=SuggestionState.PUBLISHED,
            )
        )
    departments = {d.name: d for d in Department.objects.filter(jurisdiction=city)}
    candidates = [
        vetting.candidate_create(
            actor=office,
            plan=plan_2027,
            title=title,
            domain=domains[domain],
            estimated_cost=Decimal(3000 + 500 * index),
            lead_department=departments[lead],
            suggestions=[made[i] for i in linked],
            description="演示数据：由市民建议归并形成的备选项目。",
        )
        for index, (title, domain, lead, linked) in enumerate(CANDIDATES)
    ]
    criteria = [
        vetting.criterion_create(actor=office, plan=plan_2027, name=name, weight=Decimal(weight))
        for name, weight in (("群众需求", 40), ("可行性", 35), ("财力承受", 25))
    ]
    expert = cast.users["demo-expert"]
    vetting.expert_appoint(actor=office, plan=plan_2027, user=expert)
    for index, candidate in enumerate(candidates):
        vetting.scores_submit(
            actor=expert,
            candidate=candidate,
            values={c.pk: Decimal(90 - 6 * index - 2 * n) / 10 for n, c in enumerate(criteria)},
        )
    voters = [cast.users["demo-deputy"], cast.users["demo-cppcc"]]
    ballot = ballots.ballot_create(
        actor=office,
        plan=plan_2027,
        title="2027年市办实事票决（演示数据）",
        seats=2,
        opens_at=_at(date(2026, 11, 20), 9),
        closes_at=_at(date(2026, 11, 27), 17),
        candidates=candidates,
        voters=voters,
    )
    ballots.ballot_open(actor=office, ballot=ballot)
    voting_time = _at(date(2026, 11, 21), 10)
    ballots.ballot_cast(
        actor=voters[0],
        ballot=ballot,
        choices=[candidates[0].pk, candidates[1].pk],
        now=voting_time,
    )
    ballots.ballot_cast(
        actor=voters[1],
        ballot=ballot,
        choices=[candidates[0].pk, candidates[2].pk],
        now=voting_time,
    )
    ballots.ballot_close(actor=office, ballot=ballot)

    projects = {p.number: p for p in plan_2026.projects.all()}
    for index, (title, place, numbers, day) in enumerate(
        (
            (
                "走进市办实事：老旧电梯更新现场（演示数据）",
                "市北区某小区",
                (2,),
                date(2026, 10, 18),
            ),
            (
                "走进市办实事：国医馆和托育机构（演示数据）",
                "黄岛区某街道",
                (4, 8),
                date(2026, 11, 15),
            ),
        )
    ):
        visit = visits.visit_create(
            actor=office,
            title=title,
            place=place,
            starts_at=_at(day, 9),
            capacity=20,
            projects=[projects[n] for n in numbers],
        )
        for person, kind in (
            (cast.users["demo-deputy"], "npc"),
            (cast.users["demo-resident"], "resident"),
        ):
            registration = visits.visit_register(
                visit=visit,
                participant_type=kind,
                name=person.first_name,
                registrant_key=f"demo-{person.pk}-{index}",
                client=ratelimit.PLATFORM,
                now=_at(day - timedelta(days=3)),
            )
            for number in numbers:
                visits.rating_submit(
                    registration=registration,
                    project=projects[number],
                    satisfaction=5 - index,
                    quality=4,
                    timeliness=4 - index,
                    comment="演示数据：现场整洁，进度看得见。",
                    now=_at(day, 11),
                )
    for index, (number, _unused, text, department) in enumerate(COMMENTS):
        comment = solicitation.comment_submit(
            project=projects[number],
            text=text,
            client=ratelimit.PLATFORM,
            author=residents[index % 2],
        )
        if comment.state != SuggestionState.PUBLISHED:
            comment = solicitation.suggestion_moderate(
                actor=office, suggestion=comment, publish=True
            )
        reply = replies.reply_assign(
            actor=office, suggestion=comment, department=departments[department]
        )
        answerer = next(
            (u for u in cast.users.values() if u.department_id == departments[department].pk),
            office,
        )
        replies.reply_answer(
            actor=answerer, reply=reply, text="演示数据：感谢关注，已安排专人跟进，预计月底前完成。"
        )
    return len(made)


# --- the whole load ---------------------------------------------------------------------


@contextmanager
def one_public_stamp_per_plan() -> Iterator[None]:
    """The portal issues a plan a new cache stamp after every saved ledger row; for a load of
    thousands of rows that is thousands of cache writes. Its receivers are set aside while
    the demo loads, and every plan gets one new stamp when the load commits."""
    from django.db.models.signals import post_delete, post_save

    from minsheng.portal import signals as portal_signals
    from minsheng.portal.public_cache import invalidate_plan
    from minsheng.progress.signals import report_written

    report_written.disconnect(sender=ProgressReport, dispatch_uid="portal-report-written")
    for model in portal_signals.WATCHED:
        post_save.disconnect(sender=model, dispatch_uid=f"portal-{model.__name__}")
        post_delete.disconnect(sender=model, dispatch_uid=f"portal-del-{model.__name__}")
    try:
        yield
        for plan_id in Plan.objects.values_list("pk", flat=True):
            invalidate_plan(plan_id)
    finally:
        portal_signals.connect()


def load() -> Counts:
    """Everything the demo shows, in one transaction: either all of it or none."""
    with transaction.atomic(), one_public_stamp_per_plan():
        return _load()


def _load() -> Counts:
    plan_2025, plan_2026 = load_plans()
    cast = make_cast(plan_2026.jurisdiction)
    schedule_and_split(plan_2026)
    report_year(plan_2026, cast)
    photo_count = attach_photos(plan_2026, cast)
    supervise(plan_2026, cast)
    history_2025(plan_2025, cast)
    suggestions = people(plan_2026, cast)
    # The history above is written in bulk: the current state is computed once, at the end.
    ledger_store.refresh_plans([plan_2025.pk, plan_2026.pk])
    counts = Counts(
        users=DemoAccount.objects.count(),
        reports=ProgressReport.objects.count(),
        notices=SupervisionNotice.objects.count(),
        help_requests=1,
        suggestions=suggestions,
        photos=photo_count,
    )
    for state in ReportState.values:
        counts.reports_by_state[state] = ProgressReport.objects.filter(state=state).count()
    return counts
