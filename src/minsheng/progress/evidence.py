"""Checking an uploaded evidence file before anything is stored.

The type is read from the file's bytes (filetype), never from its name or the browser's
claim. Photos are decoded by Pillow and written again from their pixels, which drops EXIF
(GPS position, camera serial) and anything hidden after the image data; a thumbnail is made
at the same time. Files then go through Django's storage API (local disk by default).
"""

import io
import uuid
from dataclasses import dataclass
from typing import IO

import filetype
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from minsheng.core.i18n import UserFacingError
from minsheng.progress.models import EvidenceKind

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
THUMBNAIL_SIZE = (320, 320)

PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}


class EvidenceError(UserFacingError):
    """An upload refused, with the reason in the reader's language."""

    def __init__(self, message: str) -> None:
        super().__init__([message])


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    name: str
    content: bytes
    thumbnail: bytes | None


def _read_limited(upload: IO[bytes]) -> bytes:
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise EvidenceError(
            _("The file is larger than %(limit)s MB.") % {"limit": MAX_BYTES // (1024 * 1024)}
        )
    if not data:
        raise EvidenceError(_("The file is empty."))
    return data


def _clean_photo(data: bytes, extension: str) -> tuple[bytes, bytes]:
    """The photo re-encoded from its pixels (no metadata) and a JPEG thumbnail."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise EvidenceError(_("The photo has too many pixels."))
            probe.verify()
        with Image.open(io.BytesIO(data)) as opened:
            # Turn the pixels the way the camera's orientation tag says before the tag goes.
            image = ImageOps.exif_transpose(opened)
            image.load()
    except EvidenceError:
        raise
    except Exception as error:
        raise EvidenceError(_("The photo cannot be read as an image.")) from error
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGB")
    if extension == "jpg" and image.mode == "RGBA":
        image = image.convert("RGB")
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    out = io.BytesIO()
    format_name = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}[extension]
    options = {"quality": 90} if format_name in ("JPEG", "WEBP") else {}
    clean.save(out, format=format_name, **options)
    thumb = clean.convert("RGB")
    thumb.thumbnail(THUMBNAIL_SIZE)
    thumb_out = io.BytesIO()
    thumb.save(thumb_out, format="JPEG", quality=80)
    return out.getvalue(), thumb_out.getvalue()


def check_upload(upload: IO[bytes]) -> CheckedFile:
    """The upload as a photo or document ready to store, or an EvidenceError saying why not."""
    data = _read_limited(upload)
    guess = filetype.guess(data)
    mime = guess.mime if guess else ""
    stem = uuid.uuid4().hex
    if mime in PHOTO_TYPES:
        extension = PHOTO_TYPES[mime]
        content, thumbnail = _clean_photo(data, extension)
        return CheckedFile(EvidenceKind.PHOTO, f"{stem}.{extension}", content, thumbnail)
    if mime in DOCUMENT_TYPES:
        return CheckedFile(EvidenceKind.DOCUMENT, f"{stem}.{DOCUMENT_TYPES[mime]}", data, None)
    raise EvidenceError(
        _(
            "This kind of file is not accepted: photos (JPEG, PNG, WebP) and documents (PDF, Word, Excel) only."
        )
    )
