"""What the parser's error codes and finding kinds say to people, in Chinese and English."""

from decimal import Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from minsheng.core.chinese_numbers import format_chinese_number
from minsheng.core.i18n import bilingual
from minsheng.ingest.parser import IngestError
from minsheng.ingest.parser.findings import Finding

ERRORS: dict[str, Promise] = {
    "empty": _("the document is empty"),
    "binary": _("the file is not text (it looks like %(mime)s); upload plain text, HTML or .docx"),
    "image": _("the file is an image (%(mime)s); upload the document's text, not a photo of it"),
    "pdf_no_text": _("the PDF has no text layer (a scan?); upload the document's text instead"),
    "too_large": _("the file is %(size)s bytes; the limit is %(limit)s bytes"),
    "no_items": _(
        "no numbered items were found (第N件, 一、, （一）, 1., 一是… or a table with a header)"
    ),
    "no_year": _("the year of the plan cannot be found in the document; give it with --year"),
    "bad_year": _("the year %(year)s is outside 2000–2100"),
    "no_jurisdiction": _(
        "the jurisdiction cannot be found in the document; give it with --jurisdiction"
    ),
}

FINDINGS: dict[str, Promise] = {
    "percent_mismatch": _(
        "stated %(stated)s%% of plan, but %(actual)s of %(target)s%(unit)s is %(computed)s%%"
    ),
    "percent_unverifiable": _("stated %(stated)s%% of plan, but no figure to check it against"),
    "parts_sum_mismatch": _(
        "the parts add up to %(total)s%(unit)s, not the stated whole %(whole)s%(unit)s"
    ),
    "unmatched_actual": _("%(value)s%(unit)s answers no target of this project"),
    "target_without_actual": _("no actual reported for the target %(target)s%(unit)s"),
    "claim_falls_short": _("said to be done, but %(actual)s is short of %(target)s%(unit)s"),
    "jurisdiction_inferred": _("jurisdiction taken to be %(name)s from this line; check it"),
}

SEVERITIES: dict[str, Promise] = {
    "error": _("error"),
    "warning": _("warning"),
    "info": _("note"),
}


def error_message(error: IngestError) -> str:
    """The bilingual sentence for an IngestError."""
    message = ERRORS.get(error.code, _("the document cannot be read"))
    return bilingual(message, **error.params)


NUMBER_PARAMS = ("value", "actual", "target", "whole", "total")


def _readable(params: dict[str, Any]) -> dict[str, Any]:
    """Figures as reports print them: 380000000 → 3.8亿."""
    shown = dict(params)
    for key in NUMBER_PARAMS:
        if key in shown and shown.get("unit") != "%":
            shown[key] = format_chinese_number(Decimal(str(shown[key])))
    return shown


def finding_message(finding: Finding | dict[str, Any], *, both: bool = True) -> str:
    """A finding as a sentence; bilingual for the command line, current language for pages."""
    data = finding.as_dict() if isinstance(finding, Finding) else finding
    message = FINDINGS.get(data["kind"], _("check this sentence"))
    params = _readable(data["params"])
    if both:
        return bilingual(message, **params)
    return str(message) % params
