"""Checks on evidence files attached to replies: known kinds, real content, bounded size."""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 10 * 1024 * 1024
# The first bytes each accepted kind must start with, so a renamed executable is refused.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
}


def check_evidence(upload: UploadedFile) -> None:
    """Raise a ValidationError unless the file is a PDF, image, Word or Excel file of at most 10 MB."""
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in SIGNATURES:
        raise ValidationError(
            _("Evidence must be a PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx) file."),
            code="evidence_kind",
        )
    if upload.size is None or upload.size > MAX_BYTES:
        raise ValidationError(_("Evidence files may be at most 10 MB."), code="evidence_size")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES[suffix]):
        raise ValidationError(
            _("The file's content does not match its name: is it really a %(kind)s file?"),
            code="evidence_content",
            params={"kind": suffix.lstrip(".").upper()},
        )
