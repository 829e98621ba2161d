from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.plans.models import Plan
from minsheng.reports.choices import FORMAT_CHOICES, KIND_CHOICES, STYLE_CHOICES
from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format


class ReportForm(forms.Form):
    plan = forms.ModelChoiceField(
        label=_("Plan"),
        queryset=Plan.objects.select_related("jurisdiction").order_by(
            "-year", "jurisdiction__name"
        ),
        empty_label=None,
    )
    kind = forms.ChoiceField(label=_("Document"), choices=KIND_CHOICES, initial=Kind.YEAR_END.value)
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, initial=Format.PDF.value)
    style = forms.ChoiceField(label=_("Style"), choices=STYLE_CHOICES, initial=Style.PRESS.value)
    as_of = forms.DateField(
        label=_("Data as of"),
        help_text=_("Approved reports dated on or before this day are counted."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: object, user: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if user is not None:
            from minsheng.accounts.scope import scope_of

            field: Any = self.fields["plan"]
            field.queryset = scope_of(user).filter(field.queryset, "jurisdiction")
        self.fields["as_of"].initial = timezone.localdate()
        self.fields["plan"].label_from_instance = lambda plan: f"{plan.jurisdiction} · {plan}"  # type: ignore[attr-defined]
