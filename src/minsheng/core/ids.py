"""Ids typed by people or tools into addresses, forms and spreadsheets, read safely.

`str.isdigit()` accepts "²" and "٣", which `int()` then refuses or reads differently, and a
text id handed to the ORM raises ValueError: both ended as HTTP 500. An id here is 1 to 18
ASCII digits (fits a 64-bit key); anything else is "no such object" (404), never a crash.
"""

import re
from typing import Any, TypeVar

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

_ID = re.compile(r"[0-9]{1,18}", re.ASCII)

M = TypeVar("M", bound=models.Model)


def parse_id(value: Any) -> int | None:
    """The id written in `value` (text or int), or None if it is not a plain positive number."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value > 0 else None
    if not isinstance(value, str) or not _ID.fullmatch(value.strip()):
        return None
    number = int(value.strip())
    return number or None


def object_or_404(source: type[M] | models.QuerySet[M], raw: Any, **filters: Any) -> M:
    """`get_object_or_404` for an id that came from outside: a malformed one is a 404 too."""
    pk = parse_id(raw)
    if pk is None:
        raise Http404
    return get_object_or_404(source, pk=pk, **filters)
