"""One entry point for the command, the office page and the benchmark: plan → file bytes."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from minsheng.plans.models import Plan
from minsheng.reports.bulletin import quarterly_bulletin
from minsheng.reports.compose import compose_bulletin, compose_year_end
from minsheng.reports.document import Document, Format, Kind, Style
from minsheng.reports.selectors import year_end_report

CONTENT_TYPES = {
    Format.HTML: "text/html; charset=utf-8",
    Format.MARKDOWN: "text/markdown; charset=utf-8",
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.PDF: "application/pdf",
}


Progress = Callable[[int, str], None]
"""Told (percent done, step name) as generation passes its steps: collect, compose, render."""


def _no_progress(percent: int, step: str) -> None:
    return None


@dataclass(frozen=True)
class Output:
    content: bytes
    filename: str
    content_type: str


def compose(plan: Plan, *, kind: Kind, style: Style, as_of: date, with_charts: bool) -> Document:
    """The document for a plan: the year-end report or the quarterly bulletin."""
    if kind == Kind.BULLETIN:
        return compose_bulletin(quarterly_bulletin(plan, as_of=as_of), style)
    return compose_year_end(year_end_report(plan, as_of=as_of), style, with_charts=with_charts)


def render(document: Document, fmt: Format) -> bytes:
    """The document in one format. Writers are imported late: WeasyPrint loads slowly."""
    if fmt == Format.MARKDOWN:
        from minsheng.reports.writers.markdown import write_markdown

        return write_markdown(document).encode("utf-8")
    if fmt == Format.HTML:
        from minsheng.reports.writers.html import write_html

        return write_html(document).encode("utf-8")
    if fmt == Format.PDF:
        from minsheng.reports.writers.pdf import write_pdf

        return write_pdf(document)
    from minsheng.reports.writers.docx import write_docx

    return write_docx(document)


def filename(plan: Plan, *, kind: Kind, style: Style, fmt: Format, as_of: date) -> str:
    what = "bulletin" if kind == Kind.BULLETIN else "report"
    return f"{plan.jurisdiction.slug}-{plan.year}-{what}-{style}-{as_of.isoformat()}.{fmt}"


def generate(
    plan: Plan,
    *,
    kind: Kind,
    fmt: Format,
    style: Style,
    as_of: date,
    progress: Progress | None = None,
) -> Output:
    """The whole job, synchronously: compose from approved data, then write one format.

    `progress`, when given, is called at each step (the background jobs store it).
    """
    tell = progress or _no_progress
    with_charts = fmt != Format.MARKDOWN
    tell(5, "collect")
    if kind == Kind.BULLETIN:
        bulletin = quarterly_bulletin(plan, as_of=as_of)
        tell(30, "compose")
        document = compose_bulletin(bulletin, style)
    else:
        report = year_end_report(plan, as_of=as_of)
        tell(30, "compose")
        document = compose_year_end(report, style, with_charts=with_charts)
    tell(60, "render")
    content = render(document, fmt)
    return Output(
        content=content,
        filename=filename(plan, kind=kind, style=style, fmt=fmt, as_of=as_of),
        content_type=CONTENT_TYPES[fmt],
    )
