"""The admin shows the public's part for inspection; changes go through the audit trail, and
the ballot's records cannot be edited here at all (only the services may write them)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from minsheng.audit.admin_mixins import AuditedAdmin
from minsheng.participation.models import (
    Ballot,
    Candidate,
    Criterion,
    SiteVisit,
    SolicitationWindow,
    Suggestion,
)


@admin.register(SolicitationWindow)
class SolicitationWindowAdmin(AuditedAdmin):
    list_display = ["topic", "plan", "opens_on", "closes_on"]


@admin.register(Suggestion)
class SuggestionAdmin(AuditedAdmin):
    list_display = ["__str__", "state", "source", "flagged", "created_at"]
    list_filter = ["state", "source", "flagged"]
    search_fields = ["text", "token"]
    exclude = ["author", "author_key"]


@admin.register(Candidate)
class CandidateAdmin(AuditedAdmin):
    list_display = ["title", "plan", "estimated_cost", "project"]
    filter_horizontal = ["departments", "suggestions"]


@admin.register(Criterion)
class CriterionAdmin(AuditedAdmin):
    list_display = ["name", "plan", "weight", "order"]


@admin.register(SiteVisit)
class SiteVisitAdmin(AuditedAdmin):
    list_display = ["title", "place", "starts_at", "capacity", "results_published"]


@admin.register(Ballot)
class BallotAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "state", "seats", "eligible_count", "cast_count"]
    readonly_fields = [f.name for f in Ballot._meta.concrete_fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
