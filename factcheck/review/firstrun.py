"""The first run: making the first admin in the browser, with a one-time secret address.

While no user exists nobody can log in, so ``factcheck serve`` writes a random token to the
instance folder (``setup-token``, readable by its owner only) and prints the set-up address
holding it; whoever can read that terminal or file is trusted to make the first admin. The
set-up page compares the token in constant time and creates the admin only while there is no
user, under the users lock (factcheck.review.users.lock_users): of two set-ups sent at once,
one makes the admin and the other is refused. Once a user exists the page is gone for good,
and the token file is removed.

In: the instance folder, a session, the token from the address, a name and a password.
Out: the token (for the address), whether set-up is still open, the first admin.
"""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from sqlmodel import Session

from factcheck.errors import NotFound, PermissionDenied
from factcheck.messages import N_
from factcheck.models import Role, User
from factcheck.review.users import create_user, has_users, lock_users

TOKEN_FILE = "setup-token"
SETUP_ACTOR = "first-run set-up"  # who the audit log says added the first admin


def token_path(instance_path: str | Path) -> Path:
    """Where the set-up token is kept."""
    return Path(instance_path) / TOKEN_FILE


def issue_token(instance_path: str | Path) -> str:
    """The set-up token, made (random, 256 bits, file mode 0600) if there is none yet."""
    path = token_path(instance_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made before (another `serve`, an earlier start): the same one
        existing = _read_token(path)
        if existing:
            return existing
        path.unlink(missing_ok=True)
        return issue_token(instance_path)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(token + "\n")
    return token


def _read_token(path: Path) -> str | None:
    try:
        return path.read_text(encoding="ascii").strip() or None
    except (FileNotFoundError, UnicodeDecodeError):
        return None


def token_matches(instance_path: str | Path, given: str) -> bool:
    """Whether ``given`` is the issued set-up token (compared in constant time); False when
    none was issued."""
    stored = _read_token(token_path(instance_path))
    if stored is None:
        return False
    return hmac.compare_digest(stored.encode(), (given or "").encode("utf-8", "replace"))


def discard_token(instance_path: str | Path) -> None:
    """Remove the set-up token (the first admin exists)."""
    token_path(instance_path).unlink(missing_ok=True)


def setup_open(session: Session, instance_path: str | Path, token: str) -> bool:
    """Whether the set-up page exists for this token: no user yet, and the right token."""
    return token_matches(instance_path, token) and not has_users(session)


def create_first_admin(
    session: Session, instance_path: str | Path, token: str, *, name: str, password: str
) -> User:
    """The first admin, ``name`` with ``password``; the caller commits (then discards the
    token).

    NotFound for a wrong token (the page does not exist), PermissionDenied once any user
    exists (a second set-up sent at the same time, or a user added on the command line),
    InputError for a bad name or password (nothing is stored).
    """
    if not token_matches(instance_path, token):
        raise NotFound(N_("there is nothing at this address"))
    lock_users(session)  # a set-up racing this one waits here, then finds our admin
    if has_users(session):
        raise PermissionDenied(N_("the first admin has already been set up; log in instead"))
    return create_user(session, name, Role.ADMIN, password, actor=SETUP_ACTOR)
