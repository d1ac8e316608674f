"""Admins manage the newsroom's people in the browser: add, role, disable, enable, new
password, unlock; each change audited and shown on the user's page; the rules that keep an
admin (and keep admins from locking themselves out) say why in one line."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from factcheck.models import AuditEvent, User, utcnow


@pytest.fixture
def admin(auth):
    return auth.login("admin")


def stored(session, name: str) -> User | None:
    session.expire_all()
    return session.exec(select(User).where(User.name == name)).first()


def add(client, name="bob", role="checker", password="first-pass", confirm=None):
    data = {"name": name, "role": role, "password": password, "confirm": confirm or password}
    return client.post("/review/users", data=data)


def test_the_users_page_lists_everyone_with_role_and_state(client, factory, admin):
    factory.user("dora", role="editor", active=False)
    locked = factory.user("lena")
    locked.locked_until = utcnow() + timedelta(minutes=5)
    factory._save(locked)
    html = client.get("/review/users").get_data(as_text=True)
    for expected in ("dora", "disabled", "lena", "locked out", "admin", "active"):
        assert expected in html
    nav = client.get("/review/").get_data(as_text=True)
    assert 'href="/review/users"' in nav


def test_an_added_user_can_log_in_with_the_password_the_admin_chose(client, session, admin):
    response = add(client, role="editor")
    assert response.status_code == 302
    assert "Added bob (editor)" in client.get(response.location).get_data(as_text=True)
    client.post("/logout")
    login = client.post("/login", data={"name": "bob", "password": "first-pass"})
    assert login.status_code == 302 and stored(session, "bob").role == "editor"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "bob smith"}, "invalid user name"),
        ({"name": "admln"}, "looks too much like the existing user"),
        ({"password": "short"}, "the password needs 8 to 1000 characters"),
        ({"confirm": "other-pass"}, "the two passwords differ"),
        ({"role": "owner"}, "Not a valid choice"),
    ],
)
def test_a_bad_new_user_is_refused_with_the_reason_and_nothing_stored(
    client, session, admin, fields, message
):
    response = add(client, **fields)
    assert response.status_code in (400, 403)
    assert message in response.get_data(as_text=True)
    session.expire_all()
    assert [u.name for u in session.exec(select(User))] == ["admin"]


def test_adding_the_same_user_twice_adds_one(client, session, admin):
    assert add(client).status_code == 302
    again = add(client)
    assert again.status_code == 400
    assert "a user named &#39;bob&#39; already exists" in again.get_data(as_text=True)
    assert len(session.exec(select(User).where(User.name == "bob")).all()) == 1


def test_role_disable_enable_password_and_unlock_each_audited_on_the_users_page(
    client, session, factory, admin
):
    bob = factory.user("bob")
    base = f"/review/users/{bob.id}"
    assert client.post(f"{base}/role", data={"role": "editor"}).status_code == 302
    assert client.post(f"{base}/disable").status_code == 302
    assert not stored(session, "bob").active
    assert client.post(f"{base}/enable").status_code == 302
    row = stored(session, "bob")
    row.failed_logins, row.locked_until = 5, utcnow() + timedelta(minutes=5)
    factory._save(row)
    assert "End the lock-out" in client.get(base).get_data(as_text=True)
    assert client.post(f"{base}/unlock").status_code == 302
    new = {"password": "second-pass", "confirm": "second-pass"}
    assert client.post(f"{base}/password", data=new).status_code == 302
    bob = stored(session, "bob")
    assert (bob.role, bob.active, bob.locked_until) == ("editor", True, None)
    events = session.exec(select(AuditEvent).where(AuditEvent.target == "user bob")).all()
    assert [(e.actor, e.action) for e in events] == [
        ("admin", "user.role"),
        ("admin", "user.disable"),
        ("admin", "user.enable"),
        ("admin", "user.unlock"),
        ("admin", "user.password"),
    ]
    page = client.get(base).get_data(as_text=True)
    assert page.count("user.") >= 5 and "Changes to this account" in page


def test_a_new_password_or_disabling_logs_the_person_out(app, client, factory, admin):
    bob = factory.user("bob")
    other = app.test_client()
    assert other.post("/login", data={"name": "bob", "password": "pw-123456"}).status_code == 302
    new = {"password": "second-pass", "confirm": "second-pass"}
    client.post(f"/review/users/{bob.id}/password", data=new)
    assert other.get("/review/").status_code == 302  # back to the login page
    assert other.post("/login", data={"name": "bob", "password": "second-pass"}).status_code == 302
    client.post(f"/review/users/{bob.id}/disable")
    assert other.get("/review/").status_code == 302


def test_the_last_admin_cannot_disable_or_demote_themselves(client, session, admin):
    disabled = client.post(f"/review/users/{admin.id}/disable")
    assert disabled.status_code == 403
    assert "you cannot disable your own account" in disabled.get_data(as_text=True)
    demoted = client.post(f"/review/users/{admin.id}/role", data={"role": "checker"})
    assert demoted.status_code == 403
    me = stored(session, "admin")
    assert (me.role, me.active) == ("admin", True)
    assert client.get("/review/users").status_code == 200  # still managing users


def test_an_admin_may_demote_another_admin(client, session, factory, admin):
    grace = factory.user("grace", role="admin")
    assert client.post(f"/review/users/{grace.id}/role", data={"role": "editor"}).status_code == 302
    assert stored(session, "grace").role == "editor"


def test_an_unknown_user_is_no_page(client, admin):
    assert client.get("/review/users/999").status_code == 404
    assert client.post("/review/users/999/disable").status_code == 404


# --- invitations ---------------------------------------------------------------------------
def invite_link(html: str) -> str:
    found = re.search(r'<code class="invite-link">([^<]+)</code>', html)
    assert found, "no invitation link on the page"
    return found.group(1)


def test_an_invited_user_chooses_their_password_through_the_link_once(app, client, session, admin):
    response = client.post("/review/users/invite", data={"name": "budi", "role": "editor"})
    assert response.status_code == 200
    link = invite_link(response.get_data(as_text=True))
    assert link.startswith("http://localhost/invite/")
    budi = stored(session, "budi")
    assert budi.password_hash is None and budi.role == "editor"
    assert "invited" in client.get("/review/users").get_data(as_text=True)
    # the admin's own page view never shows the link again
    assert "invite-link" not in client.get(f"/review/users/{budi.id}").get_data(as_text=True)

    visitor = app.test_client()
    path = link.removeprefix("http://localhost")
    page = visitor.get(path)
    assert page.status_code == 200 and "budi" in page.get_data(as_text=True)
    short = visitor.post(path, data={"password": "short", "confirm": "short"})
    assert short.status_code == 400 and stored(session, "budi").password_hash is None
    chosen = {"password": "budi-own-pass", "confirm": "budi-own-pass"}
    done = visitor.post(path, data=chosen)
    assert done.status_code == 302 and done.location.endswith("/review/")
    assert "your password is set" in visitor.get("/review/").get_data(as_text=True)
    assert visitor.post(path, data=chosen).status_code == 404  # once
    assert app.test_client().get(path).status_code == 404


def test_a_new_link_replaces_the_old_one(app, client, session, admin):
    first = invite_link(
        client.post("/review/users/invite", data={"name": "budi", "role": "checker"}).get_data(
            as_text=True
        )
    )
    budi = stored(session, "budi")
    again = client.post(f"/review/users/{budi.id}/invite")
    second = invite_link(again.get_data(as_text=True))
    assert second != first
    visitor = app.test_client()
    assert visitor.get(first.removeprefix("http://localhost")).status_code == 404
    assert visitor.get(second.removeprefix("http://localhost")).status_code == 200


def test_inviting_a_taken_name_says_why(client, session, factory, admin):
    factory.user("budi")
    response = client.post("/review/users/invite", data={"name": "budi", "role": "checker"})
    assert response.status_code == 400
    assert "already exists" in response.get_data(as_text=True)
