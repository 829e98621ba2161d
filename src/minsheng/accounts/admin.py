from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from minsheng.accounts import services
from minsheng.accounts.models import User


class AuditedWithRelatedMixin(admin.ModelAdmin):
    """Audits an object whose many-to-many fields (groups, permissions) the admin saves after
    the object itself: the state before is read in save_model, the record is written in
    save_related once everything is saved (the admin runs both in one transaction)."""

    def audit_snapshot(self, obj: Any) -> dict[str, Any]:
        raise NotImplementedError

    def audit_changed(self, *, actor: Any, obj: Any, before: Any, action: str) -> None:
        raise NotImplementedError

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        stored = type(obj).objects.get(pk=obj.pk) if change and obj.pk else None
        form.audit_before = self.audit_snapshot(stored) if stored is not None else None
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        self.audit_changed(
            actor=request.user,
            obj=form.instance,
            before=getattr(form, "audit_before", None),
            action="update" if change else "create",
        )


@admin.register(User)
class UserAdmin(AuditedWithRelatedMixin, BaseUserAdmin):
    """Superusers only (the admin site refuses everyone else). Every change is audited with
    the account before and after, groups and permissions included (recorded once they are
    saved, after the account itself); a password set here is recorded as a reset, without it."""

    list_display = ["username", "full_name", "role", "department", "jurisdiction", "is_active"]
    list_filter = ["role", "is_active", "department"]
    search_fields = ["username", "full_name", "email", "phone"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("full_name", "email", "phone")}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "must_change_password",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Role in Minsheng"), {"fields": ("role", "department", "jurisdiction")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # deactivate instead: audit rows keep their actor

    def audit_snapshot(self, obj: Any) -> dict[str, Any]:
        return services.admin_snapshot(obj)

    def audit_changed(self, *, actor: Any, obj: Any, before: Any, action: str) -> None:
        services.admin_user_changed(actor=actor, user=obj, before=before, action=action)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        with transaction.atomic():
            target = User.objects.filter(pk=id).first()
            before = services.admin_snapshot(target) if target is not None else None
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302 and target is not None:
                target.refresh_from_db()
                services.admin_user_changed(
                    actor=request.user, user=target, before=before, action="password_reset"
                )
        return response


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(AuditedWithRelatedMixin, BaseGroupAdmin):
    """A group's permissions are every member's: each change is audited before and after."""

    def audit_snapshot(self, obj: Any) -> dict[str, Any]:
        return services.group_snapshot(obj)

    def audit_changed(self, *, actor: Any, obj: Any, before: Any, action: str) -> None:
        services.admin_group_changed(actor=actor, group=obj, before=before, action=action)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            services.admin_group_changed(
                actor=request.user, group=obj, before=services.group_snapshot(obj), action="delete"
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic():
            for group in queryset:
                services.admin_group_changed(
                    actor=request.user,
                    group=group,
                    before=services.group_snapshot(group),
                    action="delete",
                )
            super().delete_queryset(request, queryset)
