"""Admins managing people: every change audited; the last active admin stays an admin and
active; nobody disables or demotes their own account; only admins change users; two admins
demoting each other at once leave one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from factcheck.errors import PermissionDenied
from factcheck.models import AuditEvent, User, utcnow
from factcheck.review import users
from tests.security.test_races import at_once


@pytest.fixture
def admin(factory):
    return factory.user("ada", role="admin")


def actions(session) -> list[tuple[str, str, str]]:
    return [(e.actor, e.action, e.target) for e in session.exec(select(AuditEvent))]


def test_an_admin_adds_changes_and_unlocks_users_each_change_audited(session, admin):
    users.create_user(session, "bob", "checker", "first-pass", actor=admin)
    users.set_role(session, "bob", "editor", actor=admin)
    bob = users.get_user(session, "bob")
    bob.failed_logins, bob.locked_until = 5, utcnow() + timedelta(minutes=5)
    assert users.is_locked(bob)
    users.unlock_user(session, "bob", actor=admin)
    users.change_password(session, "bob", "second-pass", actor=admin)
    users.disable_user(session, "bob", actor=admin)
    users.enable_user(session, "bob", actor=admin)
    session.commit()
    bob = users.get_user(session, "bob")
    assert (bob.role, bob.active, users.is_locked(bob), bob.failed_logins) == (
        "editor",
        True,
        False,
        0,
    )
    assert [a for _, a, _ in actions(session)] == [
        "user.add",
        "user.role",
        "user.unlock",
        "user.password",
        "user.disable",
        "user.enable",
    ]
    assert {(who, what) for who, _, what in actions(session)} == {("ada", "user bob")}


@pytest.mark.parametrize("role", ["checker", "editor"])
def test_only_an_admin_changes_users(session, factory, role):
    someone = factory.user("someone", role=role)
    factory.user("bob")
    with pytest.raises(PermissionDenied, match="admin role"):
        users.create_user(session, "carol", "admin", "first-pass", actor=someone)
    for change in (
        lambda: users.set_role(session, "bob", "admin", actor=someone),
        lambda: users.disable_user(session, "bob", actor=someone),
        lambda: users.unlock_user(session, "bob", actor=someone),
        lambda: users.change_password(session, "bob", "new-password", actor=someone),
    ):
        with pytest.raises(PermissionDenied, match="admin role"):
            change()
        session.rollback()
    assert actions(session) == []


def test_an_admin_cannot_disable_or_demote_themselves(session, factory, admin):
    factory.user("grace", role="admin")  # not the last admin: the rule is about oneself
    with pytest.raises(PermissionDenied, match="your own account"):
        users.disable_user(session, "ada", actor=admin)
    session.rollback()
    with pytest.raises(PermissionDenied, match="your own account"):
        users.set_role(session, "ada", "editor", actor=admin)
    session.rollback()
    users.set_role(session, "ada", "admin", actor=admin)  # no change: nothing to refuse
    ada = users.get_user(session, "ada")
    assert (ada.role, ada.active) == ("admin", True)


def test_the_last_active_admin_stays_even_from_the_command_line(session, admin):
    for change in (
        lambda: users.disable_user(session, "ada", actor="cli:root"),
        lambda: users.set_role(session, "ada", "checker", actor="cli:root"),
    ):
        with pytest.raises(PermissionDenied, match="last active admin"):
            change()
        session.rollback()
    assert users.get_user(session, "ada").role == "admin"


def test_a_disabled_admin_does_not_count_as_the_admin_who_stays(session, factory, admin):
    factory.user("grace", role="admin", active=False)
    with pytest.raises(PermissionDenied, match="last active admin"):
        users.disable_user(session, "ada", actor="cli:root")


def test_with_a_second_admin_one_may_be_demoted(session, factory, admin):
    grace = factory.user("grace", role="admin")
    users.set_role(session, "ada", "editor", actor=grace)
    session.commit()
    assert users.get_user(session, "ada").role == "editor"


def test_two_admins_demoting_each_other_at_once_leave_one_admin(app, factory, session):
    factory.user("ada", role="admin")
    factory.user("grace", role="admin")
    pairs = [("ada", "grace"), ("grace", "ada")]

    def demote(s, n):
        actor, target = pairs[n]
        result = users.set_role(s, target, "checker", actor=users.get_user(s, actor))
        s.commit()
        return result

    results = at_once(app, 2, demote)
    assert sum(isinstance(r, PermissionDenied) for r in results) == 1, results
    session.expire_all()
    admins = session.exec(select(User).where(User.role == "admin", User.active)).all()
    assert len(admins) == 1
