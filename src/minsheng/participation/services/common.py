"""Helpers shared by the participation services."""

from typing import Any, NoReturn

from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise

from minsheng.core.i18n import UserFacingError, bilingual


def refuse(message: str | Promise, **params: Any) -> NoReturn:
    """Stop with a message for the person, in Chinese and English."""
    raise UserFacingError([bilingual(message, **params)])


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
