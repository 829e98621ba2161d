"""SMS backends: pluggable like Django's e-mail backends. settings.SMS_BACKEND names the class
by dotted path; a real gateway is a class with the same `send_messages` method.

- ConsoleBackend (the demo's default) prints each message;
- FileBackend appends each message as one JSON line to settings.SMS_FILE_PATH;
- LocmemBackend keeps them in `outbox` for tests.
"""

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import ClassVar

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SMS:
    to: str
    text: str


class BaseBackend:
    def send_messages(self, messages: list[SMS]) -> int:
        raise NotImplementedError


class ConsoleBackend(BaseBackend):
    def send_messages(self, messages: list[SMS]) -> int:
        for message in messages:
            sys.stdout.write(f"SMS to {message.to}: {message.text}\n")
        sys.stdout.flush()
        return len(messages)


class FileBackend(BaseBackend):
    def send_messages(self, messages: list[SMS]) -> int:
        path = Path(getattr(settings, "SMS_FILE_PATH", "var/sms.jsonl"))
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            for message in messages:
                file.write(json.dumps(asdict(message), ensure_ascii=False) + "\n")
        return len(messages)


class LocmemBackend(BaseBackend):
    outbox: ClassVar[list[SMS]] = []

    def send_messages(self, messages: list[SMS]) -> int:
        type(self).outbox.extend(messages)
        return len(messages)


def get_backend() -> BaseBackend:
    """The configured backend (settings.SMS_BACKEND), a new instance per call."""
    path = getattr(settings, "SMS_BACKEND", "minsheng.notifications.sms.ConsoleBackend")
    backend: BaseBackend = import_string(path)()
    return backend


def send_sms(to: str, text: str) -> None:
    get_backend().send_messages([SMS(to=to, text=text)])
