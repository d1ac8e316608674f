"""Invitations: a new user chooses their own password through a one-time link.

An admin invites a person (a name and a role): the user is made without a password (nobody
can log in as them) together with a link holding a random token, shown to the admin once;
the database keeps only the token's SHA-256. The link works once, for INVITATION_DAYS, and a
newer link for the same person replaces it. Using it sets the password (audited as done by
the person themselves); two uses at once set it once.

In: a session, the inviting admin, a name and role, or a token and a new password.
Out: the user and the token for the link; the user whose password is now set.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from factcheck.audit import Actor
from factcheck.errors import InputError, NotFound
from factcheck.messages import N_
from factcheck.models import Invitation, User, utcnow
from factcheck.review import users

INVITATION_DAYS = 7


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def invite_user(session: Session, name: str, role: str, *, actor: Actor) -> tuple[User, str]:
    """A new user ``name`` with ``role`` and no password yet, and the token of their link.
    The caller commits. Errors as ``users.create_user``."""
    user = users.create_user(session, name, role, None, actor=actor)
    return user, new_link(session, user, actor=actor)


def new_link(session: Session, user: User, *, actor: Actor) -> str:
    """A fresh link for ``user`` (earlier ones stop working); InputError once they have a
    password. Audited; the caller commits."""
    users.lock_users(session)
    session.refresh(user)
    if user.password_hash is not None:
        raise InputError(
            N_("%(name)s has chosen a password already; set a new one instead"), name=user.name
        )
    now = utcnow()
    session.execute(
        update(Invitation)
        .where(Invitation.user_id == user.id, Invitation.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    token = secrets.token_urlsafe(32)
    creator = actor if isinstance(actor, User) else None
    session.add(
        Invitation(
            user_id=user.id,
            token_hash=_digest(token),
            created_by_id=creator.id if creator else None,
            expires_at=now + timedelta(days=INVITATION_DAYS),
        )
    )
    users.record_change(session, "user.invite", user, actor, days=INVITATION_DAYS)
    return token


def invited_user(session: Session, token: str) -> User | None:
    """The active user a valid (unused, unexpired) link is for, or None."""
    found = session.exec(
        select(Invitation, User)
        .join(User, User.id == Invitation.user_id)
        .where(
            Invitation.token_hash == _digest(token or ""),
            Invitation.used_at.is_(None),
            Invitation.expires_at > utcnow(),
        )
    ).first()
    if found is None or not found[1].active or found[1].password_hash is not None:
        return None
    return found[1]


def accept(session: Session, token: str, password: str) -> User:
    """Set the invited user's password through their link, once; NotFound for a link that
    is unknown, used, replaced or expired; InputError for a password too short (the link
    still works then). The caller commits."""
    user = invited_user(session, token)
    if user is None:
        raise NotFound(N_("this invitation link is no longer valid; ask an admin for a new one"))
    users.set_password(user, password)  # checks the length before the link is spent
    spent = session.execute(
        update(Invitation)
        .where(Invitation.token_hash == _digest(token), Invitation.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if spent != 1:  # the same link used a moment ago
        raise NotFound(N_("this invitation link is no longer valid; ask an admin for a new one"))
    session.add(user)
    users.record_change(session, "user.password", user, user, via="invitation")
    return user
