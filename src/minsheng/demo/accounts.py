"""The demo accounts: one per role, each with the page where its work is and one line on it."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Role


@dataclass(frozen=True)
class Spec:
    key: str
    name: str
    role: str  # "" for a resident or an expert: no staff role
    landing: str  # URL name of the page where this person's work is
    blurb: Promise
    department: str = ""
    jurisdiction: str = "青岛市"  # 山东省 for the province office


CITY_DEPARTMENTS = ("市人力资源社会保障局", "市住房城乡建设局", "市交通运输局", "市民政局")
DISTRICTS = (
    ("shinan", "市南区"),
    ("shibei", "市北区"),
    ("licang", "李沧区"),
    ("laoshan", "崂山区"),
    ("chengyang", "城阳区"),
    ("huangdao", "黄岛区"),
    ("jimo", "即墨区"),
    ("jiaozhou", "胶州市"),
    ("pingdu", "平度市"),
    ("laixi", "莱西市"),
)

SPECS: tuple[Spec, ...] = (
    Spec(
        "demo-office",
        "青岛市政府办公厅",
        Role.OFFICE,
        "supervision:cockpit",
        _("Runs the list: cockpit and warnings, review queue, notices, the year-end report."),
    ),
    Spec(
        "demo-hrss",
        "市人力资源社会保障局填报员",
        Role.DEPARTMENT_REPORTER,
        "progress:index",
        _("Reports the employment item; one report waits as a draft."),
        department="市人力资源社会保障局",
    ),
    Spec(
        "demo-housing",
        "市住房城乡建设局填报员",
        Role.DEPARTMENT_REPORTER,
        "progress:index",
        _("Reports housing and transport; a report came back with the office's comment."),
        department="市住房城乡建设局",
    ),
    Spec(
        "demo-transport",
        "市交通运输局填报员",
        Role.DEPARTMENT_REPORTER,
        "progress:index",
        _("Reports the bus lines and parking items of the transport project."),
        department="市交通运输局",
    ),
    Spec(
        "demo-civil",
        "市民政局填报员",
        Role.DEPARTMENT_REPORTER,
        "progress:index",
        _("Reports the elderly-and-children item; has asked the office for help (督帮一体)."),
        department="市民政局",
    ),
    *(
        Spec(
            f"demo-{slug}",
            f"{name}填报员",
            Role.DISTRICT_REPORTER,
            "progress:index",
            _("Reports this district's shares of the split indicators."),
            jurisdiction=name,
        )
        for slug, name in DISTRICTS
    ),
    Spec(
        "demo-supervisor",
        "市督查室",
        Role.SUPERVISOR,
        "supervision:cockpit",
        _("Reads everything, follows the notices; changes nothing."),
    ),
    Spec(
        "demo-auditor",
        "市审计局",
        Role.AUDITOR,
        "audit:index",
        _("Reads and exports the audit trail of every change."),
    ),
    Spec(
        "demo-deputy",
        "人大代表 王代表",
        Role.OBSERVER,
        "participation:index",
        _("A deputy of the people's congress (人大代表): votes on the 2027 candidates."),
    ),
    Spec(
        "demo-cppcc",
        "政协委员 李委员",
        Role.OBSERVER,
        "participation:index",
        _("A CPPCC member (政协委员): follows the projects and the site visits."),
    ),
    Spec(
        "demo-resident",
        "市民 张女士",
        "",
        "participation:index",
        _("A resident: suggests projects for 2027 and comments on this year's."),
    ),
    Spec(
        "demo-resident2",
        "市民 刘先生",
        "",
        "participation:index",
        _("Another resident: his suggestion is a near-duplicate of one already made."),
    ),
    Spec(
        "demo-expert",
        "评审专家 赵教授",
        "",
        "participation:vetting",
        _("An expert: scores the 2027 candidates against the rubric."),
    ),
    Spec(
        "demo-province",
        "山东省政府办公厅",
        Role.OFFICE,
        "portal:home",
        _("The province office (山东省): the level above 青岛市."),
        jurisdiction="山东省",
    ),
)
