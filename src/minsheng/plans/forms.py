"""Forms of the plan set-up pages. They parse what the office types; the rules live in services."""

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.core.forms import QuantityField
from minsheng.plans.choices import UNITS, Comparator
from minsheng.plans.models import Department, Domain, Indicator, Jurisdiction, Plan
from minsheng.plans.services import CARRY_AS_CANDIDATES, CARRY_AS_PROJECTS

SCHEDULE_ROWS = 4


class DateInput(forms.DateInput):
    """A browser date picker; its value must be ISO whatever the language's date format."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class PlanNewForm(forms.Form):
    jurisdiction = forms.ModelChoiceField(
        Jurisdiction.objects.none(), label=_("Jurisdiction"), empty_label=None
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title of the plan"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, jurisdictions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].queryset = jurisdictions  # type: ignore[attr-defined]


class CarryOverForm(forms.Form):
    previous = forms.ModelChoiceField(
        Plan.objects.none(), label=_("Last year's plan"), empty_label=None
    )
    year = forms.IntegerField(label=_("Year of the new plan"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title of the plan"), max_length=200)
    carry_as = forms.ChoiceField(
        label=_("Carry unfinished projects over as"),
        choices=[
            (CARRY_AS_PROJECTS, _("projects of the new plan")),
            (CARRY_AS_CANDIDATES, _("candidate projects for vetting and the vote")),
        ],
        widget=forms.RadioSelect,
        initial=CARRY_AS_PROJECTS,
    )

    def __init__(self, *args: Any, plans: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["previous"].queryset = plans  # type: ignore[attr-defined]


class PlanForm(forms.Form):
    title = forms.CharField(label=_("Title of the plan"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    yellow_margin = forms.DecimalField(
        label=_("Yellow warning margin (points)"),
        min_value=Decimal(0),
        max_digits=5,
        decimal_places=2,
    )
    red_margin = forms.DecimalField(
        label=_("Red warning margin (points)"), min_value=Decimal(0), max_digits=5, decimal_places=2
    )


class DepartmentForm(forms.Form):
    name = forms.CharField(label=_("New department"), max_length=100)


class ProjectForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=32767, required=False)
    title = forms.CharField(label=_("Title of the project"), max_length=300)
    domain = forms.ModelChoiceField(Domain.objects.all(), label=_("Domain"), empty_label=None)
    lead = forms.ModelChoiceField(
        Department.objects.none(),
        label=_("Lead department (牵头单位)"),
        required=False,
        empty_label=_("(none yet)"),
    )
    co = forms.ModelMultipleChoiceField(
        Department.objects.none(),
        label=_("Co-responsible departments (配合单位)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label=_("Full text of the promise"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        departments = Department.objects.filter(jurisdiction_id=plan.jurisdiction_id)
        self.fields["lead"].queryset = departments  # type: ignore[attr-defined]
        self.fields["co"].queryset = departments  # type: ignore[attr-defined]


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Name of the indicator"), max_length=200)
    comparator = forms.ChoiceField(
        label=_("Comparator"), choices=Comparator.choices, initial=Comparator.AT_LEAST
    )
    target = QuantityField(
        label=_("Target"), help_text=_("In the unit chosen; 3.5万 is read as 35000.")
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=[(unit, unit) for unit in UNITS])
    baseline = QuantityField(label=_("Baseline"), required=False, min_value=None)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The figures may carry the unit chosen beside them ("3.5万人").
        unit = self.data.get(self.add_prefix("unit")) if self.is_bound else self.initial.get("unit")
        for name in ("target", "baseline"):
            field = self.fields[name]
            assert isinstance(field, QuantityField)
            field.unit = unit if unit in UNITS else ""


class AllocationForm(forms.Form):
    """One share per district, then one per department (责任单位); an empty box is no share."""

    def __init__(
        self,
        *args: Any,
        indicator: Indicator,
        districts: list[Jurisdiction],
        departments: list[Department],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.holders: dict[str, Jurisdiction | Department] = {}
        shares = {}
        for allocation in indicator.allocations.all():
            if allocation.jurisdiction_id is not None:
                shares[f"share_{allocation.jurisdiction_id}"] = allocation.target
            else:
                shares[f"department_share_{allocation.department_id}"] = allocation.target
        named: list[tuple[str, Jurisdiction | Department]] = [
            (f"share_{d.pk}", d) for d in districts
        ]
        named += [(f"department_share_{d.pk}", d) for d in departments]
        for name, holder in named:
            self.holders[name] = holder
            self.fields[name] = QuantityField(
                label=holder.name, unit=indicator.unit, required=False, initial=shares.get(name)
            )

    def department_shared(self) -> bool:
        """Whether a department holds or is given a share: its boxes are then shown open."""
        return any(field.value() not in (None, "") for field in self.department_fields()) or any(
            field.errors for field in self.department_fields()
        )

    def district_fields(self) -> list[Any]:
        return [self[name] for name in self.holders if name.startswith("share_")]

    def department_fields(self) -> list[Any]:
        return [self[name] for name in self.holders if name.startswith("department_share_")]

    def shares(self) -> dict[Jurisdiction | Department, Decimal]:
        return {
            holder: self.cleaned_data[name]
            for name, holder in self.holders.items()
            if self.cleaned_data.get(name) is not None
        }


class ScheduleForm(forms.Form):
    """Up to four dates with the planned cumulative percent by each (25/50/75/100 by quarter)."""

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        points = list(indicator.schedule_points.all())
        rows = max(SCHEDULE_ROWS, len(points))
        for index in range(rows):
            point = points[index] if index < len(points) else None
            self.fields[f"date_{index}"] = forms.DateField(
                label=_("Date %(n)s") % {"n": index + 1},
                required=False,
                widget=DateInput,
                initial=point.date if point else None,
            )
            self.fields[f"percent_{index}"] = forms.DecimalField(
                label=_("Planned cumulative percent %(n)s") % {"n": index + 1},
                required=False,
                min_value=Decimal(0),
                max_value=Decimal(100),
                decimal_places=2,
                initial=point.cumulative_percent if point else None,
            )
        self.rows = rows

    def points(self) -> list[tuple[date, Decimal]]:
        found = []
        for index in range(self.rows):
            day = self.cleaned_data.get(f"date_{index}")
            percent = self.cleaned_data.get(f"percent_{index}")
            if day is not None and percent is not None:
                found.append((day, percent))
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for index in range(self.rows):
            if (data.get(f"date_{index}") is None) != (data.get(f"percent_{index}") is None):
                self.add_error(f"date_{index}", _("Give both a date and a percent, or neither."))
        return data

    def row_fields(self) -> list[tuple[Any, Any]]:
        return [(self[f"date_{i}"], self[f"percent_{i}"]) for i in range(self.rows)]


class MilestoneForm(forms.Form):
    name = forms.CharField(label=_("Name of the milestone"), max_length=300)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput)
