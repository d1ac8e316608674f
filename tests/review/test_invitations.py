"""Invitations: a user made without a password chooses one through a one-time link, which
the database keeps only as a hash; it works once, until it expires or is replaced."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from factcheck.errors import InputError, NotFound, PermissionDenied
from factcheck.models import AuditEvent, Invitation, User, utcnow
from factcheck.review import invitations, users
from tests.security.test_races import at_once

LIMITS = {"max_failures": 3, "lockout_seconds": 60}


@pytest.fixture
def admin(factory):
    return factory.user("ada", role="admin")


def invite(session, admin, name="bob", role="editor"):
    user, token = invitations.invite_user(session, name, role, actor=admin)
    session.commit()
    return user, token


def test_an_invited_user_cannot_log_in_until_they_choose_a_password(session, admin):
    bob, token = invite(session, admin)
    assert bob.password_hash is None and bob.role == "editor"
    assert users.authenticate(session, "bob", "anything-at-all", **LIMITS) is None
    stored = session.exec(select(Invitation)).one()
    assert stored.token_hash != token and len(stored.token_hash) == 64  # only its hash
    assert invitations.invited_user(session, token).id == bob.id
    invitations.accept(session, token, "bobs-own-pass")
    session.commit()
    assert users.authenticate(session, "bob", "bobs-own-pass", **LIMITS).id == bob.id
    actions = [(e.actor, e.action) for e in session.exec(select(AuditEvent))]
    assert actions == [("ada", "user.add"), ("ada", "user.invite"), ("bob", "user.password")]


def test_a_link_works_once(session, admin):
    _bob, token = invite(session, admin)
    invitations.accept(session, token, "bobs-own-pass")
    session.commit()
    with pytest.raises(NotFound, match="no longer valid"):
        invitations.accept(session, token, "mallorys-pass")


def test_a_short_password_keeps_the_link_working(session, admin):
    _bob, token = invite(session, admin)
    with pytest.raises(InputError, match="at least 8"):
        invitations.accept(session, token, "short")
    session.rollback()
    assert invitations.invited_user(session, token) is not None


def test_an_expired_or_replaced_link_is_refused(session, admin):
    bob, first = invite(session, admin)
    second = invitations.new_link(session, bob, actor=admin)
    session.commit()
    assert invitations.invited_user(session, first) is None  # replaced
    row = session.exec(select(Invitation).where(Invitation.used_at.is_(None))).one()
    row.expires_at = utcnow() - timedelta(seconds=1)
    session.add(row)
    session.commit()
    assert invitations.invited_user(session, second) is None  # expired
    for token in (first, second, "", "made-up"):
        with pytest.raises(NotFound):
            invitations.accept(session, token, "bobs-own-pass")


def test_a_disabled_user_link_and_a_new_link_after_a_password_are_refused(session, admin):
    bob, token = invite(session, admin)
    users.disable_user(session, "bob", actor=admin)
    session.commit()
    assert invitations.invited_user(session, token) is None
    users.enable_user(session, "bob", actor=admin)
    users.change_password(session, "bob", "set-by-admin", actor=admin)
    session.commit()
    with pytest.raises(InputError, match="has chosen a password already"):
        invitations.new_link(session, session.get(User, bob.id), actor=admin)


def test_only_an_admin_invites(session, factory):
    editor = factory.user("erin", role="editor")
    with pytest.raises(PermissionDenied):
        invitations.invite_user(session, "bob", "checker", actor=editor)


def test_the_same_link_used_twice_at_once_sets_one_password(app, session, admin):
    _bob, token = invite(session, admin)

    def use(s, n):
        user = invitations.accept(s, token, f"password-{n}")
        s.commit()
        return user

    results = at_once(app, 4, use)
    winners = [n for n, r in enumerate(results) if isinstance(r, User)]
    assert len(winners) == 1, results
    assert all(isinstance(r, NotFound) for r in results if not isinstance(r, User))
    session.expire_all()
    assert users.authenticate(session, "bob", f"password-{winners[0]}", **LIMITS) is not None
