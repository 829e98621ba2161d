"""PDF by WeasyPrint from the HTML writer's page; Chinese renders through the CSS font lists."""

import ctypes.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from minsheng.reports.document import Document
from minsheng.reports.writers.html import write_html


@contextmanager
def _sonames_only() -> Iterator[None]:
    """While WeasyPrint loads, names that are not a file's own never fall back to find_library.

    WeasyPrint tries each of its libraries under Windows and macOS names first; cffi hands
    every miss to ctypes.util.find_library, which on Linux runs ldconfig, gcc and ld
    (Kozea/WeasyPrint#1125): about twenty subprocesses, half a second of a PDF's time. Its
    lists end with the Linux sonames (libpango-1.0.so.0), which dlopen finds directly.
    """
    original = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = original


@cache
def _html_class() -> Any:
    if sys.platform == "linux":
        try:
            with _sonames_only():
                from weasyprint import HTML

            return HTML
        except OSError:
            pass  # a Linux whose sonames differ: let find_library look, as WeasyPrint expects
    from weasyprint import HTML

    return HTML


def write_pdf(document: Document) -> bytes:
    """The document as PDF bytes (A4; the official style's margins and page numbers in CSS)."""
    pdf = _html_class()(string=write_html(document)).write_pdf()
    assert pdf is not None
    return pdf
