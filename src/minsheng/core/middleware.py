"""A busy database answers with a page that keeps what the person typed, not a bare 500.

On the embedded SQLite default only one process writes at a time; a save that waits longer
than the busy timeout for the write lock fails with "database is locked". Nothing was
saved, so the page says so, offers the same form data again with one button, and asks the
browser to retry after a few seconds (503 with Retry-After).
"""

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

RETRY_AFTER_SECONDS = 5
HIDDEN_FIELDS = {"csrfmiddlewaretoken"}


def is_busy_database(error: BaseException) -> bool:
    """A lock wait that timed out (SQLite's "database is locked" / "table is locked")."""
    return isinstance(error, OperationalError) and "is locked" in str(error).lower()


class DatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy_database(exception):
            return None
        kept = [
            (name, value)
            for name, values in request.POST.lists()
            if name not in HIDDEN_FIELDS
            for value in values
        ]
        response = render(
            request,
            "core/busy.html",
            {
                "kept": kept,
                "had_files": bool(request.FILES),
                "retry_url": request.get_full_path(),
                "is_post": request.method == "POST",
            },
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
