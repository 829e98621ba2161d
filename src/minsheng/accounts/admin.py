from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.models import User
from minsheng.audit.admin_mixins import AuditedAdmin

# What the audit trail keeps of a user changed in the admin: never the password hash.
AUDITED_USER_FIELDS = [
    "username",
    "first_name",
    "last_name",
    "email",
    "role",
    "department_id",
    "jurisdiction_id",
    "is_active",
    "is_staff",
    "is_superuser",
]


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    """Users in the admin; every creation, change (role, superuser, activation) and deletion
    goes into the audit trail. A person who has acted cannot be deleted: deactivate them."""

    audit_fields = AUDITED_USER_FIELDS
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
