"""The 督办单 as a 公文 (GB/T 9704-2012): 版头 with the 发文字号, 主送, 正文, 落款, 版记.

Composed into the reports app's format-neutral Document, so the same writers print it as PDF
(WeasyPrint) and DOCX (python-docx) in the official style.
"""

from minsheng.reports.compose import short_name
from minsheng.reports.document import Document, Heading, Kind, Masthead, Paragraph, Style
from minsheng.reports.phrases import chinese_date
from minsheng.supervision.models import SupervisionNotice


def notice_number(notice: SupervisionNotice) -> str:
    """发文字号 of a notice: 青政办督〔2025〕3号 (the plan's year, the notice's number)."""
    return (
        f"{short_name(notice.plan.jurisdiction.name)}政办督〔{notice.plan.year}〕{notice.number}号"
    )


def notice_document(notice: SupervisionNotice) -> Document:
    """The 督办单 a department receives: what slips, what must be done, by when."""
    jurisdiction = notice.plan.jurisdiction.name
    issuer = f"{jurisdiction}人民政府办公厅"
    issued_on = chinese_date(notice.opened_at.date())
    document = Document(
        title=f"关于督促办理“{notice.project.title}”有关事项的通知",
        style=Style.OFFICIAL,
        kind=Kind.NOTICE,
        masthead=Masthead(
            issuer=issuer,
            number=notice_number(notice),
            copies_to=f"{jurisdiction}人民政府督查室。",
            printed_by=issuer,
            printed_on=issued_on,
        ),
    )
    document.add(
        Paragraph(f"{notice.department.name}：", role="addressee"),
        Paragraph(
            f"根据{notice.plan.title}推进情况，现就第{notice.project.number}件"
            f"“{notice.project.title}”（{notice.subject}）督办如下。"
        ),
        Heading("一、督办事由"),
        Paragraph(notice.reason),
        Heading("二、办理要求"),
        Paragraph(notice.required_action),
        Heading("三、反馈时限"),
        Paragraph(
            f"请于{chinese_date(notice.reply_deadline)}前将办理情况书面反馈{issuer}；"
            f"督办级别：{notice.get_level_display()}。"
        ),
        Paragraph("特此通知。", role="closing"),
        Paragraph(issuer, role="signature"),
        Paragraph(issued_on, role="date"),
    )
    return document
