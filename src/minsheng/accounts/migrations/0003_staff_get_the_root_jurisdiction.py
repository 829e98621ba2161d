"""Tenancy (管辖范围): office, supervisor, auditor and observer accounts made before users had
to belong to a jurisdiction get the single root jurisdiction, when there is exactly one; a
name kept in 姓/名 moves into the one 姓名 field. Audit records made before records carried
a jurisdiction get the same root."""

from typing import Any

from django.db import migrations

SCOPED_ROLES = ["office", "supervisor", "auditor", "observer"]


def forwards(apps: Any, schema_editor: Any) -> None:
    Jurisdiction = apps.get_model("plans", "Jurisdiction")
    User = apps.get_model("accounts", "User")
    AuditRecord = apps.get_model("audit", "AuditRecord")
    for user in User.objects.filter(full_name=""):
        name = f"{user.last_name}{user.first_name}".strip()
        if name:
            User.objects.filter(pk=user.pk).update(full_name=name, first_name="", last_name="")
    roots = list(Jurisdiction.objects.filter(parent__isnull=True).values_list("pk", flat=True)[:2])
    if len(roots) != 1:
        return  # none, or several governments: an administrator places each account by hand
    User.objects.filter(role__in=SCOPED_ROLES, jurisdiction__isnull=True).update(
        jurisdiction_id=roots[0]
    )
    # QuerySet.update is refused by the append-only manager; the historical model has none.
    AuditRecord.objects.filter(jurisdiction__isnull=True).update(jurisdiction_id=roots[0])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_full_name_phone_must_change_password"),
        ("audit", "0002_record_jurisdiction"),
        ("plans", "0003_plan_two_step_review"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
