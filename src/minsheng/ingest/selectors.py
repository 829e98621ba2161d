"""What the ingestion page shows: the source with its spans marked, and the extracted table."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from minsheng.core.chinese_numbers import format_quantity
from minsheng.ingest.messages import SEVERITIES, finding_message
from minsheng.ingest.parser import ParsedDocument
from minsheng.ingest.parser.extract import UNSURE, Indicator
from minsheng.ingest.parser.structure import Span


@dataclass
class SourcePiece:
    text: str
    anchor: str = ""
    kind: str = ""


@dataclass
class IndicatorRow:
    key: str
    name: str
    target: Any
    target_shown: str
    unit: str
    comparator: str
    target_anchor: str
    actual_shown: str
    actual_anchor: str
    stated_shown: str
    stated_anchor: str
    confidence: float = 1.0
    doubts: list[str] = field(default_factory=list)

    @property
    def unsure(self) -> bool:
        return self.confidence < UNSURE

    @property
    def confidence_shown(self) -> str:
        return f"{self.confidence:.0%}"


@dataclass
class ProjectRow:
    number: int
    title: str
    departments: str
    indicators: list[IndicatorRow] = field(default_factory=list)

    @property
    def unsure(self) -> bool:
        return any(row.unsure for row in self.indicators)


DOUBT_LABELS = {
    "name": _("no words name what is counted"),
    "no_actual": _("the report gives no result for it"),
    "mismatch": _("a stated percent or claim disagrees"),
    "bare_cell": _("the table cell has no unit"),
    "guessed_list": _("the list was found inside running text"),
    "approximate": _("an approximate figure"),
    "guessed_unit": _("the unit was guessed from the row's words"),
    "misaligned": _("the table row has more cells than its header"),
}


def anchor(span: Span) -> str:
    return f"s{span[0]}-{span[1]}"


def _spans(document: ParsedDocument) -> dict[Span, str]:
    spans: dict[Span, str] = {}
    for project in document.projects:
        for indicator in project.indicators:
            spans.setdefault(indicator.target.span, "target")
            for mention in indicator.actual_mentions:
                spans.setdefault(mention.span, "actual")
            if indicator.stated_span:
                spans.setdefault(indicator.stated_span, "stated")
    for finding in document.findings:
        spans.setdefault(finding.span, "finding")
    return spans


def source_pieces(document: ParsedDocument) -> tuple[list[SourcePiece], dict[Span, str]]:
    """The text cut into plain and marked pieces; overlapping spans point at the first mark."""
    text = document.text
    marks: list[tuple[Span, str]] = []
    links: dict[Span, str] = {}
    for span, kind in sorted(_spans(document).items(), key=lambda item: (item[0][0], -item[0][1])):
        if marks and span[0] < marks[-1][0][1]:
            links[span] = anchor(marks[-1][0])
            continue
        marks.append((span, kind))
        links[span] = anchor(span)
    pieces, cursor = [], 0
    for (start, end), kind in marks:
        if start > cursor:
            pieces.append(SourcePiece(text[cursor:start]))
        pieces.append(SourcePiece(text[start:end], anchor((start, end)), kind))
        cursor = end
    pieces.append(SourcePiece(text[cursor:]))
    return pieces, links


def project_rows(document: ParsedDocument, links: dict[Span, str]) -> list[ProjectRow]:
    rows = []
    for p_index, project in enumerate(document.projects):
        row = ProjectRow(
            number=project.item.number,
            title=project.title,
            departments="、".join(
                name + ("" if role == "lead" else "*") for name, role in project.item.departments
            ),
        )
        for i_index, indicator in enumerate(project.indicators):
            row.indicators.append(_indicator_row(f"p{p_index}-i{i_index}", indicator, links))
        # the unsure readings first: they are the ones to check (keys keep the saved order)
        row.indicators.sort(key=lambda item: item.confidence)
        rows.append(row)
    return rows


def unsure_rows(projects: list[ProjectRow]) -> list[tuple[ProjectRow, IndicatorRow]]:
    """Every indicator read with doubt, least sure first, for the page's "check first" list."""
    found = [(p, i) for p in projects for i in p.indicators if i.unsure]
    return sorted(found, key=lambda pair: pair[1].confidence)


def _indicator_row(key: str, indicator: Indicator, links: dict[Span, str]) -> IndicatorRow:
    target = indicator.target
    actual_mention = indicator.actual_mentions[-1] if indicator.actual_mentions else None
    return IndicatorRow(
        key=key,
        name=indicator.name,
        target=target.value,
        target_shown=format_quantity(target.value, target.unit),
        unit=target.unit,
        comparator=target.comparator,
        target_anchor=links.get(target.span, ""),
        actual_shown=format_quantity(indicator.actual, target.unit)
        if indicator.actual is not None
        else "",
        actual_anchor=links.get(actual_mention.span, "") if actual_mention else "",
        stated_shown=f"{indicator.stated_percent}%" if indicator.stated_percent is not None else "",
        stated_anchor=links.get(indicator.stated_span, "") if indicator.stated_span else "",
        confidence=indicator.confidence,
        doubts=[str(DOUBT_LABELS.get(d, d)) for d in indicator.doubts],
    )


def finding_rows(document: ParsedDocument, links: dict[Span, str]) -> list[dict[str, Any]]:
    return [
        {
            "severity": finding.severity,
            "severity_label": SEVERITIES.get(finding.severity, finding.severity),
            "project": finding.project,
            "message": finding_message(finding, both=False),
            "sentence": finding.sentence,
            "anchor": links.get(finding.span, ""),
        }
        for finding in document.findings
    ]
