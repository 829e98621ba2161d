"""Why a document cannot be read, as a code the Django layer turns into a bilingual message."""

from typing import Any


class IngestError(Exception):
    """A document that cannot be ingested; `code` names the reason, `params` fill the message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
