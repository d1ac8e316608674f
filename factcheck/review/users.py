"""People and access: creating users, passwords, logging in with a lock-out, disabling.

Passwords are hashed with werkzeug. ``authenticate`` counts failed logins on the user and
locks the account for a while after too many; whatever goes wrong, the person trying to log in
sees the same message (``LOGIN_FAILED``), so the page never reveals whether a name exists.
The caller commits (a failed login changes the failure count, so it commits too).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from factcheck.errors import InputError, NotFound
from factcheck.models import Role, User, utcnow

LOGIN_FAILED = "Wrong name or password, or the account is locked"
MIN_PASSWORD_LENGTH = 8
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
# Checked against when the name is unknown, so that a wrong name takes as long as a wrong
# password and timing does not tell them apart either.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


def _aware(value: datetime | None) -> datetime | None:
    """SQLite and PostgreSQL hand back naive UTC timestamps; compare them as UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def get_user(session: Session, name: str) -> User:
    """The user called ``name``; NotFound when there is none."""
    user = session.exec(select(User).where(User.name == name)).first()
    if user is None:
        raise NotFound(f"no user named {name!r}")
    return user


def list_users(session: Session) -> list[User]:
    """Every user, by name."""
    return list(session.exec(select(User).order_by(User.name)).all())


# Characters a reader easily takes for one another in a name: "al1ce" and "aIice" are "alice".
_CONFUSABLE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l"})


def name_skeleton(name: str) -> str:
    """What a name looks like: lowercase, without '.', '-', '_', confusable letters folded."""
    return re.sub(r"[._-]", "", name.lower()).translate(_CONFUSABLE)


def lookalike_of(session: Session, name: str) -> str | None:
    """The name of another user whose name looks like ``name``, or None."""
    skeleton = name_skeleton(name)
    for other in session.exec(select(User.name)).all():
        if other != name and name_skeleton(other) == skeleton:
            return other
    return None


def _check_role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError:
        raise InputError(
            f"unknown role {role!r}; roles: " + ", ".join(r.value for r in Role)
        ) from None


def create_user(session: Session, name: str, role: str, password: str) -> User:
    """Add a user with ``role`` (admin, editor, checker) and ``password``; returns it.

    Names are letters, digits, dot, dash and underscore (they appear in history and URLs).
    """
    name = (name or "").strip()
    if not NAME_RE.match(name):
        raise InputError(
            f"invalid user name {name!r}: use 1-80 letters, digits, '.', '-' or "
            "'_', starting with a letter or digit"
        )
    role = _check_role(role)
    if session.exec(select(User.id).where(User.name == name)).first() is not None:
        raise InputError(f"a user named {name!r} already exists")
    similar = lookalike_of(session, name)
    if similar:
        raise InputError(f"{name!r} looks too much like the existing user {similar!r}")
    user = User(name=name, role=role)
    set_password(user, password)
    session.add(user)
    session.flush()
    return user


def set_password(user: User, password: str) -> None:
    """Hash and store a new password; it also ends any lock-out."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise InputError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    user.password_hash = generate_password_hash(password)
    user.failed_logins, user.locked_until = 0, None


def is_locked(user: User, now: datetime | None = None) -> bool:
    """Whether the account is in a lock-out after too many failed logins."""
    locked_until = _aware(user.locked_until)
    return locked_until is not None and (now or utcnow()) < locked_until


def authenticate(
    session: Session,
    name: str,
    password: str,
    *,
    max_failures: int,
    lockout_seconds: int,
    now: datetime | None = None,
) -> User | None:
    """The active user with this name and password, or None (show ``LOGIN_FAILED``).

    A wrong password counts a failure; the ``max_failures``-th locks the account for
    ``lockout_seconds``. While locked, even the right password is refused. Success resets
    the count. The caller commits either way.
    """
    now = now or utcnow()
    user = session.exec(select(User).where(User.name == (name or "").strip())).first()
    if user is None or user.password_hash is None:
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    correct = check_password_hash(user.password_hash, password or "")
    if is_locked(user, now) or not user.active:
        return None
    if not correct:
        user.failed_logins += 1
        if user.failed_logins >= max_failures:
            # a fresh budget after the lock-out, so a person who waits can try again
            user.failed_logins = 0
            user.locked_until = now + timedelta(seconds=lockout_seconds)
        session.add(user)
        return None
    user.failed_logins, user.locked_until = 0, None
    session.add(user)
    return user


def set_active(session: Session, name: str, active: bool) -> User:
    """Disable (``active=False``) or enable a user; enabling also ends a lock-out.

    A disabled user cannot log in and is logged out of open sessions; their history stays.
    """
    user = get_user(session, name)
    user.active = active
    if active:
        user.failed_logins, user.locked_until = 0, None
    session.add(user)
    return user


def disable_user(session: Session, name: str) -> User:
    """Stop ``name`` from logging in (their history stays)."""
    return set_active(session, name, False)


def enable_user(session: Session, name: str) -> User:
    """Let ``name`` log in again."""
    return set_active(session, name, True)


def change_password(session: Session, name: str, password: str) -> User:
    """Give ``name`` a new password (their open sessions end: see web.auth)."""
    user = get_user(session, name)
    set_password(user, password)
    session.add(user)
    return user
