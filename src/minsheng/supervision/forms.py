"""Forms of the supervision pages: the cockpit's filters and each step of a notice or request."""

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.plans.choices import JurisdictionLevel
from minsheng.plans.models import Department, Domain, Indicator, Jurisdiction, Plan, Project


class DateInput(forms.DateInput):
    """A browser date picker; its value must be ISO whatever the language's date format."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class ProvinceFilterForm(forms.Form):
    """The province cockpit's choices: which province (default: the user's own), year and day."""

    province = forms.ModelChoiceField(
        Jurisdiction.objects.filter(level=JurisdictionLevel.PROVINCE),
        label=_("province"),
        required=False,
    )
    year = forms.IntegerField(label=_("year"), required=False, min_value=2000, max_value=2100)
    as_of = forms.DateField(label=_("as of"), required=False, widget=DateInput)


class CockpitFilterForm(forms.Form):
    """The cockpit's filters; every one is optional, the plan defaults to the running one."""

    plan = forms.ModelChoiceField(
        Plan.objects.select_related("jurisdiction").order_by("-year"),
        label=_("plan"),
        required=False,
        empty_label=None,
    )
    department = forms.ModelChoiceField(
        Department.objects.none(), label=_("department"), required=False, empty_label=_("All")
    )
    domain = forms.ModelChoiceField(
        Domain.objects.all(), label=_("domain"), required=False, empty_label=_("All")
    )
    district = forms.ModelChoiceField(
        Jurisdiction.objects.none(), label=_("district"), required=False, empty_label=_("All")
    )
    as_of = forms.DateField(label=_("as of"), required=False, widget=DateInput)

    def __init__(
        self, *args: Any, plan: Plan | None = None, plans: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if plans is not None:
            self.fields["plan"].queryset = plans  # type: ignore[attr-defined]
        if plan is not None:
            self.fields["department"].queryset = Department.objects.filter(  # type: ignore[attr-defined]
                jurisdiction=plan.jurisdiction
            )
            self.fields["district"].queryset = Jurisdiction.objects.filter(  # type: ignore[attr-defined]
                parent=plan.jurisdiction, level=JurisdictionLevel.DISTRICT
            )


class NoticeForm(forms.Form):
    """What the office writes on a supervision notice."""

    project = forms.ModelChoiceField(Project.objects.none(), label=_("project"))
    indicator = forms.ModelChoiceField(
        Indicator.objects.none(), label=_("indicator"), required=False
    )
    department = forms.ModelChoiceField(Department.objects.none(), label=_("department"))
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 3}))
    required_action = forms.CharField(
        label=_("required action"), widget=forms.Textarea(attrs={"rows": 3})
    )
    reply_deadline = forms.DateField(label=_("reply deadline"), widget=DateInput)

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = plan.projects.order_by("number")  # type: ignore[attr-defined]
        self.fields["indicator"].queryset = Indicator.objects.filter(  # type: ignore[attr-defined]
            project__plan=plan
        ).select_related("project")
        self.fields["department"].queryset = Department.objects.filter(  # type: ignore[attr-defined]
            jurisdiction=plan.jurisdiction
        )
        self.fields["reply_deadline"].initial = timezone.localdate() + timedelta(days=7)


class AssistanceForm(forms.Form):
    """What a department writes when it asks for help."""

    project = forms.ModelChoiceField(Project.objects.none(), label=_("project"))
    problem = forms.CharField(label=_("problem"), widget=forms.Textarea(attrs={"rows": 3}))
    help_needed = forms.CharField(label=_("help needed"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]


class ReplyForm(forms.Form):
    measures = forms.CharField(label=_("measures"), widget=forms.Textarea(attrs={"rows": 4}))
    evidence = forms.FileField(label=_("evidence (optional)"), required=False)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class EscalateForm(forms.Form):
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))
    reply_deadline = forms.DateField(label=_("new reply deadline"), widget=DateInput)
