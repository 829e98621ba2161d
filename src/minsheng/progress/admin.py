"""Progress data in the admin: readable, never edited around the workflow.

Reports change only through the services (permission, version, audit), so the admin shows
them read-only and offers approval as an action that calls the same service.
"""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng.audit.admin_mixins import AuditedAdmin
from minsheng.progress import permissions
from minsheng.progress.models import Evidence, ProgressReport, ReportingPeriod


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class EvidenceInline(ReadOnlyMixin, admin.TabularInline):
    model = Evidence
    fields = ["kind", "caption", "file", "url"]
    extra = 0


@admin.register(ProgressReport)
class ProgressReportAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["__str__", "as_of", "value", "done", "state", "reporter", "reviewer"]
    list_filter = ["state", "indicator__project__plan", "as_of"]
    search_fields = ["indicator__name", "milestone__name", "narrative"]
    inlines = [EvidenceInline]
    actions = ["approve_selected"]

    @admin.action(description=gettext_lazy("Approve the selected reports"))
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[ProgressReport]) -> None:
        if not permissions.can_review(request.user):
            self.message_user(request, _("Only the office reviews reports."), messages.ERROR)
            return
        # Imported here: the admin is loaded at every start-up, the ledger's services only
        # when someone approves (they pull in the read model, Pillow and the notifications).
        from minsheng.progress import services

        versions = {report.pk: report.version for report in queryset}
        result = services.progress_report_bulk_approve(actor=request.user, versions=versions)
        self.message_user(
            request, _("%(count)s reports approved.") % {"count": len(result.approved)}
        )
        if result.conflicts:
            self.message_user(
                request,
                _("%(count)s reports were not waiting for review and were left as they are.")
                % {"count": len(result.conflicts)},
                messages.WARNING,
            )


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["caption", "project", "kind", "report"]
    list_filter = ["kind", "project__plan"]
    search_fields = ["caption"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(AuditedAdmin):
    list_display = ["__str__", "plan", "deadline"]
    list_filter = ["plan"]
