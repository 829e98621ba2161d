"""The choices of the office form, shared by the form and the job model."""

from django.utils.translation import gettext_lazy as _

from minsheng.reports.document import Format, Kind, Style

KIND_CHOICES = [
    (Kind.YEAR_END.value, _("Year-end report")),
    (Kind.BULLETIN.value, _("Quarterly bulletin (of the quarter of the date)")),
]
FORMAT_CHOICES = [
    (Format.PDF.value, _("PDF")),
    (Format.DOCX.value, _("Word (DOCX)")),
    (Format.HTML.value, _("HTML (printable)")),
    (Format.MARKDOWN.value, _("Markdown")),
]
STYLE_CHOICES = [
    (Style.PRESS.value, _("Press release")),
    (Style.OFFICIAL.value, _("Official document (GB/T 9704)")),
]
