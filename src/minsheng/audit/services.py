"""Writing the audit trail. Every service that changes plan or progress data calls record_change."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import F
from django.utils import timezone

from minsheng.audit import chain
from minsheng.audit.middleware import current_ip
from minsheng.audit.models import AuditRecord, ChainHead

# pg_advisory_xact_lock key of the audit chain ("audt"): one writer extends it at a time.
CHAIN_LOCK = 0x61756474


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    return value


def snapshot(instance: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The stored values of a model instance, as JSON-safe data for the before/after columns."""
    names = fields or [
        field.attname for field in instance._meta.concrete_fields if not field.primary_key
    ]
    return {name: _jsonable(getattr(instance, name)) for name in names}


# Paths from a changed object to the jurisdiction owning it, tried in order.
_OWNER_PATHS = (
    ("plan", "jurisdiction_id"),
    ("project", "plan", "jurisdiction_id"),
    ("indicator", "project", "plan", "jurisdiction_id"),
    ("milestone", "project", "plan", "jurisdiction_id"),
    ("report", "indicator", "project", "plan", "jurisdiction_id"),
    ("report", "milestone", "project", "plan", "jurisdiction_id"),
    ("window", "plan", "jurisdiction_id"),
    ("suggestion", "window", "plan", "jurisdiction_id"),
    ("department", "jurisdiction_id"),
    ("jurisdiction_id",),
)


def owning_jurisdiction_id(instance: models.Model, actor: Any = None) -> int | None:
    """The jurisdiction an object belongs to (a plan's, a report's plan's, a user's own…);
    failing that, the acting user's. A jurisdiction owns itself."""
    from minsheng.plans.models import Jurisdiction

    if isinstance(instance, Jurisdiction):
        return instance.pk
    for path in _OWNER_PATHS:
        value: Any = instance
        for name in path:
            value = getattr(value, name, None)
            if value is None:
                break
        if isinstance(value, int):
            return value
    projects = getattr(instance, "projects", None)  # a site visit: its projects' plan
    if projects is not None and instance.pk is not None and hasattr(projects, "values_list"):
        first = projects.values_list("plan__jurisdiction_id", flat=True).first()
        if first is not None:
            return int(first)
    if actor is not None and getattr(actor, "is_authenticated", False):
        from minsheng.accounts.scope import home_jurisdiction_id

        return home_jurisdiction_id(actor)
    return None


@dataclass(frozen=True)
class Change:
    """One change to record: what `record_change` takes, for `record_changes`."""

    action: str
    instance: models.Model
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def record_change(
    *,
    actor: Any,
    action: str,
    instance: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    ip_address: str | None = None,
) -> AuditRecord:
    """Append one audit record, chained to the last one; call inside the change's transaction.

    Writers take turns at the end of the chain: on PostgreSQL a transaction-scoped advisory
    lock, held until the change commits, so the next writer reads this record's digest; on
    SQLite the write lock that BEGIN IMMEDIATE takes does the same.
    """
    change = Change(action, instance, before, after)
    return record_changes(actor=actor, changes=[change], ip_address=ip_address)[0]


def record_changes(
    *, actor: Any, changes: list[Change], ip_address: str | None = None
) -> list[AuditRecord]:
    """Append one audit record per change, in order, with one insert (a large import).

    The records are chained one to the next exactly as `record_change` would chain them one
    by one; the chain head moves to the last of them in the same transaction.
    """
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    address = chain.canonical_ip(ip_address or current_ip.get())
    with transaction.atomic():
        _lock_chain()
        head = _chain_head()
        previous = head.last_digest
        records = []
        for change in changes:
            record = AuditRecord(
                at=timezone.now(),
                actor=actor if is_person else None,
                actor_name=(actor.get_username() if is_person else "system"),
                action=change.action,
                content_type=ContentType.objects.get_for_model(
                    change.instance, for_concrete_model=False
                ),
                object_id=str(change.instance.pk),
                object_repr=str(change.instance)[:300],
                before=change.before,
                after=change.after,
                ip_address=address,
                jurisdiction_id=owning_jurisdiction_id(change.instance, actor),
                previous_digest=previous,
            )
            record.digest = previous = chain.digest_of(record)
            records.append(record)
        if len(records) == 1:
            records[0].save()  # one record: the plain insert (ids come back on every backend)
        else:
            records = AuditRecord.objects.bulk_create(records)
        if records:
            ChainHead.objects.filter(pk=head.pk).update(
                count=F("count") + len(records),
                last_id=records[-1].pk,
                last_digest=records[-1].digest,
            )
    return records


def _chain_head() -> ChainHead:
    """The head row; made (for an empty trail) if missing, so a deleted head shows as a
    count that no longer matches, never as an error that stops every change."""
    head = ChainHead.objects.filter(pk=1).first()
    if head is None:
        head, _created = ChainHead.objects.get_or_create(
            pk=1, defaults={"count": 0, "last_digest": chain.GENESIS}
        )
    return head


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
