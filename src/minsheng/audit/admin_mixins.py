"""Admin edits are changes like any other: they go into the audit trail in the same transaction."""

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.http import HttpRequest

from minsheng.audit.services import record_change, snapshot


class AuditedAdmin(admin.ModelAdmin):
    # The fields a record keeps of the object; None is every stored field. A model with
    # secrets (a user's password hash) names the others.
    audit_fields: list[str] | None = None

    def _snapshot(self, obj: Any) -> dict[str, Any]:
        return snapshot(obj, self.audit_fields if isinstance(obj, self.model) else None)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic():
            before = self._snapshot(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
            super().save_model(request, obj, form, change)
            action = f"{obj._meta.model_name}.{'update' if change else 'create'}"
            record_change(
                actor=request.user,
                action=action,
                instance=obj,
                before=before,
                after=self._snapshot(obj),
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            record_change(
                actor=request.user,
                action=f"{obj._meta.model_name}.delete",
                instance=obj,
                before=self._snapshot(obj),
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        with transaction.atomic():
            for obj in queryset:
                record_change(
                    actor=request.user,
                    action=f"{obj._meta.model_name}.delete",
                    instance=obj,
                    before=self._snapshot(obj),
                )
            super().delete_queryset(request, queryset)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        befores = (
            {obj.pk: self._snapshot(obj) for obj in formset.get_queryset() if obj.pk is not None}
            if hasattr(formset, "get_queryset")
            else {}
        )
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            record_change(
                actor=request.user,
                action=f"{obj._meta.model_name}.delete",
                instance=obj,
                before=befores.get(obj.pk),
            )
            obj.delete()
        for obj in instances:
            is_new = obj.pk is None
            obj.save()
            record_change(
                actor=request.user,
                action=f"{obj._meta.model_name}.{'create' if is_new else 'update'}",
                instance=obj,
                before=None if is_new else befores.get(obj.pk),
                after=self._snapshot(obj),
            )
        formset.save_m2m()
