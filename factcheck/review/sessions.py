"""Logged-in browsers: a session is opened at login, checked on every request, closed at logout.

The browser's cookie carries a random token; the database keeps only its SHA-256 (a stolen
database gives no usable cookie). Logging out deletes the row, so a copy of the cookie made
before stops working at once; disabling a user or changing their password deletes all of
theirs. Sessions also end by themselves after their lifetime.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import bindparam, delete
from sqlmodel import Session, select

from factcheck.models import LoginSession, User, utcnow


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(session: Session, user: User, lifetime: timedelta) -> str:
    """A new session for ``user`` lasting ``lifetime``; returns the token for the cookie.

    Expired sessions (anyone's) are cleared on the way. The caller commits.
    """
    now = utcnow()
    session.execute(delete(LoginSession).where(LoginSession.expires_at < now))
    token = secrets.token_urlsafe(32)
    session.add(LoginSession(id=_digest(token), user_id=user.id, expires_at=now + lifetime))
    return token


def session_user(session: Session, user_id: int, token: str) -> User | None:
    """The user of an open, unexpired session with ``token``, if it is ``user_id``'s (one
    query: it runs on every page a logged-in person opens)."""
    if not token:
        return None
    params = {"digest": _digest(token), "user_id": user_id, "now": utcnow()}
    return session.exec(_session_user_query(), params=params).first()


@functools.cache  # built once: it runs on every request of a logged-in person
def _session_user_query():
    return (
        select(User)
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(
            LoginSession.id == bindparam("digest"),
            User.id == bindparam("user_id"),
            LoginSession.expires_at > bindparam("now"),
        )
    )


def close_session(session: Session, token: str) -> None:
    """End the session with ``token`` (logging out). The caller commits."""
    session.execute(delete(LoginSession).where(LoginSession.id == _digest(token)))


def close_all_sessions(session: Session, user: User) -> None:
    """End every session of ``user`` (disabled, or a new password). The caller commits."""
    session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
