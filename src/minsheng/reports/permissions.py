"""Who may generate reports: the office, which files them and answers for their numbers."""

from typing import Any

from minsheng.accounts.permissions import is_office


def can_generate_reports(user: Any) -> bool:
    return is_office(user)
