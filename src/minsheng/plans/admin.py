from django.contrib import admin

from minsheng.audit.admin_mixins import AuditedAdmin
from minsheng.plans.models import (
    Allocation,
    Department,
    Domain,
    Indicator,
    Jurisdiction,
    Milestone,
    Plan,
    Project,
    ProjectDepartment,
    SchedulePoint,
)


@admin.register(Jurisdiction)
class JurisdictionAdmin(AuditedAdmin):
    list_display = ["name", "code", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Department)
class DepartmentAdmin(AuditedAdmin):
    list_display = ["name", "jurisdiction"]
    list_filter = ["jurisdiction"]
    search_fields = ["name"]


@admin.register(Domain)
class DomainAdmin(AuditedAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]


class ProjectInline(admin.TabularInline):
    model = Project
    fields = ["number", "title", "domain"]
    extra = 0
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ["title", "jurisdiction", "year", "state"]
    list_filter = ["state", "year", "jurisdiction"]
    search_fields = ["title"]
    inlines = [ProjectInline]


class ProjectDepartmentInline(admin.TabularInline):
    model = ProjectDepartment
    extra = 0
    autocomplete_fields = ["department"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = ["order", "name", "target", "unit", "comparator", "baseline", "due_date"]
    extra = 0
    show_change_link = True


class MilestoneInline(admin.TabularInline):
    model = Milestone
    fields = ["order", "name", "due_date"]
    extra = 0


@admin.register(Project)
class ProjectAdmin(AuditedAdmin):
    list_display = ["number", "title", "plan", "domain"]
    list_display_links = ["number", "title"]
    list_filter = ["plan", "domain"]
    search_fields = ["title", "description"]
    inlines = [ProjectDepartmentInline, IndicatorInline, MilestoneInline]


class AllocationInline(admin.TabularInline):
    model = Allocation
    extra = 0


class SchedulePointInline(admin.TabularInline):
    model = SchedulePoint
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = ["name", "project", "target", "unit", "comparator"]
    list_filter = ["project__plan", "comparator", "unit", "project__domain"]
    search_fields = ["name", "source_text", "project__title"]
    inlines = [AllocationInline, SchedulePointInline]


@admin.register(Milestone)
class MilestoneAdmin(AuditedAdmin):
    list_display = ["name", "project", "due_date"]
    list_filter = ["project__plan"]
    search_fields = ["name"]
