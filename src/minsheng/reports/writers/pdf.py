"""PDF by WeasyPrint from the HTML writer's page; Chinese renders through the CSS font lists."""

from weasyprint import HTML

from minsheng.reports.document import Document
from minsheng.reports.writers.html import write_html


def write_pdf(document: Document) -> bytes:
    """The document as PDF bytes (A4; the official style's margins and page numbers in CSS)."""
    pdf = HTML(string=write_html(document)).write_pdf()
    assert pdf is not None
    return pdf
