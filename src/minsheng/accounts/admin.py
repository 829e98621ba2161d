from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from minsheng.accounts import services
from minsheng.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Superusers only (the admin site refuses everyone else); every change is audited with
    the fields before and after, a password set here as a reset."""

    list_display = ["username", "full_name", "role", "department", "jurisdiction", "is_active"]
    list_filter = ["role", "is_active", "department"]
    search_fields = ["username", "full_name", "email", "phone"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("full_name", "email", "phone")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "must_change_password")},
        ),
        (_("Role in Minsheng"), {"fields": ("role", "department", "jurisdiction")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # deactivate instead: audit rows keep their actor

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before = services.user_snapshot(User.objects.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)
        services.flags_changed(actor=request.user, user=obj, before=before, created=not change)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            target = User.objects.get(pk=id)
            services.flags_changed(
                actor=request.user,
                user=target,
                before=services.user_snapshot(target),
                created=False,
                action="password_reset",
            )
        return response
