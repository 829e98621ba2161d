"""Signals of the progress app.

Reports are written with `UPDATE … WHERE version = …` (optimistic concurrency), which sends no
`post_save`; `report_written` is sent instead, with `instance` the report as now stored, so
that caches of public pages can be renewed when a report is approved or changes.
"""

from django.dispatch import Signal

report_written = Signal()
