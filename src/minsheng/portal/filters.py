"""The home page's filters: domain, department, district, status and a search box."""

from collections import Counter
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from minsheng.plans.choices import Status
from minsheng.progress.selectors import ProjectRow

SEARCH_MAX_LENGTH = 100
# The filters a page or API answer may be cached under; every other parameter is ignored.
FILTER_NAMES = ("domain", "department", "district", "status")


class ProjectFilterForm(forms.Form):
    """GET filters over a plan's projects; an unknown value is ignored, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=SEARCH_MAX_LENGTH)
    domain = forms.ChoiceField(label=_("Domain"), required=False)
    department = forms.ChoiceField(label=_("Department"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, data: Any, *, ledger: list[ProjectRow]) -> None:
        super().__init__(data)
        for name, options in filter_choices(ledger).items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = options

    def criteria(self) -> dict[str, str]:
        """The valid, non-empty filters; invalid fields are dropped rather than refused."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value.strip() for name, value in cleaned.items() if value and value.strip()}


def filter_choices(ledger: list[ProjectRow]) -> dict[str, list[tuple[str, Any]]]:
    """The options of each filter on this plan, "All" first."""
    everything: list[tuple[str, Any]] = [("", _("All"))]
    domains = {row.project.domain.slug: row.project.domain.name for row in ledger}
    departments = {
        str(link.department_id): link.department.name for row in ledger for link in row.departments
    }
    districts = {
        allocation.jurisdiction.slug: allocation.jurisdiction.name
        for row in ledger
        for item in row.indicators
        for allocation in item.indicator.allocations.all()
        if allocation.jurisdiction is not None
    }
    choices: dict[str, list[tuple[str, Any]]] = {
        "domain": everything + list(domains.items()),
        "department": everything + sorted(departments.items(), key=lambda pair: pair[1]),
        "district": everything + sorted(districts.items()),
        "status": everything + list(Status.choices),
    }
    return choices


def filter_values(ledger: list[ProjectRow]) -> dict[str, set[str]]:
    """The values each filter can take on this plan: anything else selects nothing."""
    return {
        name: {str(value) for value, _label in options if value}
        for name, options in filter_choices(ledger).items()
    }


def known_filters(query: Any) -> tuple[tuple[str, str], ...]:
    """The filter parameters of a query (first value, trimmed, non-empty) in a fixed order.

    Cache keys are made of these, never of the raw query string, so made-up parameters and
    their order cannot add entries.
    """
    found = []
    for name in FILTER_NAMES:
        value = str(query.get(name) or "").strip()
        if value:
            found.append((name, value[:100]))
    return tuple(found)


def _text(row: ProjectRow) -> str:
    parts = [row.project.title, row.project.description, row.project.domain.name]
    parts += [link.department.name for link in row.departments]
    parts += [item.indicator.name for item in row.indicators]
    parts += [item.milestone.name for item in row.milestones]
    return " ".join(parts).casefold()


def matches(row: ProjectRow, criteria: dict[str, str]) -> bool:
    """Whether a project passes every given filter."""
    if "domain" in criteria and row.project.domain.slug != criteria["domain"]:
        return False
    if "department" in criteria and criteria["department"] not in {
        str(link.department_id) for link in row.departments
    }:
        return False
    if "district" in criteria and criteria["district"] not in {
        allocation.jurisdiction.slug
        for item in row.indicators
        for allocation in item.indicator.allocations.all()
        if allocation.jurisdiction is not None
    }:
        return False
    if "status" in criteria and row.status != criteria["status"]:
        return False
    return not ("q" in criteria and criteria["q"].casefold() not in _text(row))


def status_counts(ledger: list[ProjectRow]) -> list[tuple[Status, int]]:
    """How many projects are in each status, in the order of the status list, zeros left out."""
    counts = Counter(row.status for row in ledger)
    return [(status, counts[status]) for status in Status if counts[status]]
