"""From the report model to a Document, in press style (like the seed) or official style (公文)."""

from decimal import Decimal

from minsheng.core.chinese_numbers import format_percent
from minsheng.reports import phrases
from minsheng.reports.bulletin import DONE, LAGGING, NO_DATA, RED, Bulletin, Warning
from minsheng.reports.document import (
    Caption,
    Chart,
    Document,
    Heading,
    Kind,
    Masthead,
    Paragraph,
    Style,
    Table,
)
from minsheng.reports.selectors import ProjectSection, YearEndReport, domain_completion

CATEGORY_NAMES = {DONE: "已完成", LAGGING: "进度滞后", NO_DATA: "尚无经审核数据"}


def short_name(jurisdiction: str) -> str:
    """The one-character short name in a 发文字号: 青岛市 → 青 (青政办督〔2026〕3号)."""
    return jurisdiction[:1]


def chinese_ordinal(number: int) -> str:
    """3 → "三", for the official style's (一)(二)(三)."""
    import cn2an

    return str(cn2an.an2cn(number))


def report_charts(report: YearEndReport) -> list[Chart]:
    by_project = tuple((f"第{p.number}件", p.percent or Decimal(0)) for p in report.projects)
    return [
        Chart("各项目完成进度（%）", by_project),
        Chart("各领域完成进度（%）", tuple(domain_completion(report))),
    ]


def departments_text(section: ProjectSection) -> str:
    return "、".join(section.departments)


def compose_year_end(report: YearEndReport, style: Style, *, with_charts: bool) -> Document:
    """The year-end report as a Document; charts only for formats that show images."""
    if style == Style.OFFICIAL:
        return _official_year_end(report, with_charts=with_charts)
    document = Document(
        title=report.headline, subtitle=report.subheadline, style=style, kind=Kind.YEAR_END
    )
    document.add(Paragraph(report.lead, role="lead"))
    if with_charts:
        document.add(*report_charts(report))
    for section in report.projects:
        document.add(
            Heading(f"第{section.number}件：{section.title}"),
            Paragraph(section.promise, label="年度目标：", role="promise"),
            Paragraph(f"（责任单位：{departments_text(section)}）", role="departments"),
            Paragraph(section.completion_text, label="完成情况："),
        )
        document.add(*(Caption(item.caption, item.image_name) for item in section.evidence))
    return document


def _official_year_end(report: YearEndReport, *, with_charts: bool) -> Document:
    issuer = f"{report.jurisdiction}人民政府办公厅"
    document = Document(
        title=f"关于{report.plan_title}完成情况的报告",
        style=Style.OFFICIAL,
        kind=Kind.YEAR_END,
        # A report to the government is a 上行文: it names its 签发人. The number and the
        # signer are left blank for the secretariat to fill in when the report is filed.
        masthead=Masthead(
            issuer=issuer,
            number=f"{short_name(report.jurisdiction)}政办字〔{report.as_of.year}〕　号",
            needs_signer=True,
            signer="　　　",
            copies_to="市委办公厅，市人大常委会办公厅，市政协办公厅。",
            printed_by=issuer,
            printed_on=phrases.chinese_date(report.as_of),
        ),
    )
    document.add(
        Paragraph(f"{report.jurisdiction}人民政府：", role="addressee"),
        Paragraph(
            f"现将{report.plan_title}完成情况报告如下。"
            f"本报告数据截至{phrases.chinese_date(report.as_of)}，均为经审核的填报数据。"
        ),
        Heading("一、总体情况"),
        Paragraph(report.lead),
    )
    if with_charts:
        document.add(*report_charts(report))
    document.add(Heading("二、各项目完成情况"))
    for index, section in enumerate(report.projects, start=1):
        document.add(
            Heading(f"（{chinese_ordinal(index)}）第{section.number}件：{section.title}", level=3),
            Paragraph(departments_text(section), label="责任单位：", role="departments"),
            Paragraph(section.completion_text, label="完成情况："),
        )
    unfinished = report.unfinished_projects
    if unfinished:
        document.add(Heading("三、尚未完成的事项"))
        for section in unfinished:
            items = "、".join(section.lagging_items) or "部分指标尚在推进"
            document.add(
                Paragraph(
                    f"第{section.number}件“{section.title}”：{items}（责任单位：{departments_text(section)}）。"
                )
            )
    document.add(
        Paragraph("特此报告。", role="closing"),
        Paragraph(issuer, role="signature"),
        Paragraph(phrases.chinese_date(report.as_of), role="date"),
    )
    return document


def _by_project(warnings: list[Warning]) -> list[tuple[tuple[str, int], list[Warning]]]:
    """Warnings grouped by level and project, in the bulletin's order (red first)."""
    groups: dict[tuple[str, int], list[Warning]] = {}
    for warning in warnings:
        groups.setdefault((warning.level, warning.project_number), []).append(warning)
    return list(groups.items())


def compose_bulletin(bulletin: Bulletin, style: Style) -> Document:
    """The quarterly bulletin as a Document: summary, table of projects, warnings, silence."""
    document = Document(title=bulletin.title, style=style, kind=Kind.BULLETIN)
    if style == Style.OFFICIAL:
        document.add(Paragraph("各区（市）人民政府，市政府各有关部门：", role="addressee"))
    document.add(Paragraph(bulletin.lead, role="lead"))
    document.add(Heading("一、各项目进展情况"))
    document.add(
        Table(
            ["序号", "项目", "责任单位", "完成进度", "状态"],
            [
                [
                    f"第{row.number}件",
                    row.title,
                    "、".join(row.departments),
                    format_percent(row.percent),
                    CATEGORY_NAMES.get(row.category, "按进度推进"),
                ]
                for row in bulletin.rows
            ],
        )
    )
    document.add(Heading("二、预警事项"))
    if bulletin.warnings:
        for (level, _number), warnings in _by_project(bulletin.warnings):
            first = warnings[0]
            label = "【红色预警】" if level == RED else "【黄色预警】"
            text = (
                f"第{first.project_number}件“{first.project_title}”"
                f"（责任单位：{'、'.join(first.departments)}）："
                + "；".join(warning.clause for warning in warnings)
                + "。"
            )
            document.add(Paragraph(text, label=label))
    else:
        document.add(Paragraph("本季度无预警事项。"))
    document.add(Heading("三、本季度未报送经审核进度的单位"))
    if bulletin.silent_departments:
        document.add(Paragraph("、".join(bulletin.silent_departments) + "。"))
    else:
        document.add(Paragraph("本季度各责任单位均已报送经审核的进度。"))
    if style == Style.OFFICIAL:
        document.add(
            Paragraph(f"{bulletin.jurisdiction}人民政府办公厅", role="signature"),
            Paragraph(phrases.chinese_date(bulletin.as_of), role="date"),
        )
    return document
