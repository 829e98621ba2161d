"""Reads of the audit trail, filtered as the auditor asks."""

from datetime import date
from typing import Any

from django.db.models import QuerySet

from minsheng.audit import chain
from minsheng.audit.models import AuditRecord, ChainHead


def audit_records(
    *,
    actor: str = "",
    action: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditRecord]:
    """Audit records, newest first, narrowed by actor name, action prefix and date range."""
    records = AuditRecord.objects.select_related("content_type").order_by("-at", "-id")
    if actor:
        records = records.filter(actor_name__icontains=actor)
    if action:
        records = records.filter(action__startswith=action)
    if since:
        records = records.filter(at__date__gte=since)
    if until:
        records = records.filter(at__date__lte=until)
    return records


def filters_from(params: Any) -> dict[str, Any]:
    """The filters of a query string; a malformed date is ignored rather than an error page."""

    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(params.get(name, ""))
        except ValueError:
            return None

    return {
        "actor": params.get("actor", "").strip()[:150],
        "action": params.get("action", "").strip()[:60],
        "since": day("since"),
        "until": day("until"),
    }


def changed_fields(
    before: dict[str, Any] | None, after: dict[str, Any] | None
) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for each field that differs: what a reader of the trail wants."""
    old, new = before or {}, after or {}
    names = list(dict.fromkeys([*old, *new]))
    return [
        (name, old.get(name), new.get(name)) for name in names if old.get(name) != new.get(name)
    ]


def chain_break() -> tuple[int, chain.Break | None]:
    """Check the whole audit chain in id order, and that it ends at the chain head:
    (records checked, the first break or None)."""
    head = ChainHead.objects.filter(pk=1).first() or ChainHead(count=0, last_digest=chain.GENESIS)
    records = AuditRecord.objects.order_by("id").iterator(chunk_size=2000)
    return chain.first_break(records, head)
