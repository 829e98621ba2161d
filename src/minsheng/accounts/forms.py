"""Forms of the user-management pages; their choices are limited to the office's subtree."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import Role
from minsheng.accounts.scope import scope_of
from minsheng.plans.models import Department, Jurisdiction


class UserForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    full_name = forms.CharField(label=_("Name"), max_length=150)
    phone = forms.CharField(label=_("Mobile phone"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    jurisdiction = forms.ModelChoiceField(
        Jurisdiction.objects.none(), label=_("Jurisdiction"), required=False
    )
    department = forms.ModelChoiceField(
        Department.objects.none(), label=_("Department"), required=False
    )

    def __init__(self, *args: Any, actor: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        seen = scope_of(actor)
        fields: Any = self.fields
        fields["jurisdiction"].queryset = seen.filter(Jurisdiction.objects.all(), "pk").order_by(
            "level", "name"
        )
        fields["department"].queryset = seen.filter(
            Department.objects.select_related("jurisdiction")
        ).order_by("jurisdiction__name", "name")
        if editing:
            del self.fields["username"]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel sheet (.xlsx)"))
