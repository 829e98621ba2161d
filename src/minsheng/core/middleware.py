"""Request guards that keep what a person sent from being lost.

A busy database answers with a page that keeps what the person typed, not a bare 500.

On the embedded SQLite default only one process writes at a time; a save that waits longer
than the busy timeout for the write lock fails with "database is locked". Nothing was
saved, so the page says so, offers the same form data again with one button, and asks the
browser to retry after a few seconds (503 with Retry-After).
"""

import io
from collections.abc import Callable

from django.conf import settings
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import parse_header_parameters

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


def mend_part_headers(body: bytes, boundary: bytes) -> bytes:
    """The multipart body with every part's headers made UTF-8.

    Browsers and upload tools on Chinese Windows send a file name in GBK bytes. Django reads
    part headers as UTF-8 and silently drops a part whose header does not decode, so the
    file vanishes while the form reports success. Headers that are not UTF-8 are read as
    GB18030 (which contains GBK), and anything still unreadable becomes U+FFFD: the name
    may be mangled, the file is never lost. File contents are not touched.
    """
    delimiter = b"--" + boundary
    parts = body.split(delimiter)
    for index in range(1, len(parts)):
        part = parts[index]
        end = part.find(b"\r\n\r\n")
        if end < 0:
            continue
        header = part[:end]
        try:
            header.decode("utf-8")
            continue
        except UnicodeDecodeError:
            text = header.decode("gb18030", errors="replace")
        parts[index] = text.encode("utf-8") + part[end:]
    return delimiter.join(parts)


class MultipartFileNameMiddleware:
    """Makes uploads whose file names are not UTF-8 readable before Django parses them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        content_type = request.META.get("CONTENT_TYPE", "")
        length = request.META.get("CONTENT_LENGTH") or "0"
        if (
            request.method == "POST"
            and content_type.startswith("multipart/form-data")
            and length.isdigit()
            # Larger bodies are left to Django as they are (an evidence file is at most
            # 10 MB, a ledger 5 MB): the mending reads the whole body into memory.
            and 0 < int(length) <= (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)
        ):
            _main, params = parse_header_parameters(content_type)
            boundary = params.get("boundary", "")
            if boundary:
                body = request.body
                mended = mend_part_headers(body, boundary.encode("ascii", "replace"))
                if mended != body:
                    request._body = mended
                    request._stream = io.BytesIO(mended)
                    request.META["CONTENT_LENGTH"] = str(len(mended))
        return self.get_response(request)
