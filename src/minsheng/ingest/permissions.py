"""Who may read documents into plans: the office only."""

from typing import Any

from minsheng.accounts.permissions import is_office


def can_ingest(user: Any) -> bool:
    """Reading a document and saving it as a draft plan is the office's work."""
    return is_office(user)
