"""The report form: the fields a reporter fills in, shaped by what is reported."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.core.forms import QuantityField
from minsheng.plans.models import Plan
from minsheng.progress.evidence import MAX_BYTES
from minsheng.progress.permissions import subject_project


def default_report_date(plan: Plan, today: date | None = None) -> date:
    """The date a new report is "as of" by default: today, held inside the plan's year."""
    day = today or timezone.localdate()
    return min(max(day, plan.start), plan.end)


DONE_CHOICES = [("yes", _("done")), ("no", _("not done yet"))]


class ReportForm(forms.Form):
    as_of = forms.DateField(
        label=_("As of"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    value = QuantityField(label=_("Cumulative actual"), required=False)
    done = forms.ChoiceField(
        label=_("Done"), choices=DONE_CHOICES, widget=forms.RadioSelect, required=False
    )
    narrative = forms.CharField(
        label=_("Narrative"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    decrease_reason = forms.CharField(
        label=_("Reason for a lower value"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence = forms.FileField(
        label=_("Evidence (photo or document)"),
        required=False,
        help_text=_("JPEG, PNG, WebP, PDF, Word or Excel, at most %(mb)s MB.")
        % {"mb": MAX_BYTES // (1024 * 1024)},
    )
    caption = forms.CharField(label=_("Caption"), required=False, max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, is_milestone: bool, subject: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.is_milestone = is_milestone
        if is_milestone:
            del self.fields["value"]
            del self.fields["decrease_reason"]
            self.fields["done"].required = True
        else:
            del self.fields["done"]
            self.fields["value"].required = True
        if subject is not None:
            self._fit_to(subject)

    def _fit_to(self, subject: Any) -> None:
        """The value in the unit the target is shown in ("3.5万" in 人 is 35000); the date
        inside the plan's year (today, or the year's last day once the year is over)."""
        indicator = getattr(subject, "indicator", None) or subject
        unit = getattr(indicator, "unit", "")
        if "value" in self.fields and unit:
            field = self.fields["value"]
            assert isinstance(field, QuantityField)
            field.unit = unit
            field.help_text = _("In %(unit)s, as the target is shown: 3.5万 is read as 35000.") % {
                "unit": unit
            }
        plan = subject_project(subject).plan
        if "as_of" not in self.initial:
            self.fields["as_of"].initial = default_report_date(plan)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("evidence") and not (data.get("caption") or "").strip():
            self.add_error("caption", _("Describe what the file shows."))
        return data

    def values(self) -> dict[str, Any]:
        """The report fields for the services."""
        data = self.cleaned_data
        done = data.get("done")
        return {
            "as_of": data["as_of"],
            "value": data.get("value"),
            "done": None if not self.is_milestone else done == "yes",
            "narrative": data.get("narrative", ""),
            "decrease_reason": data.get("decrease_reason", ""),
        }


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class LedgerUploadForm(forms.Form):
    file = forms.FileField(label=_("Filled-in ledger (.xlsx)"))


class PeriodsForm(forms.Form):
    months = forms.TypedChoiceField(
        label=_("Report every"),
        coerce=int,
        choices=[
            (1, _("month")),
            (2, _("two months")),
            (3, _("quarter")),
            (6, _("half year")),
            (12, _("year")),
        ],
    )
    deadline_days = forms.IntegerField(
        label=_("Days after the period to report"), min_value=0, max_value=60, initial=5
    )
