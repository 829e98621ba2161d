"""Bulk import of suggestions collected offline or by the 12345 hotline (CSV or XLSX).

All or nothing: every row is checked first with the same rules as the web form, every
problem is reported with its row number, and only a clean file is saved.
Columns (first row, Chinese or English headers): 领域/domain, 区/district,
建议内容/text, 联系人/name, 联系电话/phone, 来源/source (热线 or 线下).
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from typing import IO, Any

from charset_normalizer import from_bytes
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from minsheng.audit.services import record_change
from minsheng.core.i18n import UserFacingError, bilingual
from minsheng.participation.models import (
    SolicitationWindow,
    Suggestion,
    SuggestionContact,
    SuggestionSource,
    SuggestionState,
)
from minsheng.participation.permissions import can_manage
from minsheng.participation.services.common import require
from minsheng.participation.services.solicitation import (
    PERSONAL_DATA,
    clean_contact,
    clean_text,
)
from minsheng.plans.models import Jurisdiction

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
HEADERS = {
    "领域": "domain",
    "domain": "domain",
    "区": "district",
    "区市": "district",
    "district": "district",
    "建议内容": "text",
    "建议": "text",
    "text": "text",
    "联系人": "name",
    "name": "name",
    "联系电话": "phone",
    "phone": "phone",
    "来源": "source",
    "source": "source",
}
SOURCES = {
    "热线": SuggestionSource.HOTLINE,
    "12345": SuggestionSource.HOTLINE,
    "hotline": SuggestionSource.HOTLINE,
    "线下": SuggestionSource.OFFLINE,
    "offline": SuggestionSource.OFFLINE,
    "": SuggestionSource.OFFLINE,
}


@dataclass
class Row:
    number: int
    values: dict[str, str]


def read_rows(upload: IO[bytes], name: str) -> list[Row]:
    """The file's data rows keyed by column, whatever its format; refuses what it cannot read."""
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UserFacingError([bilingual(_("The file is larger than 5 MB."))])
    if name.lower().endswith(".xlsx"):
        table = _xlsx_table(data)
    elif name.lower().endswith(".csv"):
        table = _csv_table(data)
    else:
        raise UserFacingError([bilingual(_("Upload a CSV or XLSX file."))])
    if not table:
        raise UserFacingError([bilingual(_("The file is empty."))])
    header = [HEADERS.get(str(cell or "").strip().lower(), "") for cell in table[0]]
    if "text" not in header or "domain" not in header:
        raise UserFacingError(
            [
                bilingual(
                    _("The first row must name the columns 领域 and 建议内容 (domain and text).")
                )
            ]
        )
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {
            key: str(cell if cell is not None else "").strip()
            for key, cell in zip(header, cells, strict=False)
            if key
        }
        if any(values.values()):
            rows.append(Row(number, values))
    if len(rows) > MAX_ROWS:
        raise UserFacingError([bilingual(_("At most %(n)s rows per file."), n=MAX_ROWS)])
    return rows


def _xlsx_table(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UserFacingError([bilingual(_("The file is not a valid XLSX workbook."))])
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UserFacingError([bilingual(_("The file is not a valid XLSX workbook."))]) from error
    sheet = book.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _csv_table(data: bytes) -> list[list[Any]]:
    if b"\x00" in data:
        raise UserFacingError([bilingual(_("The file is not a text CSV file."))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()  # offline lists often come as GBK from Excel
        if best is None:
            raise UserFacingError(
                [bilingual(_("The file's text encoding is not recognised."))]
            ) from None
        text = str(best)
    return [list(row) for row in csv.reader(io.StringIO(text))]


@transaction.atomic
def suggestions_import(
    *, actor: Any, window: SolicitationWindow, upload: IO[bytes], name: str
) -> list[Suggestion]:
    """Validate every row, then save them all as published suggestions — or none."""
    require(can_manage(actor, window.plan))
    rows = read_rows(upload, name)
    domains = {d.name: d for d in window.domains.all()}
    districts = {j.name: j for j in Jurisdiction.objects.filter(parent=window.plan.jurisdiction)}
    errors: list[str] = []
    ready: list[tuple[Suggestion, tuple[str, str]]] = []
    for row in rows:
        v = row.values
        try:
            domain = domains.get(v.get("domain", ""))
            if domain is None:
                raise UserFacingError(
                    [
                        bilingual(
                            _("the domain “%(domain)s” is not one of this solicitation's"),
                            domain=v.get("domain", ""),
                        )
                    ]
                )
            district = None
            if v.get("district"):
                district = districts.get(v["district"])
                if district is None:
                    raise UserFacingError(
                        [
                            bilingual(
                                _("the district “%(district)s” is not known"),
                                district=v["district"],
                            )
                        ]
                    )
            source = SOURCES.get(v.get("source", "").lower())
            if source is None:
                raise UserFacingError(
                    [bilingual(_("the source must be 热线 or 线下 (hotline or offline)"))]
                )
            text = clean_text(v.get("text", ""))
            contact = clean_contact(v.get("name", ""), v.get("phone", ""))
        except UserFacingError as error:
            prefix = bilingual(_("Row %(row)s"), row=row.number)
            errors += [f"{prefix}: {message}" for message in error.messages]
            continue
        suggestion = Suggestion(
            window=window,
            domain=domain,
            district=district,
            text=text,
            source=source,
            state=SuggestionState.PUBLISHED,
            flagged=bool(PERSONAL_DATA.search(text)),
        )
        ready.append((suggestion, contact))
    if errors:
        raise UserFacingError(errors)
    if not ready:
        raise UserFacingError([bilingual(_("The file has no suggestions."))])
    saved = []
    for suggestion, (contact_name, phone) in ready:
        suggestion.save()
        if contact_name or phone:
            SuggestionContact.objects.create(suggestion=suggestion, name=contact_name, phone=phone)
        saved.append(suggestion)
    record_change(
        actor=actor,
        action="suggestion.import",
        instance=window,
        after={"file": name, "rows": len(saved), "ids": [s.pk for s in saved]},
    )
    return saved
