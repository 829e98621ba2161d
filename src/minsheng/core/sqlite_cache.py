"""The embedded default's shared cache: one small SQLite file of its own, beside the database.

Every web worker on the machine opens the same file, so they share the public pages' stamps
and entries and the rate-limit counters (a limit of 300 a minute is 300 for the site, not 300
a worker). It is not the main database: counting an API request or keeping a page never
takes the main database's write lock, which the offices' saves need, and a read is one bare
SELECT (no ORM, no base64). WAL mode without fsync (synchronous=OFF): a cache lost in a power
cut is rebuilt, lost counters only forgive a few requests. An increment is one UPSERT
statement, atomic under concurrent workers (`add_to`).

With REDIS_URL the cache and the counters live in Redis instead (settings.CACHES).
"""

import os
import pickle
import random
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS cache_entry "
    "(key TEXT PRIMARY KEY, value BLOB NOT NULL, expires REAL NOT NULL) WITHOUT ROWID"
)
# Expired rows are swept now and then by a writer, so the file stays a few pages long.
SWEEP_ONE_IN = 500


class SQLiteCache(BaseCache):
    """Django's cache API over one SQLite file (LOCATION), with an atomic `add_to`."""

    def __init__(self, location: str, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.path = Path(location)
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        # One connection a thread and a process: a forked worker opens its own.
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == os.getpid():
            return held[1]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute(SCHEMA)
        self._local.held = (os.getpid(), connection)
        return connection

    def _expires(self, timeout: Any) -> float:
        seconds = self.get_backend_timeout(timeout)
        return float("inf") if seconds is None else float(seconds)

    def add_to(self, key: str, delta: int, timeout: float | None = None) -> int:
        """Add `delta` to an integer counter and return its new value; an absent or expired
        counter starts from 0 with `timeout`. One statement: atomic across processes."""
        key = self.make_and_validate_key(key)
        now = time.time()
        expires = self._expires(timeout)
        connection = self._connection()
        row = connection.execute(
            "INSERT INTO cache_entry (key, value, expires) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET "
            "value = CASE WHEN expires > ? THEN value + excluded.value ELSE excluded.value END, "
            "expires = CASE WHEN expires > ? THEN expires ELSE excluded.expires END "
            "RETURNING value",
            (key, delta, expires, now, now),
        ).fetchone()
        if random.randrange(SWEEP_ONE_IN) == 0:  # noqa: S311 (not for security)
            connection.execute("DELETE FROM cache_entry WHERE expires <= ?", (now,))
        return int(row[0])

    # Counters are stored as SQLite integers; anything else is pickled.
    @staticmethod
    def _dump(value: Any) -> Any:
        return value if type(value) is int else pickle.dumps(value)

    @staticmethod
    def _load(value: Any) -> Any:
        return value if isinstance(value, int) else pickle.loads(value)  # noqa: S301 (our own)

    def get_many(self, keys: Any, version: int | None = None) -> dict[str, Any]:
        keys = list(keys)
        if not keys:
            return {}
        made = {self.make_and_validate_key(key, version=version): key for key in keys}
        marks = ",".join("?" * len(made))
        rows = self._connection().execute(
            f"SELECT key, value FROM cache_entry WHERE key IN ({marks}) AND expires > ?",  # noqa: S608
            (*made, time.time()),
        )
        return {made[key]: self._load(value) for key, value in rows}

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        return self.get_many([key], version=version).get(key, default)

    def set(
        self,
        key: str,
        value: Any,
        timeout: Any = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> None:
        self._connection().execute(
            "INSERT OR REPLACE INTO cache_entry (key, value, expires) VALUES (?, ?, ?)",
            (self.make_and_validate_key(key, version=version), self._dump(value),
             self._expires(timeout)),
        )  # fmt: skip

    def add(
        self,
        key: str,
        value: Any,
        timeout: Any = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> bool:
        now = time.time()
        cursor = self._connection().execute(
            "INSERT INTO cache_entry (key, value, expires) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires "
            "WHERE expires <= ?",
            (self.make_and_validate_key(key, version=version), self._dump(value),
             self._expires(timeout), now),
        )  # fmt: skip
        return cursor.rowcount == 1

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        made = self.make_and_validate_key(key, version=version)
        row = (
            self._connection()
            .execute(
                "UPDATE cache_entry SET value = value + ? WHERE key = ? AND expires > ? RETURNING value",
                (delta, made, time.time()),
            )
            .fetchone()
        )
        if row is None:
            raise ValueError(f"Key '{key}' not found")
        return int(row[0])

    def touch(self, key: str, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        cursor = self._connection().execute(
            "UPDATE cache_entry SET expires = ? WHERE key = ? AND expires > ?",
            (self._expires(timeout), self.make_and_validate_key(key, version=version), time.time()),
        )
        return cursor.rowcount == 1

    def delete(self, key: str, version: int | None = None) -> bool:
        cursor = self._connection().execute(
            "DELETE FROM cache_entry WHERE key = ?",
            (self.make_and_validate_key(key, version=version),),
        )
        return cursor.rowcount == 1

    def has_key(self, key: str, version: int | None = None) -> bool:
        return key in self.get_many([key], version=version)

    def clear(self) -> None:
        self._connection().execute("DELETE FROM cache_entry")
