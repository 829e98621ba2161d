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


@admin.register(User)
class UserAdmin(BaseUserAdmin):
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

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # The form carries the state before the change to save_related, where groups and
        # permissions are saved too (the admin runs both in one transaction).
        form.audit_before = (
            services.admin_snapshot(User.objects.get(pk=obj.pk)) if change and obj.pk else None
        )
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.admin_user_changed(
            actor=request.user,
            user=form.instance,
            before=getattr(form, "audit_before", None),
            action="update" if change else "create",
        )

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
class GroupAdmin(BaseGroupAdmin):
    """A group's permissions are every member's: each change is audited before and after."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        form.audit_before = (
            services.group_snapshot(Group.objects.get(pk=obj.pk)) if change and obj.pk else None
        )
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.admin_group_changed(
            actor=request.user,
            group=form.instance,
            before=getattr(form, "audit_before", None),
            action="update" if change else "create",
        )

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
