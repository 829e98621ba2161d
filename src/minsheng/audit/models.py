"""The audit trail (审计日志): who changed what, when, from where, before and after."""

import pgtrigger
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditRecordQuerySet(models.QuerySet["AuditRecord"]):
    def update(self, **kwargs: object) -> int:
        raise PermissionError("audit records are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit records are append-only")


class AuditRecord(models.Model):
    """One change to plan or progress data. Written in the same transaction as the change.

    Append-only three times over: this model refuses saves of stored records, a PostgreSQL
    trigger refuses UPDATE and DELETE, and each record's digest chains it to the one before
    (chain.py; `minsheng verify_audit` walks the chain). A person who acted can therefore not
    be deleted (PROTECT): deactivate the account instead.
    """

    # Set by the service before the digest is computed (auto_now_add would set it later).
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=60, db_index=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), null=True, on_delete=models.PROTECT
    )
    object_id = models.CharField(_("object id"), max_length=40, blank=True, db_index=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    # The jurisdiction whose data changed (管辖范围): an auditor reads its own subtree's records.
    jurisdiction = models.ForeignKey(
        "plans.Jurisdiction",
        verbose_name=_("jurisdiction"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # append-only: never rewritten
        related_name="+",
    )
    previous_digest = models.CharField(_("previous digest"), max_length=64, editable=False)
    digest = models.CharField(_("digest"), max_length=64, editable=False)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        ordering = ["-at", "-id"]
        triggers = [
            pgtrigger.Protect(
                name="audit_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise PermissionError("audit records are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit records are append-only")


class ChainHead(models.Model):
    """The end of the audit chain, kept apart from the records: how many, and the last digest.

    Written in the same transaction as every record, so deleting the newest records (which
    leaves an intact but shorter chain) no longer matches the head: verify_audit names it.
    One row (pk 1); PostgreSQL refuses to delete it.
    """

    count = models.PositiveBigIntegerField(_("records"), default=0)
    last_id = models.BigIntegerField(_("last record"), null=True, blank=True)
    last_digest = models.CharField(_("last digest"), max_length=64)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain head")
        triggers = [pgtrigger.Protect(name="audit_head_kept", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"{self.count} · {self.last_digest[:12]}"
