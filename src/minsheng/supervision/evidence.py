"""Evidence files attached to replies go through the same check as reporting evidence.

One check for every uploaded evidence file (minsheng.progress.evidence.check_upload): the
type is read from the content, photos are re-encoded without EXIF, and the stored name is
random. Here its refusal is turned into the ValidationError the supervision forms show.
"""

from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from minsheng.progress.evidence import EvidenceError, check_upload


def checked_evidence(upload: IO[bytes]) -> ContentFile:
    """The upload as a cleaned file with a random name, ready to store; or ValidationError."""
    try:
        checked = check_upload(upload)
    except EvidenceError as error:
        raise ValidationError(error.messages, code="evidence") from error
    return ContentFile(checked.content, name=checked.name)
