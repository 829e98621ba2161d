"""Who may read documents into plans: the office only, for its own jurisdiction."""

from typing import Any

from minsheng.accounts.permissions import is_office
from minsheng.plans.permissions import can_import_plan


def can_ingest(user: Any) -> bool:
    """Reading a document and saving it as a draft plan is the office's work."""
    return is_office(user)


def can_save_for(user: Any, jurisdiction_name: str) -> bool:
    """Save a read document as a plan of the jurisdiction it names (plans.permissions)."""
    return can_import_plan(user, jurisdiction_name)
