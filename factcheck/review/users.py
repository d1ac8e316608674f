"""People and access: creating users, passwords, logging in with a lock-out, disabling.

Passwords are hashed with werkzeug. ``authenticate`` counts login attempts on the user and
locks the account for a while after too many; whatever goes wrong, the person trying to log in
sees the same message (``LOGIN_FAILED``), so the page never reveals whether a name exists.

Attempts are counted *before* the password is checked, each by one atomic UPDATE that returns
the new count, and committed at once: of 32 attempts arriving together, only the first
``max_failures`` get their password checked, in whichever process they run. Attempts from one
address are limited too (``factcheck.ratelimit``), across accounts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, text, update
from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from factcheck import ratelimit
from factcheck.audit import Actor, record_audit
from factcheck.errors import InputError, NotFound, PermissionDenied
from factcheck.messages import N_, Message
from factcheck.models import Role, User, as_utc, utcnow
from factcheck.review.sessions import close_all_sessions

LOGIN_FAILED = N_("Wrong name or password, or the account is locked")
MIN_PASSWORD_LENGTH = 8
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
# Checked against when the name is unknown, so that a wrong name takes as long as a wrong
# password and timing does not tell them apart either.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


def get_user(session: Session, name: str) -> User:
    """The user called ``name``; NotFound when there is none."""
    user = session.exec(select(User).where(User.name == name)).first()
    if user is None:
        raise NotFound(N_("no user named %(name)r"), name=name)
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


@dataclass
class People:
    """Who there is, as pages show them: ``names`` of every user by id (disabled ones too,
    since old claims and history name them), ``active`` (id, name) pairs by name (whom a
    claim can be assigned to)."""

    names: dict[int, str]
    active: list[tuple[int, str]]


def people(session: Session) -> People:
    """Every user's name and the active users, from one query."""
    rows = session.exec(_people_query()).all()
    return People(
        names={i: name for i, name, _ in rows},
        active=[(i, name) for i, name, active in rows if active],
    )


@functools.cache  # built once: every claim page asks
def _people_query():
    return select(User.id, User.name, User.active).order_by(User.name)


def _check_role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError:
        raise InputError(
            f"unknown role {role!r}; roles: " + ", ".join(r.value for r in Role)
        ) from None


def audit_target(user: User) -> str:
    """How the audit log names ``user`` as what a change was made to."""
    return f"user {user.name}"


def record_change(session: Session, action: str, user: User, actor: Actor, **detail) -> None:
    """Record a change to ``user`` in the audit log."""
    record_audit(session, action, actor=actor, target=audit_target(user), detail=detail)


def create_user(
    session: Session, name: str, role: str, password: str | None, *, actor: Actor = None
) -> User:
    """Add a user with ``role`` (admin, editor, checker) and ``password``; returns it.

    Names are letters, digits, dot, dash and underscore (they appear in history and URLs),
    not too like another user's. Recorded in the audit log as done by ``actor``. A user made
    without a password cannot log in until they choose one (factcheck.review.invitations).
    """
    _require_admin(actor)
    name = (name or "").strip()
    if not NAME_RE.match(name):
        raise InputError(
            N_(
                "invalid user name %(name)r: use 1-80 letters, digits, '.', '-' or "
                "'_', starting with a letter or digit"
            ),
            name=name,
        )
    role = _check_role(role)
    if session.exec(select(User.id).where(User.name == name)).first() is not None:
        raise InputError(N_("a user named %(name)r already exists"), name=name)
    similar = lookalike_of(session, name)
    if similar:
        raise InputError(
            N_("%(name)r looks too much like the existing user %(similar)r"),
            name=name,
            similar=similar,
        )
    user = User(name=name, role=role)
    if password is not None:
        set_password(user, password)
    session.add(user)
    session.flush()
    record_change(session, "user.add", user, actor, role=role)
    return user


# --- changes only one request makes at a time -------------------------------------------------
# Any 64-bit number; it names the lock PostgreSQL holds while one transaction changes users.
_USERS_LOCK = 0x66616374636B  # "factck"


def lock_users(session: Session) -> None:
    """Make this transaction the only one changing users until it commits or rolls back.

    A rule such as "one admin stays" reads how many admins there are, then changes one: two
    admins demoting each other at the same moment would each see the other still there. Under
    this lock the second waits for the first and then sees its change. PostgreSQL: an advisory
    lock held until the transaction ends; SQLite: its one write lock, taken by a write that
    changes no row. Call it before reading what the change depends on.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _USERS_LOCK})
    else:
        session.execute(
            update(User)
            .where(User.id == 0)
            .values(active=User.active)
            .execution_options(synchronize_session=False)
        )


def has_users(session: Session) -> bool:
    """Whether any user exists (before the first, nobody can log in)."""
    return session.exec(select(User.id).limit(1)).first() is not None


def _require_admin(actor: Actor) -> None:
    """A person changing users through the web must be an active admin (the command line,
    run by whoever runs the server, is trusted as it is)."""
    if isinstance(actor, User) and not (actor.active and actor.role == Role.ADMIN):
        raise PermissionDenied(N_("managing users needs the admin role"))


def _not_yourself(user: User, actor: Actor, what: str) -> None:
    if isinstance(actor, User) and actor.id == user.id:
        raise PermissionDenied(
            N_("you cannot %(what)s your own account; ask another admin"), what=Message(what)
        )


def _keep_an_admin(session: Session, user: User) -> None:
    """PermissionDenied when ``user`` is the last active admin (nobody could manage users)."""
    if user.role != Role.ADMIN or not user.active:
        return
    admins = session.exec(
        select(func.count()).select_from(User).where(User.role == Role.ADMIN, User.active)
    ).one()
    if admins <= 1:
        raise PermissionDenied(
            N_("%(name)s is the last active admin; make another user admin first"), name=user.name
        )


def _user_to_change(session: Session, name: str, actor: Actor) -> User:
    """``name``'s row, read under the users lock, once ``actor`` may change users (both rows
    as the lock's holder sees them, not as an earlier read of the request left them)."""
    _require_admin(actor)
    lock_users(session)
    if isinstance(actor, User) and actor in session:
        session.refresh(actor)
        _require_admin(actor)  # demoted or disabled by another admin a moment ago
    user = get_user(session, name)
    session.refresh(user)
    return user


def set_role(session: Session, name: str, role: str, *, actor: Actor = None) -> str:
    """Give ``name`` another role; returns the role they had. Audited.

    Refused (PermissionDenied) for the last active admin, and for one's own account (an admin
    cannot lock themselves out of managing users).
    """
    role = _check_role(role)
    user = _user_to_change(session, name, actor)
    if role != user.role:
        _not_yourself(user, actor, N_("change the role of"))
        _keep_an_admin(session, user)
    before, user.role = user.role, role
    session.add(user)
    record_change(session, "user.role", user, actor, **{"from": before, "to": user.role})
    return before


def set_password(user: User, password: str) -> None:
    """Hash and store a new password; it also ends any lock-out."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise InputError(
            N_("the password needs at least %(count)s characters"), count=MIN_PASSWORD_LENGTH
        )
    user.password_hash = generate_password_hash(password)
    user.failed_logins, user.locked_until = 0, None


def is_locked(user: User, now: datetime | None = None) -> bool:
    """Whether the account is in a lock-out after too many failed logins."""
    locked_until = as_utc(user.locked_until)
    return locked_until is not None and (now or utcnow()) < locked_until


class TooManyLogins(ratelimit.RateLimited):
    """Too many login attempts from one address (whatever the names tried)."""


def authenticate(
    session: Session,
    name: str,
    password: str,
    *,
    max_failures: int,
    lockout_seconds: int,
    address: str | None = None,
    address_limit: int | None = None,
    secret: str = "",
    now: datetime | None = None,
) -> User | None:
    """The active user with this name and password, or None (show ``LOGIN_FAILED``).

    Each attempt on an account counts before its password is checked; the
    ``max_failures``-th wrong one locks the account for ``lockout_seconds``, and while it is
    locked (or its budget is spent by attempts still in flight) no password is checked, not
    even the right one. Success resets the count. With ``address``, at most ``address_limit``
    attempts per ``lockout_seconds`` come from it (TooManyLogins). Commits the session.
    """
    now = now or utcnow()
    if address is not None and address_limit is not None:
        ratelimit.take(
            session,
            ratelimit.private_key(secret, "login-address", address),
            address_limit,
            lockout_seconds,
            N_("too many login attempts from your address; please wait a few minutes"),
            exception=TooManyLogins,
        )
    user = session.exec(select(User).where(User.name == (name or "").strip())).first()
    if user is None or user.password_hash is None or not user.active:
        check_password_hash(_DUMMY_HASH, password or "")  # as slow as a real check
        return None
    attempt, locked_until = _count_attempt(session, user, now)
    if (locked_until is not None and now < as_utc(locked_until)) or attempt > max_failures:
        return None
    if check_password_hash(user.password_hash, password or ""):
        _set_attempts(session, user, 0, None)
        return user
    if attempt >= max_failures:
        # a fresh budget after the lock-out, so a person who waits can try again
        _set_attempts(session, user, attempt, now + timedelta(seconds=lockout_seconds))
    return None


def _count_attempt(session: Session, user: User, now: datetime) -> tuple[int, datetime | None]:
    """Add one attempt to ``user`` atomically (an expired lock-out starts a fresh count);
    the new count and lock, committed."""
    expired = User.locked_until.is_not(None) & (User.locked_until <= now)
    attempt, locked_until = session.execute(
        update(User)
        .where(User.id == user.id)
        .values(
            failed_logins=case((expired, 1), else_=User.failed_logins + 1),
            locked_until=case((expired, None), else_=User.locked_until),
        )
        .returning(User.failed_logins, User.locked_until)
        .execution_options(synchronize_session=False)
    ).one()
    session.commit()
    session.refresh(user)
    return attempt, locked_until


def _set_attempts(
    session: Session, user: User, attempts: int, locked_until: datetime | None
) -> None:
    session.execute(
        update(User)
        .where(User.id == user.id)
        .values(failed_logins=attempts, locked_until=locked_until)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    session.refresh(user)


def set_active(session: Session, name: str, active: bool, *, actor: Actor = None) -> User:
    """Disable (``active=False``) or enable a user; enabling also ends a lock-out.

    A disabled user cannot log in and is logged out of open sessions; their history stays.
    Audited. Nobody disables their own account or the last active admin (PermissionDenied).
    """
    user = _user_to_change(session, name, actor)
    if not active:
        _not_yourself(user, actor, N_("disable"))
        _keep_an_admin(session, user)
    record_change(session, "user.enable" if active else "user.disable", user, actor)
    user.active = active
    if active:
        user.failed_logins, user.locked_until = 0, None
    else:
        close_all_sessions(session, user)
    session.add(user)
    return user


def disable_user(session: Session, name: str, *, actor: Actor = None) -> User:
    """Stop ``name`` from logging in (their history stays)."""
    return set_active(session, name, False, actor=actor)


def enable_user(session: Session, name: str, *, actor: Actor = None) -> User:
    """Let ``name`` log in again."""
    return set_active(session, name, True, actor=actor)


def unlock_user(session: Session, name: str, *, actor: Actor = None) -> User:
    """End ``name``'s lock-out after too many failed logins (the count starts again). Audited."""
    user = _user_to_change(session, name, actor)
    record_change(session, "user.unlock", user, actor, failed_logins=user.failed_logins)
    user.failed_logins, user.locked_until = 0, None
    session.add(user)
    return user


def change_password(session: Session, name: str, password: str, *, actor: Actor = None) -> User:
    """Give ``name`` a new password (their open sessions end). Audited (not the password)."""
    user = _user_to_change(session, name, actor)
    set_password(user, password)
    record_change(session, "user.password", user, actor)
    close_all_sessions(session, user)
    session.add(user)
    return user


def verify_admin(
    session: Session, name: str, password: str, *, max_failures: int, lockout_seconds: int
) -> User:
    """The active admin ``name`` whose password this is (counted like a login: a wrong one
    counts towards the lock-out); PermissionDenied otherwise. Commits."""
    user = authenticate(
        session, name, password, max_failures=max_failures, lockout_seconds=lockout_seconds
    )
    if user is None:
        raise PermissionDenied(f"{LOGIN_FAILED.lower()}; nothing was imported")
    if user.role != Role.ADMIN:
        raise PermissionDenied(f"{name} is not an admin; only an admin can vouch with --trust")
    return user


def choose_language(user: User, language: str | None) -> None:
    """Remember the interface language ``user`` chose (None: their browser's decides).
    A preference, not a change to anyone's rights: not in the audit log."""
    user.language = language
