"""Who may read the audit trail. Nobody may change it: the model refuses updates and deletes."""

from typing import Any

from django.db.models import QuerySet

from minsheng.accounts.permissions import is_auditor
from minsheng.accounts.scope import scope_of
from minsheng.audit.models import AuditRecord


def can_read_audit(user: Any) -> bool:
    """The auditor alone, kept apart from the administrators as 等保 asks."""
    return is_auditor(user)


def readable_records(user: Any, records: QuerySet[AuditRecord]) -> QuerySet[AuditRecord]:
    """The records of the auditor's jurisdiction and below; anyone else reads none."""
    if not can_read_audit(user):
        return records.none()
    return scope_of(user).filter(records, "jurisdiction")
