"""Reads for the notification pages."""

from minsheng.participation.models import Suggestion


def suggestion_by_code(code: str) -> Suggestion | None:
    """The suggestion with this tracking code (查询码), with its reply; None when there is none."""
    return (
        Suggestion.objects.select_related("reply__department", "window", "project")
        .filter(token=code)
        .first()
    )
