"""Read-only admin views: notices and help requests change only through their services."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from minsheng.supervision.models import Assistance, CaseStep, Notification, SupervisionNotice


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class StepInline(admin.TabularInline):
    model = CaseStep
    extra = 0
    fields = ["action", "actor", "level", "text", "evidence", "at"]
    readonly_fields = ["action", "actor", "level", "text", "evidence", "at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(SupervisionNotice)
class SupervisionNoticeAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "department", "project", "state", "level", "reply_deadline"]
    list_filter = ["state", "level", "plan"]
    inlines = [StepInline]


@admin.register(Assistance)
class AssistanceAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "department", "project", "state", "level", "reply_deadline"]
    list_filter = ["state", "level", "plan"]
    inlines = [StepInline]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["subject", "recipient", "created_at", "read_at"]
