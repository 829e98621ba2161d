"""Forms parse what people type; the services decide whether it is allowed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Role, User
from minsheng.participation.models import (
    Candidate,
    ParticipantType,
    RejectionReason,
    SolicitationWindow,
    Suggestion,
    SuggestionState,
)
from minsheng.plans.choices import PUBLIC_PLAN_STATES, JurisdictionLevel
from minsheng.plans.models import Department, Domain, Jurisdiction, Plan, Project

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SuggestionForm(forms.Form):
    domain = forms.ModelChoiceField(Domain.objects.none(), label=_("Domain"))
    district = forms.ModelChoiceField(
        Jurisdiction.objects.none(), label=_("District"), required=False
    )
    text = forms.CharField(
        label=_("Your suggestion"),
        widget=forms.Textarea(attrs={"rows": 5, "data-similar": "1"}),
        max_length=2000,
    )
    contact_name = forms.CharField(label=_("Name (optional)"), required=False, max_length=50)
    contact_phone = forms.CharField(label=_("Phone (optional)"), required=False, max_length=30)

    def __init__(self, *args: Any, window: SolicitationWindow, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = window.domains.all()  # type: ignore[attr-defined]
        self.fields["district"].queryset = Jurisdiction.objects.filter(  # type: ignore[attr-defined]
            parent=window.plan.jurisdiction, level=JurisdictionLevel.DISTRICT
        )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your suggestion on this project"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
    contact_name = forms.CharField(label=_("Name (optional)"), required=False, max_length=50)
    contact_phone = forms.CharField(label=_("Phone (optional)"), required=False, max_length=30)


class WindowForm(forms.Form):
    plan = forms.ModelChoiceField(Plan.objects.all(), label=_("Plan"))
    topic = forms.CharField(label=_("Topic"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DATE)
    closes_on = forms.DateField(label=_("Closes on"), widget=DATE)
    domains = forms.ModelMultipleChoiceField(
        Domain.objects.all(), label=_("Domains"), widget=forms.CheckboxSelectMultiple
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("publish", _("publish")), ("reject", _("reject"))], label=_("Decision")
    )
    reason = forms.ChoiceField(
        choices=[("", "—"), *RejectionReason.choices], required=False, label=_("Reason")
    )


class CandidateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    domain = forms.ModelChoiceField(Domain.objects.all(), label=_("Domain"))
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    estimated_cost = forms.DecimalField(
        label=_("Estimated cost (yuan)"), min_value=0, max_digits=16, decimal_places=2
    )
    lead_department = forms.ModelChoiceField(Department.objects.none(), label=_("Lead department"))
    departments = forms.ModelMultipleChoiceField(
        Department.objects.none(), label=_("Co-responsible departments"), required=False
    )
    suggestions = forms.ModelMultipleChoiceField(
        Suggestion.objects.none(),
        label=_("Suggestions it answers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        departments = Department.objects.filter(jurisdiction=plan.jurisdiction)
        self.fields["lead_department"].queryset = departments  # type: ignore[attr-defined]
        self.fields["departments"].queryset = departments  # type: ignore[attr-defined]
        self.fields["suggestions"].queryset = Suggestion.objects.filter(  # type: ignore[attr-defined]
            window__plan=plan, state=SuggestionState.PUBLISHED
        )


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Criterion"), max_length=60)
    weight = forms.DecimalField(label=_("Weight"), min_value=0, max_digits=5, decimal_places=2)


class ExpertForm(forms.Form):
    user = forms.ModelChoiceField(User.objects.filter(is_active=True), label=_("Expert"))


class BallotForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    seats = forms.IntegerField(label=_("Number to choose (K)"), min_value=1)
    quorum_percent = forms.IntegerField(
        label=_("Quorum: more than this % of eligible deputies"),
        min_value=0,
        max_value=99,
        initial=50,
    )
    majority_percent = forms.IntegerField(
        label=_("Majority: more than this % of ballots cast"), min_value=0, max_value=99, initial=50
    )
    opens_at = forms.DateTimeField(label=_("Opens at"), widget=DATETIME)
    closes_at = forms.DateTimeField(label=_("Closes at"), widget=DATETIME)
    candidates = forms.ModelMultipleChoiceField(
        Candidate.objects.none(), label=_("Candidates"), widget=forms.CheckboxSelectMultiple
    )
    voters = forms.ModelMultipleChoiceField(
        User.objects.filter(role=Role.OBSERVER, is_active=True),
        label=_("Eligible deputies"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["candidates"].queryset = Candidate.objects.filter(  # type: ignore[attr-defined]
            plan=plan, project__isnull=True
        )


class RunoffForm(forms.Form):
    opens_at = forms.DateTimeField(label=_("Opens at"), widget=DATETIME)
    closes_at = forms.DateTimeField(label=_("Closes at"), widget=DATETIME)


class VisitForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    place = forms.CharField(label=_("Place"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DATETIME)
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1)
    projects = forms.ModelMultipleChoiceField(
        Project.objects.filter(plan__state__in=PUBLIC_PLAN_STATES).select_related("plan"),
        label=_("Projects"),
    )


class RegistrationForm(forms.Form):
    participant_type = forms.ChoiceField(choices=ParticipantType.choices, label=_("I take part as"))
    name = forms.CharField(label=_("Name"), max_length=50)


SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class RatingForm(forms.Form):
    project = forms.ModelChoiceField(Project.objects.none(), label=_("Project"))
    satisfaction = forms.TypedChoiceField(
        choices=SCORE_CHOICES, coerce=int, label=_("Satisfaction")
    )
    quality = forms.TypedChoiceField(choices=SCORE_CHOICES, coerce=int, label=_("Quality"))
    timeliness = forms.TypedChoiceField(choices=SCORE_CHOICES, coerce=int, label=_("Timeliness"))
    comment = forms.CharField(
        label=_("Comments and suggestions"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]


class AssignForm(forms.Form):
    department = forms.ModelChoiceField(
        Department.objects.all(), label=_("Department"), required=False
    )
    due_on = forms.DateField(label=_("Reply due on"), required=False, widget=DATE)


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Reply"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000
    )


def people_in_scope(user: Any, people: Any) -> Any:
    """The accounts of the user's jurisdiction and below (or without any: outside experts)."""
    from django.db.models import Q

    from minsheng.accounts.scope import scope_of

    seen = scope_of(user)
    if seen.everything:
        return people
    return people.filter(
        Q(jurisdiction_id__in=seen.visible_ids)
        | Q(department__jurisdiction_id__in=seen.visible_ids)
        | Q(role="", jurisdiction__isnull=True, department__isnull=True)
    )


def narrow_to_scope(form: forms.Form, user: Any) -> forms.Form:
    """Limit an office form's choices to what the office runs (管辖范围): its own plans, their
    projects and departments, and the people of its jurisdiction's subtree."""
    from minsheng.accounts.scope import scope_of

    own = scope_of(user)
    fields: Any = form.fields
    if "plan" in fields:
        fields["plan"].queryset = own.governed(fields["plan"].queryset, "jurisdiction")
    if "projects" in fields:
        fields["projects"].queryset = own.governed(
            fields["projects"].queryset, "plan__jurisdiction"
        )
    if "department" in fields:
        fields["department"].queryset = own.governed(fields["department"].queryset, "jurisdiction")
    for name in ("user", "voters"):
        if name in fields:
            fields[name].queryset = people_in_scope(user, fields[name].queryset)
    return form
