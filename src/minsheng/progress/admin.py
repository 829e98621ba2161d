from django.contrib import admin

from minsheng.audit.admin_mixins import AuditedAdmin
from minsheng.progress.models import Evidence, ProgressReport


class EvidenceInline(admin.TabularInline):
    model = Evidence
    fields = ["kind", "caption", "file", "url"]
    extra = 0


@admin.register(ProgressReport)
class ProgressReportAdmin(AuditedAdmin):
    list_display = ["__str__", "as_of", "value", "done", "state", "reporter", "reviewer"]
    list_filter = ["state", "indicator__project__plan", "as_of"]
    search_fields = ["indicator__name", "milestone__name", "narrative"]
    raw_id_fields = ["indicator", "allocation", "milestone"]
    readonly_fields = ["reporter", "reviewer", "submitted_at", "reviewed_at"]
    inlines = [EvidenceInline]


@admin.register(Evidence)
class EvidenceAdmin(AuditedAdmin):
    list_display = ["caption", "project", "kind", "report"]
    list_filter = ["kind", "project__plan"]
    search_fields = ["caption"]
