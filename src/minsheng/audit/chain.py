"""The hash chain that makes the audit trail tamper-evident (防篡改).

Each record's digest is SHA-256 over its own stored values and the digest of the record
before it, so changing, deleting or reordering any record breaks every link after it.
`digest_of` reads only attributes, so the same function serves the service that writes a
record, `verify` that checks the chain and the migration that sealed the records before it.
The canonical form is the stored one: values are put in the shape the database gives back
(UTC time with microseconds, JSON round-tripped, IPv6 written short).
"""

import hashlib
import ipaddress
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.utils.ipv6 import clean_ipv6_address

GENESIS = "0" * 64
CHAINED_FIELDS = (
    "at",
    "actor_id",
    "actor_name",
    "action",
    "content_type_id",
    "object_id",
    "object_repr",
    "before",
    "after",
    "ip_address",
    "previous_digest",
)


def _json(value: Any) -> Any:
    """A JSON value as PostgreSQL's jsonb and SQLite's text both give it back."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    return value


def canonical_ip(value: Any) -> str | None:
    """An address as stored (IPv6 written short); None for anything that is not an address."""
    if not value:
        return None
    try:
        address = ipaddress.ip_address(str(value).strip())
    except ValueError:
        return None
    return clean_ipv6_address(str(address)) if address.version == 6 else str(address)


def canonical_time(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def digest_of(record: Any) -> str:
    """The digest a record must carry, from its values and its `previous_digest`."""
    values = {name: getattr(record, name) for name in CHAINED_FIELDS}
    values["at"] = canonical_time(values["at"])
    values["ip_address"] = canonical_ip(values["ip_address"])
    values["before"] = _json(json.loads(json.dumps(values["before"])))
    values["after"] = _json(json.loads(json.dumps(values["after"])))
    payload = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first record where the chain does not hold, and why."""

    record_id: int
    # "altered": its values do not give its digest; "unlinked": a record before it is gone
    # or moved; "truncated": the newest records up to this one (the head's last) are gone;
    # "beyond_head": this record and those after it are not counted by the chain head.
    reason: str


def first_break(records: Any, head: Any = None) -> tuple[int, Break | None]:
    """Walk records in id order: (how many were checked, the first break or None).

    `head` (count, last_id, last_digest), when given, is where the chain must end: a chain
    that is whole but shorter lost its newest records, one that is longer grew outside it.
    """
    expected = GENESIS
    checked = 0
    ids: list[int] = []
    for record in records:
        checked += 1
        if record.previous_digest != expected:
            return checked, Break(record.pk, "unlinked")
        if digest_of(record) != record.digest:
            return checked, Break(record.pk, "altered")
        expected = record.digest
        if head is not None and checked == head.count + 1:
            ids.append(record.pk)
    if head is None or (checked == head.count and expected == head.last_digest):
        return checked, None
    if checked > head.count:
        return checked, Break(ids[0], "beyond_head")
    return checked, Break(head.last_id or 0, "truncated")
