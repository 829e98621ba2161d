from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from minsheng.accounts.permissions import is_auditor
from minsheng.audit.models import AuditRecord


@admin.register(AuditRecord)
class AuditRecordAdmin(admin.ModelAdmin):
    """Read-only: nobody changes or deletes the trail through the application."""

    list_display = ["at", "actor_name", "action", "object_repr", "ip_address"]
    list_filter = ["action", "content_type"]
    search_fields = ["actor_name", "object_repr", "action", "object_id"]
    date_hierarchy = "at"

    def has_module_permission(self, request: HttpRequest) -> bool:
        # The trail is the auditor's alone (等保: administrators do not read it).
        return is_auditor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_auditor(request.user)

    def get_queryset(self, request: HttpRequest) -> Any:
        from minsheng.audit.permissions import readable_records

        return readable_records(request.user, super().get_queryset(request))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
