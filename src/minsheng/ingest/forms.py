"""The office's ingestion form: paste text or upload a file, optionally name the year and place."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.ingest.parser.decoding import MAX_BYTES
from minsheng.plans.choices import UNITS, Comparator


class DocumentForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the document's text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "cols": 80}),
    )
    file = forms.FileField(
        label=_("or upload a file (text, HTML or .docx, at most 50 MB)"), required=False
    )
    jurisdiction = forms.CharField(
        label=_("Jurisdiction (if the document does not name it)"), required=False, max_length=100
    )
    year = forms.IntegerField(
        label=_("Year (if the document does not name it)"),
        required=False,
        min_value=2000,
        max_value=2100,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s bytes; the limit is %(limit)s bytes."),
                params={"size": upload.size, "limit": MAX_BYTES},
            )
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("text", "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Paste the text or choose a file."))
        return data


UNIT_CHOICES = [(unit, unit) for unit in UNITS]
COMPARATOR_CHOICES = Comparator.choices
