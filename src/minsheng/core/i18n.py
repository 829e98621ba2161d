"""Messages for people who may read either language: Chinese first, English too."""

from typing import Any

from django.utils import translation
from django.utils.functional import Promise


def bilingual(message: str | Promise, **params: Any) -> str:
    """Render a translatable message as "中文 / English", e.g. for command-line errors."""
    rendered = []
    for language in ("zh-hans", "en"):
        with translation.override(language):
            text = str(message)
            rendered.append(text % params if params else text)
    if rendered[0] == rendered[1]:
        return rendered[0]
    return " / ".join(rendered)


class UserFacingError(Exception):
    """An error whose message is written for the person who caused it, in both languages."""

    def __init__(self, messages: list[str], *, local: list[str] | None = None) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages
        # The same messages in the language of the request alone, for a page: a resident
        # reads one language there, the log and the command line read both.
        self.local = local if local is not None else messages
