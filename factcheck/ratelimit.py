"""Counting attempts in the database, atomically, for every process at once.

Login attempts (per account and per address) and readers' error reports (per address) are
limited here. A counter per key covers a fixed window that starts with its first hit: one
``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` (SQLite 3.35+ and PostgreSQL) adds the hit
and reads the new count in the same statement, so 32 requests at once get 32 different counts,
whichever process or thread they run in. Addresses are kept only as keyed hashes.

``hit`` commits at once: the count must be visible to the other requests before this one goes
on (a password check takes a tenth of a second), and must not wait for the caller's commit.

``LocalLimiter`` counts in one process only, for what is not worth a write per request.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time

from sqlalchemy import case, delete
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from factcheck.errors import InputError
from factcheck.models import RateLimit

INSERTS = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}


class RateLimited(InputError):
    """Too many attempts under one key; ``retry_after`` seconds until the window ends."""

    def __init__(self, message: str, retry_after: int, **params):
        super().__init__(message, **params)
        self.retry_after = retry_after


def private_key(secret: str, kind: str, value: str) -> str:
    """A counter key for ``value`` (an address, say) that does not reveal it."""
    digest = hmac.new(secret.encode(), value.encode(), hashlib.sha256).hexdigest()[:40]
    return f"{kind}:{digest}"


def hit(
    session: Session, key: str, window: float, *, now: float | None = None
) -> tuple[int, float]:
    """Count one hit on ``key``; returns (hits in the current window, seconds until it ends).

    A window older than ``window`` seconds starts afresh with this hit. Commits.
    """
    now = time.time() if now is None else now
    table = RateLimit.__table__
    expired = table.c.window_start <= now - window
    statement = INSERTS[session.get_bind().dialect.name](table).values(
        key=key, window_start=now, count=1
    )
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "count": case((expired, 1), else_=table.c.count + 1),
            "window_start": case((expired, now), else_=table.c.window_start),
        },
    ).returning(table.c.count, table.c.window_start)
    count, started = session.execute(statement).one()
    session.commit()
    return count, max(0.0, started + window - now)


def take(
    session: Session,
    key: str,
    limit: int,
    window: float,
    message: str,
    *,
    now: float | None = None,
    exception: type[RateLimited] = RateLimited,
) -> int:
    """Count one hit on ``key``; ``exception(message)`` when it is past ``limit`` in the
    window. Returns the count. Commits."""
    count, left = hit(session, key, window, now=now)
    if count > limit:
        raise exception(message, retry_after=max(1, int(left) + 1))
    return count


def forget(session: Session, key: str) -> None:
    """Drop the counter under ``key`` (a successful login starts a fresh budget). Commits."""
    session.execute(delete(RateLimit).where(RateLimit.key == key))
    session.commit()


def clear_expired(session: Session, older_than: float, *, now: float | None = None) -> None:
    """Drop counters whose window started more than ``older_than`` seconds ago. Commits."""
    now = time.time() if now is None else now
    session.execute(delete(RateLimit).where(RateLimit.window_start < now - older_than))
    session.commit()


class LocalLimiter:
    """Hits per key and ``window`` seconds, counted in this process: a cheap shield for a
    cached public document (the feed), where a shared count is not worth a database write
    per request. Keys idle for a window are forgotten, so memory stays bounded."""

    def __init__(self, window: float, clock=time.monotonic):
        self.window, self._clock = window, clock
        self._counts: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def refuse(self, key: str, limit: int) -> int | None:
        """Count a hit on ``key``: None while at most ``limit`` in the window, else the seconds
        until the window ends."""
        now = self._clock()
        with self._lock:
            started, count = self._counts.get(key, (now, 0))
            if now - started >= self.window:
                started, count = now, 0
            self._counts[key] = (started, count + 1)
            if len(self._counts) > 10_000:
                self._forget(now)
        return None if count < limit else max(1, int(started + self.window - now) + 1)

    def _forget(self, now: float) -> None:
        for key in [k for k, (s, _) in self._counts.items() if now - s >= self.window]:
            del self._counts[key]
