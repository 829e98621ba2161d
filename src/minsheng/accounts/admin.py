from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = [
        "username",
        "last_name",
        "first_name",
        "role",
        "department",
        "jurisdiction",
        "is_active",
    ]
    list_filter = ["role", "is_active", "department"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Role in Minsheng"), {"fields": ("role", "department", "jurisdiction")}),
    )
