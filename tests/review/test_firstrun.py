"""The first run: a one-time set-up token in the instance folder, and the first admin made
only while no user exists, once, however many set-ups arrive together."""

from __future__ import annotations

import stat

import pytest
from sqlmodel import select

from factcheck.errors import InputError, NotFound, PermissionDenied
from factcheck.models import AuditEvent, User
from factcheck.review import firstrun, users
from tests.security.test_races import at_once


@pytest.fixture
def instance(tmp_path):
    return tmp_path / "instance"


def test_the_token_is_random_private_and_the_same_until_discarded(instance):
    token = firstrun.issue_token(instance)
    assert len(token) >= 40
    assert firstrun.issue_token(instance) == token  # a second `serve` prints the same address
    mode = stat.S_IMODE(firstrun.token_path(instance).stat().st_mode)
    assert mode == 0o600  # readable by the server's account only
    firstrun.discard_token(instance)
    assert firstrun.issue_token(instance) != token


@pytest.mark.parametrize("given", ["", "wrong", "ü" * 43, "x" * 10_000])
def test_only_the_issued_token_matches(instance, given):
    assert not firstrun.token_matches(instance, "anything")  # none issued yet
    token = firstrun.issue_token(instance)
    assert firstrun.token_matches(instance, token)
    assert not firstrun.token_matches(instance, given)
    assert not firstrun.token_matches(instance, token[:-1])


def test_the_first_admin_is_made_with_the_token_and_audited(session, instance):
    token = firstrun.issue_token(instance)
    assert firstrun.setup_open(session, instance, token)
    admin = firstrun.create_first_admin(
        session, instance, token, name="alice", password="correct horse"
    )
    session.commit()
    assert (admin.name, admin.role, admin.active) == ("alice", "admin", True)
    assert not firstrun.setup_open(session, instance, token)
    event = session.exec(select(AuditEvent)).one()
    assert (event.action, event.actor, event.target) == (
        "user.add",
        "first-run set-up",
        "user alice",
    )


def test_a_wrong_token_makes_nobody(session, instance):
    firstrun.issue_token(instance)
    with pytest.raises(NotFound):
        firstrun.create_first_admin(session, instance, "guess", name="mallory", password="p" * 12)
    assert session.exec(select(User)).all() == []


def test_once_a_user_exists_set_up_is_refused(session, factory, instance):
    factory.user("cli-admin", role="admin")  # made with `factcheck user add` meanwhile
    token = firstrun.issue_token(instance)
    assert not firstrun.setup_open(session, instance, token)
    with pytest.raises(PermissionDenied, match="already been set up"):
        firstrun.create_first_admin(session, instance, token, name="bob", password="p" * 12)


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [("bad name!", "long enough", "invalid user name"), ("alice", "short", "at least 8")],
)
def test_a_bad_name_or_password_stores_nothing_and_keeps_the_token(
    session, instance, name, password, message
):
    token = firstrun.issue_token(instance)
    with pytest.raises(InputError, match=message):
        firstrun.create_first_admin(session, instance, token, name=name, password=password)
    session.rollback()
    assert session.exec(select(User)).all() == []
    assert firstrun.setup_open(session, instance, token)  # try again


def test_eight_set_ups_at_once_make_one_admin(app, session, instance):
    token = firstrun.issue_token(instance)

    def set_up(s, n):
        admin = firstrun.create_first_admin(s, instance, token, name=f"admin{n}", password="p" * 12)
        s.commit()
        return admin

    results = at_once(app, 8, set_up)
    made = [r for r in results if isinstance(r, User)]
    refused = [r for r in results if isinstance(r, PermissionDenied)]
    assert len(made) == 1 and len(refused) == 7, results
    assert len(session.exec(select(User)).all()) == 1
    assert users.has_users(session)
