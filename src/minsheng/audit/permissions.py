"""Who may read the audit trail. Nobody may change it: the model refuses updates and deletes."""

from typing import Any

from minsheng.accounts.permissions import is_auditor


def can_read_audit(user: Any) -> bool:
    """The auditor alone, kept apart from the administrators as 等保 asks."""
    return is_auditor(user)
