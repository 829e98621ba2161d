"""Helpers shared by the participation services."""

from typing import Any, NoReturn

from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise

from minsheng.core.i18n import UserFacingError, bilingual


def refuse(message: str | Promise, **params: Any) -> NoReturn:
    """Stop with a message for the person, in Chinese and English (and, for a page, in the
    language of the request alone)."""
    text = str(message)
    raise UserFacingError([bilingual(message, **params)], local=[text % params if params else text])


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
